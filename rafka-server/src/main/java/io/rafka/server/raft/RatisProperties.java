package io.rafka.server.raft;

import io.rafka.common.config.ConfigException;
import io.rafka.server.config.ServerConfig;
import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/**
 * Builds Ratis's properties from the node configuration: defaults chosen for hundreds of groups per server
 * (small per-group pools, buffers and caches; election timeouts a loaded host can meet), then the
 * {@code raft.*} keys of {@code server.properties} on top, as written. Stateless.
 */
final class RatisProperties {
  private RatisProperties() {}

  static RaftProperties forServer(ServerConfig config) {
    RaftProperties p = new RaftProperties();
    // gRPC with a repaired log appender (see FollowerHintRpcType).
    RaftConfigKeys.Rpc.setType(p, new FollowerHintRpcType());
    File dataDir = config.dataDir().toFile();
    RaftServerConfigKeys.setStorageDir(p, List.of(new File(dataDir, "raft")));
    RaftServerConfigKeys.setRemovedGroupsDir(p, new File(dataDir, "raft-removed-groups"));
    HostPort peer = HostPort.parse(config.get(ServerConfig.PEER_ADDRESS));
    GrpcConfigKeys.Server.setHost(p, peer.host());
    GrpcConfigKeys.Server.setPort(p, peer.port());

    RaftServerConfigKeys.Rpc.setTimeoutMin(p, millis(config.get(ServerConfig.RAFT_RPC_TIMEOUT_MIN).toMillis()));
    RaftServerConfigKeys.Rpc.setTimeoutMax(p, millis(config.get(ServerConfig.RAFT_RPC_TIMEOUT_MAX).toMillis()));

    // Each group owns pools, a direct write buffer and a segment cache: keep them small.
    RaftServerConfigKeys.ThreadPool.setServerCached(p, true);
    RaftServerConfigKeys.ThreadPool.setServerSize(p, 1);
    RaftServerConfigKeys.ThreadPool.setClientCached(p, true);
    RaftServerConfigKeys.ThreadPool.setClientSize(p, 1);
    long byteLimit = config.get(ServerConfig.RAFT_APPENDER_BYTE_LIMIT);
    RaftServerConfigKeys.Log.Appender.setBufferByteLimit(p, SizeInBytes.valueOf(byteLimit));
    RaftServerConfigKeys.Log.setWriteBufferSize(p, SizeInBytes.valueOf(byteLimit + 8));
    GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf(byteLimit + (2L << 20)));
    // A snapshot install sends each chunk of a file as one gRPC message. Ratis's default chunk (16 MB) is far
    // above the message bound: a follower refused every chunk of a partition segment over ~3 MB, and the leader
    // restarted the install forever. Chunks of one appender buffer travel like an AppendEntries call does.
    RaftServerConfigKeys.Log.Appender.setSnapshotChunkSizeMax(p, SizeInBytes.valueOf(byteLimit));
    RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(config.get(ServerConfig.RAFT_LOG_SEGMENT_SIZE)));
    RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf(
        Math.min(config.get(ServerConfig.RAFT_LOG_SEGMENT_SIZE), 1L << 20)));
    RaftServerConfigKeys.Log.setSegmentCacheNumMax(p, 2);

    // Snapshots bound the Raft log; a lagging follower past the purge point gets a snapshot install.
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, config.get(ServerConfig.RAFT_SNAPSHOT_THRESHOLD));
    RaftServerConfigKeys.Snapshot.setTriggerWhenStopEnabled(p, true);
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
    RaftServerConfigKeys.Log.setPurgeGap(p, 1);

    // Durability: an acknowledged write is on a majority's disks. These stay false (validated in config).
    RaftServerConfigKeys.Log.setUnsafeFlushEnabled(p, false);
    RaftServerConfigKeys.Log.setAsyncFlushEnabled(p, false);

    config.raftPassthrough().forEach(p::set);
    checkSnapshotChunksFitMessages(p);
    return p;
  }

  /** Refuses settings (through raft.* passthrough) under which a snapshot chunk cannot reach a follower. */
  static void checkSnapshotChunksFitMessages(RaftProperties p) {
    long chunk = RaftServerConfigKeys.Log.Appender.snapshotChunkSizeMax(p).getSize();
    long message = GrpcConfigKeys.messageSizeMax(p, s -> { }).getSize();
    if (chunk + CHUNK_HEADROOM > message) {
      throw new ConfigException(RaftServerConfigKeys.Log.Appender.SNAPSHOT_CHUNK_SIZE_MAX_KEY, chunk,
          "a snapshot chunk plus " + (CHUNK_HEADROOM >> 10) + " KiB of framing must fit in "
              + GrpcConfigKeys.MESSAGE_SIZE_MAX_KEY + " (" + message + " bytes), or followers can never install "
              + "snapshots");
    }
  }

  /** Room for the InstallSnapshot request around a chunk's bytes (names, digests, configuration). */
  private static final long CHUNK_HEADROOM = 1L << 20;

  /** Properties for the node's own Raft clients (metadata writes, admin calls to other servers). */
  static RaftProperties forClient(ServerConfig config) {
    RaftProperties p = new RaftProperties();
    long byteLimit = config.get(ServerConfig.RAFT_APPENDER_BYTE_LIMIT);
    GrpcConfigKeys.setMessageSizeMax(p, SizeInBytes.valueOf(byteLimit + (2L << 20)));
    config.raftPassthrough().forEach((k, v) -> {
      if (k.startsWith("raft.client.") || k.startsWith("raft.grpc.")) {
        p.set(k, v);
      }
    });
    return p;
  }

  private static TimeDuration millis(long ms) {
    return TimeDuration.valueOf(ms, TimeUnit.MILLISECONDS);
  }

  /** A host:port pair. */
  record HostPort(String host, int port) {
    static HostPort parse(String s) {
      int colon = s.lastIndexOf(':');
      return new HostPort(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)));
    }
  }
}
