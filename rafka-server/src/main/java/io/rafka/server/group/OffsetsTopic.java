package io.rafka.server.group;

import io.rafka.proto.internal.CreateTopicCommand;
import io.rafka.proto.internal.MetadataCommand;
import io.rafka.server.metadata.ClusterImage;
import io.rafka.server.metadata.MetadataWriter;
import io.rafka.server.metadata.TopicInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

/**
 * The internal __consumer_offsets topic: which of its partitions coordinates a group, and its creation on
 * first use. Thread-safe.
 */
public final class OffsetsTopic {
  public static final String NAME = "__consumer_offsets";

  private final MetadataWriter metadata;
  private final int partitions;
  private final int replicationFactor;
  private final Clock clock;
  private final AtomicBoolean creating = new AtomicBoolean();

  public OffsetsTopic(MetadataWriter metadata, int partitions, int replicationFactor, Clock clock) {
    this.metadata = metadata;
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
    this.clock = clock;
  }

  /**
   * The partition that coordinates {@code groupId}: a stable hash (CRC-32C of the UTF-8 id, the same on every
   * node and version) modulo the topic's partition count.
   */
  public static int partitionFor(String groupId, int partitionCount) {
    CRC32C crc = new CRC32C();
    crc.update(groupId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % partitionCount);
  }

  /** The topic if it exists; otherwise proposes its creation (once at a time) and returns empty. */
  public Optional<TopicInfo> getOrCreate(ClusterImage image) {
    Optional<TopicInfo> topic = image.topic(NAME);
    if (topic.isPresent() || image.nodes().isEmpty()) {
      return topic;
    }
    if (creating.compareAndSet(false, true)) {
      CreateTopicCommand create = CreateTopicCommand.newBuilder().setName(NAME)
          .setTopicId(UUID.randomUUID().toString()).setPartitions(partitions)
          .setReplicationFactor(Math.min(replicationFactor, image.nodes().size()))
          .setCreatedAtMs(clock.millis()).build();
      // A concurrent creation by another node simply loses with TOPIC_ALREADY_EXISTS.
      metadata.propose(MetadataCommand.newBuilder().setCreateTopic(create).build())
          .whenComplete((r, e) -> creating.set(false));
    }
    return Optional.empty();
  }
}
