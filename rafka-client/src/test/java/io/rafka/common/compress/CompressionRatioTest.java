package io.rafka.common.compress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionRatioTest {

  @ParameterizedTest
  @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD", "GZIP"})
  void compressesOneJsonLikeRecordSomewhat(CompressionType type) {
    ByteString input = TestData.json(1024, 1);
    int compressed = Codec.of(type).compress(input).size();
    assertTrue(compressed < input.size() * 85 / 100, type + " compressed 1 KiB of JSON to " + compressed);
  }

  @ParameterizedTest
  @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD", "GZIP"})
  void compressesBatchesOfJsonLikeRecordsToUnderHalf(CompressionType type) {
    for (int size : new int[] {16 * 1024, 256 * 1024}) {
      ByteString input = TestData.json(size, size);
      int compressed = Codec.of(type).compress(input).size();
      assertTrue(compressed < size / 2, type + " compressed " + size + " bytes of JSON to " + compressed);
    }
  }

  @ParameterizedTest
  @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD", "GZIP"})
  void compressesRepetitiveDataToAFewPercent(CompressionType type) {
    ByteString input = TestData.pattern(1 << 20, 9);
    int compressed = Codec.of(type).compress(input).size();
    assertTrue(compressed < input.size() / 25, type + " compressed 1 MiB of a repeated block to " + compressed);
  }

  @ParameterizedTest
  @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD", "GZIP"})
  void randomDataGrowsByLittle(CompressionType type) {
    ByteString input = TestData.random(1 << 20, 10);
    int compressed = Codec.of(type).compress(input).size();
    assertTrue(compressed < input.size() + input.size() / 100 + 64, type + " grew 1 MiB to " + compressed);
  }
}
