package dev.waasj.auth.token;

import dev.waasj.generated.ServiceFactory;

/**
 * Cobo's OAuth token endpoint for Portal apps, the two calls {@link OrgTokenManager} makes. Written by hand rather
 * than generated, so token management keeps working whatever the spec names its token schemas.
 *
 * <p>Both calls are signed with the app key alone: they must never carry an org access token.
 */
public interface TokenEndpoint {
  /**
   * {@code GET /oauth/token} with grant {@code org_implicit}: a new access and refresh token for the app in the
   * organization.
   *
   * @param clientId the app's {@code client_id}
   * @param orgId the organization that authorized the app
   * @return the tokens
   * @throws dev.waasj.errors.CoboException if the server refuses or no valid answer arrives
   */
  TokenResponse orgImplicit(String clientId, String orgId);

  /**
   * {@code POST /oauth/token} with grant {@code refresh_token}: rotates, so the returned refresh token replaces
   * {@code refreshToken}, which stops working.
   *
   * @param clientId the app's {@code client_id}
   * @param refreshToken the current refresh token
   * @return the new tokens
   * @throws dev.waasj.errors.CoboException if the server refuses or no valid answer arrives
   */
  TokenResponse refresh(String clientId, String refreshToken);

  /**
   * The endpoint as reached through {@code services}, e.g. the SDK's client, which signs, verifies and retries.
   *
   * @param services creates the HTTP binding
   * @return the endpoint
   */
  static TokenEndpoint using(ServiceFactory services) {
    return new RetrofitTokenEndpoint(services.create(TokenService.class));
  }
}
