package dev.waasj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.signing.KeyType;
import dev.waasj.client.CoboClient;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.TestKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * sdk-auth ships the Bouncy Castle classes it uses relocated inside its own jar, minimized to what it references.
 * Under {@code mvn verify} this module runs against that jar, so every key form and both key types sign and verify
 * here through exactly the classes users get, and no class of the original Bouncy Castle is reachable.
 */
class KeyFormsOnThePublishedJarTest {
  static CoboEmulator cobo;

  @BeforeAll
  static void start() {
    cobo = CoboEmulator.builder().start();
  }

  @AfterAll
  static void stop() {
    cobo.close();
  }

  @Test
  void hexKeysOfBothTypesSignAndVerify() {
    for (String type : new String[] {"ed25519", "secp256k1"}) {
      TestKeyPair key = TestKeyPair.generate(type);
      assertThat(tokenWith(key, b -> b.apiSecret(key.seedHex()).apiKeyType(KeyType.parse(type)))).isNotBlank();
    }
  }

  @Test
  void pemKeysSignAndVerify(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // Ed25519 PKCS#8, made by the JDK
    var jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] pkcs8 = jdk.getPrivate().getEncoded();
    String seedHex = HexFormat.of().formatHex(pkcs8, pkcs8.length - 32, pkcs8.length);
    TestKeyPair ed = TestKeyPair.fromSeedHex(seedHex);
    Path edPem = write(dir, "ed.pem", "PRIVATE KEY", pkcs8);
    assertThat(tokenWith(ed, b -> b.apiSecretPemFile(edPem))).isNotBlank();

    // secp256k1 as SEC1 and as PKCS#8, DER written out by hand (the JDK no longer knows the curve)
    TestKeyPair k1 = TestKeyPair.generate("secp256k1");
    byte[] d = HexFormat.of().parseHex(k1.seedHex());
    byte[] sec1 = concat(HexFormat.of().parseHex("302e0201010420"), d, HexFormat.of().parseHex("a00706052b8104000a"));
    byte[] k1pkcs8 = concat(HexFormat.of().parseHex("303e020100301006072a8648ce3d020106052b8104000a042730250201010420"), d);
    Path sec1Pem = write(dir, "k1-sec1.pem", "EC PRIVATE KEY", sec1);
    Path pkcs8Pem = write(dir, "k1-pkcs8.pem", "PRIVATE KEY", k1pkcs8);
    assertThat(tokenWith(k1, b -> b.apiSecretPemFile(sec1Pem))).isNotBlank();
    assertThat(tokenWith(k1, b -> b.apiSecretPemFile(pkcs8Pem))).isNotBlank();
  }

  @Test
  void withTheDependenciesUsersGetTheRelocatedClassesSignAndVerifyAlone() throws Exception {
    Path sdkAuth = Path.of(CoboClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(sdkAuth),
        "sdk-auth is a class folder here (mvn test): the jar is checked under mvn verify");
    try (var jar = new java.util.jar.JarFile(sdkAuth.toFile())) {
      assertThat(jar.getEntry("META-INF/LICENSE-bouncycastle.md")).as("Bouncy Castle's licence ships with it").isNotNull();
      assertThat(jar.stream().filter(e -> e.getName().endsWith(".SF"))).as("an unsigned jar").isEmpty();
    }

    // What a user's application has: the published jars and the dependencies their POMs name, no Bouncy Castle.
    // (Inside this reactor Maven still hands the examples the original Bouncy Castle; a class loader of its own
    // leaves it out.)
    java.util.List<java.net.URL> urls = new java.util.ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.contains("bouncycastle")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    try (java.net.URLClassLoader app =
        new java.net.URLClassLoader(urls.toArray(new java.net.URL[0]), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> Class.forName("org.bouncycastle.math.ec.rfc8032.Ed25519", false, app))
          .isInstanceOf(ClassNotFoundException.class);
      for (String type : new String[] {"ed25519", "secp256k1"}) {
        TestKeyPair key = TestKeyPair.generate(type);
        cobo.registerApp("isolated-" + type, "org", key.publicKeyHex());
        Class<?> client = Class.forName("dev.waasj.client.CoboClient", true, app);
        Object builder = client.getMethod("builder").invoke(null);
        Class<?> b = builder.getClass();
        b.getMethod("baseUrl", String.class).invoke(builder, cobo.baseUrl());
        b.getMethod("serverPublicKey", String.class).invoke(builder, cobo.serverPublicKeyHex());
        b.getMethod("apiSecret", String.class).invoke(builder, key.seedHex());
        Class<?> keyType = Class.forName("dev.waasj.auth.signing.KeyType", true, app);
        b.getMethod("apiKeyType", keyType).invoke(builder, keyType.getMethod("parse", String.class).invoke(null, type));
        b.getMethod("clientId", String.class).invoke(builder, "isolated-" + type);
        b.getMethod("orgId", String.class).invoke(builder, "org");
        try (AutoCloseable built = (AutoCloseable) b.getMethod("build").invoke(builder)) {
          Object tokens = client.getMethod("tokens").invoke(built);
          String token = (String) tokens.getClass().getMethod("accessToken").invoke(tokens);
          assertThat(token).as(type).isNotBlank();
        }
        assertThat(Class.forName("dev.waasj.internal.bouncycastle.math.ec.rfc8032.Ed25519", false, app)
            .getProtectionDomain().getCodeSource().getLocation().toURI()).isEqualTo(sdkAuth.toUri());
      }
    }
  }

  private static String tokenWith(TestKeyPair key, java.util.function.UnaryOperator<CoboClient.Builder> secret) {
    String app = "app-" + key.publicKeyHex().substring(0, 8);
    cobo.registerApp(app, "org", key.publicKeyHex());
    try (CoboClient client = secret.apply(CoboClient.builder().baseUrl(cobo.baseUrl())
        .serverPublicKey(cobo.serverPublicKeyHex()).clientId(app).orgId("org")).build()) {
      return client.tokens().accessToken();
    }
  }

  private static Path write(Path dir, String name, String label, byte[] der) throws java.io.IOException {
    String pem = "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
    return Files.writeString(dir.resolve(name), pem);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
