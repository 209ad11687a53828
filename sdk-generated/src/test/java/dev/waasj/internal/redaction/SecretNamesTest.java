package dev.waasj.internal.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.internal.json.ModelSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule of secret names, case by case: what it hides, and the look-alikes it leaves alone. */
class SecretNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // Secret wherever the word stands.
    "secret, true",
    "client_secret, true",
    "api_secret, true",
    "secret_note, true",
    "clientSecret, true",
    "private_key, true",
    "privateKey, true",
    "PRIVATE_KEY, true",
    "password, true",
    "wallet-password, true",
    "passphrase, true",
    "mnemonic, true",
    "mnemonic_words, true",
    // Secret as the last word.
    "token, true",
    "access_token, true",
    "refresh_token, true",
    "id_token, true",
    "accessToken, true",
    "result_token, true",
    "signature, true",
    "tx_signature, true",
    "approval_signature, true",
    "BIZ_RESP_SIGNATURE, true",
    "seed, true",
    "wallet_seed, true",
    // Look-alikes: the word is there, but not as what makes a secret.
    "token_type, false",
    "token_id, false",
    "tokenId, false",
    "signature_type, false",
    "signatures, false",
    "signature_detail, false",
    "seed_id, false",
    "tokens, false",
    "secretive, false",
    "expires_in, false",
    "scope, false",
    "client_id, false",
    "'', false",
  })
  void decidesByWords(String name, boolean secret) {
    assertThat(SecretNames.isSecret(name)).isEqualTo(secret);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "BIZ-API-SIGNATURE, true",
    "biz-api-signature, true",
    "BIZ_RESP_SIGNATURE, true",
    "Biz-Resp-Signature, true",
    "BIZ-API-KEY, true",
    "BIZ-API-NONCE, true",
    "Authorization, true",
    "Proxy-Authorization, true",
    "Cookie, true",
    "Set-Cookie, true",
    "X-Csrf-Token, true",
    "BIZ_TIMESTAMP, false",
    "Content-Type, false",
    "Retry-After, false",
    "User-Agent, false",
  })
  void decidesHeaders(String name, boolean secret) {
    assertThat(SecretNames.isSecretHeader(name)).isEqualTo(secret);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"signature", "access_token", "privateKey"})
  void modelsShowSecretNamesAsTheMarkerAndAbsentValuesAsNull(String name) {
    assertThat(ModelSupport.shown(name, "value")).isEqualTo(SecretNames.MARKER).isEqualTo("[REDACTED]");
    assertThat(ModelSupport.shown(name, null)).isEqualTo("null");
    assertThat(ModelSupport.shown("token_type", "Bearer")).isEqualTo("Bearer");
    assertThat(ModelSupport.REDACTED).isSameAs(SecretNames.MARKER);
  }
}
