package io.rafka.server.partition;

import com.google.protobuf.ByteString;
import io.rafka.common.compress.Codec;
import io.rafka.common.compress.CompressionType;
import io.rafka.common.compress.CorruptCompressedDataException;
import io.rafka.common.compress.DecompressedTooLargeException;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.Record;
import io.rafka.proto.RecordBatch;
import io.rafka.proto.Records;
import io.rafka.proto.internal.AppendCommand;
import io.rafka.proto.internal.PartitionCommand;
import io.rafka.proto.internal.PartitionCommandResult;
import io.rafka.proto.internal.PartitionIdentity;
import io.rafka.proto.internal.PartitionSnapshotManifest;
import io.rafka.proto.internal.SegmentManifest;
import io.rafka.proto.internal.SnapshotFileEntry;
import io.rafka.server.cache.HotReadCache;
import io.rafka.server.group.GroupStore;
import io.rafka.server.log.AppendedBatch;
import io.rafka.server.log.LogCheckpoint;
import io.rafka.server.log.LogConfig;
import io.rafka.server.log.LogSnapshot;
import io.rafka.server.log.PartitionLog;
import io.rafka.server.log.SegmentCheckpoint;
import io.rafka.protocol.FrameReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local replica of one partition: its segmented log, its idempotence table and its entries in the
 * hot-read cache. {@link #apply} is the partition's state transition; it runs on the partition's Raft apply
 * thread only, in log order, so every replica assigns the same offsets. Reads run on any thread.
 *
 * <p>Thread-safety: one writer (the apply thread calls apply, checkpoint and close), many readers.
 */
public final class Partition implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Partition.class);
  /** Producers idle this long (by the log's own clock) are forgotten; a constant so replicas agree. */
  static final long PRODUCER_EXPIRATION_MS = TimeUnit.DAYS.toMillis(7);
  /** How often (in Raft log entries) to look for expired producers. */
  static final long EXPIRATION_CHECK_EVERY = 1000;

  private final PartitionIdentity identity;
  private final PartitionId id;
  private final PartitionLog log;
  private final ProducerStateTable producers = new ProducerStateTable();
  private final GroupStore groups = new GroupStore();
  private final HotReadCache cache;
  private final long incarnation = HotReadCache.newIncarnation();
  private final AppendListener appendListener;

  private Partition(PartitionIdentity identity, PartitionLog log, HotReadCache cache, AppendListener listener) {
    this.identity = identity;
    this.id = PartitionId.of(identity);
    this.log = log;
    this.cache = cache;
    this.appendListener = listener;
  }

  /** A partition with an empty log in {@code logDir}. */
  public static Partition create(PartitionIdentity identity, Path logDir, LogConfig config, HotReadCache cache,
      AppendListener listener) throws IOException {
    return new Partition(identity, PartitionLog.create(logDir, config), cache, listener);
  }

  /**
   * The partition as of a snapshot: the log brought back to exactly the snapshot's segments (anything after
   * it is re-applied from the Raft log), and the snapshot's idempotence table.
   */
  public static Partition restore(PartitionSnapshotManifest manifest, Path logDir, Path snapshotDir,
      LogConfig config, HotReadCache cache, AppendListener listener) throws IOException {
    PartitionLog log = PartitionLog.restore(logDir, config, toCheckpoint(manifest), snapshotDir);
    Partition p = new Partition(manifest.getIdentity(), log, cache, listener);
    p.producers.loadSnapshot(manifest.getProducersList());
    p.groups.loadSnapshot(manifest.getGroupsList());
    return p;
  }

  /** Applies one committed command. {@code index} is its Raft log index. */
  public PartitionCommandResult apply(PartitionCommand command, long index) throws IOException {
    PartitionCommandResult result;
    switch (command.getCommandCase()) {
      case APPEND:
        result = append(command.getAppend());
        break;
      case TRIM_LOG:
        log.trimTo(Math.min(command.getTrimLog().getNewLogStartOffset(), log.logEndOffset()));
        result = PartitionCommandResult.newBuilder().setLogStartOffset(log.logStartOffset()).build();
        break;
      case GROUP_UPDATE:
        result = groups.apply(command.getGroupUpdate());
        break;
      case OFFSET_COMMIT:
        result = groups.apply(command.getOffsetCommit());
        break;
      default:
        result = PartitionCommandResult.newBuilder().setError(ErrorCode.INVALID_REQUEST)
            .setMessage("unknown partition command " + command.getCommandCase()).build();
    }
    if (index % EXPIRATION_CHECK_EVERY == 0 && command.hasAppend()) {
      int expired = producers.expire(command.getAppend().getAppendTimeMs() - PRODUCER_EXPIRATION_MS);
      if (expired > 0) {
        LOG.info("[partition={}] forgot {} idle producers", id, expired);
      }
    }
    return result;
  }

  private PartitionCommandResult append(AppendCommand c) throws IOException {
    boolean idempotent = c.getProducerId() >= 0;
    if (idempotent) {
      ProducerStateTable.Check check =
          producers.check(c.getProducerId(), c.getProducerEpoch(), c.getBaseSequence(), c.getRecordCount());
      if (check instanceof ProducerStateTable.Duplicate d) {
        return PartitionCommandResult.newBuilder().setBaseOffset(d.baseOffset()).setAppendTimeMs(d.appendTimeMs())
            .setLogStartOffset(log.logStartOffset()).setDuplicate(true).build();
      }
      if (check instanceof ProducerStateTable.Refuse r) {
        return PartitionCommandResult.newBuilder().setError(r.code()).setMessage(r.message())
            .setLogStartOffset(log.logStartOffset()).build();
      }
    }
    AppendedBatch appended = log.append(c.getRecordCount(), c.getAppendTimeMs(), c.getMaxTimestamp(), c.getBatch());
    if (idempotent) {
      producers.record(c.getProducerId(), c.getProducerEpoch(), c.getBaseSequence(), c.getRecordCount(),
          appended.baseOffset(), c.getAppendTimeMs());
    }
    cache.put(incarnation, appended.baseOffset(), c.getRecordCount(), appended.frame());
    appendListener.onAppend(id);
    return PartitionCommandResult.newBuilder().setBaseOffset(appended.baseOffset())
        .setAppendTimeMs(c.getAppendTimeMs()).setLogStartOffset(log.logStartOffset()).build();
  }

  /**
   * Whole frames from the one containing {@code offset}, within {@code maxBytes} (at least one frame), from
   * the cache when it has them, else from the segments. Never past what this replica has applied.
   *
   * @throws io.rafka.server.log.OffsetOutOfRangeException if offset is outside [log start, log end]
   */
  public ByteString read(long offset, int maxBytes) throws IOException {
    long end = log.logEndOffset();
    if (offset == end && offset >= log.logStartOffset()) {
      return ByteString.EMPTY;
    }
    if (offset >= log.logStartOffset() && offset < end) {
      ByteString cached = cache.read(incarnation, offset, end, maxBytes);
      if (cached != null) {
        return cached;
      }
    }
    return log.read(offset, maxBytes);
  }

  /**
   * Fsyncs the log, hard-links its files into {@code snapshotDir} and describes the result. Runs on the apply
   * thread, so the snapshot is exactly the state after the last applied entry.
   */
  public PartitionSnapshotManifest checkpoint(Path snapshotDir, long term, long index) throws IOException {
    LogSnapshot snapshot = log.checkpoint(snapshotDir);
    LogCheckpoint lc = snapshot.checkpoint();
    PartitionSnapshotManifest.Builder m = PartitionSnapshotManifest.newBuilder().setTerm(term).setIndex(index)
        .setIdentity(identity).setLogStartOffset(lc.logStartOffset()).setLogEndOffset(lc.logEndOffset())
        .addAllProducers(producers.toSnapshot()).addAllGroups(groups.toSnapshot());
    for (SegmentCheckpoint s : lc.segments()) {
      m.addSegments(SegmentManifest.newBuilder().setBaseOffset(s.baseOffset()).setNextOffset(s.nextOffset())
          .setSizeBytes(s.sizeBytes()).setFirstAppendTimeMs(s.firstAppendTimeMs())
          .setMaxAppendTimeMs(s.maxAppendTimeMs()).setIndexSizeBytes(s.indexSizeBytes()));
    }
    for (LogSnapshot.SnapshotFile f : snapshot.files()) {
      m.addFiles(SnapshotFileEntry.newBuilder().setName(snapshotDir.relativize(f.path()).toString())
          .setSizeBytes(f.sizeBytes()));
    }
    return m.build();
  }

  /**
   * The first offset whose record is stamped at or after {@code timestamp} (the log end offset if none), for
   * resetting consumer offsets to a point in time, exact to the record.
   */
  public long offsetForTimestamp(long timestamp) throws IOException {
    long batchOffset = log.offsetForTimestamp(timestamp);
    if (batchOffset >= log.logEndOffset()) {
      return batchOffset;
    }
    DecodedBatch batch = batchAt(batchOffset);
    for (int i = 0; i < batch.records().size(); i++) {
      long offset = batch.baseOffset() + i;
      if (offset >= batchOffset && batch.timestampOf(i) >= timestamp) {
        return offset;
      }
    }
    return batch.nextOffset();
  }

  /**
   * The timestamp of the record at {@code offset} (of the log start's record when offset is below the log
   * start): how long the first record a consumer has not read yet has waited. Empty at or past the log end.
   */
  public OptionalLong timestampAt(long offset) throws IOException {
    long at = Math.max(offset, log.logStartOffset());
    if (at >= log.logEndOffset()) {
      return OptionalLong.empty();
    }
    DecodedBatch batch = batchAt(at);
    int index = (int) (at - batch.baseOffset());
    if (index < 0 || index >= batch.records().size()) {
      throw new IOException("the batch read at offset " + at + " holds offsets " + batch.baseOffset() + " to "
          + (batch.nextOffset() - 1));
    }
    return OptionalLong.of(batch.timestampOf(index));
  }

  /** The batch holding {@code offset}, decompressed. */
  private DecodedBatch batchAt(long offset) throws IOException {
    FrameReader.Frame frame = FrameReader.frames(log.read(offset, 1)).get(0);
    RecordBatch batch = RecordBatch.parseFrom(frame.payload());
    try {
      List<Record> records = Records.parseFrom(Codec.of(CompressionType.forId(batch.getCompressionValue()))
          .decompress(batch.getRecords(), batch.getUncompressedSize())).getRecordsList();
      return new DecodedBatch(frame.header().baseOffset(), frame.header().nextOffset(), batch.getBaseTimestamp(),
          records);
    } catch (CorruptCompressedDataException | DecompressedTooLargeException e) {
      throw new IOException("batch at offset " + offset + " cannot be decompressed: " + e.getMessage(), e);
    }
  }

  private record DecodedBatch(long baseOffset, long nextOffset, long baseTimestamp, List<Record> records) {
    long timestampOf(int index) {
      return baseTimestamp + records.get(index).getTimestampDelta();
    }
  }

  /** The log start offset retention would move to now, if any. */
  public OptionalLong retentionTarget(long nowMs) {
    return log.retentionTarget(nowMs);
  }

  public PartitionId id() {
    return id;
  }

  public PartitionIdentity identity() {
    return identity;
  }

  public long logStartOffset() {
    return log.logStartOffset();
  }

  /** The offset after the last applied record: this replica's high watermark. */
  public long logEndOffset() {
    return log.logEndOffset();
  }

  public long sizeInBytes() {
    return log.sizeInBytes();
  }

  public int segmentCount() {
    return log.segmentCount();
  }

  /** The consumer groups coordinated through this partition (empty unless it is a __consumer_offsets one). */
  public GroupStore groups() {
    return groups;
  }

  public int producerCount() {
    return producers.size();
  }

  @Override
  public void close() throws IOException {
    cache.invalidate(incarnation);
    log.close();
  }

  private static LogCheckpoint toCheckpoint(PartitionSnapshotManifest m) {
    List<SegmentCheckpoint> segments = m.getSegmentsList().stream().map(s -> new SegmentCheckpoint(
        s.getBaseOffset(), s.getNextOffset(), s.getSizeBytes(), s.getFirstAppendTimeMs(), s.getMaxAppendTimeMs(),
        s.getIndexSizeBytes())).toList();
    return new LogCheckpoint(m.getLogStartOffset(), m.getLogEndOffset(), segments);
  }
}
