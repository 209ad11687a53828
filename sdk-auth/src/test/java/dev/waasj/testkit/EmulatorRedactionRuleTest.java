package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.internal.redaction.SecretNames;
import dev.waasj.testing.SecretNameCorpus;
import org.junit.jupiter.api.Test;

/**
 * The emulator cannot depend on the SDK, so it carries a copy of the one rule of secret names; here, where both
 * are on the classpath, the copy is held equal to the SDK's rule: the same words, headers and marker, and the same
 * answer for every name of the corpus, in headers, JSON bodies and queries.
 */
class EmulatorRedactionRuleTest {
  @Test
  void theEmulatorsWordsHeadersAndMarkerAreTheSdks() {
    assertThat(Redaction.MASK).isEqualTo(SecretNames.MARKER);
    assertThat(Redaction.SECRET_ANYWHERE).isEqualTo(SecretNames.SECRET_ANYWHERE);
    assertThat(Redaction.SECRET_LAST).isEqualTo(SecretNames.SECRET_LAST);
    assertThat(Redaction.SECRET_HEADERS).isEqualTo(SecretNames.SECRET_HEADERS);
  }

  @Test
  void theEmulatorHidesExactlyWhatTheSdkHidesForEveryName() {
    int secret = 0;
    for (String name : SecretNameCorpus.names()) {
      boolean expected = SecretNames.isSecret(name);
      secret += expected ? 1 : 0;
      assertThat(Redaction.isSecretName(name)).as(name).isEqualTo(expected);
      assertThat(Redaction.isSecretHeader(name)).as("header %s", name).isEqualTo(SecretNames.isSecretHeader(name));
      String json = "{\"" + name + "\":\"v4lue\"}";
      assertThat(Redaction.body(json))
          .as("body %s", name)
          .isEqualTo(expected ? "{\"" + name + "\":\"" + SecretNames.MARKER + "\"}" : json);
      if (!name.isEmpty()) {
        assertThat(Redaction.query("a=1&" + name + "=v4lue"))
            .as("query %s", name)
            .isEqualTo("a=1&" + name + "=" + (expected ? SecretNames.MARKER : "v4lue"));
      }
    }
    assertThat(secret).as("secret names in the corpus").isGreaterThan(20);
  }
}
