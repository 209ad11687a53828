package dev.waasj.examples;

import dev.waasj.client.CoboClient;
import dev.waasj.generated.model.RefreshTokenRequest;

/**
 * {@code refreshToken}: exchanges a refresh token for a new access token and a new refresh token. The old refresh
 * token stops working, so store the new one before using the new access token (the token manager does this).
 */
public final class RefreshTokenExample {
  private RefreshTokenExample() {}

  /** Gets a token, then calls {@code POST /oauth/token} with grant {@code refresh_token}; returns both refresh tokens. */
  public static String[] run(CoboClient cobo, String clientId, String orgId) {
    String refreshToken = cobo.apis().oauth().getToken(clientId, orgId, "org_implicit").refreshToken();
    var next =
        cobo.apis()
            .oauth()
            .refreshToken(
                RefreshTokenRequest.builder()
                    .clientId(clientId)
                    .grantType("refresh_token")
                    .refreshToken(refreshToken)
                    .build());
    return new String[] {refreshToken, next.refreshToken()};
  }

  /** Prints a redacted summary. */
  public static void main(String[] args) {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment(System.getenv())) {
      String[] tokens = run(setup.client(), setup.clientId(), setup.orgId());
      System.out.println("refreshToken: " + Redacted.of(tokens[0]) + " -> " + Redacted.of(tokens[1]));
    }
  }
}
