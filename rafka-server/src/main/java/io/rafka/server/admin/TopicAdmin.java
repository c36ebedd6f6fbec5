package io.rafka.server.admin;

import io.rafka.proto.CreateTopicRequest;
import io.rafka.proto.CreateTopicResponse;
import io.rafka.proto.DeleteTopicRequest;
import io.rafka.proto.DeleteTopicResponse;
import io.rafka.proto.DescribeTopicRequest;
import io.rafka.proto.DescribeTopicResponse;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.ListTopicsRequest;
import io.rafka.proto.ListTopicsResponse;
import io.rafka.proto.PartitionOffsets;
import io.rafka.proto.internal.CreateTopicCommand;
import io.rafka.proto.internal.DeleteTopicCommand;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.common.config.ConfigException;
import io.rafka.server.config.ServerConfig;
import io.rafka.server.config.TopicConfig;
import io.rafka.server.errors.Errors;
import io.rafka.server.errors.ServerException;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.ImageWatch;
import io.rafka.server.metadata.RingRebalancer;
import io.rafka.server.metadata.TopicInfo;
import io.rafka.server.metadata.TopicNames;
import io.rafka.server.partition.Partition;
import io.rafka.server.partition.PartitionRegistry;
import io.rafka.server.raft.RaftNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Topic administration on any node: checks a request against this node's limits and its metadata copy,
 * proposes it to the metadata group, and (for a create) waits until every new partition has a leader so that
 * producers can write at once. Checks that depend on this node's configuration happen here, before the
 * command is proposed, because apply must not depend on any one node's settings. Thread-safe.
 */
public final class TopicAdmin {
  private final ServerConfig config;
  private final RaftNode raft;
  private final ImageWatch watch;
  private final MetadataView view;
  private final PartitionRegistry registry;
  private final Clock clock;

  public TopicAdmin(ServerConfig config, RaftNode raft, ImageWatch watch, MetadataView view,
      PartitionRegistry registry, Clock clock) {
    this.config = config;
    this.raft = raft;
    this.watch = watch;
    this.view = view;
    this.registry = registry;
    this.clock = clock;
  }

  public CompletableFuture<CreateTopicResponse> create(CreateTopicRequest request) {
    ClusterImage image = raft.metadataImage();
    CreateTopicCommand command;
    try {
      command = checkCreate(image, request);
    } catch (ServerException e) {
      return CompletableFuture.completedFuture(CreateTopicResponse.newBuilder().setError(Errors.from(e)).build());
    }
    if (request.getValidateOnly()) {
      return CompletableFuture.completedFuture(CreateTopicResponse.newBuilder().setError(Errors.NONE).build());
    }
    long timeoutMs = request.getTimeoutMs() > 0 ? request.getTimeoutMs()
        : config.get(ServerConfig.ADMIN_TIMEOUT).toMillis();
    String topicId = command.getTopicId();
    return raft.propose(MetadataCommand.newBuilder().setCreateTopic(command).build())
        .thenCompose(result -> {
          if (result.getError() != ErrorCode.NONE) {
            return CompletableFuture.completedFuture(CreateTopicResponse.newBuilder()
                .setError(Errors.of(result.getError(), result.getMessage())).build());
          }
          return watch.await(img -> allLeadersKnown(img, request.getName(), topicId), timeoutMs)
              .thenApply(img -> {
                CreateTopicResponse.Builder b = CreateTopicResponse.newBuilder().setError(Errors.NONE);
                img.topic(request.getName()).ifPresent(t -> b.setTopic(view.topic(t)));
                return b.build();
              });
        })
        .exceptionally(e -> CreateTopicResponse.newBuilder().setError(Errors.from(e)).build());
  }

