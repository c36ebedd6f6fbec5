package io.rafka.client.admin;

/**
 * A group's position in one partition: its committed offset (-1 if none), the partition's high watermark, and
 * the lag in records between them (-1 when nothing is committed). Immutable.
 */
public record PartitionLag(long committedOffset, long highWatermark, long lag) {}
