package dev.waasj.spring;

import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.auth.token.TokenStore;
import dev.waasj.client.CoboClient;
import dev.waasj.client.CoboEnvironment;
import dev.waasj.client.CoboListener;
import dev.waasj.client.RetryPolicy;
import dev.waasj.webhooks.CoboWebhooks;
import dev.waasj.webhooks.EventDeduplicator;
import dev.waasj.webhooks.WebhookListener;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds the SDK's objects from {@link CoboProperties}, so each mistake fails with the property it concerns. The
 * SDK's own messages never quote a secret; these add the property's name.
 */
final class ClientFactory {
  private ClientFactory() {}

  static CoboClient client(
      CoboProperties p, @Nullable TokenStore store, CoboListener listener, @Nullable OrgTokenManager tokenManager) {
    CoboClient.Builder b = CoboClient.builder();
    if (p.getEnvironment() == null && blank(p.getBaseUrl())) {
      throw new CoboConfigurationException(
          "cobo.environment", "neither cobo.environment (dev, prod, sandbox) nor cobo.base-url is set");
    }
    if (p.getEnvironment() != null) {
      b.environment(p.getEnvironment());
    }
    String baseUrl = trimmed(p.getBaseUrl());
    if (baseUrl != null) {
      checkBaseUrl(baseUrl);
      set("cobo.base-url", () -> b.baseUrl(baseUrl));
    }
    String serverKey = trimmed(p.getServerPublicKey());
    if (serverKey != null) {
      set("cobo.server-public-key", () -> {
        CoboWebhooks.builder().serverPublicKey(serverKey).build(); // parses the key as an Ed25519 public key
        b.serverPublicKey(serverKey);
      });
    }
    if (p.getApiKeyType() != null) {
      b.apiKeyType(p.getApiKeyType());
    }
    String secret = trimmed(p.getApiSecret());
    if (secret != null && p.getApiSecretPemFile() != null) {
      throw new CoboConfigurationException(
          "cobo.api-secret", "set cobo.api-secret or cobo.api-secret-pem-file, not both");
    }
    if (secret != null) {
      set("cobo.api-secret", () -> b.apiSecret(secret));
    } else if (p.getApiSecretPemFile() != null) {
      set("cobo.api-secret-pem-file", () -> b.apiSecretPemFile(p.getApiSecretPemFile()));
    } else {
      throw new CoboConfigurationException(
          "cobo.api-secret",
          "no API secret is set: give cobo.api-secret (64 hex characters or PEM text, e.g. ${COBO_API_SECRET})"
              + " or cobo.api-secret-pem-file");
    }
    String clientId = trimmed(p.getClientId());
    String orgId = trimmed(p.getOrgId());
    if (clientId == null && orgId != null) {
      throw new CoboConfigurationException(
          "cobo.client-id", "org token management needs both cobo.client-id and cobo.org-id");
    }
    if (clientId != null) {
      b.clientId(clientId); // alone: an app of many organizations (cobo.organization(orgId), cobo.portal.*)
      if (orgId != null) {
        b.orgId(orgId);
      }
    }
    if (p.getConnectTimeout() != null) {
      set("cobo.connect-timeout", () -> b.connectTimeout(p.getConnectTimeout()));
    }
    if (p.getReadTimeout() != null) {
      set("cobo.read-timeout", () -> b.readTimeout(p.getReadTimeout()));
    }
    if (p.getWriteTimeout() != null) {
      set("cobo.write-timeout", () -> b.writeTimeout(p.getWriteTimeout()));
    }
    if (p.getCallTimeout() != null) {
      set("cobo.call-timeout", () -> b.callTimeout(p.getCallTimeout()));
    }
    String userAgent = trimmed(p.getUserAgent());
    if (userAgent != null) {
      b.userAgent(userAgent);
    }
    CoboProperties.Retry retry = p.getRetry();
    set("cobo.retry", () -> b.retryPolicy(
        RetryPolicy.of(retry.getMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff())));
    set("cobo.response-timestamp-tolerance",
        () -> b.responseTimestampTolerance(p.getResponseTimestampTolerance()));
    set("cobo.token-refresh-margin", () -> b.tokenRefreshMargin(p.getTokenRefreshMargin()));
    set("cobo.token-refresh-retry-backoff", () -> b.tokenRefreshRetryBackoff(p.getTokenRefreshRetryBackoff()));
    b.httpLogging(p.getHttpLogging());
    if (store != null) {
      b.tokenStore(store);
    }
    if (tokenManager != null) {
      b.tokenManager(tokenManager); // the builder refuses one for another app or organization than cobo.*'s
    }
    b.listener(listener);
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CoboConfigurationException(property(e.getMessage()), String.valueOf(e.getMessage()));
    }
  }

  /**
   * The key webhooks and callbacks are verified with: cobo.server-public-key, else the environment's, else the key
   * of the Cobo environment whose base URL cobo.base-url is; null when none applies.
   */
  static @Nullable String webhookKey(CoboProperties p) {
    String serverKey = trimmed(p.getServerPublicKey());
    if (serverKey != null) {
      return serverKey;
    }
    String baseUrl = trimmed(p.getBaseUrl());
    if (baseUrl == null) {
      return p.getEnvironment() == null ? null : p.getEnvironment().serverPublicKey();
    }
    String normalized = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    for (CoboEnvironment env : CoboEnvironment.values()) {
      if (env.baseUrl().equals(normalized)) {
        return env.serverPublicKey();
      }
    }
    return null;
  }

  static CoboWebhooks webhooks(
      CoboProperties p, @Nullable EventDeduplicator deduplicator, List<WebhookListener> listeners) {
    String key = webhookKey(p);
    if (key == null) {
      throw new CoboConfigurationException(
          "cobo.server-public-key", "no key to verify webhooks with: set cobo.server-public-key or cobo.environment");
    }
    CoboWebhooks.Builder b = CoboWebhooks.builder();
    set("cobo.server-public-key", () -> b.serverPublicKey(key));
    set("cobo.webhooks.timestamp-tolerance", () -> b.timestampTolerance(p.getWebhooks().getTimestampTolerance()));
    set("cobo.webhooks.handler-lease", () -> b.handlerLease(p.getWebhooks().getHandlerLease()));
    b.onCallbackFailure(p.getCallbacks().getOnFailure());
    if (!listeners.isEmpty()) {
      b.listener(CompositeListener.webhooks(listeners));
    }
    if (deduplicator != null) {
      b.deduplicator(deduplicator);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CoboConfigurationException("cobo.server-public-key", String.valueOf(e.getMessage()));
    }
  }

  /** Plain http to anything but loopback carries signed requests in the clear: refused before the SDK sees it. */
  private static void checkBaseUrl(String baseUrl) {
    URI uri;
    try {
      uri = URI.create(baseUrl);
    } catch (IllegalArgumentException e) {
      throw new CoboConfigurationException("cobo.base-url", "is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || host.isEmpty()) {
      throw new CoboConfigurationException("cobo.base-url", "must be an http(s) URL with a host, such as "
          + CoboEnvironment.DEV.baseUrl());
    }
    if (scheme.equals("http") && !isLoopback(host)) {
      throw new CoboConfigurationException("cobo.base-url",
          "plain http is allowed only to a loopback host (localhost, 127.0.0.0/8, ::1); use https for " + host);
    }
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.equals("localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
  }

  /** The property a message of the builder's build() concerns, by the builder method it names. */
  private static String property(@Nullable String message) {
    String m = message == null ? "" : message;
    if (m.contains("serverPublicKey") || m.contains("server public key")) {
      return "cobo.server-public-key";
    }
    if (m.contains("apiKeyType") || m.contains("key type")) {
      return "cobo.api-key-type";
    }
    if (m.contains("Base URL") || m.contains("baseUrl")) {
      return "cobo.base-url";
    }
    if (m.startsWith("clientId")) {
      return "cobo.client-id";
    }
    if (m.startsWith("orgId")) {
      return "cobo.org-id";
    }
    return "cobo";
  }

  private static void set(String property, Runnable setter) {
    try {
      setter.run();
    } catch (RuntimeException e) { // the SDK's checks; a PEM file that cannot be read
      throw new CoboConfigurationException(property, String.valueOf(e.getMessage()));
    }
  }

  private static @Nullable String trimmed(@Nullable String s) {
    return blank(s) ? null : s.trim();
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
