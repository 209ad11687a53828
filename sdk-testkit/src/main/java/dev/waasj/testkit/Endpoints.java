package dev.waasj.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The emulated operations, reached only by requests whose signature was accepted:
 *
 * <ul>
 *   <li>{@code GET /v2/oauth/token}: the {@code org_implicit} grant;
 *   <li>{@code POST /v2/oauth/token}: the {@code refresh_token} grant with rotation;
 *   <li>with a spec: every other operation it has, through {@link SpecEndpoints};
 *   <li>without one: {@code GET /v2/wallets}, an org-scoped operation answering {@code {"data":[]}}.
 * </ul>
 *
 * Every operation but the token endpoint needs {@code Authorization: Bearer} with an org token the token endpoint
 * issued to the same API key, unless the key was registered as the organization's own.
 */
final class Endpoints {
  static final String TOKEN_PATH = "/v2/oauth/token";
  static final String WALLETS_PATH = "/v2/wallets";

  private static final String BEARER_PREFIX = "bearer ";

  private final AppRegistry apps;
  private final TokenStore tokens;
  private final @Nullable SpecModel spec;
  private final @Nullable SpecEndpoints specEndpoints;
  private final boolean expiredTokensAnswer500;

  Endpoints(AppRegistry apps, TokenStore tokens, @Nullable SpecModel spec, long seed, int listSize, boolean expired500) {
    this.apps = apps;
    this.tokens = tokens;
    this.spec = spec;
    this.specEndpoints = spec == null ? null : new SpecEndpoints(spec, seed, listSize);
    this.expiredTokensAnswer500 = expired500;
  }

  /**
   * Serves one authenticated request.
   *
   * @param apiKey the verified {@code BIZ-API-KEY}
   * @param authorization the {@code Authorization} header, if any
   */
  Response serve(
      String method,
      String path,
      String rawQuery,
      String body,
      String apiKey,
      @Nullable String authorization,
      @Nullable String contentType) {
    try {
      if (path.equals(TOKEN_PATH) && method.equals("GET")) {
        return tokenResponse(orgImplicitGrant(rawQuery, apiKey));
      }
      if (path.equals(TOKEN_PATH) && method.equals("POST")) {
        return tokenResponse(refreshGrant(body, apiKey));
      }
    } catch (OAuthError e) {
      return Response.oauthError(e);
    }
    if (spec != null && specEndpoints != null) {
      SpecModel.Match match = spec.match(method, path);
      if (match == null) {
        return spec.hasPath(path)
            ? Response.coboError(405, 2028, "method not allowed: " + method + " " + path)
            : Response.coboError(404, 2028, "no such operation: " + method + " " + path);
      }
      Tenant tenant = tenant(apiKey, authorization);
      return tenant.refusal != null
          ? tenant.refusal
          : specEndpoints.serve(match, method, path, rawQuery, body, contentType, tenant.id, tenant.orgId);
    }
    if (path.equals(WALLETS_PATH) && method.equals("GET")) {
      Tenant tenant = tenant(apiKey, authorization);
      return tenant.refusal != null ? tenant.refusal : Response.json(200, "{\"data\":[]}");
    }
    return Response.coboError(404, 2028, "no such operation: " + method + " " + path);
  }

  @Nullable SpecEndpoints specEndpoints() {
    return specEndpoints;
  }

  /** Whose data a call sees (and its organization, for an org token), or why it may see none. */
  private record Tenant(String id, @Nullable String orgId, @Nullable Response refusal) {}

  private Tenant tenant(String apiKey, @Nullable String authorization) {
    if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER_PREFIX)) {
      if (apps.isDirect(apiKey)) {
        return new Tenant(apiKey, null, null);
      }
      return new Tenant("", null, Response.coboError(401, 2022, "missing Authorization: Bearer org access token"));
    }
    String token = authorization.substring(BEARER_PREFIX.length()).trim();
    TokenStore.Grant grant = tokens.activeGrant(token);
    // A token is only good with the app key it was issued to, while its organization has the app installed.
    if (grant == null || !grant.apiKey().equals(apiKey)
        || !apps.isInstalled(grant.apiKey(), grant.clientId(), grant.orgId())) {
      if (expiredTokensAnswer500 && tokens.isExpired(token)) {
        // As Cobo has been seen to answer an expired org token: not 401 but 500 with error 1000.
        return new Tenant("", null, Response.coboError(500, 1000, "Internal server error"));
      }
      return new Tenant("", null, Response.invalidBearer("the org access token is invalid, expired or revoked"));
    }
    return new Tenant("org:" + grant.orgId(), grant.orgId(), null);
  }

  private TokenStore.IssuedTokens orgImplicitGrant(String rawQuery, String apiKey) throws OAuthError {
    Map<String, String> params = parseQuery(rawQuery);
    String clientId = required(params.get("client_id"), "client_id");
    String orgId = required(params.get("org_id"), "org_id");
    String grantType = required(params.get("grant_type"), "grant_type");
    if (!grantType.equals("org_implicit")) {
      throw new OAuthError("unsupported_grant_type", "this endpoint only grants org_implicit");
    }
    requireClient(apiKey, clientId);
    if (!apps.isInstalled(apiKey, clientId, orgId)) {
      throw new OAuthError("unauthorized_client", "the organization has not authorized this app");
    }
    return tokens.issue(new TokenStore.Grant(apiKey, clientId, orgId));
  }

  private TokenStore.IssuedTokens refreshGrant(String body, String apiKey) throws OAuthError {
    Map<String, Object> json;
    try {
      json = Json.parseObject(body);
    } catch (IllegalArgumentException e) {
      throw new OAuthError("invalid_request", "the body must be a JSON object: " + e.getMessage());
    }
    String grantType = required(Json.stringMember(json, "grant_type"), "grant_type");
    if (!grantType.equals("refresh_token")) {
      throw new OAuthError("unsupported_grant_type", "this endpoint only grants refresh_token");
    }
    String clientId = required(Json.stringMember(json, "client_id"), "client_id");
    String refreshToken = required(Json.stringMember(json, "refresh_token"), "refresh_token");
    requireClient(apiKey, clientId);
    return tokens.refresh(apiKey, clientId, refreshToken, g -> apps.isInstalled(g.apiKey(), g.clientId(), g.orgId()));
  }

  private static Response tokenResponse(TokenStore.IssuedTokens issued) {
    return Response.json(
        200,
        "{\"access_token\":" + Json.quote(issued.accessToken())
            + ",\"token_type\":\"Bearer\",\"scope\":\"\",\"expires_in\":" + issued.expiresInSeconds()
            + ",\"refresh_token\":" + Json.quote(issued.refreshToken()) + "}");
  }

  private void requireClient(String apiKey, String clientId) throws OAuthError {
    if (!apps.hasClient(apiKey, clientId)) {
      throw new OAuthError("invalid_client", "client_id is not registered for this API key");
    }
  }

  private static String required(@Nullable String value, String name) throws OAuthError {
    if (value == null || value.isEmpty()) {
      throw new OAuthError("invalid_request", "missing parameter: " + name);
    }
    return value;
  }

  private static Map<String, String> parseQuery(String rawQuery) throws OAuthError {
    Map<String, String> params = new HashMap<>();
    if (rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (params.put(name, value) != null) {
        throw new OAuthError("invalid_request", "repeated parameter: " + name);
      }
    }
    return params;
  }

  private static String decode(String s) throws OAuthError {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new OAuthError("invalid_request", "malformed percent-encoding in the query");
    }
  }
}
