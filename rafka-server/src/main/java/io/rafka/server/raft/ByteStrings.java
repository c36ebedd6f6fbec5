package io.rafka.server.raft;

import com.google.protobuf.ByteString;

/**
 * The one place that converts between our protobuf {@link ByteString} and the relocated one Ratis uses.
 * Both directions wrap the same bytes without copying; callers must not mutate what they pass in.
 * Stateless and thread-safe.
 */
final class ByteStrings {
  private ByteStrings() {}

  static org.apache.ratis.thirdparty.com.google.protobuf.ByteString toRatis(ByteString bytes) {
    return org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations.unsafeWrap(
        bytes.asReadOnlyByteBuffer());
  }

  static ByteString fromRatis(org.apache.ratis.thirdparty.com.google.protobuf.ByteString bytes) {
    return com.google.protobuf.UnsafeByteOperations.unsafeWrap(bytes.asReadOnlyByteBuffer());
  }
}
