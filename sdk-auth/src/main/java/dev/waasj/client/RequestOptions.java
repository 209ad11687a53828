package dev.waasj.client;

import dev.waasj.internal.auth.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Options for the calls of one view of a client: a deadline, retries, extra headers and query parameters, each
 * unset field inherited from the client. Immutable; build once and reuse:
 *
 * <pre>{@code
 * RequestOptions fast = RequestOptions.builder().callTimeout(Duration.ofSeconds(2)).maxRetries(0).build();
 * var balance = cobo.withOptions(fast).apis().wallets().getWalletById(id);
 * cobo.organization(orgId).withOptions(fast).apis()...;
 * }</pre>
 *
 * <p>The options never reach the token endpoint: a refresh a call triggers runs on the client's own settings.
 * Header values are not shown by {@link #toString()} and never become metric tags.
 */
public final class RequestOptions {
  /** Options that change nothing: every call as the client makes it. */
  public static final RequestOptions NONE = builder().build();

  /** What the SDK sets itself, or what would let a call pass for another: never overridden per call. */
  private static final Set<String> RESERVED =
      Set.of(
          "biz-api-key", "biz-api-nonce", "biz-api-signature", "authorization", "host", "content-length",
          "transfer-encoding", "user-agent");

  private final @Nullable Duration callTimeout;
  private final @Nullable RetryPolicy retryPolicy;
  private final @Nullable Integer maxRetries;
  /** By lower-case name: the last value set for a name wins. */
  private final Map<String, Header> headers;
  private final List<Map.Entry<String, String>> queryParameters;

  private RequestOptions(Builder b) {
    this.callTimeout = b.callTimeout;
    this.retryPolicy = b.retryPolicy;
    this.maxRetries = b.maxRetries;
    this.headers = Map.copyOf(b.headers);
    this.queryParameters = List.copyOf(b.queryParameters);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.callTimeout = callTimeout;
    b.retryPolicy = retryPolicy;
    b.maxRetries = maxRetries;
    b.headers.putAll(headers);
    b.queryParameters.addAll(queryParameters);
    return b;
  }

  /** The deadline for each whole call, attempts and waits between them included; empty to inherit. */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  /** The retry policy; empty to inherit. */
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  /** Retries after the first attempt, replacing the policy's own count; empty to inherit. */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /** The extra headers' names, as given. */
  public List<String> headerNames() {
    List<String> names = new ArrayList<>();
    for (Header h : headers.values()) {
      names.add(h.name);
    }
    return List.copyOf(names);
  }

  /** The value of the extra header {@code name} (any case); empty if none. */
  public Optional<String> header(String name) {
    Header h = headers.get(Checks.notNull(name, "name").toLowerCase(Locale.ROOT));
    return h == null ? Optional.empty() : Optional.of(h.value);
  }

  /** The extra query parameters, in order. */
  public List<Map.Entry<String, String>> queryParameters() {
    return queryParameters;
  }

  /** These options, with every field {@code other} sets replacing this one's; query parameters of both. */
  RequestOptions overriddenBy(RequestOptions other) {
    Builder b = toBuilder();
    if (other.callTimeout != null) {
      b.callTimeout = other.callTimeout;
    }
    if (other.retryPolicy != null) {
      b.retryPolicy = other.retryPolicy;
    }
    if (other.maxRetries != null) {
      b.maxRetries = other.maxRetries;
    }
    b.headers.putAll(other.headers);
    b.queryParameters.addAll(other.queryParameters);
    return new RequestOptions(b);
  }

  /** The policy a call uses: {@code inherited} unless these options set one, with their retry count if set. */
  RetryPolicy retryPolicyOver(RetryPolicy inherited) {
    RetryPolicy base = retryPolicy != null ? retryPolicy : inherited;
    return maxRetries == null ? base : RetryPolicy.of(maxRetries, base.initialBackoff(), base.maxBackoff());
  }

  Iterable<Header> headerEntries() {
    return headers.values();
  }

  /** Names only: a header value may be a credential of the application's. */
  @Override
  public String toString() {
    return "RequestOptions{callTimeout=" + callTimeout + ", retryPolicy=" + retryPolicy + ", maxRetries="
        + maxRetries + ", headers=" + headerNames() + ", queryParameters=" + queryParameters.size() + '}';
  }

  /** One extra header. */
  static final class Header {
    final String name;
    final String value;

    Header(String name, String value) {
      this.name = name;
      this.value = value;
    }
  }

  /** Builds {@link RequestOptions}; every check runs as a value is set, so a bad option never reaches a call. */
  public static final class Builder {
    private @Nullable Duration callTimeout;
    private @Nullable RetryPolicy retryPolicy;
    private @Nullable Integer maxRetries;
    private final Map<String, Header> headers = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> queryParameters = new ArrayList<>();

    private Builder() {}

    /**
     * The deadline for the whole call: every attempt, and every wait between attempts, inside it. A wait that would
     * cross it is not started, and a slow answer is cut off at it.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Checks.positive(timeout, "callTimeout");
      return this;
    }

    /** The retry policy for the call, instead of the client's. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Checks.notNull(policy, "retryPolicy");
      return this;
    }

    /**
     * How many times to retry after the first attempt, with the waits of the client's policy (or {@link
     * #retryPolicy}'s); {@code 0} turns retries off.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRetries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative");
      }
      this.maxRetries = retries;
      return this;
    }

    /**
     * An extra header on every attempt of the call, retries included; a second value for the same name (any case)
     * replaces the first.
     *
     * @throws IllegalArgumentException if the name is not an HTTP token, the value has a control or non-ASCII
     *     character, or the name is one the SDK sets ({@code BIZ-API-KEY}, {@code BIZ-API-NONCE}, {@code
     *     BIZ-API-SIGNATURE}, {@code Authorization}, {@code Host}, {@code Content-Length}, {@code
     *     Transfer-Encoding}, {@code User-Agent}: see the client's {@code userAgent}); the message never quotes the
     *     value
     */
    public Builder header(String name, String value) {
      Checks.notNullArgument(name, "header name");
      Checks.notNullArgument(value, "header value");
      if (name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
        throw new IllegalArgumentException("A header name must be an HTTP token (letters, digits, !#$%&'*+-.^_`|~)");
      }
      String key = name.toLowerCase(Locale.ROOT);
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException(
            "The header " + name + " is the SDK's own and cannot be set per call");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c != '\t' && (c < 0x20 || c > 0x7e)) {
          throw new IllegalArgumentException(
              "The value of header " + name + " has a control or non-ASCII character at index " + i);
        }
      }
      headers.put(key, new Header(name, value));
      return this;
    }

    /**
     * An extra query parameter on every request of the call, after the operation's own (a name the operation sends
     * too is sent twice). It is part of the signed query: encoded once, and exactly those bytes signed and sent.
     *
     * @throws IllegalArgumentException if the name is blank or either has a control character
     */
    public Builder queryParameter(String name, String value) {
      Checks.notNullArgument(name, "query parameter name");
      Checks.notNullArgument(value, "query parameter value");
      if (name.isBlank()) {
        throw new IllegalArgumentException("A query parameter name must not be blank");
      }
      if (hasControl(name) || hasControl(value)) {
        throw new IllegalArgumentException("The query parameter " + (hasControl(name) ? "name" : name)
            + " has a control character");
      }
      queryParameters.add(Map.entry(name, value));
      return this;
    }

    private static boolean hasControl(String s) {
      return s.chars().anyMatch(Character::isISOControl);
    }

    private static boolean isTokenChar(int c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** Builds the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
