package dev.waasj.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.auth.signing.KeyType;
import dev.waasj.internal.crypto.Hex;
import dev.waasj.testkit.TestKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builder parses the API secret where it is set and keeps the parsed key: {@code build()} never reads the
 * secret, or its file, again, however many clients it builds.
 */
class SecretParsedOnceTest {
  static final TestKeyPair FIRST = TestKeyPair.generate();
  static final TestKeyPair SECOND = TestKeyPair.generate();
  static final String SERVER_KEY = "d13d6c134d9006a0352c1b20e44b66175517ff24fb1d769b0b0922dd8308daf6";

  @TempDir Path tmp;

  static String pkcs8Pem(TestKeyPair key) {
    byte[] der = Hex.decode("302e020100300506032b657004220420" + key.seedHex());
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }

  CoboClient.Builder builder() {
    return CoboClient.builder().baseUrl("http://127.0.0.1:9/v2").serverPublicKey(SERVER_KEY);
  }

  @Test
  void buildUsesTheKeyReadWhenThePemFileWasSetNotTheFileAsItIsNow() throws Exception {
    Path file = Files.writeString(tmp.resolve("cobo.pem"), pkcs8Pem(FIRST));
    CoboClient.Builder builder = builder().apiSecretPemFile(file);

    Files.writeString(file, pkcs8Pem(SECOND)); // replaced after it was set: build() must not see this
    try (CoboClient client = builder.build()) {
      assertThat(client.apiKey()).isEqualTo(FIRST.publicKeyHex());
    }
    Files.delete(file); // gone: build() still has the key it read
    try (CoboClient again = builder.build();
        CoboClient derived = again.newBuilder().build()) {
      assertThat(again.apiKey()).isEqualTo(FIRST.publicKeyHex());
      assertThat(derived.apiKey()).isEqualTo(FIRST.publicKeyHex());
    }
  }

  @Test
  void aHexSecretTakesTheKeyTypeStatedAfterIt() {
    TestKeyPair secp = TestKeyPair.generate("secp256k1");
    try (CoboClient client = builder().apiSecret(secp.seedHex()).apiKeyType(KeyType.SECP256K1).build()) {
      assertThat(client.apiKey()).isEqualTo(secp.publicKeyHex()).hasSize(66);
    }
    try (CoboClient client =
        builder().apiKeyType(KeyType.SECP256K1).apiSecret(FIRST.seedHex()).apiKeyType(KeyType.ED25519).build()) {
      assertThat(client.apiKey()).isEqualTo(FIRST.publicKeyHex());
    }
  }

  @Test
  void aPemKeyKeepsTheTypeItNamesAndAConflictingStatementFailsTheBuild() {
    CoboClient.Builder builder = builder().apiSecret(pkcs8Pem(FIRST)).apiKeyType(KeyType.SECP256K1);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("API secret PEM holds an Ed25519 key but the API key type is set to secp256k1");
  }
}
