package dev.waasj.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The emulator playing Cobo Portal for a Portal app's backend: installs and uninstalls the app for an organization
 * (delivering the installation callback to the app's callback URL), serves Cobo's JWKS at {@code
 * /v2/oauth/authorize/jwks.json} and {@code /web/v2/oauth/authorize/jwks.json}, and mints User Info Tokens for test
 * users, good ones and {@linkplain BadUserInfoToken bad} ones. Get it with {@link CoboEmulator#portal()}.
 *
 * <p>Tokens are RS256 JWTs (Cobo does not document its algorithm) signed with a 2048-bit RSA key made on first use;
 * claims as Cobo's example: {@code sub}, {@code email}, {@code role_names}, {@code org_id}, {@code iss} ({@link
 * #issuer()}), {@code aud} (the app's client ID), {@code iat}, {@code nbf}, {@code exp} (five minutes after {@code
 * iat}) and {@code jti}, read from the emulator's clock. Thread-safe.
 */
public final class EmulatedPortal {
  /** The JWKS's path below the API base URL, as Cobo's documentation gives it. */
  public static final String JWKS_PATH = "/v2/oauth/authorize/jwks.json";
  /** The JWKS's path with Cobo's {@code /web/} prefix, as Cobo's Portal app starter fetches it. */
  public static final String WEB_JWKS_PATH = "/web/v2/oauth/authorize/jwks.json";

  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private record SigningKey(String kid, KeyPair pair) {}

  private final CoboEmulator emulator;
  private final Clock clock;
  private final List<SigningKey> keys = new ArrayList<>(); // guarded by this; the newest signs
  private @Nullable SigningKey stranger; // a key no JWKS holds, for UNKNOWN_KEY
  private final AtomicBoolean outage = new AtomicBoolean();
  private final AtomicLong fetches = new AtomicLong();
  private @Nullable HttpClient http;

  EmulatedPortal(CoboEmulator emulator, Clock clock) {
    this.emulator = emulator;
    this.clock = clock;
  }

  /** The issuer ({@code iss}) of the tokens minted here: {@code http://127.0.0.1:PORT/portal/}. */
  public String issuer() {
    return "http://127.0.0.1:" + emulator.port() + "/portal/";
  }

  /** The JWKS's URL, {@code http://127.0.0.1:PORT/v2/oauth/authorize/jwks.json}. */
  public String jwksUrl() {
    return "http://127.0.0.1:" + emulator.port() + JWKS_PATH;
  }

  /** The {@code kid} of the key that signs new tokens. */
  public synchronized String keyId() {
    return current().kid;
  }

  /**
   * Adds a new signing key to the JWKS, as Cobo rotating its key: new tokens are signed with it; tokens of the
   * earlier keys keep verifying, their keys staying in the JWKS.
   *
   * @return the new key's {@code kid}
   */
  public synchronized String rotateKey() {
    SigningKey key = newKey();
    keys.add(key);
    return key.kid;
  }

  /**
   * Makes the JWKS unreachable (HTTP 503) while {@code down}, as an outage of Cobo's; a backend with cached keys
   * keeps verifying.
   */
  public void jwksOutage(boolean down) {
    outage.set(down);
  }

  /** How many times the JWKS was asked for since start (answered or not). */
  public long jwksFetches() {
    return fetches.get();
  }

  /**
   * An organization installs the app and its admin approves, as in Cobo Portal: the app's {@code getToken} for it
   * succeeds from now on, and Cobo calls the app's {@code callbackUrl} with {@code org_id} and {@code
   * approval_result=1}; the app then asks for the organization's token. Blocks until the app answered.
   *
   * @throws IllegalArgumentException if an id is blank or no app was registered with {@code clientId}
   */
  public InstallationDelivery install(String clientId, String orgId, URI callbackUrl) {
    emulator.installApp(clientId, orgId);
    return deliverInstallationCallback(callbackUrl, query(orgId, 1));
  }

  /**
   * An organization's admin rejects the installation: Cobo calls {@code callbackUrl} with {@code approval_result=0}
   * and the app's {@code getToken} for the organization stays refused (if it was).
   */
  public InstallationDelivery reject(String orgId, URI callbackUrl) {
    return deliverInstallationCallback(callbackUrl, query(orgId, 0));
  }

