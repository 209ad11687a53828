package dev.waasj.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.internal.crypto.Hex;
import org.junit.jupiter.api.Test;

/** One parse gives a typed key and its signer; restating a hex key's type reuses the bytes, never the text. */
class ApiSecretTest {
  static final String SECRET = CoboVectorsTest.API_SECRET;
  static final String PEM =
      TestKeys.pem("PRIVATE KEY", Hex.decode("302e020100300506032b657004220420" + SECRET));

  @Test
  void hexAndPemOfOneKeyGiveOneApiKeyAndTheSignerIsMadeOnce() {
    ApiSecret hex = ApiSecret.parse(SECRET, null);
    ApiSecret pem = ApiSecret.parse(PEM, null);

    assertThat(hex.keyType()).isEqualTo(KeyType.ED25519);
    assertThat(pem.keyType()).isEqualTo(KeyType.ED25519);
    assertThat(hex.signer().apiKey()).isEqualTo(pem.signer().apiKey()).isEqualTo(CoboVectorsTest.API_KEY);
    assertThat(hex.signer()).isSameAs(hex.signer()).isInstanceOf(Ed25519RequestSigner.class);
    assertThat(hex.withKeyType(KeyType.ED25519)).isSameAs(hex);
    assertThat(pem.withKeyType(KeyType.ED25519)).isSameAs(pem);
  }

  @Test
  void aHexKeyIsRestatedFromItsBytes() {
    ApiSecret secp = ApiSecret.parse(TestKeys.SECP256K1_PRIVATE_KEY, null).withKeyType(KeyType.SECP256K1);

    assertThat(secp.keyType()).isEqualTo(KeyType.SECP256K1);
    assertThat(secp.signer().apiKey()).isEqualTo(TestKeys.SECP256K1_API_KEY);
    assertThat(secp.withKeyType(KeyType.ED25519).signer().apiKey())
        .isEqualTo(Ed25519RequestSigner.fromHexSecret(TestKeys.SECP256K1_PRIVATE_KEY).apiKey());
  }

  @Test
  void aPemKeyCannotBeRestated() {
    assertThatThrownBy(() -> ApiSecret.parse(PEM, null).withKeyType(KeyType.SECP256K1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("API secret PEM holds an Ed25519 key but the API key type is set to secp256k1");
    assertThatThrownBy(() -> ApiSecret.parse(PEM, KeyType.SECP256K1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but the API key type is set to secp256k1");
  }

  @Test
  void showsTheTypeAndPublicKeyOnlyAndIsNeverEqualByValue() {
    ApiSecret one = ApiSecret.parse(SECRET, null);
    ApiSecret two = ApiSecret.parse(SECRET.toUpperCase(), null);

    assertThat(one.toString())
        .isEqualTo("ApiSecret{ED25519, apiKey=" + CoboVectorsTest.API_KEY + "}")
        .doesNotContainIgnoringCase(SECRET.substring(0, 16))
        .doesNotContainIgnoringCase(SECRET.substring(48));
    assertThat(one).isNotEqualTo(two);
  }
}
