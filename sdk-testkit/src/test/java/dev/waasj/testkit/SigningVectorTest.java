package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Known answers from ../shared/reference/signing-vectors.json (captured from the vendor's Java SDK 1.38.0 with a
 * throwaway key), copied here so the suite runs without that folder.
 */
class SigningVectorTest {
  // signing-vectors.json, request[0] "getToken, GET with query"
  private static final String API_SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";
  private static final String API_KEY = "5ca81159f4f766234d4b875370b2cc31a64e9379e5ebb99c8a517ec2c07be855";
  private static final String CLIENT_ID = "pvSwS8iFrfK0oZrB0ugG54XPDOLEv0Ij";
  private static final String ORG_ID = "e3986401-4aec-480a-973d-e775a4518413";
  private static final String GET_URL =
      "/v2/oauth/token?client_id=" + CLIENT_ID + "&org_id=" + ORG_ID + "&grant_type=org_implicit";
  private static final String GET_NONCE = "1795629356741";
  private static final String GET_DIGEST = "9663432f98ccbb31c8a9c73da7fc709d7995102708c87d3249bc0566113b9d66";
  private static final String GET_SIGNATURE =
      "267305f38758ac00dbdced50de30fe9034750281481f99f453ec0d79f2c99ba4"
          + "16aef05f773c378f4fded1aaa3e41b86a3d6152d6dd81c52e642ff1291323f02";
  // signing-vectors.json, request[1] "refreshToken, POST with JSON body"
  private static final String POST_NONCE = "1795629356929";
  private static final String POST_BODY = "{\"client_id\":\"pvSwS8iFrfK0oZrB0ugG54XPDOLEv0Ij\",\"grant_type\":"
      + "\"refresh_token\",\"refresh_token\":\"rK49jI0zt49gsttzscscik15Asmlpu1TdcxqguJJS8B9f6ilJEC0y3PbVqwsEAw5\"}";
  private static final String POST_SIGNATURE =
      "dd1b3203852731ae1d9833ed406c5d638c55fcd762300614ebd430cb6bc2e6ec"
          + "6e120f74c9cfa6ac1f8893b0eb4c7ee3bef09c9f4d9e79be4b70cdfc0bca4704";
  // signing-vectors.json, response[0] "signed token response (test server key, not Cobo's)"
  private static final String SERVER_SECRET = "4f11c5fa01baed363fcdfc91c06bdf024c79613e20bad7bf744332adeeacceb8";
  private static final String SERVER_PUBLIC_KEY = "d13d6c134d9006a0352c1b20e44b66175517ff24fb1d769b0b0922dd8308daf6";
  private static final String RESPONSE_BODY = "{\"access_token\":\"AnCEPEp5Q8qjAOA1Lb6kVd2OlkCyJnMTeMPdLbPOM8cz176Eb5y7"
      + "EJoUjJJ0vkzz\",\"token_type\":\"Bearer\",\"scope\":\"\",\"expires_in\":43199,\"refresh_token\":\"rK49jI0zt49g"
      + "sttzscscik15Asmlpu1TdcxqguJJS8B9f6ilJEC0y3PbVqwsEAw5\"}";
  private static final String RESPONSE_TIMESTAMP = "1795629356800";
  private static final String RESPONSE_SIGNATURE =
      "34269eda091afd1b72f524843263fb018948d46be2dda4938f29c360f22b6f1e"
          + "5d8f03efb3abc0c68833d14a5002b25327dffa7b47e4c1d2a1e5bdc03dbc3701";

  private static final Clock AT_GET_NONCE =
      Clock.fixed(Instant.ofEpochMilli(Long.parseLong(GET_NONCE)), ZoneOffset.UTC);

  @Test
  void testHelpersReproduceTheVector() {
    String canonical = TestCrypto.canonical("GET", "/v2/oauth/token", GET_NONCE, GET_URL.split("\\?")[1], "");

    assertThat(TestKeyPair.fromSeedHex(API_SECRET).publicKeyHex()).isEqualTo(API_KEY);
    assertThat(TestCrypto.digestHex(canonical)).isEqualTo(GET_DIGEST);
    assertThat(TestCrypto.sign(API_SECRET, canonical)).isEqualTo(GET_SIGNATURE);
  }

  @Test
  void acceptsTheVectorRequestOnceAndRejectsItsReplay() {
    try (CoboEmulator cobo =
        CoboEmulator.builder().clock(AT_GET_NONCE).registerApp(CLIENT_ID, ORG_ID, API_KEY).start()) {
      HttpRequest request = vectorRequest(cobo, "GET", GET_URL, GET_NONCE, GET_SIGNATURE, "");

      HttpResponse<String> first = SignedClient.send(request);
      HttpResponse<String> replay = SignedClient.send(request);

      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(SignedClient.requiredField(first.body(), "token_type")).isEqualTo("Bearer");
      assertThat(replay.statusCode()).isEqualTo(401);
      assertThat(SignedClient.requiredField(replay.body(), "error_code")).isEqualTo("2023");
      assertThat(cobo.requests()).extracting(RecordedExchange::verdict)
          .containsExactly(Verdict.ACCEPTED, Verdict.REPLAYED_NONCE);
    }
  }

  @Test
  void acceptsTheVectorPostSignatureAndRejectsTheUnknownRefreshToken() {
    try (CoboEmulator cobo =
        CoboEmulator.builder().clock(AT_GET_NONCE).registerApp(CLIENT_ID, ORG_ID, API_KEY).start()) {
      HttpResponse<String> response =
          SignedClient.send(vectorRequest(cobo, "POST", "/v2/oauth/token", POST_NONCE, POST_SIGNATURE, POST_BODY));

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(SignedClient.requiredField(response.body(), "error")).isEqualTo("invalid_grant");
      assertThat(cobo.requests()).singleElement().satisfies(r -> {
        assertThat(r.verdict()).isEqualTo(Verdict.ACCEPTED);
        assertThat(r.oauthError()).hasValue("invalid_grant");
      });
    }
  }

  @Test
  void signsTheVectorResponse() {
    Clock atTimestamp = Clock.fixed(Instant.ofEpochMilli(Long.parseLong(RESPONSE_TIMESTAMP)), ZoneOffset.UTC);
    ResponseSigner signer = new ResponseSigner(Hex.decode(SERVER_SECRET, 32, "seed"), atTimestamp, false);
    Headers headers = new Headers();

    signer.sign(headers, RESPONSE_BODY, false);

    assertThat(signer.publicKeyHex()).isEqualTo(SERVER_PUBLIC_KEY);
    assertThat(headers.getFirst("BIZ_TIMESTAMP")).isEqualTo(RESPONSE_TIMESTAMP);
    assertThat(headers.getFirst("BIZ_RESP_SIGNATURE")).isEqualTo(RESPONSE_SIGNATURE);
  }

  @Test
  void givenServerSeedFixesThePublicKey() {
    try (CoboEmulator cobo = CoboEmulator.builder().serverSeedHex(SERVER_SECRET).start()) {
      assertThat(cobo.serverPublicKeyHex()).isEqualTo(SERVER_PUBLIC_KEY);
    }
  }

  private static HttpRequest vectorRequest(
      CoboEmulator cobo, String method, String url, String nonce, String signature, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cobo.port() + url))
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("BIZ-API-KEY", API_KEY)
        .header("BIZ-API-NONCE", nonce)
        .header("BIZ-API-SIGNATURE", signature)
        .build();
  }
}
