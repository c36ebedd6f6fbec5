package io.rafka.common.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import com.google.protobuf.ByteString;
import io.rafka.common.compress.AllocationMeter.Measured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decompressed-size limit: a compression bomb is refused as soon as it passes the limit, without the heap
 * (or, for zstd, the native window) ever holding anywhere near what it would inflate to.
 */
class DecompressionLimitTest {
  private static final int BOMB_SIZE = 10 << 20;
  private static final int LIMIT = 1 << 20;
  /** Output buffers double up to the limit (about 2x the limit in all) plus the codec's own fixed buffers. */
  private static final long MAX_ALLOCATION = 3L * LIMIT;
  private static final long MAX_NANOS = 2_000_000_000L;
  private static final ByteString ZEROS = ByteString.copyFrom(new byte[BOMB_SIZE]);

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void aBombIsRefusedAtTheLimitQuicklyAndWithoutInflatingIt(CompressionType type) {
    Codec codec = Codec.of(type);
    ByteString bomb = codec.compress(ZEROS);
    if (type != CompressionType.NONE) {
      assertTrue(bomb.size() < BOMB_SIZE / 200, type + " bomb is " + bomb.size() + " bytes");
    }
    assertThrows(DecompressedTooLargeException.class, () -> codec.decompress(bomb, LIMIT)); // warm up
    Measured m = AllocationMeter.measure(() -> codec.decompress(bomb, LIMIT));
    DecompressedTooLargeException e = assertInstanceOf(DecompressedTooLargeException.class, m.thrown());
    assertEquals(LIMIT, e.getLimit());
    assertEquals(type, e.compressionType());
    assertFast(m, type + " bomb");
    assertAllocatedAtMost(m, MAX_ALLOCATION, type + " bomb");
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void aBombIsAcceptedAtExactlyItsSizeAndRefusedOneByteBelow(CompressionType type) throws Exception {
    Codec codec = Codec.of(type);
    ByteString bomb = codec.compress(ZEROS);
    assertEquals(ZEROS, codec.decompress(bomb, BOMB_SIZE));
    DecompressedTooLargeException e = assertThrows(DecompressedTooLargeException.class,
        () -> codec.decompress(bomb, BOMB_SIZE - 1));
    assertEquals(BOMB_SIZE - 1, e.getLimit());
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void aZeroLimitAcceptsOnlyEmptyData(CompressionType type) throws Exception {
    Codec codec = Codec.of(type);
    assertEquals(ByteString.EMPTY, codec.decompress(codec.compress(ByteString.EMPTY), 0));
    ByteString one = codec.compress(ByteString.copyFromUtf8("x"));
    assertThrows(DecompressedTooLargeException.class, () -> codec.decompress(one, 0));
  }

  @Test
  void zstdFrameDeclaringAWindowOverTheLimitIsRefusedBeforeZstdAllocatesIt() throws Exception {
    // Written as a stream (no content size), with a 128 MiB window: zstd would allocate the window up front.
    ByteString bomb = zstdStream(ZEROS, 27);
    Codec zstd = Codec.of(CompressionType.ZSTD);
    Measured m = AllocationMeter.measure(() -> zstd.decompress(bomb, LIMIT));
    DecompressedTooLargeException e = assertInstanceOf(DecompressedTooLargeException.class, m.thrown());
    assertTrue(e.getMessage().contains("window"), e.getMessage());
    assertFast(m, "zstd 128 MiB window");
    assertAllocatedAtMost(m, MAX_ALLOCATION, "zstd 128 MiB window");
    // The window decides, not the content: under a 10 MiB limit (a 16 MiB window at most) it is still refused.
    assertThrows(DecompressedTooLargeException.class, () -> zstd.decompress(bomb, BOMB_SIZE));
    assertEquals(ZEROS, zstd.decompress(bomb, 128 << 20));
  }

  @Test
  void zstdFrameWithASmallWindowAndNoContentSizeIsStoppedByStreaming() throws Exception {
    ByteString bomb = zstdStream(ZEROS, 10);
    Codec zstd = Codec.of(CompressionType.ZSTD);
    assertThrows(DecompressedTooLargeException.class, () -> zstd.decompress(bomb, LIMIT)); // warm up
    Measured m = AllocationMeter.measure(() -> zstd.decompress(bomb, LIMIT));
    DecompressedTooLargeException e = assertInstanceOf(DecompressedTooLargeException.class, m.thrown());
    assertTrue(e.getMessage().contains("decompresses to more"), e.getMessage());
    assertFast(m, "zstd small window");
    assertAllocatedAtMost(m, MAX_ALLOCATION, "zstd small window");
    assertEquals(ZEROS, zstd.decompress(bomb, BOMB_SIZE));
  }

  @Test
  void lz4FrameDeclaringBlocksOverTheLimitIsRefusedBeforeAllocatingThem() throws Exception {
    ByteString small = TestData.json(100_000, 1);
    ByteString frame = CodecRoundTripTest.lz4Frame(small, LZ4FrameOutputStream.BLOCKSIZE.SIZE_4MB);
    Codec lz4 = Codec.of(CompressionType.LZ4);
    Measured m = AllocationMeter.measure(() -> lz4.decompress(frame, LIMIT));
    DecompressedTooLargeException e = assertInstanceOf(DecompressedTooLargeException.class, m.thrown());
    assertTrue(e.getMessage().contains("blocks of up to 4194304 bytes"), e.getMessage());
    assertAllocatedAtMost(m, 64 * 1024, "lz4 4 MiB blocks");
    assertEquals(small, lz4.decompress(frame, 4 << 20));
  }

  @Test
  void lz4AcceptsOneFrameOnlySoManyTinyFramesCannotEachAllocateBlockBuffers() throws Exception {
    Codec lz4 = Codec.of(CompressionType.LZ4);
    ByteString one = lz4.compress(ByteString.EMPTY);
    ByteString many = ByteString.EMPTY;
    for (int i = 0; i < 1000; i++) {
      many = many.concat(one);
    }
    ByteString input = ByteString.copyFrom(many.toByteArray());
    Measured m = AllocationMeter.measure(() -> lz4.decompress(input, LIMIT));
    CorruptCompressedDataException e = assertInstanceOf(CorruptCompressedDataException.class, m.thrown());
    assertTrue(e.getMessage().contains("bytes follow the end of the frame"), e.getMessage());
    assertAllocatedAtMost(m, 1 << 20, "lz4 1000 frames");
  }

  @Test
  void gzipBombOfManyMembersIsStoppedAtTheLimit() throws Exception {
    ByteString member = Codec.of(CompressionType.GZIP).compress(ByteString.copyFrom(new byte[1 << 20]));
    ByteString bomb = ByteString.EMPTY;
    for (int i = 0; i < 10; i++) {
      bomb = bomb.concat(member);
    }
    Codec gzip = Codec.of(CompressionType.GZIP);
    assertEquals(ZEROS, gzip.decompress(bomb, BOMB_SIZE));
    ByteString input = bomb;
    Measured m = AllocationMeter.measure(() -> gzip.decompress(input, LIMIT));
    assertInstanceOf(DecompressedTooLargeException.class, m.thrown());
    assertAllocatedAtMost(m, MAX_ALLOCATION, "gzip 10 members");
  }

  @Test
  void gzipFromAnotherWriterIsLimitedToo() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      ZEROS.writeTo(out);
    }
    ByteString bomb = ByteString.copyFrom(bytes.toByteArray());
    assertThrows(DecompressedTooLargeException.class, () -> Codec.of(CompressionType.GZIP).decompress(bomb, LIMIT));
  }

  private static ByteString zstdStream(ByteString input, int windowLog) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZstdOutputStreamNoFinalizer out = new ZstdOutputStreamNoFinalizer(bytes, 3)) {
      out.setWindowLog(windowLog);
      input.writeTo(out);
    }
    return ByteString.copyFrom(bytes.toByteArray());
  }

  private static void assertFast(Measured m, String what) {
    assertTrue(m.nanos() < MAX_NANOS, what + " took " + m.nanos() / 1_000_000 + " ms");
  }

  private static void assertAllocatedAtMost(Measured m, long max, String what) {
    System.out.printf("%s: refused in %.2f ms, %d heap bytes allocated%n", what, m.nanos() / 1e6,
        m.allocatedBytes());
    if (AllocationMeter.supported()) {
      assertTrue(m.allocatedBytes() <= max, what + " allocated " + m.allocatedBytes() + " bytes, more than " + max);
    }
  }
}
