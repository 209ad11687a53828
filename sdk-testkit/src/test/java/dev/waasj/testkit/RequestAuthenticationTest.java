package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestAuthenticationTest extends EmulatorTestBase {
  private static final String TOKEN_QUERY =
      "/v2/oauth/token?client_id=" + CLIENT_ID + "&org_id=" + ORG_ID + "&grant_type=org_implicit";

  @Test
  void acceptsAValidSignature() {
    HttpResponse<String> response = client.get(TOKEN_QUERY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(cobo().requests()).singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(Verdict.ACCEPTED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"BIZ-API-KEY", "BIZ-API-NONCE", "BIZ-API-SIGNATURE"})
  void missingHeaderIs2022(String omitted) {
    HttpRequest signed = client.signed("GET", TOKEN_QUERY, "", client.nextNonce()).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(signed.uri()).GET();
    signed.headers().map().forEach((name, values) -> {
      if (!name.equalsIgnoreCase(omitted)) {
        values.forEach(value -> request.header(name, value));
      }
    });

    assertRejected(client.send(request), 2022, Verdict.MISSING_AUTH_HEADERS);
  }

  @Test
  void emptyHeaderCountsAsMissing() {
    HttpResponse<String> response = client.send(
        client.signed("GET", TOKEN_QUERY, "", client.nextNonce()).setHeader("BIZ-API-NONCE", " "));

    assertRejected(response, 2022, Verdict.MISSING_AUTH_HEADERS);
  }

  @Test
  void signatureOverAnotherBodyIs2023() {
    HttpRequest.Builder request = client.signed("POST", "/v2/oauth/token", "{\"a\":1}", client.nextNonce())
        .POST(HttpRequest.BodyPublishers.ofString("{\"a\":2}"));

    assertRejected(client.send(request), 2023, Verdict.BAD_SIGNATURE);
  }

  @Test
  void signatureOverAnotherQueryIs2023() {
    String nonce = client.nextNonce();
    String signature = client.signed("GET", TOKEN_QUERY, "", nonce).build().headers()
        .firstValue("BIZ-API-SIGNATURE").orElseThrow();
    HttpRequest.Builder request = client.signed("GET", TOKEN_QUERY.replace(ORG_ID, "other-org"), "", nonce)
        .setHeader("BIZ-API-SIGNATURE", signature);

    assertRejected(client.send(request), 2023, Verdict.BAD_SIGNATURE);
  }

  @Test
  void signsTheRawQueryAsSentAndDecodesItForTheEndpoint() {
    cobo().registerApp(CLIENT_ID, "org one+two", app.publicKeyHex());

    HttpResponse<String> response =
        client.get("/v2/oauth/token?client_id=" + CLIENT_ID + "&org_id=org%20one%2Btwo&grant_type=org_implicit");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(cobo().requests()).singleElement()
        .satisfies(r -> assertThat(r.query()).contains("org_id=org%20one%2Btwo"));
  }

  @Test
  void malformedSignatureIs2023() {
    HttpRequest.Builder request =
        client.signed("GET", TOKEN_QUERY, "", client.nextNonce()).setHeader("BIZ-API-SIGNATURE", "zz");

    assertRejected(client.send(request), 2023, Verdict.BAD_SIGNATURE);
  }

  @Test
  void signatureByAnotherKeyIs2023() {
    SignedClient impostor = new SignedClient(cobo(), TestKeyPair.generate(), CLOCK);
    HttpRequest.Builder request = impostor.signed("GET", TOKEN_QUERY, "", impostor.nextNonce())
        .setHeader("BIZ-API-KEY", app.publicKeyHex());

    assertRejected(client.send(request), 2023, Verdict.BAD_SIGNATURE);
  }

  @Test
  void unknownApiKeyIs2024() {
    SignedClient stranger = new SignedClient(cobo(), TestKeyPair.generate(), CLOCK);

    assertRejected(stranger.get(TOKEN_QUERY), 2024, Verdict.UNKNOWN_API_KEY);
  }

  @Test
  void upperCaseApiKeyIsUnknown() {
    HttpRequest.Builder request = client.signed("GET", TOKEN_QUERY, "", client.nextNonce())
        .setHeader("BIZ-API-KEY", app.publicKeyHex().toUpperCase(Locale.ROOT));

    assertRejected(client.send(request), 2024, Verdict.UNKNOWN_API_KEY);
  }

  @Test
  void replayedNonceIsRejectedAndServedOnlyOnce() {
    HttpRequest request = client.signed("GET", TOKEN_QUERY, "", client.nextNonce()).build();

    assertThat(SignedClient.send(request).statusCode()).isEqualTo(200);
    assertRejected(SignedClient.send(request), 2023, Verdict.REPLAYED_NONCE);
  }

  @Test
  void sameNonceFromAnotherKeyIsNoReplay() {
    TestKeyPair other = TestKeyPair.generate();
    cobo().registerApp(CLIENT_ID, ORG_ID, other.publicKeyHex());
    String nonce = client.nextNonce();

    assertThat(client.send(client.signed("GET", TOKEN_QUERY, "", nonce)).statusCode()).isEqualTo(200);
    SignedClient otherClient = new SignedClient(cobo(), other, CLOCK);
    assertThat(otherClient.send(otherClient.signed("GET", TOKEN_QUERY, "", nonce)).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(longs = {-301, 301})
  void nonceOutsideTheWindowIsStale(long offsetSeconds) {
    String nonce = Long.toString(CLOCK.millis() + Duration.ofSeconds(offsetSeconds).toMillis());

    assertRejected(client.send(client.signed("GET", TOKEN_QUERY, "", nonce)), 2023, Verdict.STALE_NONCE);
  }

  @Test
  void nonceAtTheWindowEdgeIsFresh() {
    String nonce = Long.toString(CLOCK.millis() - Duration.ofMinutes(5).toMillis());

    assertThat(client.send(client.signed("GET", TOKEN_QUERY, "", nonce)).statusCode()).isEqualTo(200);
  }

  @Test
  void nonNumericNonceIsOnlyCheckedForReuse() {
    HttpRequest request = client.signed("GET", TOKEN_QUERY, "", "9b2f0c51-any-unique-string").build();

    assertThat(SignedClient.send(request).statusCode()).isEqualTo(200);
    assertRejected(SignedClient.send(request), 2023, Verdict.REPLAYED_NONCE);
  }

  @Test
  void rejectionIsASignedCoboError() {
    HttpResponse<String> response = new SignedClient(cobo(), TestKeyPair.generate(), CLOCK).get(TOKEN_QUERY);

    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(SignedClient.field(response.body(), "error_message")).isPresent();
    assertThat(SignedClient.requiredField(response.body(), "error_id")).matches("[0-9a-f]{32}");
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isTrue();
  }

  private static void assertRejected(HttpResponse<String> response, int errorCode, Verdict verdict) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedClient.requiredField(response.body(), "error_code")).isEqualTo(Integer.toString(errorCode));
    RecordedExchange last = cobo().requests().get(cobo().requests().size() - 1);
    assertThat(last.verdict()).isEqualTo(verdict);
    assertThat(last.errorCode()).hasValue(errorCode);
  }
}
