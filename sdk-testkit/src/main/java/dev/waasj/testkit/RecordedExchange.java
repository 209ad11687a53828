package dev.waasj.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request the emulator received and what it did with it. Immutable.
 *
 * <p>{@link #toString()} is safe to log: it masks {@code BIZ-API-SIGNATURE}, {@code Authorization} and the values
 * of {@code access_token}/{@code refresh_token} in the body and query. The accessors return everything unmasked.
 */
public final class RecordedExchange {
  private final Instant receivedAt;
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final String body;
  private final Verdict verdict;
  private final @Nullable Fault fault;
  private final int status;
  private final @Nullable Integer errorCode;
  private final @Nullable String oauthError;

  RecordedExchange(
      Instant receivedAt,
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      String body,
      Verdict verdict,
      @Nullable Fault fault,
      int status,
      @Nullable Integer errorCode,
      @Nullable String oauthError) {
    this.receivedAt = receivedAt;
    this.method = method;
    this.path = path;
    this.query = query;
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
    this.verdict = verdict;
    this.fault = fault;
    this.status = status;
    this.errorCode = errorCode;
    this.oauthError = oauthError;
  }

  /** When the request arrived, by the emulator's clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** The request method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** The raw (still percent-encoded) path, e.g. {@code /v2/oauth/token}. */
  public String path() {
    return path;
  }

  /** The raw query string exactly as received, without the {@code ?}; empty when there was none. */
  public String query() {
    return query;
  }

  /**
   * The request headers. The map is unmodifiable and its keys compare case-insensitively, so {@code
   * headers().get("BIZ-API-KEY")} works whatever case the client sent.
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name} (case-insensitive), if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The request body decoded as UTF-8; empty when there was none. */
  public String body() {
    return body;
  }

  /** What request authentication decided. */
  public Verdict verdict() {
    return verdict;
  }

  /** The fault applied to this request, if one was queued. */
  public Optional<Fault> fault() {
    return Optional.ofNullable(fault);
  }

  /** The HTTP status sent back; empty when the connection was dropped without a response. */
  public OptionalInt status() {
    return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The {@code error_code} of a Cobo-style error body sent back, if the response was one. */
  public OptionalInt errorCode() {
    return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
  }

  /** The {@code error} of an OAuth-style error body sent back (e.g. {@code invalid_grant}), if it was one. */
  public Optional<String> oauthError() {
    return Optional.ofNullable(oauthError);
  }

  @Override
  public String toString() {
    StringJoiner headerText = new StringJoiner(", ", "{", "}");
    headers.forEach(
        (name, values) ->
            headerText.add(name + "=" + (Redaction.isSecretHeader(name) ? Redaction.MASK : String.join(",", values))));
    StringBuilder out =
        new StringBuilder("RecordedExchange[")
            .append(method)
            .append(' ')
            .append(path)
            .append(query.isEmpty() ? "" : "?" + Redaction.query(query))
            .append(", verdict=")
            .append(verdict)
            .append(", status=")
            .append(status < 0 ? "none" : Integer.toString(status));
    if (errorCode != null) {
      out.append(", errorCode=").append(errorCode);
    }
    if (oauthError != null) {
      out.append(", oauthError=").append(oauthError);
    }
    if (fault != null) {
      out.append(", fault=").append(fault);
    }
    return out.append(", receivedAt=")
        .append(receivedAt)
        .append(", headers=")
        .append(headerText)
        .append(", body=")
        .append(Redaction.body(body))
        .append(']')
        .toString();
  }
}
