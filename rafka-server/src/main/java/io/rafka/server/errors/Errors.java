package io.rafka.server.errors;

import io.rafka.proto.Error;
import io.rafka.proto.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Builds wire {@link Error}s. Stateless and thread-safe. */
public final class Errors {
  public static final Error NONE = Error.newBuilder().setCode(ErrorCode.NONE).build();

  private Errors() {}

  public static Error of(ErrorCode code, String message) {
    return Error.newBuilder().setCode(code).setMessage(message == null ? "" : message).build();
  }

  /** The wire error for a failure: its code if it is a {@link ServerException}, else UNKNOWN_SERVER_ERROR. */
  public static Error from(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof ServerException se) {
      return of(se.code(), se.getMessage());
    }
    return of(ErrorCode.UNKNOWN_SERVER_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  public static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
