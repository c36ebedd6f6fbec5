package io.rafka.server.produce;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.rafka.common.compress.Codec;
import io.rafka.common.compress.CompressionType;
import io.rafka.common.compress.CorruptCompressedDataException;
import io.rafka.common.compress.DecompressedTooLargeException;
import io.rafka.proto.ErrorCode;
import io.rafka.proto.RecordBatch;
import io.rafka.proto.Records;
import io.rafka.server.errors.ServerException;
import java.io.IOException;
import java.util.zip.CRC32C;

/**
 * Checks a producer's batch before it goes anywhere near the Raft log: sizes, CRC, record count, producer
 * fields. Anything it lets through is a well-formed batch; anything it refuses changes nothing.
 * Stateless and thread-safe.
 */
public final class BatchValidator {
  private BatchValidator() {}

  /**
   * @param serializedSize the batch's size on the wire
   * @param maxBatchBytes the partition's max.message.bytes
   * @param maxDecompressedBytes the most a compressed batch may decompress to (message.max.decompressed.bytes)
   * @throws ServerException with the code and a message naming the problem
   */
  public static void validate(RecordBatch batch, int serializedSize, int maxBatchBytes, int maxDecompressedBytes) {
    if (serializedSize > maxBatchBytes) {
      throw new ServerException(ErrorCode.RECORD_TOO_LARGE, "batch of " + serializedSize
          + " bytes is larger than the topic's max.message.bytes (" + maxBatchBytes + ")");
    }
    if (batch.getRecordCount() < 1) {
      throw invalid("record_count must be at least 1, was " + batch.getRecordCount());
    }
    if (batch.getProducerId() < -1) {
      throw invalid("producer_id must be -1 (none) or a producer id, was " + batch.getProducerId());
    }
    if (batch.getProducerId() >= 0 && (batch.getProducerEpoch() < 0 || batch.getBaseSequence() < 0)) {
      throw invalid("an idempotent batch needs producer_epoch >= 0 and base_sequence >= 0");
    }
    if (batch.getUncompressedSize() < 0) {
      throw invalid("uncompressed_size must not be negative");
    }
    CRC32C crc = new CRC32C();
    crc.update(batch.getRecords().asReadOnlyByteBuffer());
    if ((int) crc.getValue() != batch.getCrc32C()) {
      throw new ServerException(ErrorCode.CORRUPT_MESSAGE, String.format(
          "batch CRC-32C mismatch: the batch says %08x, its records hash to %08x", batch.getCrc32C(),
          (int) crc.getValue()));
    }
    CompressionType type;
    try {
      type = CompressionType.forId(batch.getCompressionValue());
    } catch (IllegalArgumentException e) {
      throw new ServerException(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, e.getMessage());
    }
    if (batch.getUncompressedSize() > maxDecompressedBytes) {
      throw new ServerException(ErrorCode.RECORD_TOO_LARGE, "batch declares " + batch.getUncompressedSize()
          + " bytes decompressed; the limit is " + maxDecompressedBytes + " (message.max.decompressed.bytes)");
    }
    ByteString records;
    try {
      records = Codec.of(type).decompress(batch.getRecords(), maxDecompressedBytes);
    } catch (DecompressedTooLargeException e) {
      throw new ServerException(ErrorCode.RECORD_TOO_LARGE, "batch decompresses to more than "
          + maxDecompressedBytes + " bytes (message.max.decompressed.bytes)");
    } catch (CorruptCompressedDataException e) {
      throw new ServerException(ErrorCode.CORRUPT_MESSAGE, "batch cannot be decompressed as " + type.configName()
          + ": " + e.getMessage());
    }
    if (batch.getUncompressedSize() != records.size()) {
      throw invalid("uncompressed_size " + batch.getUncompressedSize() + " does not match the " + records.size()
          + " bytes the batch decompresses to");
    }
    int count;
    try {
      count = countRecords(records);
    } catch (IOException e) {
      throw new ServerException(ErrorCode.CORRUPT_MESSAGE, "batch records cannot be decoded: " + e.getMessage());
    }
    if (count != batch.getRecordCount()) {
      throw invalid("record_count says " + batch.getRecordCount() + " but the batch holds " + count + " records");
    }
  }

  /**
   * The records in an encoded {@code Records} message, counted by walking its wire format: each record is
   * checked to be a well-formed {@code Record} without being turned into objects, which would cost an
   * allocation per record on the produce path.
   */
  static int countRecords(ByteString records) throws IOException {
    CodedInputStream in = records.newCodedInput();
    int count = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag != RECORDS_TAG) {
        throw new InvalidProtocolBufferException("unexpected field " + WireFormat.getTagFieldNumber(tag)
            + " in a Records message");
      }
      int length = in.readRawVarint32();
      int limit = in.pushLimit(length);
      for (int t = in.readTag(); t != 0; t = in.readTag()) {
        if (!in.skipField(t)) {
          break;
        }
      }
      in.popLimit(limit);
      count++;
    }
    return count;
  }

  /** Field 1 (records), wire type 2 (length-delimited): (1 << 3) | 2. */
  private static final int RECORDS_TAG = (Records.RECORDS_FIELD_NUMBER << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED;

  private static ServerException invalid(String message) {
    return new ServerException(ErrorCode.INVALID_REQUEST, message);
  }
}
