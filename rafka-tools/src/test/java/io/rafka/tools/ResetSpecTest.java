package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ResetSpecTest {
  private static final ZoneId LOCAL = ZoneId.of("Europe/Paris");

  private static long epochMs(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void readsATimeInUtcOrAtAnOffset() {
    assertEquals(new ResetSpec(ResetSpec.Kind.DATETIME, epochMs("2024-01-31T13:45:00.123Z")),
        ResetSpec.toDatetime("2024-01-31T13:45:00.123Z", LOCAL));
    assertEquals(new ResetSpec(ResetSpec.Kind.DATETIME, epochMs("2024-01-31T08:15:00.000Z")),
        ResetSpec.toDatetime("2024-01-31T13:45:00.000+05:30", LOCAL));
    assertEquals(new ResetSpec(ResetSpec.Kind.DATETIME, epochMs("2024-01-31T15:45:00.000Z")),
        ResetSpec.toDatetime("2024-01-31T13:45:00.000-02:00", ZoneOffset.UTC));
  }

  @Test
  void readsATimeWithoutZoneInTheLocalZone() {
    // Paris is an hour ahead of UTC in winter and two in summer.
    assertEquals(epochMs("2024-01-31T12:45:00.000Z"), ResetSpec.toDatetime("2024-01-31T13:45:00.000", LOCAL).value());
    assertEquals(epochMs("2024-07-01T11:45:00.000Z"), ResetSpec.toDatetime("2024-07-01T13:45:00.000", LOCAL).value());
  }

  @Test
  void refusesAnythingElse() {
    for (String bad : new String[] {"2024-01-31", "2024-01-31T13:45:00", "2024-01-31 13:45:00.000",
        "2024-02-30T00:00:00.000", "2024-01-31T24:00:00.000", "2024-01-31T13:45:00.000+0530",
        "2024-01-31T13:45:00.000 Z", "yesterday", ""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ResetSpec.toDatetime(bad, LOCAL), bad);
      assertEquals("--to-datetime must be a valid time in the form 2024-01-31T13:45:00.000, optionally followed "
          + "by Z or an offset such as +01:00, was '" + bad + "'", e.getMessage());
    }
  }
}
