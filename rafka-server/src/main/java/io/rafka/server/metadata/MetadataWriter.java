package io.rafka.server.metadata;

import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.MetadataCommandResult;
import java.util.concurrent.CompletableFuture;

/**
 * Proposes commands to the metadata group. The future completes with the command's result once it is
 * committed and applied, or fails with a {@link io.rafka.server.errors.ServerException} of code
 * METADATA_UNAVAILABLE when the group cannot be reached in time.
 */
public interface MetadataWriter {
  CompletableFuture<MetadataCommandResult> propose(MetadataCommand command);
}
