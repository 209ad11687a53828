package dev.waasj.benchmarks.manyhosts;

import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.RecordedExchange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The soak's emulator, a process of its own so that neither the workers nor the orchestrator share its JVM: it
 * issues org tokens that live {@code TOKEN_SECONDS}, revokes a token family when a refresh token is used twice, and
 * records every request. Prints {@code BASE_URL SERVER_PUBLIC_KEY} as its first line; when a line arrives on its
 * standard input (or the input closes) it prints its own count of token requests, one line, and exits:
 *
 * <pre>
 * get_token=N invalid_grant=N refreshes=EPOCH_MS,EPOCH_MS,...
 * </pre>
 */
public final class SoakEmulator {
  private SoakEmulator() {}

  /** Arguments: CLIENT_ID ORG_ID APP_PUBLIC_KEY_HEX TOKEN_SECONDS. */
  public static void main(String[] args) throws IOException {
    // This process is the emulator's: its JDK server answers without waiting out delayed ACKs.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (CoboEmulator cobo =
        CoboEmulator.builder()
            .registerApp(args[0], args[1], args[2])
            .accessTokenLifetime(Duration.ofSeconds(Integer.parseInt(args[3])))
            .revokeFamilyOnRefreshReuse(true)
            .maxRecordedRequests(1_000_000) // every request of the run, for the token counts
            .start()) {
      System.out.println(cobo.baseUrl() + " " + cobo.serverPublicKeyHex());
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

      List<RecordedExchange> token =
          cobo.requests().stream().filter(r -> r.path().endsWith("/oauth/token")).toList();
      long getToken = token.stream().filter(r -> r.method().equals("GET") && ok(r)).count();
      long invalidGrant =
          token.stream().filter(r -> r.oauthError().filter("invalid_grant"::equals).isPresent()).count();
      String refreshes =
          token.stream()
              .filter(r -> r.method().equals("POST") && ok(r))
              .map(r -> Long.toString(r.receivedAt().toEpochMilli()))
              .collect(Collectors.joining(","));
      System.out.println("get_token=" + getToken + " invalid_grant=" + invalidGrant + " refreshes=" + refreshes);
      System.out.flush();
    }
  }

  private static boolean ok(RecordedExchange r) {
    return r.status().orElse(0) == 200;
  }
}
