package dev.waasj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.client.CoboClient;
import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.generated.api.WalletsApi.ListWalletsParams;
import dev.waasj.internal.json.JsonModel;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.Fault;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import dev.waasj.testkit.Verdict;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An org-scoped operation of the generated surface, called through {@code cobo.apis()} with an organization
 * configured, checked on the wire. Compiles and runs under our own spec and the vendor's alike.
 */
class ApisOnTheWireTest {
  static final TestKeyPair APP = TestKeyPair.generate();

  CoboEmulator cobo;
  CoboClient client;

  @BeforeEach
  void start() {
    cobo = CoboEmulator.builder().registerApp("app", "org", APP.publicKeyHex()).start();
    client =
        CoboClient.builder()
            .baseUrl(cobo.baseUrl())
            .serverPublicKey(cobo.serverPublicKeyHex())
            .apiSecret(APP.seedHex())
            .clientId("app")
            .orgId("org")
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    cobo.close();
  }

  @Test
  void listWalletsIsSignedCarriesTheOrgTokenAndParsesIntoTheGeneratedModel() {
    var page = client.apis().wallets().listWallets(ListWalletsParams.builder().limit(10).build());

    List<RecordedExchange> wire = cobo.requests();
    assertThat(wire).extracting(RecordedExchange::method, RecordedExchange::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "/v2/oauth/token"),
            org.assertj.core.groups.Tuple.tuple("GET", "/v2/wallets"));
    RecordedExchange call = wire.get(1);
    assertThat(call.verdict()).isEqualTo(Verdict.ACCEPTED); // the emulator verified our signature
    assertThat(call.query()).isEqualTo("limit=10");
    String bearer = call.header("Authorization").orElseThrow();
    assertThat(bearer).startsWith("Bearer ");
    assertThat(bearer.substring("Bearer ".length())).isEqualTo(client.tokens().accessToken());
    assertThat(cobo.isAccessTokenValid(client.tokens().accessToken())).isTrue();
    assertThat(wire.get(0).header("Authorization")).isEmpty(); // never on the token endpoint
    // Parsed into the generated model the spec names for this response.
    assertThat(page.getClass().getAnnotation(JsonModel.class).schema()).isEqualTo("list_wallets_200_response");
    assertThat(page.data()).hasSize(10);
    assertThat(page.pagination().after()).isNotEmpty();
    assertThat(page.validate()).isSameAs(page);
  }

  @Test
  void theResponseIsVerifiedBeforeItIsParsed() {
    client.tokens().accessToken();
    cobo.enqueueFault(Fault.wrongKeySignature());

    assertThatThrownBy(() -> client.apis().wallets().listWallets(ListWalletsParams.builder().build()))
        .isInstanceOf(ResponseSignatureException.class);
  }
}
