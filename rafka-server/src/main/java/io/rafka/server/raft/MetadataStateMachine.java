package io.rafka.server.raft;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.proto.internal.MetadataCommandResult;
import io.rafka.proto.internal.MetadataImage;
import io.rafka.server.common.DurableFiles;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.ImageCodec;
import io.rafka.server.metadata.MetadataApplier;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of the metadata group: holds the current {@link ClusterImage}, applies metadata commands
 * with {@link MetadataApplier}, snapshots the image to one file, and tells listeners about every new image.
 * Every node runs one (as a voter or a listener), so every node has a current copy to answer from.
 */
final class MetadataStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(MetadataStateMachine.class);

  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
  private final List<Consumer<ClusterImage>> listeners = new CopyOnWriteArrayList<>();
  private volatile ClusterImage image = ClusterImage.EMPTY;

  void addListener(Consumer<ClusterImage> listener) {
    listeners.add(listener);
    listener.accept(image);
  }

  ClusterImage image() {
    return image;
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
    super.initialize(server, groupId, raftStorage);
    storage.init(raftStorage);
    getLifeCycle().startAndTransition(() -> load(storage.getLatestSnapshot()), IOException.class);
  }

  private void load(SingleFileSnapshotInfo snapshot) throws IOException {
    if (snapshot == null) {
      publish(ClusterImage.EMPTY);
      return;
    }
    Path file = snapshot.getFile().getPath();
    if (snapshot.getFile().getFileDigest() != null) {
      MD5FileUtil.verifySavedMD5(file.toFile(), snapshot.getFile().getFileDigest());
    }
    try (InputStream in = Files.newInputStream(file)) {
      publish(ImageCodec.fromProto(MetadataImage.parseFrom(in)));
    }
    setLastAppliedTermIndex(snapshot.getTermIndex());
    LOG.info("metadata loaded from snapshot {} (epoch {})", snapshot.getTermIndex(), image.epoch());
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    MetadataCommandResult result;
    try {
      MetadataCommand command =
          MetadataCommand.parseFrom(ByteStrings.fromRatis(entry.getStateMachineLogEntry().getLogData()));
      MetadataApplier.Outcome outcome = MetadataApplier.apply(image, command);
      result = outcome.result();
      if (outcome.image() != image) {
        publish(outcome.image());
      }
    } catch (InvalidProtocolBufferException e) {
      result = MetadataCommandResult.newBuilder().setError(ErrorCode.CORRUPT_MESSAGE)
          .setMessage("undecodable metadata command at index " + entry.getIndex()).build();
    }
    updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
    return CompletableFuture.completedFuture(Message.valueOf(ByteStrings.toRatis(result.toByteString())));
  }

  /** Any read-only query answers with the epoch of this replica's image (8 bytes, big-endian). */
  @Override
  public CompletableFuture<Message> query(Message request) {
    return CompletableFuture.completedFuture(Message.valueOf(
        org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(
            java.nio.ByteBuffer.allocate(Long.BYTES).putLong(image.epoch()).flip())));
  }

  private void publish(ClusterImage next) {
    image = next;
    for (Consumer<ClusterImage> l : listeners) {
      try {
        l.accept(next);
      } catch (RuntimeException e) {
        LOG.error("metadata listener failed on epoch {}", next.epoch(), e);
      }
    }
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex applied = getLastAppliedTermIndex();
    if (applied == null || applied.getIndex() < 0) {
      return -1;
    }
    File file = storage.getSnapshotFile(applied.getTerm(), applied.getIndex());
    DurableFiles.writeAtomically(file.toPath(), ImageCodec.toProto(image).toByteArray());
    storage.updateLatestSnapshot(new SingleFileSnapshotInfo(
        new FileInfo(file.toPath(), MD5FileUtil.computeAndSaveMd5ForFile(file)), applied));
    return applied.getIndex();
  }

  @Override
  public StateMachineStorage getStateMachineStorage() {
    return storage;
  }

  @Override
  public void pause() {
    getLifeCycle().transition(LifeCycle.State.PAUSING);
    getLifeCycle().transition(LifeCycle.State.PAUSED);
  }

  @Override
  public void reinitialize() throws IOException {
    getLifeCycle().startAndTransition(() -> load(storage.loadLatestSnapshot()), IOException.class);
  }
}
