package dev.waasj.client;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** One attempt of a call on the wire, and whether the call goes on. */
public final class AttemptOutcome {
  private final String operation;
  private final int attempt;
  private final int status;
  private final @Nullable Integer errorCode;
  private final @Nullable String failure;
  private final Duration duration;
  private final @Nullable Duration retryWait;

  AttemptOutcome(
      String operation,
      int attempt,
      int status,
      @Nullable Integer errorCode,
      @Nullable String failure,
      Duration duration,
      @Nullable Duration retryWait) {
    this.operation = operation;
    this.attempt = attempt;
    this.status = status;
    this.errorCode = errorCode;
    this.failure = failure;
    this.duration = duration;
    this.retryWait = retryWait;
  }

  /** The operation, as in {@link CallStart#operation()}. */
  public String operation() {
    return operation;
  }

  /** 1 for the first attempt, 2 for the first retry, and so on. */
  public int attempt() {
    return attempt;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** Cobo's {@code error_code}, when an error response carried one. */
  public OptionalInt errorCode() {
    return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
  }

  /**
   * Why no usable response arrived: the exception's simple class name (e.g. {@code SocketTimeoutException}, {@code
   * ResponseSignatureException}); empty when a response arrived.
   */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** From sending the request to its response or failure. */
  public Duration duration() {
    return duration;
  }

  /** Whether another attempt follows. */
  public boolean willRetry() {
    return retryWait != null;
  }

  /** The wait before the next attempt, when one follows. */
  public Optional<Duration> retryWait() {
    return Optional.ofNullable(retryWait);
  }

  @Override
  public String toString() {
    return "AttemptOutcome{" + operation + " #" + attempt + ", status=" + status
        + (errorCode == null ? "" : ", errorCode=" + errorCode) + (failure == null ? "" : ", failure=" + failure)
        + ", " + duration.toMillis() + " ms" + (retryWait == null ? "" : ", retry in " + retryWait.toMillis() + " ms")
        + '}';
  }
}
