package dev.waasj.examples;

import dev.waasj.client.CoboClient;
import dev.waasj.generated.model.RefreshToken200Response;
import dev.waasj.generated.model.RefreshTokenRequest;

/**
 * {@code refreshToken}: exchanges a refresh token for a new access token and a new refresh token. The old refresh
 * token stops working, so store the new one before using the new access token (the token manager does this).
 */
public final class RefreshTokenExample {
  private RefreshTokenExample() {}

  /** Calls {@code POST /oauth/token} with grant {@code refresh_token}. */
  public static RefreshToken200Response run(CoboClient cobo, String clientId, String refreshToken) {
    return cobo.oauth()
        .refreshToken(
            RefreshTokenRequest.builder()
                .clientId(clientId)
                .grantType("refresh_token")
                .refreshToken(refreshToken)
                .build());
  }

  /** Gets a token, refreshes it, and prints a redacted summary. */
  public static void main(String[] args) throws Exception {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment(System.getenv())) {
      String refreshToken = GetTokenExample.run(setup.client(), setup.clientId(), setup.orgId()).refreshToken();
      RefreshToken200Response next = run(setup.client(), setup.clientId(), refreshToken);
      System.out.println("refreshToken: access " + Redacted.of(next.accessToken()) + ", refresh "
          + Redacted.of(next.refreshToken()) + " (was " + Redacted.of(refreshToken) + ")");
    }
  }
}
