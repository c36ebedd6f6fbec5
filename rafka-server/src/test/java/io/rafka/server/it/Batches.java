package io.rafka.server.it;

import io.rafka.client.internals.RecordBatches;
import io.rafka.proto.RecordBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds producer batches for tests that talk to the gRPC API directly. */
final class Batches {
  private Batches() {}

  static RecordBatch of(String... values) {
    List<RecordBatches.Encoded> records = new ArrayList<>();
    for (String v : values) {
      records.add(new RecordBatches.Encoded(null, v.getBytes(StandardCharsets.UTF_8), 1_000L, List.of()));
    }
    return RecordBatches.encode(records, -1, 0, -1);
  }

  static RecordBatch ofSize(int valueBytes) {
    List<RecordBatches.Encoded> records = List.of(new RecordBatches.Encoded(null, new byte[valueBytes], 1L, List.of()));
    return RecordBatches.encode(records, -1, 0, -1);
  }
}
