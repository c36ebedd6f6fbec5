package io.rafka.server.raft;

import io.rafka.proto.internal.PartitionIdentity;
import io.rafka.server.cache.HotReadCache;
import io.rafka.server.config.ServerConfig;
import io.rafka.server.partition.AppendListener;
import io.rafka.server.partition.LeadershipListener;
import io.rafka.server.partition.PartitionRegistry;
import java.util.Map;
import org.apache.ratis.protocol.RaftGroupId;

/**
 * What every partition state machine on a node shares. {@code pendingIdentities} carries a new group's
 * identity from the code that adds the group to the state machine Ratis creates for it.
 */
record PartitionContext(ServerConfig config, HotReadCache cache, PartitionRegistry registry,
    AppendListener appendListener, LeadershipListener leadershipListener,
    Map<RaftGroupId, PartitionIdentity> pendingIdentities) {}
