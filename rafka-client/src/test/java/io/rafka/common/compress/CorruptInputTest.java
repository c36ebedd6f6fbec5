package io.rafka.common.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import io.rafka.common.compress.TestData.Kind;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input gives CorruptCompressedDataException: never another exception type, never wrong data, never a hang.
 * NONE has no invalid input, so it is not tested here.
 */
class CorruptInputTest {
  private static final Duration NO_HANG = Duration.ofSeconds(10);
  /** Longest zstd frame header: magic, descriptor, window, 4-byte dictionary id, 8-byte content size. */
  private static final int ZSTD_MAX_HEADER = 18;

  @Provide
  Arbitrary<CompressionType> codecs() {
    return Arbitraries.of(CompressionType.LZ4, CompressionType.ZSTD, CompressionType.GZIP);
  }

  @Property(tries = 300)
  void randomBytesAreCorrupt(@ForAll("codecs") CompressionType type, @ForAll @Size(max = 3000) byte[] bytes) {
    Exception e = attempt(type, ByteString.copyFrom(bytes), 1 << 20);
    assertCorrupt(type, e);
  }

  @Property(tries = 200)
  void truncatedDataIsCorrupt(@ForAll("codecs") CompressionType type, @ForAll Kind kind,
      @ForAll @IntRange(min = 0, max = 150_000) int size, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cutSeed) {
    ByteString input = TestData.make(kind, size, seed);
    ByteString compressed = Codec.of(type).compress(input);
    int cut = cutSeed % compressed.size();
    assertCorrupt(type, attempt(type, compressed.substring(0, cut), input.size()));
  }

  /**
   * A flipped bit is reported as corrupt, unless the format does not protect it and the data still decodes to
   * exactly the original (gzip's MTIME, XFL, OS and FTEXT header fields, deflate padding bits; zstd's unused
   * header bit; the high bit of LZ4's end mark). zstd's frame header has no checksum, so a flip there can also
   * make the frame claim more than the limit, which is refused as too large.
   */
  @Property(tries = 300)
  void aFlippedBitIsCorruptOrHarmless(@ForAll("codecs") CompressionType type, @ForAll Kind kind,
      @ForAll @IntRange(min = 0, max = 100_000) int size, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int bitSeed) throws Exception {
    ByteString input = TestData.make(kind, size, seed);
    byte[] compressed = Codec.of(type).compress(input).toByteArray();
    int bit = bitSeed % (compressed.length * 8);
    compressed[bit / 8] ^= (byte) (1 << (bit % 8));
    ByteString[] out = new ByteString[1];
    int limit = Math.max(1 << 20, 2 * size);
    Exception e = attempt(type, ByteString.copyFrom(compressed), limit, out);
    if (e == null) {
      assertEquals(input, out[0], type + ": flipping bit " + bit + " gave different data without an error");
    } else if (e instanceof DecompressedTooLargeException && type == CompressionType.ZSTD) {
      assertTrue(bit / 8 < ZSTD_MAX_HEADER, "zstd: flipping bit " + bit + " outside the header gave " + e);
    } else {
      assertCorrupt(type, e);
    }
  }

  @ParameterizedTest
  @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD", "GZIP"})
  void flipsInTheBodyAndTheChecksumAreCorrupt(CompressionType type) {
    ByteString input = TestData.json(50_000, 11);
    byte[] compressed = Codec.of(type).compress(input).toByteArray();
    for (int i = 0; i < 64; i++) {
      int at = compressed.length - 1 - i * (compressed.length - 20) / 64;
      byte[] copy = compressed.clone();
      copy[at] ^= (byte) 0x10;
      assertCorrupt(type, attempt(type, ByteString.copyFrom(copy), 1 << 20));
    }
  }

  @ParameterizedTest
  @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD", "GZIP"})
  void everyPrefixOfASmallFrameIsCorrupt(CompressionType type) {
    ByteString compressed = Codec.of(type).compress(TestData.json(1500, 12));
    for (int cut = 0; cut < compressed.size(); cut++) {
      assertCorrupt(type, attempt(type, compressed.substring(0, cut), 1 << 20));
    }
  }

  @ParameterizedTest
  @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD"})
  void bytesAfterTheFrameAreCorrupt(CompressionType type) {
    ByteString compressed = Codec.of(type).compress(TestData.json(3000, 13));
    for (String tail : new String[] {"x", "garbage", "\0\0\0\0\0\0\0\0\0\0\0\0"}) {
      assertCorrupt(type, attempt(type, compressed.concat(ByteString.copyFromUtf8(tail)), 1 << 20));
    }
  }

  @ParameterizedTest
  @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD", "GZIP"})
  void otherCodecsDataIsCorrupt(CompressionType type) {
    ByteString input = TestData.json(3000, 14);
    for (CompressionType other : new CompressionType[] {CompressionType.LZ4, CompressionType.ZSTD,
        CompressionType.GZIP}) {
      if (other != type) {
        assertCorrupt(type, attempt(type, Codec.of(other).compress(input), 1 << 20));
      }
    }
    assertCorrupt(type, attempt(type, input, 1 << 20));
  }

  private static Exception attempt(CompressionType type, ByteString input, int limit) {
    return attempt(type, input, limit, new ByteString[1]);
  }

  /** Decompresses, returning what was thrown (null if nothing) and putting the result in {@code out[0]}. */
  private static Exception attempt(CompressionType type, ByteString input, int limit, ByteString[] out) {
    return assertTimeoutPreemptively(NO_HANG, () -> {
      try {
        out[0] = Codec.of(type).decompress(input, limit);
        return null;
      } catch (CorruptCompressedDataException | DecompressedTooLargeException e) {
        return e;
      }
    });
  }

  private static void assertCorrupt(CompressionType type, Exception e) {
    if (e == null) {
      fail(type + ": bad input was accepted");
    }
    CorruptCompressedDataException corrupt = assertInstanceOf(CorruptCompressedDataException.class, e);
    assertEquals(type, corrupt.compressionType());
    assertTrue(e.getMessage().startsWith(type.configName() + " data is corrupt: "), e.getMessage());
  }
}
