package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenEndpointTest extends EmulatorTestBase {
  @Test
  void issuesAnOpaqueTokenPair() {
    String body = tokenBody();

    assertThat(SignedClient.requiredField(body, "access_token")).matches("[A-Za-z0-9]{64}");
    assertThat(SignedClient.requiredField(body, "refresh_token")).matches("[A-Za-z0-9]{64}");
    assertThat(SignedClient.requiredField(body, "token_type")).isEqualTo("Bearer");
    assertThat(SignedClient.requiredField(body, "scope")).isEmpty();
    assertThat(SignedClient.requiredField(body, "expires_in")).isEqualTo("43199");
    assertThat(cobo().isAccessTokenValid(SignedClient.requiredField(body, "access_token"))).isTrue();
  }

  @Test
  void expiresInFollowsTheConfiguredLifetime() {
    TestKeyPair key = TestKeyPair.generate();
    try (CoboEmulator custom = CoboEmulator.builder()
        .clock(CLOCK)
        .accessTokenLifetime(Duration.ofMinutes(10))
        .registerApp(CLIENT_ID, ORG_ID, key.publicKeyHex())
        .start()) {
      HttpResponse<String> response = new SignedClient(custom, key, CLOCK).getToken(CLIENT_ID, ORG_ID);

      assertThat(SignedClient.requiredField(response.body(), "expires_in")).isEqualTo("600");
    }
  }

  @Test
  void missingParameterIsInvalidRequest() {
    assertOAuthError(client.get("/v2/oauth/token?client_id=" + CLIENT_ID + "&grant_type=org_implicit"),
        "invalid_request");
  }

  @Test
  void repeatedParameterIsInvalidRequest() {
    assertOAuthError(client.get("/v2/oauth/token?client_id=" + CLIENT_ID + "&org_id=" + ORG_ID + "&org_id=x"
        + "&grant_type=org_implicit"), "invalid_request");
  }

  @Test
  void otherGrantTypeIsUnsupported() {
    assertOAuthError(client.get("/v2/oauth/token?client_id=" + CLIENT_ID + "&org_id=" + ORG_ID
        + "&grant_type=client_credentials"), "unsupported_grant_type");
  }

  @Test
  void clientIdOfAnotherKeyIsInvalidClient() {
    cobo().registerApp("someone-else", ORG_ID, TestKeyPair.generate().publicKeyHex());

    assertOAuthError(client.getToken("someone-else", ORG_ID), "invalid_client");
  }

  @Test
  void orgThatDidNotAuthorizeTheAppIsUnauthorizedClient() {
    assertOAuthError(client.getToken(CLIENT_ID, "another-org"), "unauthorized_client");
  }

  @Test
  void appInstalledInTwoOrgsGetsTokensForBoth() {
    cobo().registerApp(CLIENT_ID, "second-org", app.publicKeyHex());

    assertThat(client.getToken(CLIENT_ID, ORG_ID).statusCode()).isEqualTo(200);
    assertThat(client.getToken(CLIENT_ID, "second-org").statusCode()).isEqualTo(200);
  }

  @Test
  void refreshRotatesBothTokens() {
    String first = tokenBody();

    HttpResponse<String> refreshed = client.refresh(CLIENT_ID, SignedClient.requiredField(first, "refresh_token"));

    assertThat(refreshed.statusCode()).isEqualTo(200);
    String second = refreshed.body();
    assertThat(SignedClient.requiredField(second, "access_token"))
        .isNotEqualTo(SignedClient.requiredField(first, "access_token"));
    assertThat(SignedClient.requiredField(second, "refresh_token"))
        .isNotEqualTo(SignedClient.requiredField(first, "refresh_token"));
    assertThat(SignedClient.requiredField(second, "expires_in")).isEqualTo("43199");
    assertThat(cobo().isAccessTokenValid(SignedClient.requiredField(second, "access_token"))).isTrue();
    // The new refresh token works in turn.
    assertThat(client.refresh(CLIENT_ID, SignedClient.requiredField(second, "refresh_token")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void reusedRefreshTokenIsInvalidGrantAndRevokesTheFamily() {
    String first = tokenBody();
    String oldRefresh = SignedClient.requiredField(first, "refresh_token");
    String second = client.refresh(CLIENT_ID, oldRefresh).body();

    assertOAuthError(client.refresh(CLIENT_ID, oldRefresh), "invalid_grant");
    assertThat(cobo().isAccessTokenValid(SignedClient.requiredField(first, "access_token"))).isFalse();
    assertThat(cobo().isAccessTokenValid(SignedClient.requiredField(second, "access_token"))).isFalse();
    assertOAuthError(client.refresh(CLIENT_ID, SignedClient.requiredField(second, "refresh_token")), "invalid_grant");
  }

  @Test
  void reuseCanLeaveTheFamilyAlive() {
    TestKeyPair key = TestKeyPair.generate();
    try (CoboEmulator lenient = CoboEmulator.builder()
        .clock(CLOCK)
        .revokeFamilyOnRefreshReuse(false)
        .registerApp(CLIENT_ID, ORG_ID, key.publicKeyHex())
        .start()) {
      SignedClient lenientClient = new SignedClient(lenient, key, CLOCK);
      String first = lenientClient.getToken(CLIENT_ID, ORG_ID).body();
      String oldRefresh = SignedClient.requiredField(first, "refresh_token");
      String second = lenientClient.refresh(CLIENT_ID, oldRefresh).body();

      assertThat(lenientClient.refresh(CLIENT_ID, oldRefresh).statusCode()).isEqualTo(400);
      assertThat(lenient.isAccessTokenValid(SignedClient.requiredField(second, "access_token"))).isTrue();
    }
  }

  @Test
  void unknownRefreshTokenIsInvalidGrant() {
    assertOAuthError(client.refresh(CLIENT_ID, "x".repeat(64)), "invalid_grant");
  }

  @Test
  void refreshTokenOfAnotherClientIsInvalidGrant() {
    TestKeyPair otherKey = TestKeyPair.generate();
    cobo().registerApp("other-client", ORG_ID, otherKey.publicKeyHex());
    String othersRefresh = SignedClient.requiredField(
        new SignedClient(cobo(), otherKey, CLOCK).getToken("other-client", ORG_ID).body(), "refresh_token");

    assertOAuthError(client.refresh(CLIENT_ID, othersRefresh), "invalid_grant");
  }

  @Test
  void refreshTokenExpiresAfterThirtyDays() {
    String refresh = SignedClient.requiredField(tokenBody(), "refresh_token");

    CLOCK.advance(Duration.ofDays(30));

    assertOAuthError(client.refresh(CLIENT_ID, refresh), "invalid_grant");
  }

  @Test
  void refreshTokenWorksJustBeforeExpiry() {
    String refresh = SignedClient.requiredField(tokenBody(), "refresh_token");

    CLOCK.advance(Duration.ofDays(30).minusSeconds(1));

    assertThat(client.refresh(CLIENT_ID, refresh).statusCode()).isEqualTo(200);
  }

  @Test
  void accessTokenExpiresByTheClock() {
    String access = SignedClient.requiredField(tokenBody(), "access_token");

    CLOCK.advance(Duration.ofSeconds(43_198));
    assertThat(cobo().isAccessTokenValid(access)).isTrue();
    CLOCK.advance(Duration.ofSeconds(1));
    assertThat(cobo().isAccessTokenValid(access)).isFalse();
  }

  @Test
  void refreshBodyMustBeAJsonObject() {
    assertOAuthError(client.post("/v2/oauth/token", "client_id=x&grant_type=refresh_token"), "invalid_request");
  }

  @Test
  void refreshWithOtherGrantTypeIsUnsupported() {
    assertOAuthError(client.post("/v2/oauth/token", "{\"client_id\":\"" + CLIENT_ID
        + "\",\"grant_type\":\"password\",\"refresh_token\":\"r\"}"), "unsupported_grant_type");
  }

  @Test
  void refreshWithoutTokenIsInvalidRequest() {
    assertOAuthError(client.post("/v2/oauth/token", "{\"client_id\":\"" + CLIENT_ID
        + "\",\"grant_type\":\"refresh_token\",\"refresh_token\":null}"), "invalid_request");
  }

  @Test
  void oauthErrorsAreSigned() {
    HttpResponse<String> response = client.refresh(CLIENT_ID, "unknown");

    assertThat(SignedClient.field(response.body(), "error_description")).isPresent();
    assertThat(SignedClient.signatureVerifies(response, cobo().serverPublicKeyHex())).isTrue();
  }

  private static void assertOAuthError(HttpResponse<String> response, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(SignedClient.requiredField(response.body(), "error")).isEqualTo(error);
    assertThat(response.body()).doesNotContain("error_code");
  }
}
