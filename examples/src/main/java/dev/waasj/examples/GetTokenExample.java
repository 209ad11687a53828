package dev.waasj.examples;

import dev.waasj.client.CoboClient;

/**
 * {@code getToken}: an org access token for a Portal app, called directly. Most apps let the client's token
 * manager do this instead (see {@link TokenManagerExample}). Run with {@code COBO_*} variables set, or with none to
 * use the embedded emulator.
 */
public final class GetTokenExample {
  private GetTokenExample() {}

  /** Calls {@code GET /oauth/token} with grant {@code org_implicit}; prints a redacted summary. */
  public static String run(CoboClient cobo, String clientId, String orgId) {
    // `var`: the response's class name is the spec's to choose, and it has changed between spec versions.
    var token = cobo.apis().oauth().getToken(clientId, orgId, "org_implicit");
    return "access " + Redacted.of(token.accessToken()) + " " + token.tokenType() + ", expires in "
        + token.expiresIn() + " s, refresh " + Redacted.of(token.refreshToken());
  }

  /** Prints a redacted summary of a fresh token. */
  public static void main(String[] args) {
    try (ExampleSetup setup = ExampleSetup.fromEnvironment(System.getenv())) {
      System.out.println("getToken: " + run(setup.client(), setup.clientId(), setup.orgId()));
    }
  }
}
