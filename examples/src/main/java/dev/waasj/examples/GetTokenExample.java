package dev.waasj.examples;

import dev.waasj.client.CoboClient;
import dev.waasj.generated.model.GetToken200Response;

/**
 * {@code getToken}: an org access token for a Portal app. Run with {@code COBO_*} variables set, or with none to use
 * the embedded emulator.
 */
public final class GetTokenExample {
  private GetTokenExample() {}

  /** Calls {@code GET /oauth/token} with grant {@code org_implicit}. */
  public static GetToken200Response run(CoboClient cobo, String clientId, String orgId) {
    return cobo.oauth().getToken(clientId, orgId, "org_implicit");
  }

  /** Prints a redacted summary of a fresh token. */
  public static void main(String[] args) throws Exception {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment(System.getenv())) {
      GetToken200Response token = run(setup.client(), setup.clientId(), setup.orgId());
      System.out.println("getToken: access " + Redacted.of(token.accessToken()) + ", expires in "
          + token.expiresIn() + " s, refresh " + Redacted.of(token.refreshToken()));
    }
  }
}
