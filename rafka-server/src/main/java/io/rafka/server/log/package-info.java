/**
 * The on-disk segmented log of one partition.
 *
 * <p>A {@link io.rafka.server.log.PartitionLog} is written by exactly one thread (the partition's Raft state
 * machine, which applies committed entries in order) and read by any number of fetch threads at once. Each
 * producer batch becomes one {@link io.rafka.protocol.BatchFrame} in the active segment; segments roll on
 * size and on append time only, so replicas that apply the same entries produce byte-identical files.
 * Segments are not fsynced per append (the Raft log is the durable copy): they are fsynced when they roll and
 * at a {@linkplain io.rafka.server.log.PartitionLog#checkpoint checkpoint}, which also hard-links every
 * segment and index file into a snapshot directory.
 *
 * <p>Errors: problems a caller answers or reports ({@link io.rafka.server.log.OffsetOutOfRangeException}, {@link
 * io.rafka.server.log.CorruptLogException}, bad arguments, use after close) are unchecked exceptions; failures
 * of the file system itself are {@link java.io.IOException}s.
 */
package io.rafka.server.log;
