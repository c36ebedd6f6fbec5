package io.rafka.client.internals;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.rafka.client.errors.RafkaException;
import io.rafka.common.Header;
import io.rafka.common.compress.Codec;
import io.rafka.common.compress.CompressionType;
import io.rafka.common.compress.CorruptCompressedDataException;
import io.rafka.common.compress.DecompressedTooLargeException;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.Record;
import io.rafka.proto.RecordBatch;
import io.rafka.proto.RecordHeader;
import io.rafka.proto.Records;
import io.rafka.protocol.FrameReader;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/** Encodes records into a producer batch and decodes fetched frames back into records. Stateless. */
public final class RecordBatches {
  private RecordBatches() {}

  /** A record ready to be batched: serialized key and value (null allowed), timestamp and headers. */
  public record Encoded(byte[] key, byte[] value, long timestamp, List<Header> headers) {
    /** Rough wire size, for batch.size and buffer.memory accounting. */
    public int sizeEstimate() {
      int size = 16 + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
      for (Header h : headers) {
        size += 8 + h.key().length() + h.value().length;
      }
      return size;
    }
  }

  /** A record read back, with the offset the partition gave it. */
  public record Decoded(long offset, long timestamp, byte[] key, byte[] value, List<Header> headers) {}

  /** An uncompressed batch. */
  public static RecordBatch encode(List<Encoded> records, long producerId, int producerEpoch, int baseSequence) {
    return encode(records, producerId, producerEpoch, baseSequence, CompressionType.NONE);
  }

  /** A batch whose records are compressed as a whole with {@code compression}. */
  public static RecordBatch encode(List<Encoded> records, long producerId, int producerEpoch, int baseSequence,
      CompressionType compression) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one record");
    }
    long base = records.get(0).timestamp();
    long max = base;
    Records.Builder rb = Records.newBuilder();
    for (Encoded e : records) {
      Record.Builder r = Record.newBuilder().setTimestampDelta(e.timestamp() - base);
      if (e.key() != null) {
        r.setKey(ByteString.copyFrom(e.key()));
      }
      if (e.value() != null) {
        r.setValue(ByteString.copyFrom(e.value()));
      }
      for (Header h : e.headers()) {
        r.addHeaders(RecordHeader.newBuilder().setKey(h.key()).setValue(ByteString.copyFrom(h.value())));
      }
      rb.addRecords(r);
      max = Math.max(max, e.timestamp());
    }
    ByteString raw = rb.build().toByteString();
    ByteString bytes = Codec.of(compression).compress(raw);
    CRC32C crc = new CRC32C();
    crc.update(bytes.asReadOnlyByteBuffer());
    return RecordBatch.newBuilder().setProducerId(producerId).setProducerEpoch(producerEpoch)
        .setBaseSequence(baseSequence).setRecordCount(records.size()).setBaseTimestamp(base).setMaxTimestamp(max)
        .setCompressionValue(compression.id()).setUncompressedSize(raw.size())
        .setCrc32C((int) crc.getValue()).setRecords(bytes).build();
  }

  /**
   * The encoded Records of a batch, decompressed. The batch's own uncompressed_size bounds the work: the
   * server checked it when the batch was produced.
   */
  public static ByteString recordsOf(RecordBatch batch)
      throws CorruptCompressedDataException, DecompressedTooLargeException {
    CompressionType type = CompressionType.forId(batch.getCompressionValue());
    return Codec.of(type).decompress(batch.getRecords(), Math.max(0, batch.getUncompressedSize()));
  }

  /** The records of fetched frames (CRC-checked), from {@code fromOffset} on. */
  public static List<Decoded> decode(ByteString frames, long fromOffset) {
    List<Decoded> out = new ArrayList<>();
    List<FrameReader.Frame> all;
    try {
      all = FrameReader.frames(frames);
    } catch (FrameReader.CorruptFrameException e) {
      throw new RafkaException(ErrorCode.CORRUPT_MESSAGE, "fetched data is corrupt: " + e.getMessage());
    }
    for (FrameReader.Frame f : all) {
      if (f.header().nextOffset() <= fromOffset) {
        continue;
      }
      RecordBatch batch;
      Records records;
      try {
        batch = RecordBatch.parseFrom(f.payload());
        records = Records.parseFrom(recordsOf(batch));
      } catch (InvalidProtocolBufferException | CorruptCompressedDataException | DecompressedTooLargeException
          | IllegalArgumentException e) {
        throw new RafkaException(ErrorCode.CORRUPT_MESSAGE, "fetched batch at offset "
            + f.header().baseOffset() + " cannot be decoded: " + e.getMessage());
      }
      long offset = f.header().baseOffset();
      for (Record r : records.getRecordsList()) {
        if (offset >= fromOffset) {
          List<Header> headers = new ArrayList<>(r.getHeadersCount());
          r.getHeadersList().forEach(h -> headers.add(new Header(h.getKey(), h.getValue().toByteArray())));
          out.add(new Decoded(offset, batch.getBaseTimestamp() + r.getTimestampDelta(),
              r.hasKey() ? r.getKey().toByteArray() : null, r.hasValue() ? r.getValue().toByteArray() : null,
              headers));
        }
        offset++;
      }
    }
    return out;
  }
}
