package dev.waasj.testkit;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a standalone server until interrupted, for trying an app (or the SDK's main job) against
 * it from another process. Prints the {@code COBO_*} variables a client needs, including a freshly generated app
 * key: a throwaway test key, printed because it is one.
 *
 * <p>Usage: {@code java -cp <classpath> dev.waasj.testkit.EmulatorMain [port] [clientId] [orgId]}.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  /** Starts the emulator and blocks. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    String clientId = args.length > 1 ? args[1] : "demo-app";
    String orgId = args.length > 2 ? args[2] : "demo-org";
    TestKeyPair app = TestKeyPair.generate();
    CoboEmulator emulator =
        CoboEmulator.builder().port(port).registerApp(clientId, orgId, app.publicKeyHex()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "cobo-emulator-shutdown"));
    System.out.println("export COBO_BASE_URL=" + emulator.baseUrl());
    System.out.println("export COBO_SERVER_PUBLIC_KEY=" + emulator.serverPublicKeyHex());
    System.out.println("export COBO_API_SECRET=" + app.seedHex() + "  # throwaway test key");
    System.out.println("export COBO_CLIENT_ID=" + clientId);
    System.out.println("export COBO_ORG_ID=" + orgId);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
