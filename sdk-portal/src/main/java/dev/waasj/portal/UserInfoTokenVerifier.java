package dev.waasj.portal;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.waasj.client.CoboClient;
import dev.waasj.client.CoboEnvironment;
import dev.waasj.internal.auth.Checks;
import dev.waasj.portal.UserInfoTokenException.Reason;
import dev.waasj.internal.portal.HttpJwksSource;
import dev.waasj.internal.portal.JwksCache;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Verifies the User Info Tokens a Portal app's front end gets from Cobo Portal ({@code getAuthInfo()} of Cobo's UI
 * toolkit) and sends to its backend, and turns them into a {@link PortalUser}. Nimbus JOSE+JWT parses and verifies;
 * this class decides what is accepted:
 *
 * <ul>
 *   <li>At most {@link #MAX_TOKEN_CHARS} characters, three base64url parts, a JSON header and claims.
 *   <li>The key: the JWKS entry the header's {@code kid} names, from Cobo's JWKS for the environment
 *       ({@code BASE/oauth/authorize/jwks.json}, {@code BASE} the client's base URL or {@link Builder#baseUrl}), or
 *       {@link Builder#jwksUrl} itself. The JWKS is cached ({@link Builder#jwksCacheTtl}); an unknown {@code kid}
 *       fetches it again at most once per {@link Builder#jwksMinRefetchInterval}; while Cobo's JWKS cannot be
 *       fetched, cached keys keep verifying.
 *   <li>The algorithm: the one the header names, only if the key's type allows it: RS256/384/512 and PS256/384/512
 *       for an RSA key; ES256, ES384, ES512 or ES256K for an EC key of the matching curve; the JWK's own {@code alg}
 *       if it states one. Never {@code none}, never an HMAC algorithm (which a public key would "verify"), never
 *       encryption. Cobo does not document its algorithm, hence the header's, within these bounds.
 *   <li>The claims: {@code iss} equal to {@link Builder#issuer}, {@code aud} naming the app's client ID, {@code exp}
 *       and {@code iat} present, {@code exp} not passed, {@code iat} and {@code nbf} (if present) not in the future,
 *       each within {@link Builder#clockSkew} ({@value #DEFAULT_CLOCK_SKEW_SECONDS} s unless configured); {@code sub}
 *       and {@code org_id} present.
 * </ul>
 *
 * <p>Every refusal is a {@link UserInfoTokenException} with a {@link UserInfoTokenException.Reason}; no message
 * quotes the token. Thread-safe; build one per app and share it.
 */
public final class UserInfoTokenVerifier {
  /** The longest token accepted, in characters: Cobo's are well under a kilobyte. */
  public static final int MAX_TOKEN_CHARS = 8 * 1024;

  /** The clock skew allowed on {@code exp}, {@code iat} and {@code nbf} unless configured, in seconds. */
  public static final long DEFAULT_CLOCK_SKEW_SECONDS = 60;

  /** How long fetched keys are used before the JWKS is fetched again, unless configured. */
  public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(15);

  /** The least time between two JWKS fetches (unknown keys, failures), unless configured. */
  public static final Duration DEFAULT_JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

  /** The path of Cobo's JWKS below an environment's base URL. */
  public static final String JWKS_PATH = "oauth/authorize/jwks.json";

  private static final int MAX_ID_CHARS = 128;
  private static final int MAX_ROLES = 64;

  private final String clientId;
  private final String issuer;
  private final Duration skew;
  private final Clock clock;
  private final JwksCache keys;
  private final String jwksUrl;

  private UserInfoTokenVerifier(Builder b, String jwksUrl, String issuer, OkHttpClient http) {
    this.clientId = b.clientId;
    this.issuer = issuer;
    this.skew = b.clockSkew;
    this.clock = b.clock;
    this.jwksUrl = jwksUrl;
    this.keys = new JwksCache(new HttpJwksSource(http, jwksUrl), b.clock, b.cacheTtl, b.minRefetchInterval);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A verifier for the app {@code cobo} was built for ({@code clientId}), with the JWKS below the client's base URL
   * and the issuer of its environment (for a base URL of Cobo's; any other needs {@link Builder#issuer}).
   */
  public static Builder builder(CoboClient cobo) {
    Builder b = new Builder().clientId(cobo.tokenManagers().clientId()).baseUrl(cobo.baseUrl());
    return b;
  }

  /** The app's client ID: the audience tokens must name. */
  public String clientId() {
    return clientId;
  }

  /** The issuer tokens must name. */
  public String issuer() {
    return issuer;
  }

  /** Where the JWKS is fetched from. */
  public String jwksUrl() {
    return jwksUrl;
  }

  /**
   * Verifies {@code token} and returns who it names.
   *
   * @throws UserInfoTokenException if the token is refused, or no keys could be had ({@link Reason#KEYS_UNAVAILABLE})
   */
  public PortalUser verify(@Nullable String token) {
    if (token == null || token.isBlank()) {
      throw new UserInfoTokenException(Reason.MISSING, "No User Info Token was sent");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw new UserInfoTokenException(
          Reason.TOO_LARGE, "The User Info Token is longer than " + MAX_TOKEN_CHARS + " characters");
    }
    if (!isCompactJws(token)) {
      throw new UserInfoTokenException(Reason.MALFORMED, "The User Info Token is not three base64url parts");
    }
    JWT parsed;
    try {
      parsed = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new UserInfoTokenException(Reason.MALFORMED, "The User Info Token's header is not a JOSE header");
    }
    if (!(parsed instanceof SignedJWT)) {
      Algorithm alg = parsed.getHeader().getAlgorithm();
      throw new UserInfoTokenException(
          Reason.UNSUPPORTED_ALGORITHM, "The User Info Token is not signed (alg " + alg + "): refused");
    }
    SignedJWT jwt = (SignedJWT) parsed;
    JWSHeader header = jwt.getHeader();
    JWSAlgorithm alg = header.getAlgorithm();
    if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
      throw new UserInfoTokenException(
          Reason.UNSUPPORTED_ALGORITHM, "The User Info Token names " + alg + ": HMAC algorithms are never accepted");
    }
    JWK key = key(header.getKeyID());
    JWSVerifier verifier = verifierFor(key, alg);
    boolean valid;
    try {
      valid = jwt.verify(verifier);
    } catch (JOSEException | IllegalStateException e) {
      valid = false;
    }
    if (!valid) {
      throw new UserInfoTokenException(Reason.BAD_SIGNATURE, "The User Info Token's signature does not verify");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new UserInfoTokenException(Reason.MALFORMED, "The User Info Token's claims are not a JSON object");
    }
    return user(claims);
  }

  /** Three parts of base64url characters, the first two not empty: checked before any decoding. */
  private static boolean isCompactJws(String token) {
    int dots = 0;
    int partStart = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        if (i == partStart) {
          return false;
        }
        dots++;
        partStart = i + 1;
      } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return dots == 2;
  }

  private JWK key(@Nullable String kid) {
    if (kid != null && (kid.length() > MAX_ID_CHARS || !printable(kid))) {
      throw new UserInfoTokenException(Reason.MALFORMED, "The User Info Token's kid is not a key ID");
    }
    JwksCache.Lookup found = keys.find(kid);
    if (found.key() != null) {
      return found.key();
    }
    if (!found.keysAvailable()) {
      throw new UserInfoTokenException(
          Reason.KEYS_UNAVAILABLE, "Cobo's JWKS could not be fetched from " + jwksUrl + " and no keys are cached");
    }
    throw new UserInfoTokenException(
        Reason.UNKNOWN_KEY,
        kid == null
            ? "The User Info Token names no kid, and Cobo's JWKS holds more than one key"
            : "The User Info Token names a kid that Cobo's JWKS does not hold");
  }

  /** A verifier for {@code alg} with {@code key}, if the key's type allows that algorithm. */
  private static JWSVerifier verifierFor(JWK key, JWSAlgorithm alg) {
    if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
      throw unsupported(alg, "the key is for " + key.getAlgorithm());
    }
    try {
      if (key instanceof RSAKey) {
        if (!JWSAlgorithm.Family.RSA.contains(alg)) {
          throw unsupported(alg, "the key is an RSA key");
        }
        return new RSASSAVerifier((RSAKey) key);
      }
      if (key instanceof ECKey) {
        Curve curve = ((ECKey) key).getCurve();
        if (!JWSAlgorithm.Family.EC.contains(alg) || !Curve.forJWSAlgorithm(alg).contains(curve)) {
          throw unsupported(alg, "the key is an EC key on " + curve);
        }
        return new ECDSAVerifier((ECKey) key);
      }
    } catch (JOSEException e) {
      throw unsupported(alg, "the key cannot verify it");
    }
    throw unsupported(alg, "the key's type (" + key.getKeyType() + ") is not accepted");
  }

  private static UserInfoTokenException unsupported(JWSAlgorithm alg, String why) {
    return new UserInfoTokenException(
        Reason.UNSUPPORTED_ALGORITHM, "The User Info Token names " + alg + ", which its key does not allow: " + why);
  }

  private PortalUser user(JWTClaimsSet claims) {
    String iss = claims.getIssuer();
    if (!issuer.equals(iss)) {
      throw new UserInfoTokenException(Reason.WRONG_ISSUER, "The User Info Token was not issued by " + issuer);
    }
    List<String> aud = claims.getAudience();
    if (aud == null || !aud.contains(clientId)) {
      throw new UserInfoTokenException(Reason.WRONG_AUDIENCE, "The User Info Token is not for app " + clientId);
    }
    Instant now = clock.instant();
    Instant exp = instant(claims.getExpirationTime(), "exp");
    Instant iat = instant(claims.getIssueTime(), "iat");
    if (!now.isBefore(exp.plus(skew))) {
      throw new UserInfoTokenException(Reason.EXPIRED, "The User Info Token expired at " + exp);
    }
    Date nbf = claims.getNotBeforeTime();
    if (iat.isAfter(now.plus(skew)) || (nbf != null && nbf.toInstant().isAfter(now.plus(skew)))) {
      throw new UserInfoTokenException(Reason.NOT_YET_VALID, "The User Info Token is not valid yet");
    }
    String userId = id(claims, "sub");
    String orgId = id(claims, "org_id");
    String email = optionalString(claims, "email");
    List<String> roles;
    try {
      roles = claims.getStringListClaim("role_names");
    } catch (ParseException e) {
      throw new UserInfoTokenException(Reason.MALFORMED, "The User Info Token's role_names is not a list of names");
    }
    if (roles == null) {
      roles = List.of();
    }
    if (roles.size() > MAX_ROLES || roles.stream().anyMatch(r -> r == null || !printable(r))) {
      throw new UserInfoTokenException(Reason.MALFORMED, "The User Info Token's role_names are not role names");
    }
    return new PortalUser(orgId, userId, email, roles, iat, exp, optionalString(claims, "jti"));
  }

  private static Instant instant(@Nullable Date date, String claim) {
    if (date == null) {
      throw new UserInfoTokenException(Reason.MISSING_CLAIM, "The User Info Token has no " + claim + " claim");
    }
    return date.toInstant();
  }

  private static String id(JWTClaimsSet claims, String claim) {
    String value = optionalString(claims, claim);
    if (value == null || value.isBlank() || value.length() > MAX_ID_CHARS || !printable(value)) {
      throw new UserInfoTokenException(
          Reason.MISSING_CLAIM, "The User Info Token has no usable " + claim + " claim");
    }
    return value;
  }

  private static @Nullable String optionalString(JWTClaimsSet claims, String claim) {
    try {
      return claims.getStringClaim(claim);
    } catch (ParseException e) {
      throw new UserInfoTokenException(Reason.MALFORMED, "The User Info Token's " + claim + " is not a string");
    }
  }

  private static boolean printable(String s) {
    return s.chars().noneMatch(Character::isISOControl);
  }

  @Override
  public String toString() {
    return "UserInfoTokenVerifier{clientId=" + clientId + ", issuer=" + issuer + ", jwks=" + jwksUrl + '}';
  }

  /** Configures a {@link UserInfoTokenVerifier}. */
  public static final class Builder {
    private static final Set<String> COBO_HOSTS = Set.of("api.cobo.com", "api.dev.cobo.com", "api.sandbox.cobo.com");

    private @Nullable String clientId;
    private @Nullable String baseUrl;
    private @Nullable String jwksUrl;
    private @Nullable String issuer;
    private Duration clockSkew = Duration.ofSeconds(DEFAULT_CLOCK_SKEW_SECONDS);
    private Duration cacheTtl = DEFAULT_JWKS_CACHE_TTL;
    private Duration minRefetchInterval = DEFAULT_JWKS_MIN_REFETCH_INTERVAL;
    private Clock clock = Clock.systemUTC();
    private @Nullable OkHttpClient http;

    private Builder() {}

    /** The app's client ID, the audience ({@code aud}) every token must name. Required. */
    public Builder clientId(String clientId) {
      this.clientId = requireText(clientId, "clientId");
      return this;
    }

    /** Cobo's environment: its JWKS, and its Portal as the issuer. */
    public Builder environment(CoboEnvironment environment) {
      return baseUrl(environment.baseUrl());
    }

    /**
     * The API base URL ({@code .../v2}) whose {@code oauth/authorize/jwks.json} serves the JWKS: an environment's,
     * the emulator's, or a gateway's. For a base URL of Cobo's own, the issuer follows from it.
     */
    public Builder baseUrl(String baseUrl) {
      String url = requireText(baseUrl, "baseUrl");
      this.baseUrl = url.endsWith("/") ? url : url + "/";
      return this;
    }

    /** The JWKS's URL itself, instead of the one below {@link #baseUrl} (e.g. Cobo's {@code /web/} variant). */
    public Builder jwksUrl(String jwksUrl) {
      this.jwksUrl = requireText(jwksUrl, "jwksUrl");
      return this;
    }

    /**
     * The issuer ({@code iss}) tokens must name, exactly. Defaults, for Cobo's base URLs, to its Portal's:
     * {@code https://portal.dev.cobo.com/} (documented), {@code https://portal.cobo.com/} and {@code
     * https://portal.sandbox.cobo.com/} (by analogy: set this if Cobo's differ). Required for any other base URL.
     */
    public Builder issuer(String issuer) {
      this.issuer = requireText(issuer, "issuer");
      return this;
    }

    /** The skew allowed on {@code exp}, {@code iat} and {@code nbf}: 0 to 5 minutes, 60 s by default. */
    public Builder clockSkew(Duration skew) {
      if (skew == null || skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes");
      }
      this.clockSkew = skew;
      return this;
    }

    /** How long fetched keys are used before the JWKS is fetched again: at least a second, 15 minutes by default. */
    public Builder jwksCacheTtl(Duration ttl) {
      this.cacheTtl = atLeastOneSecond(ttl, "jwksCacheTtl");
      return this;
    }

    /**
     * The least time between two JWKS fetches, whatever asks for them (tokens naming unknown keys, failed fetches):
     * at least a second, 30 s by default.
     */
    public Builder jwksMinRefetchInterval(Duration interval) {
      this.minRefetchInterval = atLeastOneSecond(interval, "jwksMinRefetchInterval");
      return this;
    }

    /** The HTTP client the JWKS is fetched with; by default one with 2 s connect and 5 s read timeouts. */
    public Builder httpClient(OkHttpClient http) {
      Checks.notNullArgument(http, "httpClient");
      this.http = http;
      return this;
    }

    /** The clock {@code exp}, {@code iat}, {@code nbf} and the cache's ages are read from. */
    public Builder clock(Clock clock) {
      Checks.notNullArgument(clock, "clock");
      this.clock = clock;
      return this;
    }

    /**
     * Builds the verifier; fetches nothing yet (the first token does).
     *
     * @throws IllegalStateException if the client ID, the JWKS's location or the issuer is missing
     */
    public UserInfoTokenVerifier build() {
      if (clientId == null) {
        throw new IllegalStateException("clientId is required: the app's client ID, which tokens name as aud");
      }
      String url = jwksUrl != null ? jwksUrl : baseUrl != null ? baseUrl + JWKS_PATH : null;
      if (url == null) {
        throw new IllegalStateException("Set environment(...), baseUrl(...) or jwksUrl(...): where Cobo's JWKS is");
      }
      String iss = issuer != null ? issuer : defaultIssuer();
      if (iss == null) {
        throw new IllegalStateException(
            "issuer(...) is required for a base URL that is not Cobo's: the iss the tokens carry");
      }
      OkHttpClient client =
          http != null
              ? http
              : new OkHttpClient.Builder()
                  .connectTimeout(Duration.ofSeconds(2))
                  .readTimeout(Duration.ofSeconds(5))
                  .callTimeout(Duration.ofSeconds(10))
                  .followRedirects(false)
                  .build();
      return new UserInfoTokenVerifier(this, url, iss, client);
    }

    private @Nullable String defaultIssuer() {
      if (baseUrl == null) {
        return null;
      }
      String host = URI.create(baseUrl).getHost();
      if (host == null || !COBO_HOSTS.contains(host)) {
        return null;
      }
      return "https://" + host.replaceFirst("^api\\.", "portal.") + "/";
    }

    private static Duration atLeastOneSecond(@Nullable Duration d, String name) {
      if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(name + " must be at least one second");
      }
      return d;
    }

    private static String requireText(@Nullable String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value.trim();
    }
  }
}
