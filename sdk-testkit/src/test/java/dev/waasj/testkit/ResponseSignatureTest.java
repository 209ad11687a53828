package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ResponseSignatureTest extends EmulatorTestBase {
  @Test
  void successIsSignedWithTheAdvertisedKeyAtTheClockTime() {
    HttpResponse<String> response = client.getToken(CLIENT_ID, ORG_ID);

    assertThat(response.headers().firstValue("BIZ_TIMESTAMP")).hasValue(Long.toString(START.toEpochMilli()));
    assertThat(response.headers().firstValue("BIZ_RESP_SIGNATURE").orElseThrow()).matches("[0-9a-f]{128}");
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isTrue();
    assertThat(SignedClient.signatureVerifies(response, TestKeyPair.generate().publicKeyHex())).isFalse();
  }

  @Test
  void rejectionIsSignedToo() {
    HttpResponse<String> response = new SignedClient(cobo(), TestKeyPair.generate(), CLOCK).get("/v2/wallets");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isTrue();
  }

  @Test
  void hyphenatedHeaderNamesWhenAsked() {
    TestKeyPair key = TestKeyPair.generate();
    try (CoboEmulator hyphenated = CoboEmulator.builder()
        .clock(CLOCK)
        .hyphenatedSignatureHeaders(true)
        .registerApp(CLIENT_ID, ORG_ID, key.publicKeyHex())
        .start()) {
      HttpResponse<String> response = new SignedClient(hyphenated, key, CLOCK).getToken(CLIENT_ID, ORG_ID);

      assertThat(response.headers().firstValue("biz-timestamp")).isPresent();
      assertThat(response.headers().firstValue("biz-resp-signature")).isPresent();
      assertThat(SignedClient.isUnsigned(response)).isTrue();
      assertThat(SignedClient.signatureVerifies(response, hyphenated.serverPublicKeyHex())).isTrue();
    }
  }

  @Test
  void eachEmulatorHasItsOwnFreshKey() {
    try (CoboEmulator other = CoboEmulator.builder().start()) {
      assertThat(other.serverPublicKeyHex()).matches("[0-9a-f]{64}").isNotEqualTo(cobo().serverPublicKeyHex());
    }
  }
}
