package dev.waasj.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal Cobo client for the tests: signs with {@link TestCrypto}, talks real HTTP/1.1 on loopback. */
final class SignedClient {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String origin;
  private final TestKeyPair key;
  private final Clock clock;
  private final AtomicLong lastNonce = new AtomicLong();

  SignedClient(CoboEmulator emulator, TestKeyPair key, Clock clock) {
    this.origin = "http://127.0.0.1:" + emulator.port();
    this.key = key;
    this.clock = clock;
  }

  /** Millisecond nonces from the clock, made unique when the clock stands still. */
  String nextNonce() {
    return Long.toString(lastNonce.updateAndGet(previous -> Math.max(previous + 1, clock.millis())));
  }

  /** A request signed with {@code nonce}; the caller may add headers or break it before sending. */
  HttpRequest.Builder signed(String method, String pathAndQuery, String body, String nonce) {
    URI uri = URI.create(origin + pathAndQuery);
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    String signature = TestCrypto.sign(key.seedHex(), TestCrypto.canonical(method, uri.getRawPath(), nonce, query, body));
    return HttpRequest.newBuilder(uri)
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("BIZ-API-KEY", key.publicKeyHex())
        .header("BIZ-API-NONCE", nonce)
        .header("BIZ-API-SIGNATURE", signature);
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(signed("GET", pathAndQuery, "", nextNonce()));
  }

  HttpResponse<String> getWithBearer(String pathAndQuery, String accessToken) {
    return send(signed("GET", pathAndQuery, "", nextNonce()).header("Authorization", "Bearer " + accessToken));
  }

  HttpResponse<String> post(String path, String json) {
    return send(signed("POST", path, json, nextNonce()).header("Content-Type", "application/json"));
  }

  HttpResponse<String> getToken(String clientId, String orgId) {
    return get("/v2/oauth/token?client_id=" + clientId + "&org_id=" + orgId + "&grant_type=org_implicit");
  }

  HttpResponse<String> refresh(String clientId, String refreshToken) {
    return post(
        "/v2/oauth/token",
        "{\"client_id\":\"" + clientId + "\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refreshToken
            + "\"}");
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request.build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A string or number member of a flat JSON body; enough for token and error bodies. */
  static Optional<String> field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":(?:\"([^\"]*)\"|(-?\\d+))").matcher(json);
    return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
  }

  static String requiredField(String json, String name) {
    return field(json, name).orElseThrow(() -> new AssertionError("no " + name + " in the response"));
  }

  /** Whether the response's signature headers (either spelling) verify with {@code publicKeyHex} over its body. */
  static boolean signatureVerifies(HttpResponse<String> response, String publicKeyHex) {
    Optional<String> timestamp =
        response.headers().firstValue("BIZ_TIMESTAMP").or(() -> response.headers().firstValue("biz-timestamp"));
    Optional<String> signature =
        response.headers().firstValue("BIZ_RESP_SIGNATURE").or(() -> response.headers().firstValue("biz-resp-signature"));
    return timestamp.isPresent()
        && signature.isPresent()
        && TestCrypto.verify(publicKeyHex, response.body() + "|" + timestamp.get(), signature.get());
  }

  static boolean isUnsigned(HttpResponse<String> response) {
    return response.headers().firstValue("BIZ_TIMESTAMP").isEmpty()
        && response.headers().firstValue("BIZ_RESP_SIGNATURE").isEmpty();
  }
}
