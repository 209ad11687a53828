package dev.waasj.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code cobo.portal.*}: a Cobo Portal app's backend (needs sdk-portal on the class path, {@code cobo.client-id} and
 * no {@code cobo.org-id}).
 */
public class PortalProperties {
  /**
   * Where Cobo calls the app's installation callback (the manifest's callback URL), e.g. /cobo/installed; unset, no
   * endpoint.
   */
  private @Nullable String callbackPath;

  /**
   * URL patterns whose requests must carry a valid User Info Token, e.g. /api/*; any other gets 401 before it reaches
   * a controller. Unset, only controllers asking for a PortalUser, CoboOrganization or CoboApis are checked.
   */
  private List<String> paths = new ArrayList<>();

  /** The request header the front end sends the User Info Token in; for Authorization, as "Bearer TOKEN". */
  private String tokenHeader = "Authorization";

  /** The issuer User Info Tokens must name; unset, Cobo Portal's for the environment (required for other URLs). */
  private @Nullable String issuer;

  /** Where Cobo's JWKS is fetched; unset, oauth/authorize/jwks.json below the API base URL. */
  private @Nullable String jwksUrl;

  /** How long fetched JWKS keys are used before they are fetched again. */
  private Duration jwksCacheTtl = Duration.ofMinutes(15);

  /** The least time between two JWKS fetches, however many tokens name unknown keys or fetches fail. */
  private Duration jwksMinRefetchInterval = Duration.ofSeconds(30);

  /** The clock skew allowed on a User Info Token's exp, iat and nbf. */
  private Duration clockSkew = Duration.ofSeconds(60);

  /** Returns the callback path, if set. */
  public @Nullable String getCallbackPath() {
    return callbackPath;
  }

  /** Sets the callback path. */
  public void setCallbackPath(@Nullable String callbackPath) {
    this.callbackPath = callbackPath;
  }

  /** Returns the protected URL patterns. */
  public List<String> getPaths() {
    return paths;
  }

  /** Sets the protected URL patterns. */
  public void setPaths(List<String> paths) {
    this.paths = paths == null ? new ArrayList<>() : paths;
  }

  /** Returns the token header. */
  public String getTokenHeader() {
    return tokenHeader;
  }

  /** Sets the token header. */
  public void setTokenHeader(String tokenHeader) {
    this.tokenHeader = tokenHeader;
  }

  /** Returns the issuer, if set. */
  public @Nullable String getIssuer() {
    return issuer;
  }

  /** Sets the issuer. */
  public void setIssuer(@Nullable String issuer) {
    this.issuer = issuer;
  }

  /** Returns the JWKS URL, if set. */
  public @Nullable String getJwksUrl() {
    return jwksUrl;
  }

  /** Sets the JWKS URL. */
  public void setJwksUrl(@Nullable String jwksUrl) {
    this.jwksUrl = jwksUrl;
  }

  /** Returns the JWKS cache TTL. */
  public Duration getJwksCacheTtl() {
    return jwksCacheTtl;
  }

  /** Sets the JWKS cache TTL. */
  public void setJwksCacheTtl(Duration jwksCacheTtl) {
    this.jwksCacheTtl = jwksCacheTtl;
  }

  /** Returns the JWKS minimum refetch interval. */
  public Duration getJwksMinRefetchInterval() {
    return jwksMinRefetchInterval;
  }

  /** Sets the JWKS minimum refetch interval. */
  public void setJwksMinRefetchInterval(Duration jwksMinRefetchInterval) {
    this.jwksMinRefetchInterval = jwksMinRefetchInterval;
  }

  /** Returns the clock skew. */
  public Duration getClockSkew() {
    return clockSkew;
  }

  /** Sets the clock skew. */
  public void setClockSkew(Duration clockSkew) {
    this.clockSkew = clockSkew;
  }
}
