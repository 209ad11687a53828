package dev.waasj.examples;

import dev.waasj.auth.signing.KeyType;
import dev.waasj.client.CoboClient;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.TestKeyPair;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the examples run. With none of {@code COBO_ENV} and {@code COBO_BASE_URL} set, an embedded emulator on
 * loopback with a freshly generated app key (of the type {@code COBO_API_KEY_TYPE} names, Ed25519 by default), so
 * everything works offline and without credentials. Otherwise the
 * server those name, with {@code COBO_API_SECRET}, {@code COBO_CLIENT_ID}, {@code COBO_ORG_ID} and, for a custom
 * base URL, {@code COBO_SERVER_PUBLIC_KEY}.
 */
public final class ExampleSetup implements AutoCloseable {
  static final String DEMO_CLIENT_ID = "demo-app";
  static final String DEMO_ORG_ID = "demo-org";

  private final CoboClient client;
  private final String clientId;
  private final String orgId;
  private final @Nullable CoboEmulator emulator;

  private ExampleSetup(CoboClient client, String clientId, String orgId, @Nullable CoboEmulator emulator) {
    this.client = client;
    this.clientId = clientId;
    this.orgId = orgId;
    this.emulator = emulator;
  }

  /**
   * Configures from environment variables, as described above.
   *
   * @throws IllegalArgumentException if a variable is missing or malformed
   */
  public static ExampleSetup fromEnvironment(Map<String, String> env) {
    if (isBlank(env.get("COBO_ENV")) && isBlank(env.get("COBO_BASE_URL"))) {
      String keyType = env.get("COBO_API_KEY_TYPE");
      return embedded(isBlank(keyType) ? KeyType.ED25519 : KeyType.parse(keyType));
    }
    String clientId = required(env, "COBO_CLIENT_ID");
    String orgId = required(env, "COBO_ORG_ID");
    CoboClient client = CoboClient.builder().environmentVariables(env).build();
    return new ExampleSetup(client, clientId, orgId, null);
  }

  /** Starts an emulator with a fresh Ed25519 app key and a client for it. */
  public static ExampleSetup embedded() {
    return embedded(KeyType.ED25519);
  }

  /** Starts an emulator with a fresh app key of {@code keyType} and a client for it. */
  public static ExampleSetup embedded(KeyType keyType) {
    // The example's own JVM hosts the emulator: let its JDK server answer without waiting out delayed ACKs.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    TestKeyPair appKey = TestKeyPair.generate(keyType.name());
    CoboEmulator emulator =
        CoboEmulator.builder().registerApp(DEMO_CLIENT_ID, DEMO_ORG_ID, appKey.publicKeyHex()).start();
    try {
      CoboClient client =
          CoboClient.builder()
              .baseUrl(emulator.baseUrl())
              .serverPublicKey(emulator.serverPublicKeyHex())
              .apiKeyType(keyType)
              .apiSecret(appKey.seedHex())
              .clientId(DEMO_CLIENT_ID)
              .orgId(DEMO_ORG_ID)
              .build();
      return new ExampleSetup(client, DEMO_CLIENT_ID, DEMO_ORG_ID, emulator);
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  /** The configured client; it manages org tokens for {@link #clientId()} and {@link #orgId()}. */
  public CoboClient client() {
    return client;
  }

  /** The app's ID. */
  public String clientId() {
    return clientId;
  }

  /** The organization's ID. */
  public String orgId() {
    return orgId;
  }

  /** The embedded emulator, when there is one. */
  public java.util.Optional<CoboEmulator> emulator() {
    return java.util.Optional.ofNullable(emulator);
  }

  /** Where requests go, in words. */
  public String describe() {
    return (emulator != null ? "embedded emulator at " : "") + client.baseUrl() + " (app " + clientId + ", org "
        + orgId + ", " + (client.apiKey().length() == 66 ? "secp256k1" : "Ed25519") + " key)";
  }

  @Override
  public void close() {
    client.close();
    if (emulator != null) {
      emulator.close();
    }
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (isBlank(value)) {
      throw new IllegalArgumentException(name + " is not set");
    }
    return value.trim();
  }

  private static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