  private CreateTopicCommand checkCreate(ClusterImage image, CreateTopicRequest request) {
    String problem = TopicNames.problem(request.getName());
    if (problem != null) {
      throw new ServerException(ErrorCode.INVALID_TOPIC, problem);
    }
    if (request.getName().startsWith("__")) {
      throw new ServerException(ErrorCode.INVALID_TOPIC, "topic names starting with '__' are reserved");
    }
    if (image.topic(request.getName()).isPresent()) {
      throw new ServerException(ErrorCode.TOPIC_ALREADY_EXISTS, "topic '" + request.getName() + "' already exists");
    }
    int partitions = request.hasPartitions() ? request.getPartitions() : config.get(ServerConfig.DEFAULT_PARTITIONS);
    int maxPartitions = config.get(ServerConfig.TOPIC_MAX_PARTITIONS);
    if (partitions < 1 || partitions > maxPartitions) {
      throw new ServerException(ErrorCode.INVALID_PARTITIONS, "partition count must be between 1 and "
          + maxPartitions + " (topic.max.partitions), was " + partitions);
    }
    int rf = request.hasReplicationFactor() ? request.getReplicationFactor()
        : config.get(ServerConfig.DEFAULT_REPLICATION_FACTOR);
    int nodes = image.ringMembers().size();
    if (rf < 1 || rf > nodes) {
      throw new ServerException(ErrorCode.INVALID_REPLICATION_FACTOR, "replication factor " + rf
          + " must be between 1 and the number of nodes in the ring (" + nodes + ")");
    }
    try {
      TopicConfig.validate(request.getConfigsMap(), config);
    } catch (ConfigException e) {
      throw new ServerException(ErrorCode.INVALID_CONFIG, e.getMessage());
    }
    checkReplicaCapacity(image, request.getName(), partitions, rf);
    return CreateTopicCommand.newBuilder().setName(request.getName()).setTopicId(UUID.randomUUID().toString())
        .setPartitions(partitions).setReplicationFactor(rf).putAllConfigs(request.getConfigsMap())
        .setCreatedAtMs(clock.millis()).build();
  }

  /** Refuses a topic that would put more replicas on a node than node.max.replicas allows. */
  private void checkReplicaCapacity(ClusterImage image, String name, int partitions, int rf) {
    Map<Integer, Integer> load = new HashMap<>();
    for (TopicInfo t : image.topics().values()) {
      t.assignments().forEach(a -> a.replicas().forEach(n -> load.merge(n, 1, Integer::sum)));
    }
    List<List<Integer>> placement = RingRebalancer.place(image.ringMembers(), name, partitions, rf);
    placement.forEach(set -> set.forEach(n -> load.merge(n, 1, Integer::sum)));
    int max = config.get(ServerConfig.NODE_MAX_REPLICAS);
    load.forEach((node, count) -> {
      if (count > max) {
        throw new ServerException(ErrorCode.INVALID_PARTITIONS, "this topic would put " + count
            + " partition replicas on node " + node + "; node.max.replicas is " + max);
      }
    });
  }

  private static boolean allLeadersKnown(ClusterImage image, String name, String topicId) {
    return image.topic(name).filter(t -> t.topicId().equals(topicId))
        .map(t -> t.leaders().size() == t.partitions()).orElse(false);
  }

  public CompletableFuture<DeleteTopicResponse> delete(DeleteTopicRequest request) {
    ClusterImage image = raft.metadataImage();
    String problem = TopicNames.problem(request.getName());
    if (problem != null) {
      return CompletableFuture.completedFuture(DeleteTopicResponse.newBuilder()
          .setError(Errors.of(ErrorCode.INVALID_TOPIC, problem)).build());
    }
    if (image.topic(request.getName()).isEmpty()) {
      return CompletableFuture.completedFuture(DeleteTopicResponse.newBuilder().setError(Errors.of(
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + request.getName() + "' does not exist")).build());
    }
    return raft.propose(MetadataCommand.newBuilder().setDeleteTopic(
            DeleteTopicCommand.newBuilder().setName(request.getName())).build())
        .thenApply(r -> DeleteTopicResponse.newBuilder().setError(r.getError() == ErrorCode.NONE ? Errors.NONE
            : Errors.of(r.getError(), r.getMessage())).build())
        .exceptionally(e -> DeleteTopicResponse.newBuilder().setError(Errors.from(e)).build());
  }

  public ListTopicsResponse list(ListTopicsRequest request) {
    ListTopicsResponse.Builder b = ListTopicsResponse.newBuilder().setError(Errors.NONE);
    raft.metadataImage().topics().values().stream()
        .filter(t -> request.getIncludeInternal() || !t.internal())
        .forEach(t -> b.addNames(t.name()));
    return b.build();
  }

  public DescribeTopicResponse describe(DescribeTopicRequest request) {
    TopicInfo topic = raft.metadataImage().topic(request.getName()).orElse(null);
    if (topic == null) {
      return DescribeTopicResponse.newBuilder().setError(Errors.of(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          "topic '" + request.getName() + "' does not exist")).build();
    }
    DescribeTopicResponse.Builder b = DescribeTopicResponse.newBuilder().setError(Errors.NONE)
        .setTopic(view.topic(topic));
    for (int p = 0; p < topic.partitions(); p++) {
      PartitionOffsets.Builder o = PartitionOffsets.newBuilder().setPartition(p);
      Partition local = registry.get(topic.name(), p).filter(x -> x.id().topicId().equals(topic.topicId()))
          .orElse(null);
      if (local != null) {
        o.setKnown(true).setLogStartOffset(local.logStartOffset()).setHighWatermark(local.logEndOffset());
      }
      b.addOffsets(o);
    }
    return b.build();
  }
}
