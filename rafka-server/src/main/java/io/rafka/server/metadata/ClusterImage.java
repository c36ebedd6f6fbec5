package io.rafka.server.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of the cluster metadata: members, topics, reported leaders and the producer-id counter.
 * Every metadata change produces a new image with a higher epoch; a change of the ring's members also bumps
 * the ring epoch. Immutable and thread-safe.
 */
public final class ClusterImage {
  public static final ClusterImage EMPTY = new ClusterImage(0, 0, new TreeMap<>(), new TreeMap<>(), 1,
      List.of());
  /** How many deleted topic ids the image remembers. */
  static final int DELETED_TOPICS_KEPT = 10_000;

  private final long epoch;
  private final long ringEpoch;
  private final SortedMap<Integer, NodeInfo> nodes;
  private final SortedMap<String, TopicInfo> topics;
  private final Map<String, TopicInfo> topicsById;
  private final long nextProducerId;
  private final List<String> deletedTopicIds;
  private final Set<String> deletedTopicIdSet;

  public ClusterImage(long epoch, long ringEpoch, SortedMap<Integer, NodeInfo> nodes,
      SortedMap<String, TopicInfo> topics, long nextProducerId, List<String> deletedTopicIds) {
    this.epoch = epoch;
    this.ringEpoch = ringEpoch;
    this.nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
    this.topics = Collections.unmodifiableSortedMap(new TreeMap<>(topics));
    Map<String, TopicInfo> byId = new HashMap<>();
    topics.values().forEach(t -> byId.put(t.topicId(), t));
    this.topicsById = Collections.unmodifiableMap(byId);
    this.nextProducerId = nextProducerId;
    this.deletedTopicIds = List.copyOf(deletedTopicIds);
    this.deletedTopicIdSet = Set.copyOf(deletedTopicIds);
  }

  public long epoch() {
    return epoch;
  }

  public long ringEpoch() {
    return ringEpoch;
  }

  public SortedMap<Integer, NodeInfo> nodes() {
    return nodes;
  }

  public SortedMap<String, TopicInfo> topics() {
    return topics;
  }

  public Optional<TopicInfo> topic(String name) {
    return Optional.ofNullable(topics.get(name));
  }

  public Optional<TopicInfo> topicById(String topicId) {
    return Optional.ofNullable(topicsById.get(topicId));
  }

  public Optional<NodeInfo> node(int nodeId) {
    return Optional.ofNullable(nodes.get(nodeId));
  }

  /** The nodes in the ring, ascending. */
  public List<Integer> ringMembers() {
    return nodes.values().stream().filter(NodeInfo::inRing).map(NodeInfo::nodeId).toList();
  }

  public long nextProducerId() {
    return nextProducerId;
  }

  /** Recently deleted topic ids, oldest first. */
  public List<String> deletedTopicIds() {
    return deletedTopicIds;
  }

  public boolean isDeleted(String topicId) {
    return deletedTopicIdSet.contains(topicId);
  }

  /** This image with a node added or replaced; the ring epoch moves if the ring's members change. */
  ClusterImage withNode(NodeInfo node) {
    SortedMap<Integer, NodeInfo> next = new TreeMap<>(nodes);
    next.put(node.nodeId(), node);
    return new ClusterImage(epoch + 1, nextRingEpoch(next), next, topics, nextProducerId, deletedTopicIds);
  }

  ClusterImage withoutNode(int nodeId) {
    SortedMap<Integer, NodeInfo> next = new TreeMap<>(nodes);
    next.remove(nodeId);
    return new ClusterImage(epoch + 1, nextRingEpoch(next), next, topics, nextProducerId, deletedTopicIds);
  }

  private long nextRingEpoch(SortedMap<Integer, NodeInfo> next) {
    boolean same = next.values().stream().filter(NodeInfo::inRing).map(NodeInfo::nodeId).toList()
        .equals(ringMembers());
    return same ? ringEpoch : ringEpoch + 1;
  }

  ClusterImage withTopic(TopicInfo topic) {
    SortedMap<String, TopicInfo> next = new TreeMap<>(topics);
    next.put(topic.name(), topic);
    return new ClusterImage(epoch + 1, ringEpoch, nodes, next, nextProducerId, deletedTopicIds);
  }

  /** This image with several topics replaced at once (one epoch step). */
  ClusterImage withTopics(List<TopicInfo> changed) {
    if (changed.isEmpty()) {
      return this;
    }
    SortedMap<String, TopicInfo> next = new TreeMap<>(topics);
    changed.forEach(t -> next.put(t.name(), t));
    return new ClusterImage(epoch + 1, ringEpoch, nodes, next, nextProducerId, deletedTopicIds);
  }

  ClusterImage withoutTopic(String name) {
    SortedMap<String, TopicInfo> next = new TreeMap<>(topics);
    TopicInfo removed = next.remove(name);
    List<String> deleted = new ArrayList<>(deletedTopicIds);
    deleted.add(removed.topicId());
    if (deleted.size() > DELETED_TOPICS_KEPT) {
      deleted = deleted.subList(deleted.size() - DELETED_TOPICS_KEPT, deleted.size());
    }
    return new ClusterImage(epoch + 1, ringEpoch, nodes, next, nextProducerId, deleted);
  }

  ClusterImage withNextProducerId(long next) {
    return new ClusterImage(epoch + 1, ringEpoch, nodes, topics, next, deletedTopicIds);
  }
}
