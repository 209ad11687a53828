package dev.waasj.testkit;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A misbehaviour the emulator applies to the next request(s), queued with {@link CoboEmulator#enqueueFault(Fault)}.
 * Immutable; equal faults are interchangeable.
 *
 * <p>Faults come in three kinds:
 *
 * <ul>
 *   <li><b>Stand-ins</b> answer instead of the API, as a proxy or a failing server would: {@link #rateLimited},
 *       {@link #serverError}, {@link #badGateway}, {@link #htmlErrorPage}, {@link #malformedJson} and {@link
 *       #dropConnection}. The request is neither authenticated nor processed: its nonce is not consumed and no token
 *       is issued or rotated. It is recorded with {@link Verdict#NOT_VERIFIED}.
 *   <li><b>Response faults</b> let the request be authenticated and processed normally, then spoil the response:
 *       {@link #unsigned}, {@link #wrongKeySignature}, {@link #tamperedBody} and {@link #dropResponse}. State changes stick, exactly like a
 *       response lost in transit: a refresh answered with a tampered body has still rotated the refresh token.
 *   <li>{@link #latency} delays the request, which is then served normally.
 * </ul>
 */
public final class Fault {
  enum Kind {
    LATENCY,
    RATE_LIMITED,
    SERVER_ERROR,
    HTML_ERROR_PAGE,
    MALFORMED_JSON,
    DROP_CONNECTION,
    UNSIGNED,
    WRONG_KEY_SIGNATURE,
    TAMPERED_BODY,
    DROP_RESPONSE
  }

  private final Kind kind;
  private final int status;
  private final long retryAfterSeconds;
  private final Duration delay;

  private Fault(Kind kind, int status, long retryAfterSeconds, Duration delay) {
    this.kind = kind;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.delay = delay;
  }

  private static Fault of(Kind kind, int status) {
    return new Fault(kind, status, 0, Duration.ZERO);
  }

  /**
   * Holds the request for {@code delay} before serving it normally; use it with a shorter client timeout to test
   * timeouts. Closing the emulator cuts the wait short and drops the connection.
   *
   * @param delay how long to wait, not negative
   */
  public static Fault latency(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    return new Fault(Kind.LATENCY, 0, 0, delay);
  }

  /**
   * HTTP 429 with a {@code Retry-After} header and a Cobo-style JSON body (error_code 2010), but <b>unsigned</b>, as
   * a rate-limiting proxy in front of the API answers.
   *
   * @param retryAfterSeconds the {@code Retry-After} value in seconds, not negative
   */
  public static Fault rateLimited(long retryAfterSeconds) {
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds must not be negative");
    }
    return new Fault(Kind.RATE_LIMITED, 429, retryAfterSeconds, Duration.ZERO);
  }

  /**
   * A 5xx status with a <b>signed</b> Cobo error body {@code {"error_code":1000,"error_message":..,"error_id":..}},
   * as the API server itself answers when it fails.
   *
   * @param status an HTTP status from 500 to 599
   */
  public static Fault serverError(int status) {
    requireStatus(status, 500, 599);
    return of(Kind.SERVER_ERROR, status);
  }

  /** An unsigned HTTP 502 with an HTML page, as a load balancer answers when the API is down. */
  public static Fault badGateway() {
    return htmlErrorPage(502);
  }

  /**
   * An unsigned HTML error page with the given status, as a proxy or web server in front of the API answers.
   *
   * @param status an HTTP status from 400 to 599
   */
  public static Fault htmlErrorPage(int status) {
    requireStatus(status, 400, 599);
    return of(Kind.HTML_ERROR_PAGE, status);
  }

  /**
   * HTTP 200 with {@code Content-Type: application/json}, correctly signed, whose body is truncated JSON: the
   * signature alone cannot protect the client, its parser must cope.
   */
  public static Fault malformedJson() {
    return of(Kind.MALFORMED_JSON, 200);
  }

  /**
   * Closes the connection without sending any response, so the client sees an {@link java.io.IOException}.
   *
   * <p>Many clients silently resend an idempotent request once when a reused keep-alive connection dies this way
   * (OkHttp's {@code retryOnConnectionFailure}, the JDK's {@code HttpClient} and {@code HttpURLConnection} for
   * GET). To make such a client give up, enqueue the fault twice: {@code enqueueFault(Fault.dropConnection(), 2)}.
   */
  public static Fault dropConnection() {
    return of(Kind.DROP_CONNECTION, 0);
  }

  /** Serves the request normally but sends no {@code BIZ_TIMESTAMP}/{@code BIZ_RESP_SIGNATURE} headers. */
  public static Fault unsigned() {
    return of(Kind.UNSIGNED, 0);
  }

  /**
   * Serves the request normally but signs the response with a key other than {@link
   * CoboEmulator#serverPublicKeyHex()}'s, as an impostor or a wrongly configured environment would.
   */
  public static Fault wrongKeySignature() {
    return of(Kind.WRONG_KEY_SIGNATURE, 0);
  }

  /**
   * Serves the request normally and signs the response, then appends a space to the body. The body stays valid
   * JSON with the same meaning, so only a client that verifies the signature over the raw bytes notices.
   */
  public static Fault tamperedBody() {
    return of(Kind.TAMPERED_BODY, 0);
  }

  /**
   * Serves the request normally (a create creates, a refresh rotates) and then closes the connection instead of
   * answering: the answer is lost on the way back, the case idempotency keys exist for.
   */
  public static Fault dropResponse() {
    return of(Kind.DROP_RESPONSE, 0);
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return status;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  Duration delay() {
    return delay;
  }

  /** True for the faults that answer instead of the API (see the class comment). */
  boolean standsIn() {
    return switch (kind) {
      case RATE_LIMITED, SERVER_ERROR, HTML_ERROR_PAGE, MALFORMED_JSON, DROP_CONNECTION -> true;
      case LATENCY, UNSIGNED, WRONG_KEY_SIGNATURE, TAMPERED_BODY, DROP_RESPONSE -> false;
    };
  }

  private static void requireStatus(int status, int min, int max) {
    if (status < min || status > max) {
      throw new IllegalArgumentException("status must be between " + min + " and " + max + ": " + status);
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Fault that
        && kind == that.kind
        && status == that.status
        && retryAfterSeconds == that.retryAfterSeconds
        && delay.equals(that.delay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, retryAfterSeconds, delay);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case LATENCY -> "Fault.latency(" + delay + ")";
      case RATE_LIMITED -> "Fault.rateLimited(" + retryAfterSeconds + ")";
      case SERVER_ERROR -> "Fault.serverError(" + status + ")";
      case HTML_ERROR_PAGE -> "Fault.htmlErrorPage(" + status + ")";
      case MALFORMED_JSON -> "Fault.malformedJson()";
      case DROP_CONNECTION -> "Fault.dropConnection()";
      case UNSIGNED -> "Fault.unsigned()";
      case WRONG_KEY_SIGNATURE -> "Fault.wrongKeySignature()";
      case TAMPERED_BODY -> "Fault.tamperedBody()";
      case DROP_RESPONSE -> "Fault.dropResponse()";
    };
  }
}
