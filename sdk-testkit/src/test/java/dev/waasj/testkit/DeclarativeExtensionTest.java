package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @ExtendWith} with parameter injection: an emulator per test, with the builder's defaults. */
@ExtendWith(CoboEmulatorExtension.class)
class DeclarativeExtensionTest {
  private static final TestKeyPair APP = TestKeyPair.generate();

  @BeforeEach
  void register(CoboEmulator cobo) {
    cobo.registerApp("c", "o", APP.publicKeyHex());
  }

  @Test
  void injectsARunningEmulator(CoboEmulator cobo) {
    assertThat(new SignedClient(cobo, APP, Clock.systemUTC()).getToken("c", "o").statusCode()).isEqualTo(200);
    assertThat(cobo.requests()).hasSize(1);
  }
}
