package dev.waasj.spring;

import dev.waasj.auth.signing.KeyType;
import dev.waasj.client.CoboEnvironment;
import dev.waasj.client.HttpLogLevel;
import dev.waasj.webhooks.CoboWebhooks;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code cobo.*} properties the starter builds the client and the webhook receiver from. The API secret is never
 * printed: not by {@link #toString()}, not by the {@code env} and {@code configprops} actuator endpoints (whatever
 * their {@code show-values}), not in a start-up failure.
 */
@ConfigurationProperties(prefix = "cobo")
public class CoboProperties {
  /** Whether to configure the Cobo client and webhook receiver at all. */
  private boolean enabled = true;

  /**
   * Cobo's environment: dev, prod or sandbox. Sets the base URL and the key that signs responses and webhooks.
   */
  private @Nullable CoboEnvironment environment;

  /**
   * Instead of cobo.environment: another base URL, /v2 included, such as a gateway or an emulator
   * (http://127.0.0.1:8080/v2). Plain http only to a loopback host.
   */
  private @Nullable String baseUrl;

  /** The hex Ed25519 key that signs a custom base URL's responses and webhooks. */
  private @Nullable String serverPublicKey;

  /**
   * The API secret (the app key for org tokens): 64 hex characters or PEM text. Bind it from the environment, e.g.
   * cobo.api-secret=${COBO_API_SECRET}. Never printed.
   */
  private @Nullable String apiSecret;

  /** Instead of cobo.api-secret: a PEM file holding the private key (Ed25519 or secp256k1). */
  private @Nullable Path apiSecretPemFile;

  /** What a hex cobo.api-secret is: ed25519 (the default) or secp256k1. A PEM key names its own type. */
  private @Nullable KeyType apiKeyType;

  /** The Portal app's ID; with cobo.org-id it turns on org token management. */
  private @Nullable String clientId;

  /** The organization the app acts for; with cobo.client-id it turns on org token management. */
  private @Nullable String orgId;

  /** Connect timeout; OkHttp's 10 s when unset. */
  private @Nullable Duration connectTimeout;

  /** Read timeout; OkHttp's 10 s when unset. */
  private @Nullable Duration readTimeout;

  /** Write timeout; OkHttp's 10 s when unset. */
  private @Nullable Duration writeTimeout;

  /** Deadline for a whole call, retries and their waits included; none when unset. */
  private @Nullable Duration callTimeout;

  /** A product token put before the SDK's own User-Agent, such as my-service/1.2. */
  private @Nullable String userAgent;

  /** HTTP logging with every secret redacted: none, basic, headers or body. */
  private HttpLogLevel httpLogging = HttpLogLevel.NONE;

  /** How far a response's BIZ_TIMESTAMP may lie from this machine's clock. */
  private Duration responseTimestampTolerance = Duration.ofMinutes(5);

  /** How long before expiry org tokens are refreshed. */
  private Duration tokenRefreshMargin = Duration.ofMinutes(5);

  /**
   * How long to wait before trying again after a token refresh failed transiently while the current token still
   * serves; never longer than half the token's remaining life.
   */
  private Duration tokenRefreshRetryBackoff = Duration.ofSeconds(10);

  private final Retry retry = new Retry();
  private final Webhooks webhooks = new Webhooks();
  private final Callbacks callbacks = new Callbacks();
  private final Metrics metrics = new Metrics();
  @NestedConfigurationProperty private final PortalProperties portal = new PortalProperties();

  /** Returns whether the starter configures anything. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether the starter configures anything. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Returns Cobo's environment, if set. */
  public @Nullable CoboEnvironment getEnvironment() {
    return environment;
  }

  /** Sets Cobo's environment. */
  public void setEnvironment(@Nullable CoboEnvironment environment) {
    this.environment = environment;
  }

  /** Returns the custom base URL, if set. */
  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  /** Sets a custom base URL. */
  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Returns the server's public key, if set. */
  public @Nullable String getServerPublicKey() {
    return serverPublicKey;
  }

  /** Sets the server's public key. */
  public void setServerPublicKey(@Nullable String serverPublicKey) {
    this.serverPublicKey = serverPublicKey;
  }

