package io.rafka.server.raft;

import com.google.protobuf.InvalidProtocolBufferException;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.internal.PartitionCommand;
import io.rafka.proto.internal.PartitionCommandResult;
import io.rafka.proto.internal.PartitionIdentity;
import io.rafka.proto.internal.PartitionSnapshotManifest;
import io.rafka.server.common.DurableFiles;
import io.rafka.server.config.TopicConfig;
import io.rafka.server.config.ServerConfig;
import io.rafka.server.log.LogConfig;
import io.rafka.server.partition.Partition;
import io.rafka.server.partition.PartitionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.util.FileUtils;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis state machine of one partition group: decodes committed entries and applies them to the
 * {@link Partition}, takes snapshots (fsynced segments + manifest), and rebuilds the partition from the
 * latest snapshot on start and after a snapshot install (anything after the snapshot is re-applied from the
 * Raft log by Ratis). Apply runs on the group's single StateMachineUpdater thread.
 */
final class PartitionStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionStateMachine.class);

  private final PartitionContext context;
  private final PartitionSnapshotStorage storage = new PartitionSnapshotStorage();
  private volatile PartitionIdentity identity;
  private volatile Partition partition;

  PartitionStateMachine(PartitionContext context) {
    this.context = context;
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
    super.initialize(server, groupId, raftStorage);
    storage.init(raftStorage);
    identity = resolveIdentity(groupId);
    getLifeCycle().startAndTransition(this::open, IOException.class);
  }

  /** The identity handed over by the node that added the group, else the one recorded on disk. */
  private PartitionIdentity resolveIdentity(RaftGroupId groupId) throws IOException {
    PartitionIdentity pending = context.pendingIdentities().remove(groupId);
    Path file = storage.identityFile();
    if (pending != null) {
      DurableFiles.writeAtomically(file, pending.toByteArray());
      return pending;
    }
    if (Files.exists(file)) {
      return PartitionIdentity.parseFrom(Files.readAllBytes(file));
    }
    PartitionSnapshotStorage.Snapshot s = storage.latest();
    if (s != null) {
      return s.manifest().getIdentity();
    }
    throw new IOException("group " + groupId + " has no partition identity on disk; not a Rafka partition");
  }

  private void open() throws IOException {
    LogConfig logConfig = logConfig(identity, context.config());
    PartitionSnapshotStorage.Snapshot snapshot = storage.latest();
    Partition p;
    if (snapshot != null) {
      p = Partition.restore(snapshot.manifest(), storage.logDir(), snapshot.dir(), logConfig, context.cache(),
          context.appendListener());
      setLastAppliedTermIndex(snapshot.termIndex());
    } else {
      // No snapshot: Ratis re-applies the whole Raft log, so the log starts empty.
      if (Files.exists(storage.logDir())) {
        FileUtils.deleteFully(storage.logDir());
      }
      p = Partition.create(identity, storage.logDir(), logConfig, context.cache(), context.appendListener());
    }
    partition = p;
    context.registry().register(p, this::appliedIndex, this::leads);
    LOG.info("[partition={}] opened at log end offset {} (snapshot {})", p.id(), p.logEndOffset(),
        snapshot == null ? "none" : snapshot.termIndex());
  }

  static LogConfig logConfig(PartitionIdentity identity, ServerConfig server) {
    TopicConfig t = TopicConfig.resolve(identity.getConfigsMap(), server);
    return new LogConfig((int) t.segmentBytes(), t.segmentMs(),
        server.get(ServerConfig.LOG_INDEX_INTERVAL_BYTES).intValue(),
        t.retentionBytes(), t.retentionMs());
  }

  /** Whether this replica leads its group now, for the partition's leader gauge. */
  private boolean leads() {
    RaftServer server = getServer().getNow(null);
    if (server == null) {
      return false;
    }
    try {
      return server.getDivision(getGroupId()).getInfo().isLeader();
    } catch (IOException e) {
      return false;
    }
  }

  private long appliedIndex() {
    TermIndex ti = getLastAppliedTermIndex();
    return ti == null ? -1 : ti.getIndex();
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    PartitionCommandResult result;
    try {
      PartitionCommand command =
          PartitionCommand.parseFrom(ByteStrings.fromRatis(entry.getStateMachineLogEntry().getLogData()));
      result = partition.apply(command, entry.getIndex());
    } catch (InvalidProtocolBufferException e) {
      // Every replica decodes the same bytes the same way: refusing is deterministic.
      result = PartitionCommandResult.newBuilder().setError(ErrorCode.CORRUPT_MESSAGE)
          .setMessage("undecodable partition command at index " + entry.getIndex()).build();
    } catch (IOException e) {
      // A failed disk must stop this replica, not skip the entry: Ratis closes the division on a throw.
      LOG.error("[partition={}] cannot apply index {}: {}", partition.id(), entry.getIndex(), e.toString());
      throw new UncheckedIOException(e);
    }
    updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
    return CompletableFuture.completedFuture(Message.valueOf(ByteStrings.toRatis(result.toByteString())));
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex applied = getLastAppliedTermIndex();
    PartitionSnapshotStorage.Snapshot latest = storage.latest();
    if (applied == null || applied.getIndex() < 0) {
      return -1;
    }
    if (latest != null && latest.termIndex().getIndex() >= applied.getIndex()) {
      return latest.termIndex().getIndex();
    }
    Path dir = storage.newSnapshotDir(applied);
    PartitionSnapshotManifest manifest = partition.checkpoint(dir, applied.getTerm(), applied.getIndex());
    storage.commit(dir, manifest);
    LOG.info("[partition={}] snapshot at {} (log {}..{})", partition.id(), applied,
        manifest.getLogStartOffset(), manifest.getLogEndOffset());
    return applied.getIndex();
  }

  @Override
  public StateMachineStorage getStateMachineStorage() {
    return storage;
  }

  @Override
  public void pause() {
    getLifeCycle().transition(LifeCycle.State.PAUSING);
    closePartition();
    getLifeCycle().transition(LifeCycle.State.PAUSED);
  }

  @Override
  public void reinitialize() throws IOException {
    storage.reload();
    PartitionSnapshotStorage.Snapshot s = storage.latest();
    if (s != null) {
      identity = s.manifest().getIdentity();
    }
    getLifeCycle().startAndTransition(this::open, IOException.class);
  }

  @Override
  public void notifyLeaderReady() {
    Partition p = partition;
    if (p == null) {
      return;
    }
    getServer().thenAccept(server -> {
      try {
        long term = server.getDivision(getGroupId()).getInfo().getCurrentTerm();
        context.leadershipListener().onLeaderReady(p.id(), term);
      } catch (IOException e) {
        LOG.debug("[partition={}] leader ready but division gone: {}", p.id(), e.toString());
      }
    });
  }

  @Override
  public void close() {
    closePartition();
  }

  private void closePartition() {
    Partition p = partition;
    partition = null;
    if (p != null) {
      context.registry().unregister(p);
      try {
        p.close();
      } catch (IOException e) {
        LOG.warn("[partition={}] close failed: {}", p.id(), e.toString());
      }
    }
  }

  boolean hasIdentity() {
    return identity != null;
  }

  PartitionId partitionId() {
    return PartitionId.of(identity);
  }

  @Override
  public String toString() {
    PartitionIdentity i = identity;
    return i == null ? "PartitionStateMachine" : "PartitionStateMachine[" + i.getTopic() + "-" + i.getPartition() + "]";
  }
}
