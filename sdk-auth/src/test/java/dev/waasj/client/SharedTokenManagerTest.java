package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.testing.TestApi;
import dev.waasj.testkit.CoboEmulatorExtension;
import dev.waasj.testkit.TestKeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Clients derived for the same app and organization share one token manager, so deriving never grants again. */
class SharedTokenManagerTest {
  static final TestKeyPair APP = TestKeyPair.generate();

  @RegisterExtension
  static final CoboEmulatorExtension COBO =
      CoboEmulatorExtension.create(
          b -> b.registerApp("app", "org", APP.publicKeyHex()).registerApp("app", "org-2", APP.publicKeyHex()));

  CoboClient.Builder builder() {
    return CoboClient.builder()
        .baseUrl(COBO.get().baseUrl())
        .serverPublicKey(COBO.get().serverPublicKeyHex())
        .apiSecret(APP.seedHex())
        .clientId("app")
        .orgId("org");
  }

  @BeforeEach
  void clear() {
    COBO.get().clearRequests();
  }

  long grants() {
    return COBO.get().requests().stream()
        .filter(r -> r.path().endsWith("/oauth/token") && r.method().equals("GET"))
        .count();
  }

  @Test
  void aDerivedClientReusesTheTokenManager() {
    try (CoboClient original = builder().build()) {
      original.api(TestApi.class).listWallets();
      try (CoboClient derived = original.newBuilder().userAgent("worker/2").build()) {
        assertThat(derived.tokens()).isSameAs(original.tokens());
        derived.api(TestApi.class).listWallets();
      }
    }
    assertThat(grants()).isEqualTo(1);
  }

  @Test
  void aDerivedClientForAnotherOrganizationGetsItsOwnManager() {
    try (CoboClient original = builder().build();
        CoboClient other = original.newBuilder().orgId("org-2").build()) {
      assertThat(other.tokens()).isNotSameAs(original.tokens());
      assertThat(other.tokens().orgId()).isEqualTo("org-2");
      original.api(TestApi.class).listWallets();
      other.api(TestApi.class).listWallets();
    }
    assertThat(grants()).isEqualTo(2);
  }

  @Test
  void aBuilderTakesAManagerToShare() {
    try (CoboClient first = builder().build();
        CoboClient second =
            CoboClient.builder()
                .baseUrl(COBO.get().baseUrl())
                .serverPublicKey(COBO.get().serverPublicKeyHex())
                .apiSecret(APP.seedHex())
                .tokenManager(first.tokens())
                .build()) {
      assertThat(second.tokens()).isSameAs(first.tokens());
      first.api(TestApi.class).listWallets();
      second.api(TestApi.class).listWallets();
    }
    assertThat(grants()).isEqualTo(1);
  }

  @Test
  void aSharedManagerMustBeForTheConfiguredOrganization() {
    try (CoboClient first = builder().build()) {
      assertThatThrownBy(() -> builder().orgId("org-2").tokenManager(first.tokens()).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("orgId");
    }
  }
}
