package dev.waasj.auth.token;

import dev.waasj.errors.MalformedResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link TokenEndpoint} over its Retrofit binding. */
final class RetrofitTokenEndpoint implements TokenEndpoint {
  private final TokenService service;

  RetrofitTokenEndpoint(TokenService service) {
    this.service = service;
  }

  @Override
  public TokenResponse orgImplicit(String clientId, String orgId) {
    return present(service.getToken(clientId, orgId, "org_implicit"));
  }

  @Override
  public TokenResponse refresh(String clientId, String refreshToken) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("client_id", clientId);
    body.put("grant_type", "refresh_token");
    body.put("refresh_token", refreshToken);
    return present(service.refreshToken(body));
  }

  /** A signed success with no body (204, or a JSON {@code null}) is not a token. */
  private static TokenResponse present(@Nullable TokenResponse response) {
    if (response == null) {
      throw new MalformedResponseException("The token endpoint answered success without a token", null);
    }
    return response;
  }

  @Override
  public String toString() {
    return "TokenEndpoint";
  }
}
