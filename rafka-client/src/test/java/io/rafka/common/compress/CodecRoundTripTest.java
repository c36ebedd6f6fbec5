package io.rafka.common.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import com.google.protobuf.ByteString;
import io.rafka.common.compress.TestData.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CodecRoundTripTest {

  @Property(tries = 100)
  void everyCodecRoundTripsAnyInputAndItsExactSizeIsTheSmallestLimit(@ForAll CompressionType type,
      @ForAll("inputs") ByteString input) throws Exception {
    Codec codec = Codec.of(type);
    ByteString compressed = codec.compress(input);
    assertEquals(input, codec.decompress(compressed, input.size()));
    if (!input.isEmpty()) {
      DecompressedTooLargeException e = assertThrows(DecompressedTooLargeException.class,
          () -> codec.decompress(compressed, input.size() - 1));
      assertEquals(input.size() - 1, e.getLimit());
    }
  }

  @Provide
  Arbitrary<ByteString> inputs() {
    Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.integers().between(0, 2)),
        Tuple.of(6, Arbitraries.integers().between(3, 4096)),
        Tuple.of(3, Arbitraries.integers().between(4097, 200_000)),
        Tuple.of(1, Arbitraries.integers().between(200_001, 1 << 20)));
    return Combinators.combine(Arbitraries.of(Kind.class), sizes, Arbitraries.longs()).as(TestData::make);
  }

  static Stream<Arguments> codecsAndEdgeSizes() {
    List<Arguments> cases = new ArrayList<>();
    for (CompressionType type : CompressionType.values()) {
      for (Kind kind : Kind.values()) {
        for (int size : new int[] {0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 7}) {
          cases.add(Arguments.of(type, kind, size));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("codecsAndEdgeSizes")
  void roundTripsEdgeSizes(CompressionType type, Kind kind, int size) throws Exception {
    ByteString input = TestData.make(kind, size, size);
    Codec codec = Codec.of(type);
    assertEquals(input, codec.decompress(codec.compress(input), size));
    assertEquals(input, codec.decompress(codec.compress(input), Integer.MAX_VALUE));
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void ofGivesOneInstancePerType(CompressionType type) {
    assertSame(Codec.of(type), Codec.of(type));
    assertSame(type, Codec.of(type).type());
  }

  @Test
  void noneIsTheIdentity() throws Exception {
    ByteString input = TestData.json(5000, 1);
    Codec none = Codec.of(CompressionType.NONE);
    assertSame(input, none.compress(input));
    assertSame(input, none.decompress(input, 5000));
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void refusesANegativeLimit(CompressionType type) {
    Codec codec = Codec.of(type);
    ByteString compressed = codec.compress(ByteString.EMPTY);
    assertThrows(IllegalArgumentException.class, () -> codec.decompress(compressed, -1));
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void isSafeToShareBetweenThreads(CompressionType type) throws Exception {
    Codec codec = Codec.of(type);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 30; i++) {
            ByteString input = TestData.make(Kind.values()[i % 4], 1000 + 997 * i + seed, seed * 100L + i);
            assertEquals(input, codec.decompress(codec.compress(input), input.size()));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // Interoperability: the bytes are the standard formats, readable and written by the libraries' own readers.

  @Test
  void lz4OutputIsAStandardFrameWithAContentChecksum() throws Exception {
    ByteString input = TestData.json(200_000, 3);
    ByteString compressed = Codec.of(CompressionType.LZ4).compress(input);
    try (InputStream in = new LZ4FrameInputStream(compressed.newInput())) {
      assertEquals(input, ByteString.readFrom(in));
    }
    int flg = compressed.byteAt(4);
    assertTrue((flg & 0x04) != 0, "content checksum flag");
    assertEquals(0x40, compressed.byteAt(5), "64 KiB blocks");
  }

  @Test
  void lz4ReadsFramesFromLz4FrameOutputStreamWithOrWithoutChecksums() throws Exception {
    ByteString input = TestData.json(300_000, 4);
    ByteString plain = lz4Frame(input, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB);
    assertEquals(input, Codec.of(CompressionType.LZ4).decompress(plain, input.size()));
    ByteString checked = lz4Frame(input, LZ4FrameOutputStream.BLOCKSIZE.SIZE_256KB,
        LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.BLOCK_CHECKSUM,
        LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM);
    assertEquals(input, Codec.of(CompressionType.LZ4).decompress(checked, input.size()));
  }

  @Test
  void zstdOutputIsAStandardFrameWithContentSizeAndChecksum() throws Exception {
    ByteString input = TestData.json(200_000, 5);
    byte[] compressed = Codec.of(CompressionType.ZSTD).compress(input).toByteArray();
    assertEquals(input.size(), Zstd.getFrameContentSize(compressed));
    assertTrue((compressed[4] & 0x04) != 0, "checksum flag");
    assertEquals(input, ByteString.copyFrom(Zstd.decompress(compressed, input.size())));
    ByteString fromLibrary = ByteString.copyFrom(Zstd.compress(input.toByteArray(), 9));
    assertEquals(input, Codec.of(CompressionType.ZSTD).decompress(fromLibrary, input.size()));
  }

  @Test
  void gzipOutputIsReadByTheJdkAndReadsTheJdksOutput() throws Exception {
    ByteString input = TestData.json(200_000, 6);
    ByteString compressed = Codec.of(CompressionType.GZIP).compress(input);
    try (InputStream in = new GZIPInputStream(compressed.newInput())) {
      assertEquals(input, ByteString.readFrom(in));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      input.writeTo(out);
    }
    assertEquals(input, Codec.of(CompressionType.GZIP).decompress(ByteString.copyFrom(bytes.toByteArray()),
        input.size()));
  }

  static ByteString lz4Frame(ByteString input, LZ4FrameOutputStream.BLOCKSIZE blockSize,
      LZ4FrameOutputStream.FLG.Bits... bits) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (LZ4FrameOutputStream out = bits.length == 0 ? new LZ4FrameOutputStream(bytes, blockSize)
        : new LZ4FrameOutputStream(bytes, blockSize, bits)) {
      input.writeTo(out);
    }
    return ByteString.copyFrom(bytes.toByteArray());
  }
}
