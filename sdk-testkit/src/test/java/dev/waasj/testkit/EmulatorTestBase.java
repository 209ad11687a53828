package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One emulator per test class on a {@link MutableClock}. Each test gets a fresh app key, so nonces and tokens of
 * earlier tests (which {@link CoboEmulator#reset()} keeps) cannot interfere even though the clock is reset.
 */
abstract class EmulatorTestBase {
  static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
  static final String CLIENT_ID = "test-client";
  static final String ORG_ID = "test-org";
  static final MutableClock CLOCK = MutableClock.at(START);

  @RegisterExtension static final CoboEmulatorExtension COBO = CoboEmulatorExtension.create(b -> b.clock(CLOCK));

  TestKeyPair app;
  SignedClient client;

  @BeforeEach
  void registerFreshApp() {
    CLOCK.set(START);
    app = TestKeyPair.generate();
    cobo().registerApp(CLIENT_ID, ORG_ID, app.publicKeyHex());
    client = new SignedClient(cobo(), app, CLOCK);
  }

  static CoboEmulator cobo() {
    return COBO.get();
  }

  /** Gets a token pair for the test's app and returns the successful response body. */
  String tokenBody() {
    HttpResponse<String> response = client.getToken(CLIENT_ID, ORG_ID);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
