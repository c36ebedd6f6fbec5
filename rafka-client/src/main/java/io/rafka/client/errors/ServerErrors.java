package io.rafka.client.errors;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one mapping from wire errors (and gRPC transport failures) to the client's exception tree. Stateless
 * and thread-safe.
 */
public final class ServerErrors {
  /** Codes a client may retry, perhaps after refreshing metadata. */
  public static final Set<ErrorCode> RETRIABLE = EnumSet.of(ErrorCode.NOT_LEADER, ErrorCode.LEADER_NOT_AVAILABLE,
      ErrorCode.REQUEST_TIMED_OUT, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.REPLICA_NOT_AVAILABLE,
      ErrorCode.STORAGE_ERROR, ErrorCode.METADATA_UNAVAILABLE, ErrorCode.NODE_SHUTTING_DOWN,
      ErrorCode.LEADERSHIP_LOST, ErrorCode.NOT_COORDINATOR, ErrorCode.COORDINATOR_NOT_AVAILABLE,
      ErrorCode.REASSIGNMENT_IN_PROGRESS, ErrorCode.OFFSET_NOT_AVAILABLE);

  private ServerErrors() {}

  /** The exception for a non-NONE wire error. */
  public static RafkaException toException(Error error) {
    ErrorCode code = error.getCode();
    String message = error.getMessage().isEmpty() ? code.name() : code + ": " + error.getMessage();
    switch (code) {
      case NOT_LEADER:
      case LEADERSHIP_LOST:
        return new NotLeaderException(code, message);
      case UNKNOWN_TOPIC_OR_PARTITION:
        return new UnknownTopicOrPartitionException(message);
      case REQUEST_TIMED_OUT:
        return new TimeoutException(message);
      case TOPIC_ALREADY_EXISTS:
        return new TopicExistsException(message);
      case INVALID_TOPIC:
        return new InvalidTopicException(message);
      case RECORD_TOO_LARGE:
        return new RecordTooLargeException(message);
      case OFFSET_OUT_OF_RANGE:
        return new OffsetOutOfRangeException(message, -1, -1);
      case UNKNOWN_MEMBER_ID:
      case STALE_MEMBER_EPOCH:
      case INVALID_COMMIT_OFFSET:
        return new CommitFailedException(code, message);
      case UNKNOWN_NODE:
        return new UnknownNodeException(message);
      case INVALID_MEMBERSHIP_CHANGE:
        return new InvalidMembershipChangeException(message);
      case REASSIGNMENT_IN_PROGRESS:
        return new ReassignmentInProgressException(message);
      default:
        return RETRIABLE.contains(code) ? new RetriableException(code, message) : new RafkaException(code, message);
    }
  }

  /** The exception for a failed gRPC call (transport or status). */
  public static RafkaException fromTransport(Throwable t, String target) {
    if (t instanceof RafkaException re) {
      return re;
    }
    if (t instanceof StatusRuntimeException sre) {
      Status.Code c = sre.getStatus().getCode();
      Status status = sre.getStatus();
      String message = "call to " + target + " failed: " + status.getCode()
          + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")");
      switch (c) {
        case DEADLINE_EXCEEDED:
          return new TimeoutException(message, t);
        case UNAVAILABLE:
        case CANCELLED:
        case ABORTED:
          return new NetworkException(message, t);
        case RESOURCE_EXHAUSTED:
          return new RecordTooLargeException(message);
        default:
          return new RafkaException(ErrorCode.NONE, message, t);
      }
    }
    return new NetworkException("call to " + target + " failed: " + t, t);
  }
}