  /** Returns the API secret, if set. */
  public @Nullable String getApiSecret() {
    return apiSecret;
  }

  /** Sets the API secret. */
  public void setApiSecret(@Nullable String apiSecret) {
    this.apiSecret = apiSecret;
  }

  /** Returns the PEM file of the API secret, if set. */
  public @Nullable Path getApiSecretPemFile() {
    return apiSecretPemFile;
  }

  /** Sets the PEM file of the API secret. */
  public void setApiSecretPemFile(@Nullable Path apiSecretPemFile) {
    this.apiSecretPemFile = apiSecretPemFile;
  }

  /** Returns the API key's type, if set. */
  public @Nullable KeyType getApiKeyType() {
    return apiKeyType;
  }

  /** Sets the API key's type. */
  public void setApiKeyType(@Nullable KeyType apiKeyType) {
    this.apiKeyType = apiKeyType;
  }

  /** Returns the app's ID, if set. */
  public @Nullable String getClientId() {
    return clientId;
  }

  /** Sets the app's ID. */
  public void setClientId(@Nullable String clientId) {
    this.clientId = clientId;
  }

  /** Returns the organization's ID, if set. */
  public @Nullable String getOrgId() {
    return orgId;
  }

  /** Sets the organization's ID. */
  public void setOrgId(@Nullable String orgId) {
    this.orgId = orgId;
  }

  /** Returns the connect timeout, if set. */
  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  /** Sets the connect timeout. */
  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** Returns the read timeout, if set. */
  public @Nullable Duration getReadTimeout() {
    return readTimeout;
  }

