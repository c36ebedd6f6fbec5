package io.rafka.server.group;

import io.rafka.server.group.assign.TopicPartition;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A coordinated group as last measured: its members, its epoch (generation) and, for each partition it has
 * committed an offset for, how far behind that partition's high watermark it is. Immutable.
 */
public record GroupLag(String groupId, int members, int generation, SortedMap<TopicPartition, PartitionLag> lags) {
  public GroupLag {
    lags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(lags));
  }

  /**
   * One partition: the committed offset, the leader's end offset (high watermark) when it was asked, and the
   * timestamp of the first record the group has not consumed (empty when there is none, or it is unknown).
   */
  public record PartitionLag(long committedOffset, long endOffset, OptionalLong firstUnconsumedTimestampMs) {
    /** Records between the committed offset and the high watermark. */
    public long records() {
      return Math.max(0, endOffset - committedOffset);
    }

    /**
     * How long the first record the group has not consumed has waited, at {@code nowMs}: 0 when the group is
     * caught up; empty when its timestamp is unknown. Producers stamp records, so a clock far off can make a
     * record look older or newer than it is; never below 0.
     */
    public OptionalLong millis(long nowMs) {
      if (records() == 0) {
        return OptionalLong.of(0);
      }
      return firstUnconsumedTimestampMs.isPresent()
          ? OptionalLong.of(Math.max(0, nowMs - firstUnconsumedTimestampMs.getAsLong())) : OptionalLong.empty();
    }
  }

  static GroupLag of(String groupId, int members, int generation, Map<TopicPartition, PartitionLag> lags) {
    return new GroupLag(groupId, members, generation, new TreeMap<>(lags));
  }
}
