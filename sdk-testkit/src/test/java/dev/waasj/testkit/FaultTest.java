package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultTest extends EmulatorTestBase {
  @Test
  void rateLimitedIsAnUnsigned429WithRetryAfterAndLeavesTheNonceUnspent() {
    cobo().enqueueFault(Fault.rateLimited(7));
    HttpRequest request = client.signed("GET", tokenPath(), "", client.nextNonce()).build();

    HttpResponse<String> limited = SignedClient.send(request);
    HttpResponse<String> retried = SignedClient.send(request);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(SignedClient.requiredField(limited.body(), "error_code")).isEqualTo("2010");
    assertThat(SignedClient.isUnsigned(limited)).isTrue();
    // The stand-in answered before authentication, so the same signed request still goes through afterwards.
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(cobo().requests()).extracting(RecordedExchange::verdict)
        .containsExactly(Verdict.NOT_VERIFIED, Verdict.ACCEPTED);
  }

  @Test
  void serverErrorIsASignedCoboError() {
    cobo().enqueueFault(Fault.serverError(503));

    HttpResponse<String> response = client.getToken(CLIENT_ID, ORG_ID);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(SignedClient.requiredField(response.body(), "error_code")).isEqualTo("1000");
    assertThat(SignedClient.field(response.body(), "error_id")).isPresent();
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isTrue();
  }

  @Test
  void badGatewayIsAnUnsignedHtmlPage() {
    cobo().enqueueFault(Fault.badGateway());

    HttpResponse<String> response = client.getToken(CLIENT_ID, ORG_ID);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
    assertThat(response.body()).contains("<h1>502 Bad Gateway</h1>");
    assertThat(SignedClient.isUnsigned(response)).isTrue();
  }

  @Test
  void htmlErrorPageTakesAnyErrorStatus() {
    cobo().enqueueFault(Fault.htmlErrorPage(403));

    HttpResponse<String> response = client.getToken(CLIENT_ID, ORG_ID);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).startsWith("<html>");
    assertThat(SignedClient.isUnsigned(response)).isTrue();
  }

  @Test
  void malformedJsonIsSignedButNotJson() {
    cobo().enqueueFault(Fault.malformedJson());

    HttpResponse<String> response = client.getToken(CLIENT_ID, ORG_ID);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isTrue();
    assertThatIllegalArgumentException().isThrownBy(() -> Json.parseObject(response.body()));
  }

  @Test
  void droppedPostEndsInIOException() {
    cobo().enqueueFault(Fault.dropConnection());

    assertThatThrownBy(() -> client.refresh(CLIENT_ID, "whatever")).hasCauseInstanceOf(IOException.class);
    assertThat(cobo().requests()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEmpty();
      assertThat(r.fault()).hasValue(Fault.dropConnection());
    });
  }

  @Test
  void droppedGetEndsInIOExceptionEvenForAClientThatRetriesOnce() throws Exception {
    // Warm a keep-alive connection: the JDK client resends an idempotent request once when a reused one dies.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    http.send(client.signed("GET", tokenPath(), "", client.nextNonce()).build(), HttpResponse.BodyHandlers.ofString());
    cobo().enqueueFault(Fault.dropConnection(), 2);

    HttpRequest request = client.signed("GET", tokenPath(), "", client.nextNonce()).build();

    assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    assertThat(cobo().pendingFaults()).isZero();
  }

  @Test
  void droppedConnectionFailsHttpUrlConnection() throws Exception {
    cobo().enqueueFault(Fault.dropConnection(), 2);
    HttpURLConnection connection = (HttpURLConnection) URI.create(cobo().baseUrl() + "/wallets").toURL().openConnection();
    try {
      assertThatThrownBy(connection::getResponseCode).isInstanceOf(IOException.class);
    } finally {
      connection.disconnect();
    }
  }

  @Test
  void unsignedServesTheRequestWithoutSignature() {
    cobo().enqueueFault(Fault.unsigned());

    HttpResponse<String> response = client.getToken(CLIENT_ID, ORG_ID);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(SignedClient.isUnsigned(response)).isTrue();
    // The request was really served: the token it carried is live.
    assertThat(cobo().isAccessTokenValid(SignedClient.requiredField(response.body(), "access_token"))).isTrue();
  }

  @Test
  void wrongKeySignatureDoesNotVerify() {
    cobo().enqueueFault(Fault.wrongKeySignature());

    HttpResponse<String> response = client.getToken(CLIENT_ID, ORG_ID);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("BIZ_RESP_SIGNATURE").orElseThrow()).matches("[0-9a-f]{128}");
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isFalse();
  }

  @Test
  void tamperedBodyStillParsesButDoesNotVerify() {
    cobo().enqueueFault(Fault.tamperedBody());

    HttpResponse<String> response = client.getToken(CLIENT_ID, ORG_ID);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.parseObject(response.body())).containsKey("access_token");
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isFalse();
  }

  @Test
  void latencyDelaysThenServes() {
    cobo().enqueueFault(Fault.latency(Duration.ofMillis(50)));

    assertThat(client.getToken(CLIENT_ID, ORG_ID).statusCode()).isEqualTo(200);
    assertThat(cobo().requests()).singleElement()
        .satisfies(r -> assertThat(r.fault()).hasValue(Fault.latency(Duration.ofMillis(50))));
  }

  @Test
  void latencyLongerThanTheClientTimeoutTimesOut() {
    cobo().enqueueFault(Fault.latency(Duration.ofSeconds(30)));
    HttpRequest request =
        client.signed("GET", tokenPath(), "", client.nextNonce()).timeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> SignedClient.HTTP.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void faultsApplyInOrderForTheGivenNumberOfRequests() {
    cobo().enqueueFault(Fault.serverError(500), 2);
    cobo().enqueueFault(Fault.htmlErrorPage(504));

    assertThat(cobo().pendingFaults()).isEqualTo(3);
    assertThat(client.getToken(CLIENT_ID, ORG_ID).statusCode()).isEqualTo(500);
    assertThat(client.getToken(CLIENT_ID, ORG_ID).statusCode()).isEqualTo(500);
    assertThat(client.getToken(CLIENT_ID, ORG_ID).statusCode()).isEqualTo(504);
    assertThat(client.getToken(CLIENT_ID, ORG_ID).statusCode()).isEqualTo(200);
  }

  @Test
  void clearFaultsDiscardsThem() {
    cobo().enqueueFault(Fault.badGateway(), 5);

    cobo().clearFaults();

    assertThat(client.getToken(CLIENT_ID, ORG_ID).statusCode()).isEqualTo(200);
  }

  @Test
  void factoriesCheckTheirArguments() {
    assertThatIllegalArgumentException().isThrownBy(() -> Fault.serverError(404));
    assertThatIllegalArgumentException().isThrownBy(() -> Fault.htmlErrorPage(200));
    assertThatIllegalArgumentException().isThrownBy(() -> Fault.rateLimited(-1));
    assertThatIllegalArgumentException().isThrownBy(() -> Fault.latency(Duration.ofMillis(-1)));
    assertThatIllegalArgumentException().isThrownBy(() -> cobo().enqueueFault(Fault.unsigned(), 0));
    assertThat(Fault.serverError(502)).isEqualTo(Fault.serverError(502)).hasToString("Fault.serverError(502)");
  }

  private static String tokenPath() {
    return "/v2/oauth/token?client_id=" + CLIENT_ID + "&org_id=" + ORG_ID + "&grant_type=org_implicit";
  }
}
