package io.rafka.server.produce;

import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.AllocateProducerIdsCommand;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.server.errors.ServerException;
import io.rafka.server.metadata.MetadataWriter;
import java.util.concurrent.CompletableFuture;

/**
 * Hands out producer ids from blocks reserved in the metadata group, so that starting a producer costs a
 * Raft write only once per block. Ids are unique across the cluster and never reused, even across restarts
 * (an unused rest of a block is simply skipped). Thread-safe.
 */
public final class ProducerIdAllocator {
  static final int BLOCK_SIZE = 1000;

  private final MetadataWriter metadata;
  private long next;
  private long end;
  private CompletableFuture<Void> refill;

  public ProducerIdAllocator(MetadataWriter metadata) {
    this.metadata = metadata;
  }

  public CompletableFuture<Long> allocate() {
    CompletableFuture<Void> waitFor;
    synchronized (this) {
      if (next < end) {
        return CompletableFuture.completedFuture(next++);
      }
      if (refill == null) {
        refill = reserveBlock();
      }
      waitFor = refill;
    }
    return waitFor.thenCompose(v -> allocate());
  }

  private CompletableFuture<Void> reserveBlock() {
    MetadataCommand command = MetadataCommand.newBuilder()
        .setAllocateProducerIds(AllocateProducerIdsCommand.newBuilder().setCount(BLOCK_SIZE)).build();
    return metadata.propose(command).handle((result, e) -> {
      synchronized (this) {
        refill = null;
        if (e != null) {
          throw new ServerException(ErrorCode.METADATA_UNAVAILABLE, "cannot reserve producer ids: " + e.getMessage(), e);
        }
        if (result.getError() != ErrorCode.NONE) {
          throw new ServerException(result.getError(), result.getMessage());
        }
        next = result.getFirstProducerId();
        end = next + BLOCK_SIZE;
        return null;
      }
    });
  }
}
