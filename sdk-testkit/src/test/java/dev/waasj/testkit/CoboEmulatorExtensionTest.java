package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoboEmulatorExtensionTest {
  private static final TestKeyPair APP = TestKeyPair.generate();

  @RegisterExtension
  static final CoboEmulatorExtension COBO =
      CoboEmulatorExtension.create(b -> b.registerApp("client", "org", APP.publicKeyHex()));

  private static int firstPort;

  @Test
  @Order(1)
  void startsBeforeTheTestsAndInjectsTheEmulator(CoboEmulator injected) {
    assertThat(injected).isSameAs(COBO.get());
    assertThat(injected.baseUrl()).isEqualTo("http://127.0.0.1:" + injected.port() + "/v2");
    firstPort = injected.port();
    injected.enqueueFault(Fault.badGateway());
    new SignedClient(injected, TestKeyPair.generate(), Clock.systemUTC()).get("/v2/wallets");
    injected.enqueueFault(Fault.unsigned());
    assertThat(injected.requests()).hasSize(1);
  }

  @Test
  @Order(2)
  void keepsTheEmulatorButResetsFaultsAndRecordsBetweenTests() {
    CoboEmulator cobo = COBO.get();

    assertThat(cobo.port()).isEqualTo(firstPort);
    assertThat(cobo.requests()).isEmpty();
    assertThat(cobo.pendingFaults()).isZero();
  }

  @Test
  @Order(3)
  void appliesTheConfiguration() {
    SignedClient client = new SignedClient(COBO.get(), APP, Clock.systemUTC());

    assertThat(client.getToken("client", "org").statusCode()).isEqualTo(200);
  }

  @Test
  void getOutsideTheLifecycleFails() {
    assertThatIllegalStateException().isThrownBy(() -> CoboEmulatorExtension.create().get());
  }

  @Nested
  class NestedTests {
    @Test
    void shareTheOuterEmulator(CoboEmulator injected) {
      assertThat(injected).isSameAs(COBO.get());
    }
  }

  @Nested
  class PerTestEmulator {
    @RegisterExtension final CoboEmulatorExtension perTest = CoboEmulatorExtension.create();

    @Test
    void instanceFieldStartsOnePerTest() {
      assertThat(perTest.get()).isNotSameAs(COBO.get());
      assertThat(perTest.get().requests()).isEmpty();
    }
  }
}
