package dev.waasj.client;

import java.util.Locale;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** A validated base URL and the key that signs its responses (null when verification is off). */
final class Endpoint {
  final HttpUrl url;
  final @Nullable String serverPublicKey;

  private Endpoint(HttpUrl url, @Nullable String serverPublicKey) {
    this.url = url;
    this.serverPublicKey = serverPublicKey;
  }

  static Endpoint resolve(
      @Nullable CoboEnvironment environment,
      @Nullable String baseUrl,
      @Nullable String serverPublicKey,
      boolean verify) {
    if (environment == null && baseUrl == null) {
      throw new IllegalStateException(
          "No endpoint: call environment(...) or baseUrl(...) (COBO_ENV or COBO_BASE_URL)");
    }
    HttpUrl url = parse(baseUrl != null ? baseUrl : environment.baseUrl());
    if (!verify) {
      return new Endpoint(url, null);
    }
    String key = serverPublicKey;
    if (key == null) {
      key = knownKey(url);
    }
    if (key == null && baseUrl == null) {
      key = environment.serverPublicKey();
    }
    if (key == null) {
      throw new IllegalStateException(
          "No server public key for " + url + ": call serverPublicKey(...) (COBO_SERVER_PUBLIC_KEY) so responses"
              + " can be verified, or disableResponseVerification() explicitly");
    }
    return new Endpoint(url, key);
  }

  private static @Nullable String knownKey(HttpUrl url) {
    for (CoboEnvironment env : CoboEnvironment.values()) {
      if (env.baseUrl().equals(url.toString())) {
        return env.serverPublicKey();
      }
    }
    return null;
  }

  static HttpUrl parse(String raw) {
    String text = raw.trim();
    HttpUrl url = HttpUrl.parse(text.endsWith("/") ? text : text + "/");
    if (url == null) {
      throw new IllegalArgumentException("Base URL is not an http(s) URL: " + raw);
    }
    if (url.querySize() > 0 || url.fragment() != null) {
      throw new IllegalArgumentException("Base URL must not have a query or fragment: " + raw);
    }
    if (!url.isHttps() && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "Plain http is only allowed to a loopback host (localhost, 127.0.0.0/8, ::1); use https for " + url.host());
    }
    return url;
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
  }
}
