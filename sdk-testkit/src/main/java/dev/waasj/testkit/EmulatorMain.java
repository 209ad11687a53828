package dev.waasj.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a standalone server until interrupted, for trying an app (or any client that speaks Cobo's
 * signatures, not only this SDK) against the whole API from another process. Prints the {@code COBO_*} variables a
 * client needs, with a freshly generated app key registered for the printed app and organization: a throwaway test
 * key, printed because it is one.
 *
 * <pre>
 * java -cp CLASSPATH dev.waasj.testkit.EmulatorMain [--spec PATH] [--key-type ed25519|secp256k1] [PORT] [CLIENT_ID] [ORG_ID]
 * </pre>
 *
 * <p>{@code --spec} serves another spec (Cobo's published one, say); without it, the spec of the SDK on the class
 * path, or the OAuth API alone. Port 0 or none: any free port.
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  /** Starts the emulator and blocks. */
  public static void main(String[] args) throws InterruptedException {
    // This process is the emulator's: without TCP_NODELAY the JDK's server answers every request about 40 ms late
    // (headers and body go out separately and wait out the client's delayed ACK).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    CoboEmulator.Builder builder = CoboEmulator.builder();
    String keyType = "ed25519";
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--spec" -> builder.spec(Path.of(value(args, ++i, "--spec")));
        case "--key-type" -> keyType = value(args, ++i, "--key-type");
        default -> positional.add(args[i]);
      }
    }
    int port = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 0;
    String clientId = positional.size() > 1 ? positional.get(1) : "demo-app";
    String orgId = positional.size() > 2 ? positional.get(2) : "demo-org";
    TestKeyPair app = TestKeyPair.generate(keyType);
    CoboEmulator emulator = builder.port(port).registerApp(clientId, orgId, app.publicKeyHex()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "cobo-emulator-shutdown"));
    System.out.println("# Cobo emulator serving " + emulator.specLocation().map(s -> emulator.operationIds().size()
        + " operations of " + s).orElse("the OAuth API"));
    System.out.println("export COBO_BASE_URL=" + emulator.baseUrl());
    System.out.println("export COBO_SERVER_PUBLIC_KEY=" + emulator.serverPublicKeyHex());
    System.out.println("export COBO_API_SECRET=" + app.seedHex() + "  # throwaway test key");
    System.out.println("export COBO_API_KEY_TYPE=" + app.keyType());
    System.out.println("export COBO_CLIENT_ID=" + clientId);
    System.out.println("export COBO_ORG_ID=" + orgId);
    System.out.flush();
    new CountDownLatch(1).await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      System.err.println(option + " needs a value");
      System.exit(2);
    }
    return args[i];
  }
}
