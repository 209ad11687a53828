package dev.waasj.benchmarks.coldstart;

import dev.waasj.client.CoboClient;

/**
 * What a command-line tool, batch job or serverless function does once per process: build a client from {@code
 * COBO_*} variables and get a verified answer to one signed call (the org access token: a signed {@code getToken}
 * whose response signature is checked), then exit. Uses only API that every version of the SDK has, so one compiled
 * probe measures any of them; {@link ColdStart} runs it.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  /** Exits 0 after one verified token, 1 on any failure. */
  public static void main(String[] args) {
    try (CoboClient cobo = CoboClient.builder()
        .baseUrl(System.getenv("COBO_BASE_URL"))
        .serverPublicKey(System.getenv("COBO_SERVER_PUBLIC_KEY"))
        .apiSecret(System.getenv("COBO_API_SECRET"))
        .clientId(System.getenv("COBO_CLIENT_ID"))
        .orgId(System.getenv("COBO_ORG_ID"))
        .build()) {
      String token = cobo.tokens().accessToken();
      System.out.println("token of " + token.length() + " characters");
    } catch (RuntimeException e) {
      System.err.println("probe failed: " + e);
      System.exit(1);
    }
  }
}