  /** Sets the read timeout. */
  public void setReadTimeout(@Nullable Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** Returns the write timeout, if set. */
  public @Nullable Duration getWriteTimeout() {
    return writeTimeout;
  }

  /** Sets the write timeout. */
  public void setWriteTimeout(@Nullable Duration writeTimeout) {
    this.writeTimeout = writeTimeout;
  }

  /** Returns the call timeout, if set. */
  public @Nullable Duration getCallTimeout() {
    return callTimeout;
  }

  /** Sets the call timeout. */
  public void setCallTimeout(@Nullable Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /** Returns the User-Agent product token, if set. */
  public @Nullable String getUserAgent() {
    return userAgent;
  }

  /** Sets the User-Agent product token. */
  public void setUserAgent(@Nullable String userAgent) {
    this.userAgent = userAgent;
  }

  /** Returns the HTTP logging level. */
  public HttpLogLevel getHttpLogging() {
    return httpLogging;
  }

  /** Sets the HTTP logging level. */
  public void setHttpLogging(HttpLogLevel httpLogging) {
    this.httpLogging = httpLogging;
  }

  /** Returns the response timestamp tolerance. */
  public Duration getResponseTimestampTolerance() {
    return responseTimestampTolerance;
  }

  /** Sets the response timestamp tolerance. */
  public void setResponseTimestampTolerance(Duration responseTimestampTolerance) {
    this.responseTimestampTolerance = responseTimestampTolerance;
  }

  /** Returns the token refresh margin. */
  public Duration getTokenRefreshMargin() {
    return tokenRefreshMargin;
  }

  /** Sets the token refresh margin. */
  public void setTokenRefreshMargin(Duration tokenRefreshMargin) {
    this.tokenRefreshMargin = tokenRefreshMargin;
  }

  /** Returns the token refresh retry back-off. */
  public Duration getTokenRefreshRetryBackoff() {
    return tokenRefreshRetryBackoff;
  }

  /** Sets the token refresh retry back-off. */
  public void setTokenRefreshRetryBackoff(Duration tokenRefreshRetryBackoff) {
    this.tokenRefreshRetryBackoff = tokenRefreshRetryBackoff;
  }

  /** Returns the retry policy's settings. */
  public Retry getRetry() {
    return retry;
  }

  /** Returns the webhook endpoint's settings. */
  public Webhooks getWebhooks() {
    return webhooks;
  }

  /** Returns the callback endpoint's settings. */
  public Callbacks getCallbacks() {
    return callbacks;
  }

  /** Returns the Portal app's settings ({@code cobo.portal.*}). */
  public PortalProperties getPortal() {
    return portal;
  }

  /** Returns the metrics settings. */
  public Metrics getMetrics() {
    return metrics;
  }

  @Override
  public String toString() {
    return "CoboProperties{environment=" + environment + ", baseUrl=" + baseUrl + ", clientId=" + clientId
        + ", orgId=" + orgId + ", apiSecret=" + (apiSecret == null ? "unset" : "set") + '}';
  }

  /** {@code cobo.retry.*}: how failed calls are retried (see the SDK's RetryPolicy for which are). */
  public static class Retry {
    /** Retries after the first attempt; 0 turns retries off. */
    private int maxRetries = 2;

    /** The wait before the first retry, doubling after each, plus up to a quarter more at random. */
    private Duration initialBackoff = Duration.ofSeconds(1);

    /** The longest wait, and the longest Retry-After the client waits out. */
    private Duration maxBackoff = Duration.ofSeconds(8);

    /** Returns the number of retries. */
    public int getMaxRetries() {
      return maxRetries;
    }

    /** Sets the number of retries. */
    public void setMaxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
    }

    /** Returns the first wait. */
    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    /** Sets the first wait. */
    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    /** Returns the longest wait. */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /** Sets the longest wait. */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }

  /** {@code cobo.webhooks.*}: the endpoint Cobo delivers webhook events to. */
  public static class Webhooks {
    /**
     * Where Cobo POSTs webhook events, e.g. /cobo/webhooks; unset, no endpoint. Needs an EventHandler bean.
     */
    private @Nullable String path;

    /** How far a delivery's BIZ_TIMESTAMP may lie from this machine's clock. */
    private Duration timestampTolerance = Duration.ofMinutes(5);

    /**
     * How long a delivery holds an event or callback while its handler runs: a receiver that dies mid-handler
     * blocks it this long; a handler running longer may run again beside a redelivery.
     */
    private Duration handlerLease = Duration.ofSeconds(60);

    /** Returns the endpoint's path, if set. */
    public @Nullable String getPath() {
      return path;
    }

    /** Sets the endpoint's path. */
    public void setPath(@Nullable String path) {
      this.path = path;
    }

    /** Returns the timestamp tolerance. */
    public Duration getTimestampTolerance() {
      return timestampTolerance;
    }

    /** Sets the timestamp tolerance. */
    public void setTimestampTolerance(Duration timestampTolerance) {
      this.timestampTolerance = timestampTolerance;
    }

    /** Returns the handler lease. */
    public Duration getHandlerLease() {
      return handlerLease;
    }

    /** Sets the handler lease. */
    public void setHandlerLease(Duration handlerLease) {
      this.handlerLease = handlerLease;
    }
  }

  /** {@code cobo.callbacks.*}: the endpoint Cobo asks to approve or deny withdrawals. */
  public static class Callbacks {
    /** Where Cobo POSTs approval callbacks, e.g. /cobo/callbacks; unset, no endpoint. Needs a CallbackHandler bean. */
    private @Nullable String path;

    /** What a callback whose handler throws is answered: deny (the default) or retry (HTTP 500, Cobo asks again). */
    private CoboWebhooks.CallbackFailurePolicy onFailure = CoboWebhooks.CallbackFailurePolicy.DENY;

    /** Returns the endpoint's path, if set. */
    public @Nullable String getPath() {
      return path;
    }

    /** Sets the endpoint's path. */
    public void setPath(@Nullable String path) {
      this.path = path;
    }

    /** Returns the failure policy. */
    public CoboWebhooks.CallbackFailurePolicy getOnFailure() {
      return onFailure;
    }

    /** Sets the failure policy. */
    public void setOnFailure(CoboWebhooks.CallbackFailurePolicy onFailure) {
      this.onFailure = onFailure;
    }
  }

  /** {@code cobo.metrics.*}: the Micrometer listener. */
  public static class Metrics {
    /** Whether to record observations and meters when Micrometer is present. */
    private boolean enabled = true;

    /** Returns whether metrics are recorded. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether metrics are recorded. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