  /**
   * The organization uninstalls the app: {@code getToken} and refresh for it are refused from now on, its access
   * tokens stop working ({@link CoboEmulator#uninstallApp}). Cobo calls no URL for that.
   */
  public void uninstall(String clientId, String orgId) {
    emulator.uninstallApp(clientId, orgId);
  }

  /**
   * Calls {@code callbackUrl} with {@code rawQuery} (anything, e.g. a forged or malformed callback) as Cobo calls
   * it: one {@code GET}, no redirect followed, 5 s to answer.
   */
  public InstallationDelivery deliverInstallationCallback(URI callbackUrl, String rawQuery) {
    Objects.requireNonNull(callbackUrl, "callbackUrl");
    String url = callbackUrl + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
    } catch (IllegalArgumentException e) {
      return new InstallationDelivery(url, -1, "not a URL an HTTP client sends: " + e.getMessage());
    }
    try {
      HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());
      return new InstallationDelivery(url, response.statusCode(), response.body());
    } catch (IOException e) {
      return new InstallationDelivery(url, -1, String.valueOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new InstallationDelivery(url, -1, "interrupted");
    }
  }

  /**
   * A valid User Info Token for user {@code userId} of {@code orgId} in app {@code clientId}, with {@code roles}
   * as {@code role_names}.
   */
  public String userInfoToken(String clientId, String orgId, String userId, String email, String... roles) {
    Instant now = clock.instant();
    return signed(current(), "RS256", claims(clientId, orgId, userId, email, List.of(roles), issuer(), now,
        now, now.plus(TOKEN_LIFETIME)));
  }

  /** A User Info Token for user {@code userId} of {@code orgId} in app {@code clientId}, bad as {@code bad} says. */
  public String badUserInfoToken(BadUserInfoToken bad, String clientId, String orgId, String userId) {
    Instant now = clock.instant();
    List<String> roles = List.of("Viewer");
    String email = userId + "@example.com";
    SigningKey key = current();
    switch (bad) {
      case EXPIRED:
        Instant past = now.minus(Duration.ofMinutes(15));
        return signed(key, "RS256",
            claims(clientId, orgId, userId, email, roles, issuer(), past, past, past.plus(TOKEN_LIFETIME)));
      case NOT_YET_VALID:
        Instant later = now.plus(Duration.ofMinutes(10));
        return signed(key, "RS256",
            claims(clientId, orgId, userId, email, roles, issuer(), later, later, later.plus(TOKEN_LIFETIME)));
      case WRONG_AUDIENCE:
        return signed(key, "RS256", claims("another-app", orgId, userId, email, roles, issuer(), now, now,
            now.plus(TOKEN_LIFETIME)));
      case WRONG_ISSUER:
        return signed(key, "RS256", claims(clientId, orgId, userId, email, roles,
            "https://portal.attacker.invalid/", now, now, now.plus(TOKEN_LIFETIME)));
      case UNKNOWN_KEY:
        return signed(stranger(), "RS256", valid(clientId, orgId, userId, now));
      case ALG_NONE:
        return B64.encodeToString(header("none", key.kid).getBytes(StandardCharsets.UTF_8)) + "."
            + B64.encodeToString(valid(clientId, orgId, userId, now).getBytes(StandardCharsets.UTF_8)) + ".";
      case HMAC_WITH_PUBLIC_KEY:
        return hmacSigned(key, valid(clientId, orgId, userId, now));
      case ALGORITHM_NOT_OF_KEY:
        String rs = signed(key, "RS256", valid(clientId, orgId, userId, now));
        String es = B64.encodeToString(header("ES256", key.kid).getBytes(StandardCharsets.UTF_8));
        return es + rs.substring(rs.indexOf('.'));
      case TAMPERED:
        String good = signed(key, "RS256", valid(clientId, orgId, userId, now));
        String[] parts = good.split("\\.");
        String other = claims(clientId, orgId + "-other", userId, email, roles, issuer(), now, now,
            now.plus(TOKEN_LIFETIME));
        return parts[0] + "." + B64.encodeToString(other.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
      default:
        throw new IllegalArgumentException("unknown bad token " + bad);
    }
  }

  private String valid(String clientId, String orgId, String userId, Instant now) {
    return claims(clientId, orgId, userId, userId + "@example.com", List.of("Viewer"), issuer(), now, now,
        now.plus(TOKEN_LIFETIME));
  }

  /** The JWKS, as JSON: every key made so far, newest last. */
  public synchronized String jwks() {
    current();
    StringBuilder json = new StringBuilder("{\"keys\":[");
    for (int i = 0; i < keys.size(); i++) {
      RSAPublicKey pub = (RSAPublicKey) keys.get(i).pair.getPublic();
      json.append(i == 0 ? "" : ",")
          .append("{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":").append(Json.quote(keys.get(i).kid))
          .append(",\"n\":\"").append(unsigned(pub.getModulus()))
          .append("\",\"e\":\"").append(unsigned(pub.getPublicExponent())).append("\"}");
    }
    return json.append("]}").toString();
  }

  /** Serves the JWKS paths. */
  HttpHandler jwksHandler() {
    return this::serveJwks;
  }

  private void serveJwks(HttpExchange exchange) throws IOException {
    try (exchange) {
      fetches.incrementAndGet();
      int status;
      String body;
      if (!exchange.getRequestMethod().equals("GET")) {
        status = 405;
        body = "{\"error\":\"method_not_allowed\"}";
      } else if (outage.get()) {
        status = 503;
        body = "{\"error\":\"service_unavailable\"}";
      } else {
        status = 200;
        body = jwks();
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String query(String orgId, int approval) {
    return "org_id=" + URLEncoder.encode(Objects.requireNonNull(orgId, "orgId"), StandardCharsets.UTF_8)
        + "&approval_result=" + approval;
  }

  private static String claims(String aud, String orgId, String userId, String email, List<String> roles,
      String iss, Instant iat, Instant nbf, Instant exp) {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("sub", Json.quote(userId));
    members.put("email", Json.quote(email));
    StringBuilder roleList = new StringBuilder("[");
    for (int i = 0; i < roles.size(); i++) {
      roleList.append(i == 0 ? "" : ",").append(Json.quote(roles.get(i)));
    }
    members.put("role_names", roleList.append(']').toString());
    members.put("org_id", Json.quote(orgId));
    members.put("iss", Json.quote(iss));
    members.put("aud", Json.quote(aud));
    members.put("iat", Long.toString(iat.getEpochSecond()));
    members.put("nbf", Long.toString(nbf.getEpochSecond()));
    members.put("exp", Long.toString(exp.getEpochSecond()));
    members.put("jti", Json.quote(UUID.randomUUID().toString()));
    StringBuilder json = new StringBuilder("{");
    members.forEach((k, v) -> json.append(json.length() == 1 ? "" : ",").append(Json.quote(k)).append(':').append(v));
    return json.append('}').toString();
  }

  private static String header(String alg, String kid) {
    return "{\"alg\":" + Json.quote(alg) + ",\"typ\":\"JWT\",\"kid\":" + Json.quote(kid) + "}";
  }

  private static String signed(SigningKey key, String alg, String claims) {
    String input = B64.encodeToString(header(alg, key.kid).getBytes(StandardCharsets.UTF_8)) + "."
        + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key.pair.getPrivate());
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RS256 signing failed", e);
    }
  }

  /** The classic confusion attack: HS256 with the public key's PEM text as the secret. */
  private static String hmacSigned(SigningKey key, String claims) {
    String input = B64.encodeToString(header("HS256", key.kid).getBytes(StandardCharsets.UTF_8)) + "."
        + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    String pem = "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
  }

  /** Base64url of a positive integer's big-endian bytes without the sign byte, as JWK wants. */
  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      byte[] trimmed = new byte[bytes.length - 1];
      System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
      bytes = trimmed;
    }
    return B64.encodeToString(bytes);
  }

  private synchronized SigningKey current() {
    if (keys.isEmpty()) {
      keys.add(newKey());
    }
    return keys.get(keys.size() - 1);
  }

  private synchronized SigningKey stranger() {
    if (stranger == null) {
      stranger = newKey();
    }
    return stranger;
  }

  private static SigningKey newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new SigningKey("emulator-" + UUID.randomUUID().toString().substring(0, 8), generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is missing from this JDK", e);
    }
  }

  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
    }
    return http;
  }

  @Override
  public String toString() {
    return "EmulatedPortal{" + issuer() + '}';
  }
}
