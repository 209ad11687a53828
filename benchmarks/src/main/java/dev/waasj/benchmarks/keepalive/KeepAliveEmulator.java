package dev.waasj.benchmarks.keepalive;

import dev.waasj.testkit.CoboEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The keep-alive soak's emulator, a process of its own: an app registered for any organization, refresh tokens that
 * lapse after {@code REFRESH_SECONDS} (the simulated month) and access tokens after {@code ACCESS_SECONDS}. Prints
 * {@code BASE_URL SERVER_PUBLIC_KEY}; on a line of input with organization count N, prints its own grant and
 * refresh counts over organizations org-0 .. org-(N-1) and exits.
 */
public final class KeepAliveEmulator {
  private KeepAliveEmulator() {}

  /** Arguments: CLIENT_ID APP_PUBLIC_KEY_HEX REFRESH_SECONDS ACCESS_SECONDS. */
  public static void main(String[] args) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (CoboEmulator cobo =
        CoboEmulator.builder()
            .registerAppForAnyOrganization(args[0], args[1])
            .refreshTokenLifetime(Duration.ofSeconds(Long.parseLong(args[2])))
            .accessTokenLifetime(Duration.ofSeconds(Long.parseLong(args[3])))
            .revokeFamilyOnRefreshReuse(true)
            .maxRecordedRequests(1_000)
            .start()) {
      System.out.println(cobo.baseUrl() + " " + cobo.serverPublicKeyHex());
      System.out.flush();
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      int orgs = line == null ? 0 : Integer.parseInt(line.trim());
      long grants = 0;
      long refreshes = 0;
      for (int i = 0; i < orgs; i++) {
        grants += cobo.tokenGrants("org-" + i);
        refreshes += cobo.tokenRefreshes("org-" + i);
      }
      System.out.println("emulator_grants=" + grants + " emulator_refreshes=" + refreshes);
      System.out.flush();
    }
  }
}
