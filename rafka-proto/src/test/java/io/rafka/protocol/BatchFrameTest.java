package io.rafka.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BatchFrameTest {

  @Property(tries = 200)
  void roundTripsAnyPayload(
      @ForAll @Size(max = 3000) byte[] payload,
      @ForAll long baseOffset,
      @ForAll @IntRange(min = 1, max = 100_000) int count,
      @ForAll long appendTime) {
    byte[] frame = BatchFrame.encode(baseOffset, count, appendTime, appendTime + 1, ByteString.copyFrom(payload));
    ByteBuffer buf = ByteBuffer.wrap(frame);
    assertEquals(frame.length, BatchFrame.validFrameSize(buf, 0, frame.length));
    BatchFrame.Header h = BatchFrame.readHeader(buf, 0);
    assertEquals(baseOffset, h.baseOffset());
    assertEquals(count, h.recordCount());
    assertEquals(appendTime, h.appendTimeMs());
    assertEquals(frame.length, h.frameSize());
    List<FrameReader.Frame> frames = FrameReader.frames(ByteString.copyFrom(frame));
    assertEquals(1, frames.size());
    assertEquals(ByteString.copyFrom(payload), frames.get(0).payload());
  }

  @Property(tries = 200)
  void anySingleBitFlipIsDetected(
      @ForAll @Size(min = 1, max = 200) byte[] payload, @ForAll @IntRange(min = 0, max = 10_000) int bit) {
    byte[] frame = BatchFrame.encode(7, 3, 1, 2, ByteString.copyFrom(payload));
    int flipped = bit % (frame.length * 8);
    frame[flipped / 8] ^= (byte) (1 << (flipped % 8));
    assertEquals(-1, BatchFrame.validFrameSize(ByteBuffer.wrap(frame), 0, frame.length));
  }

  @Property(tries = 100)
  void everyTruncationIsDetected(@ForAll @IntRange(min = 0, max = 60) int keep) {
    byte[] frame = BatchFrame.encode(0, 1, 0, 0, ByteString.copyFromUtf8("0123456789abcdefghij"));
    int limit = Math.min(keep, frame.length - 1);
    assertEquals(-1, BatchFrame.validFrameSize(ByteBuffer.wrap(frame), 0, limit));
  }

  @Property(tries = 50)
  void readsFramesBackToBack(@ForAll @IntRange(min = 1, max = 20) int n) {
    ByteString all = ByteString.EMPTY;
    for (int i = 0; i < n; i++) {
      all = all.concat(ByteString.copyFrom(BatchFrame.encode(i * 10L, 10, i, i,
          ByteString.copyFrom("batch-" + i, StandardCharsets.UTF_8))));
    }
    List<FrameReader.Frame> frames = FrameReader.frames(all);
    assertEquals(n, frames.size());
    for (int i = 0; i < n; i++) {
      assertEquals(i * 10L, frames.get(i).header().baseOffset());
      assertEquals("batch-" + i, frames.get(i).payload().toStringUtf8());
    }
  }

  @Property(tries = 20)
  void rejectsTrailingGarbage(@ForAll @Size(min = 1, max = 36) byte[] garbage) {
    ByteString all = ByteString.copyFrom(BatchFrame.encode(0, 1, 0, 0, ByteString.copyFromUtf8("x")))
        .concat(ByteString.copyFrom(garbage));
    assertThrows(FrameReader.CorruptFrameException.class, () -> FrameReader.frames(all));
  }
}
