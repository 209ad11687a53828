package dev.waasj.client;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** How a call ended, attempts and waits included. */
public final class CallOutcome {
  /** The kind of ending, a fit value for a metric's outcome tag. */
  public enum Kind {
    /** A 2xx response, verified. */
    SUCCESS,
    /** An error response from Cobo (or an unsigned proxy error it lets through): the status says which. */
    API_ERROR,
    /** A response that failed signature verification: not Cobo's answer. */
    SIGNATURE_FAILURE,
    /** No response: connection, timeout, or the SDK would not sign. */
    TRANSPORT_FAILURE,
    /** Cancelled by the caller. */
    CANCELLED
  }

  private final String operation;
  private final Kind kind;
  private final int attempts;
  private final int status;
  private final @Nullable Integer errorCode;
  private final @Nullable String failure;
  private final Duration duration;

  CallOutcome(
      String operation,
      Kind kind,
      int attempts,
      int status,
      @Nullable Integer errorCode,
      @Nullable String failure,
      Duration duration) {
    this.operation = operation;
    this.kind = kind;
    this.attempts = attempts;
    this.status = status;
    this.errorCode = errorCode;
    this.failure = failure;
    this.duration = duration;
  }

  /** The operation, as in {@link CallStart#operation()}. */
  public String operation() {
    return operation;
  }

  /** How it ended. */
  public Kind kind() {
    return kind;
  }

  /** Attempts made, 1 when there was no retry. */
  public int attempts() {
    return attempts;
  }

  /** The last attempt's HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** Cobo's {@code error_code} of the last response, when it had one. */
  public OptionalInt errorCode() {
    return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
  }

  /** The last failure's exception simple name, when the call ended without a usable response. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** From the call's start to its end, waits included. */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "CallOutcome{" + operation + ' ' + kind + ", attempts=" + attempts + ", status=" + status
        + (errorCode == null ? "" : ", errorCode=" + errorCode) + (failure == null ? "" : ", failure=" + failure)
        + ", " + duration.toMillis() + " ms}";
  }
}
