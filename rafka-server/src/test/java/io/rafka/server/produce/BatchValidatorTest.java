package io.rafka.server.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.rafka.common.compress.Codec;
import io.rafka.common.compress.CompressionType;
import io.rafka.proto.Compression;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.Record;
import io.rafka.proto.RecordBatch;
import io.rafka.proto.Records;
import io.rafka.server.errors.ServerException;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class BatchValidatorTest {
  private static RecordBatch valid(int records) {
    Records.Builder rb = Records.newBuilder();
    for (int i = 0; i < records; i++) {
      rb.addRecords(Record.newBuilder().setValue(ByteString.copyFromUtf8("v" + i)));
    }
    ByteString bytes = rb.build().toByteString();
    CRC32C crc = new CRC32C();
    crc.update(bytes.asReadOnlyByteBuffer());
    return RecordBatch.newBuilder().setProducerId(-1).setBaseSequence(-1).setRecordCount(records)
        .setUncompressedSize(bytes.size()).setCrc32C((int) crc.getValue()).setRecords(bytes).build();
  }

  private static ErrorCode refusal(RecordBatch b, int max) {
    return assertThrows(ServerException.class, () -> BatchValidator.validate(b, b.getSerializedSize(), max, 8 << 20)).code();
  }

  @Test
  void aWellFormedBatchPasses() {
    RecordBatch b = valid(3);
    BatchValidator.validate(b, b.getSerializedSize(), 1 << 20, 8 << 20);
  }

  @Test
  void oversizeIsRecordTooLarge() {
    assertEquals(ErrorCode.RECORD_TOO_LARGE, refusal(valid(100), 64));
  }

  @Test
  void aFlippedByteFailsTheCrc() {
    RecordBatch b = valid(3);
    byte[] bytes = b.getRecords().toByteArray();
    bytes[bytes.length - 1] ^= 1;
    assertEquals(ErrorCode.CORRUPT_MESSAGE, refusal(b.toBuilder().setRecords(ByteString.copyFrom(bytes)).build(), 1 << 20));
  }

  @Test
  void aLyingRecordCountIsRefused() {
    assertEquals(ErrorCode.INVALID_REQUEST, refusal(valid(3).toBuilder().setRecordCount(4).build(), 1 << 20));
    assertEquals(ErrorCode.INVALID_REQUEST, refusal(valid(3).toBuilder().setRecordCount(0).build(), 1 << 20));
  }

  @Test
  void malformedProducerFieldsAreRefused() {
    assertEquals(ErrorCode.INVALID_REQUEST, refusal(valid(1).toBuilder().setProducerId(-7).build(), 1 << 20));
    assertEquals(ErrorCode.INVALID_REQUEST,
        refusal(valid(1).toBuilder().setProducerId(5).setProducerEpoch(-1).build(), 1 << 20));
  }

  @Test
  void unknownOrUnsupportedCompressionIsRefused() {
    assertEquals(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE,
        refusal(valid(1).toBuilder().setCompressionValue(99).build(), 1 << 20));
    assertEquals(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE,
        refusal(valid(1).toBuilder().setCompression(Compression.COMPRESSION_SNAPPY).build(), 1 << 20));
  }

  @Test
  void recordsThatAreNotWhatTheCodecSaysAreCorrupt() {
    assertEquals(ErrorCode.CORRUPT_MESSAGE,
        refusal(valid(1).toBuilder().setCompression(Compression.COMPRESSION_LZ4).build(), 1 << 20));
  }

  @Test
  void everyCodecRoundTripsThroughTheValidator() {
    for (CompressionType type : CompressionType.values()) {
      RecordBatch b = io.rafka.client.internals.RecordBatches.encode(java.util.List.of(
          new io.rafka.client.internals.RecordBatches.Encoded(null, "x".repeat(500).getBytes(), 1, java.util.List.of())),
          -1, 0, -1, type);
      BatchValidator.validate(b, b.getSerializedSize(), 1 << 20, 8 << 20);
      assertEquals(type.id(), b.getCompressionValue());
    }
  }

  @Test
  void aCompressionBombIsRefusedWithoutInflatingIt() {
    Records.Builder rb = Records.newBuilder();
    rb.addRecords(Record.newBuilder().setValue(ByteString.copyFrom(new byte[4 << 20])));
    ByteString raw = rb.build().toByteString();
    ByteString packed = Codec.of(CompressionType.ZSTD).compress(raw);
    CRC32C crc = new CRC32C();
    crc.update(packed.asReadOnlyByteBuffer());
    RecordBatch bomb = RecordBatch.newBuilder().setProducerId(-1).setBaseSequence(-1).setRecordCount(1)
        .setCompression(Compression.COMPRESSION_ZSTD).setUncompressedSize(1000).setCrc32C((int) crc.getValue())
        .setRecords(packed).build();
    assertTrue(packed.size() < 4096, "the bomb is small on the wire: " + packed.size());
    ServerException e = assertThrows(ServerException.class,
        () -> BatchValidator.validate(bomb, bomb.getSerializedSize(), 1 << 20, 1 << 20));
    assertEquals(ErrorCode.RECORD_TOO_LARGE, e.code());
    assertTrue(e.getMessage().contains("message.max.decompressed.bytes"), e.getMessage());
  }

  @Test
  void garbageRecordsAreCorrupt() {
    ByteString junk = ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
    CRC32C crc = new CRC32C();
    crc.update(junk.asReadOnlyByteBuffer());
    RecordBatch b = valid(1).toBuilder().setRecords(junk).setUncompressedSize(3).setCrc32C((int) crc.getValue()).build();
    assertEquals(ErrorCode.CORRUPT_MESSAGE, refusal(b, 1 << 20));
  }
}
