package io.rafka.client.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import org.junit.jupiter.api.Test;

class ServerErrorsTest {
  private static RafkaException map(ErrorCode code) {
    return ServerErrors.toException(Error.newBuilder().setCode(code).setMessage("why").build());
  }

  @Test
  void membershipErrorsHaveTheirOwnTypes() {
    assertInstanceOf(UnknownNodeException.class, map(ErrorCode.UNKNOWN_NODE));
    assertInstanceOf(InvalidMembershipChangeException.class, map(ErrorCode.INVALID_MEMBERSHIP_CHANGE));
    assertInstanceOf(ReassignmentInProgressException.class, map(ErrorCode.REASSIGNMENT_IN_PROGRESS));
  }

  @Test
  void retriableAsTheProtoSays() {
    assertFalse(map(ErrorCode.UNKNOWN_NODE) instanceof RetriableException);
    assertFalse(map(ErrorCode.INVALID_MEMBERSHIP_CHANGE) instanceof RetriableException);
    assertTrue(map(ErrorCode.REASSIGNMENT_IN_PROGRESS) instanceof RetriableException);
  }

  @Test
  void theMessageNamesTheCodeThenTheServersWords() {
    RafkaException e = map(ErrorCode.INVALID_MEMBERSHIP_CHANGE);
    assertEquals(ErrorCode.INVALID_MEMBERSHIP_CHANGE, e.code());
    assertEquals("INVALID_MEMBERSHIP_CHANGE: why", e.getMessage());
  }

  @Test
  void everyCodeMapsToAnExceptionCarryingIt() {
    for (ErrorCode code : ErrorCode.values()) {
      if (code == ErrorCode.NONE || code == ErrorCode.UNRECOGNIZED) {
        continue;
      }
      assertEquals(code, map(code).code(), code.name());
    }
  }
}
