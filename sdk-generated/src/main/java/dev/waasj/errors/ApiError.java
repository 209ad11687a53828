package dev.waasj.errors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One error response: its status, headers and the fields any of Cobo's error body shapes can carry. Immutable;
 * build one with {@link #builder()} (the SDK does, and so can tests that need a {@link CoboApiException}).
 */
public final class ApiError implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The most characters of a body kept in {@link #rawBody()}; a proxy's page can be megabytes. */
  public static final int MAX_RAW_BODY_CHARS = 64 * 1024;

  private final int statusCode;
  private final @Nullable Integer errorCode;
  private final @Nullable String errorMessage;
  private final @Nullable String errorId;
  private final @Nullable String oauthError;
  private final @Nullable String oauthErrorDescription;
  private final String rawBody;
  private final TreeMap<String, List<String>> headers;
  private final @Nullable String host;
  private final @Nullable String requestId;

  private ApiError(Builder b) {
    this.statusCode = b.statusCode;
    this.errorCode = b.errorCode;
    this.errorMessage = b.errorMessage;
    this.errorId = b.errorId;
    this.oauthError = b.oauthError;
    this.oauthErrorDescription = b.oauthErrorDescription;
    this.rawBody = b.rawBody.length() > MAX_RAW_BODY_CHARS ? b.rawBody.substring(0, MAX_RAW_BODY_CHARS) : b.rawBody;
    this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    b.headers.forEach((name, values) -> headers.put(name, List.copyOf(values)));
    this.host = b.host;
    this.requestId = b.requestId;
  }

  /** Returns an empty builder; the status is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** Cobo's numeric {@code error_code}, or null. */
  public @Nullable Integer errorCode() {
    return errorCode;
  }

  /** Cobo's {@code error_message}, or null. */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** Cobo's {@code error_id}, or null. */
  public @Nullable String errorId() {
    return errorId;
  }

  /** The OAuth {@code error}, or null. */
  public @Nullable String oauthError() {
    return oauthError;
  }

  /** The OAuth {@code error_description}, or null. */
  public @Nullable String oauthErrorDescription() {
    return oauthErrorDescription;
  }

  /** The body as text, cut at {@link #MAX_RAW_BODY_CHARS}; empty when there was none. */
  public String rawBody() {
    return rawBody;
  }

  /** The response headers, unmodifiable; names are case-insensitive. */
  public Map<String, List<String>> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /** The first value of header {@code name}, case-insensitive. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(Objects.requireNonNull(name, "name"));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The host that answered, or null when unknown. */
  public @Nullable String host() {
    return host;
  }

  /** The {@code request_id} of the request body, when it had one. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** The exception message: status and error fields, never the body of a non-JSON page, never a secret. */
  String describe() {
    StringBuilder s = new StringBuilder("HTTP ").append(statusCode);
    if (errorCode != null) {
      s.append(", error_code ").append(errorCode);
      if (errorMessage != null) {
        s.append(": ").append(errorMessage);
      }
      if (errorId != null) {
        s.append(" (error_id ").append(errorId).append(')');
      }
    } else if (oauthError != null) {
      s.append(", ").append(oauthError);
      if (oauthErrorDescription != null) {
        s.append(": ").append(oauthErrorDescription);
      }
    } else if (rawBody.isEmpty()) {
      s.append(", empty body");
    } else {
      // A proxy page can be long and is not ours to print; say what it was, not what it said.
      s.append(", non-JSON body (").append(rawBody.length()).append(" chars)");
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return "ApiError{" + describe() + (host == null ? "" : ", host=" + host) + '}';
  }

  /** Builds {@link ApiError}s. */
  public static final class Builder {
    private int statusCode = -1;
    private @Nullable Integer errorCode;
    private @Nullable String errorMessage;
    private @Nullable String errorId;
    private @Nullable String oauthError;
    private @Nullable String oauthErrorDescription;
    private String rawBody = "";
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private @Nullable String host;
    private @Nullable String requestId;

    private Builder() {}

    /** The HTTP status, 100 to 599; required. */
    public Builder statusCode(int statusCode) {
      if (statusCode < 100 || statusCode > 599) {
        throw new IllegalArgumentException("statusCode must be 100..599: " + statusCode);
      }
      this.statusCode = statusCode;
      return this;
    }

    /** Cobo's {@code error_code}. */
    public Builder errorCode(@Nullable Integer errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    /** Cobo's {@code error_message}. */
    public Builder errorMessage(@Nullable String errorMessage) {
      this.errorMessage = errorMessage;
      return this;
    }

    /** Cobo's {@code error_id}. */
    public Builder errorId(@Nullable String errorId) {
      this.errorId = errorId;
      return this;
    }

    /** The OAuth {@code error}. */
    public Builder oauthError(@Nullable String oauthError) {
      this.oauthError = oauthError;
      return this;
    }

    /** The OAuth {@code error_description}. */
    public Builder oauthErrorDescription(@Nullable String oauthErrorDescription) {
      this.oauthErrorDescription = oauthErrorDescription;
      return this;
    }

    /** The body as text; cut at {@link #MAX_RAW_BODY_CHARS}. */
    public Builder rawBody(String rawBody) {
      this.rawBody = Objects.requireNonNull(rawBody, "rawBody");
      return this;
    }

    /** Adds a response header value. */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The host that answered, e.g. {@code api.dev.cobo.com}. */
    public Builder host(@Nullable String host) {
      this.host = host == null ? null : host.toLowerCase(Locale.ROOT);
      return this;
    }

    /** The {@code request_id} the request carried. */
    public Builder requestId(@Nullable String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Returns the error.
     *
     * @throws IllegalStateException if no status was set
     */
    public ApiError build() {
      if (statusCode < 0) {
        throw new IllegalStateException("ApiError.statusCode is required but was not set");
      }
      return new ApiError(this);
    }
  }
}
