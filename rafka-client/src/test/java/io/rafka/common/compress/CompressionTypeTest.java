package io.rafka.common.compress;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompressionTypeTest {

  @Test
  void idsAndNamesMatchTheWireEnumAndKafka() {
    assertAll(
        () -> assertEquals(0, CompressionType.NONE.id()),
        () -> assertEquals(1, CompressionType.LZ4.id()),
        () -> assertEquals(2, CompressionType.ZSTD.id()),
        () -> assertEquals(3, CompressionType.GZIP.id()),
        () -> assertEquals("none", CompressionType.NONE.configName()),
        () -> assertEquals("lz4", CompressionType.LZ4.configName()),
        () -> assertEquals("zstd", CompressionType.ZSTD.configName()),
        () -> assertEquals("gzip", CompressionType.GZIP.configName()));
  }

  @ParameterizedTest
  @EnumSource(CompressionType.class)
  void forIdAndForNameFindEveryType(CompressionType type) {
    assertSame(type, CompressionType.forId(type.id()));
    assertSame(type, CompressionType.forName(type.configName()));
  }

  @ParameterizedTest
  @ValueSource(ints = {99, -1, 5, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void forIdRefusesUnknownIds(int id) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompressionType.forId(id));
    assertTrue(e.getMessage().contains("unknown compression id " + id), e.getMessage());
    assertListsValidIds(e.getMessage());
  }

  @Test
  void forIdSaysSnappyIsNotSupported() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompressionType.forId(4));
    assertTrue(e.getMessage().contains("snappy"), e.getMessage());
    assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    assertListsValidIds(e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"LZ4 ", "LZ4", "Gzip", " zstd", "", "lz5", "none\n", "producer"})
  void forNameRefusesUnknownNamesQuotingThem(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompressionType.forName(name));
    assertTrue(e.getMessage().contains("unknown compression type \"" + name + "\""), e.getMessage());
    assertListsValidNames(e.getMessage());
  }

  @Test
  void forNameSaysSnappyIsNotSupported() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CompressionType.forName("snappy"));
    assertTrue(e.getMessage().contains("\"snappy\" is not supported"), e.getMessage());
    assertListsValidNames(e.getMessage());
  }

  @Test
  void forNameRefusesNull() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CompressionType.forName(null));
    assertTrue(e.getMessage().contains("must not be null"), e.getMessage());
    assertListsValidNames(e.getMessage());
  }

  private static void assertListsValidIds(String message) {
    assertTrue(message.contains("0 (none), 1 (lz4), 2 (zstd), 3 (gzip)"), message);
  }

  private static void assertListsValidNames(String message) {
    assertTrue(message.contains("none, lz4, zstd, gzip"), message);
  }
}
