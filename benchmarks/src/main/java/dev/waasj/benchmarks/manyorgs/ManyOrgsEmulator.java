package dev.waasj.benchmarks.manyorgs;

import dev.waasj.testkit.CoboEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The emulator of the many-organizations benchmark, a process of its own: app {@code CLIENT_ID} installed in {@code
 * ORGS} organizations named {@code org-0} ... Prints {@code BASE_URL SERVER_PUBLIC_KEY}, then exits when a line
 * arrives on its standard input or the input closes.
 */
public final class ManyOrgsEmulator {
  private ManyOrgsEmulator() {}

  /** Arguments: CLIENT_ID ORGS APP_PUBLIC_KEY_HEX. */
  public static void main(String[] args) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    CoboEmulator.Builder builder = CoboEmulator.builder().maxRecordedRequests(1_000).listSize(3);
    int orgs = Integer.parseInt(args[1]);
    for (int i = 0; i < orgs; i++) {
      builder.registerApp(args[0], "org-" + i, args[2]);
    }
    try (CoboEmulator cobo = builder.start()) {
      System.out.println(cobo.baseUrl() + " " + cobo.serverPublicKeyHex());
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
  }
}
