package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BearerEndpointTest extends EmulatorTestBase {
  @Test
  void answersWithAValidBearerToken() {
    String access = SignedClient.requiredField(tokenBody(), "access_token");

    HttpResponse<String> response = client.getWithBearer("/v2/wallets", access);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"data\":[]}");
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isTrue();
  }

  @Test
  void missingBearerIs401() {
    assertUnauthorized(client.get("/v2/wallets"), "2022");
  }

  @Test
  void expiredBearerIs401() {
    String access = SignedClient.requiredField(tokenBody(), "access_token");

    CLOCK.advance(Duration.ofSeconds(43_199));

    assertRefusedBearer(client.getWithBearer("/v2/wallets", access));
  }

  @Test
  void unknownBearerIs401() {
    assertRefusedBearer(client.getWithBearer("/v2/wallets", "not-a-token"));
  }

  @Test
  void bearerOfAnotherAppIs401() {
    TestKeyPair otherKey = TestKeyPair.generate();
    cobo().registerApp("other-client", ORG_ID, otherKey.publicKeyHex());
    String othersAccess = SignedClient.requiredField(
        new SignedClient(cobo(), otherKey, CLOCK).getToken("other-client", ORG_ID).body(), "access_token");

    assertRefusedBearer(client.getWithBearer("/v2/wallets", othersAccess));
  }

  @Test
  void bearerNeedsASignedRequestToo() {
    String access = SignedClient.requiredField(tokenBody(), "access_token");

    HttpResponse<String> response = SignedClient.send(HttpRequest.newBuilder(
            URI.create(cobo().baseUrl() + "/wallets"))
        .header("Authorization", "Bearer " + access)
        .build());

    assertUnauthorized(response, "2022");
    assertThat(cobo().requests().get(1).verdict()).isEqualTo(Verdict.MISSING_AUTH_HEADERS);
  }

  @Test
  void unknownOperationIs404() {
    HttpResponse<String> response = client.get("/v2/transactions");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(SignedClient.requiredField(response.body(), "error_code")).isEqualTo("2028");
  }

  /** A refused token is not an API-key failure (2022-2024): RFC 6750's invalid_token, signed. */
  private void assertRefusedBearer(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedClient.requiredField(response.body(), "error")).isEqualTo("invalid_token");
    assertThat(response.body()).doesNotContain("error_code");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isTrue();
  }

  private static void assertUnauthorized(HttpResponse<String> response, String errorCode) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedClient.requiredField(response.body(), "error_code")).isEqualTo(errorCode);
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isTrue();
  }
}
