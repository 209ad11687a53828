package dev.waasj.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.portal.UserInfoTokenException.Reason;
import dev.waasj.testkit.BadUserInfoToken;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.EmulatedPortal;
import dev.waasj.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * User Info Tokens minted by the emulator's Portal, verified by Nimbus against the JWKS fetched over real HTTP. The
 * verifier and the emulator share a clock the tests move (nothing here signs API calls).
 */
class UserInfoTokenVerifierTest {
  static final MutableClock CLOCK = MutableClock.at(Instant.now());
  static CoboEmulator cobo;
  static EmulatedPortal portal;

  UserInfoTokenVerifier verifier;

  @BeforeAll
  static void start() {
    cobo = CoboEmulator.builder().withoutSpec().clock(CLOCK).start();
    portal = cobo.portal();
  }

  @AfterAll
  static void stop() {
    cobo.close();
  }

  @BeforeEach
  void newVerifier() {
    portal.jwksOutage(false);
    verifier = verifier(cobo.baseUrl());
  }

  static UserInfoTokenVerifier verifier(String baseUrl) {
    return UserInfoTokenVerifier.builder().clientId("app").baseUrl(baseUrl).issuer(portal.issuer()).clock(CLOCK)
        .build();
  }

  @Test
  void aValidTokenGivesTheUserOfItsOrganizationWithRoles() {
    String token = portal.userInfoToken("app", "org-a", "user-1", "ann@example.com", "Viewer", "Spender");

    PortalUser user = verifier.verify(token);

    assertThat(user.orgId()).isEqualTo("org-a");
    assertThat(user.userId()).isEqualTo("user-1");
    assertThat(user.email()).contains("ann@example.com");
    assertThat(user.roleNames()).containsExactly("Viewer", "Spender");
    assertThat(user.hasRole("Spender")).isTrue();
    assertThat(user.hasRole("Admin")).isFalse();
    assertThat(user.expiresAt()).isEqualTo(user.issuedAt().plus(Duration.ofMinutes(5)));
    assertThat(user.tokenId()).isPresent();
    assertThat(user.toString()).doesNotContain("ann@example.com").doesNotContain(token);
  }

  @Test
  void theWebVariantOfTheJwksUrlServesTheSameKeys() {
    UserInfoTokenVerifier web = UserInfoTokenVerifier.builder().clientId("app").issuer(portal.issuer())
        .jwksUrl("http://127.0.0.1:" + cobo.port() + EmulatedPortal.WEB_JWKS_PATH).clock(CLOCK).build();
    assertThat(web.verify(portal.userInfoToken("app", "org-a", "u", "u@example.com")).orgId()).isEqualTo("org-a");
  }

  @ParameterizedTest
  @EnumSource(BadUserInfoToken.class)
  void eachBadTokenIsRefusedForItsReasonWithoutQuotingIt(BadUserInfoToken bad) {
    String token = portal.badUserInfoToken(bad, "app", "org-a", "user-1");
    Map<BadUserInfoToken, Reason> expected = Map.of(
        BadUserInfoToken.EXPIRED, Reason.EXPIRED,
        BadUserInfoToken.NOT_YET_VALID, Reason.NOT_YET_VALID,
        BadUserInfoToken.WRONG_AUDIENCE, Reason.WRONG_AUDIENCE,
        BadUserInfoToken.WRONG_ISSUER, Reason.WRONG_ISSUER,
        BadUserInfoToken.UNKNOWN_KEY, Reason.UNKNOWN_KEY,
        BadUserInfoToken.ALG_NONE, Reason.UNSUPPORTED_ALGORITHM,
        BadUserInfoToken.HMAC_WITH_PUBLIC_KEY, Reason.UNSUPPORTED_ALGORITHM,
        BadUserInfoToken.ALGORITHM_NOT_OF_KEY, Reason.UNSUPPORTED_ALGORITHM,
        BadUserInfoToken.TAMPERED, Reason.BAD_SIGNATURE);

    assertRefused(token, expected.get(bad));
  }

  @Test
  void malformedAndOversizedTokensAreRefusedTyped() {
    String good = portal.userInfoToken("app", "org-a", "user-1", "u@example.com");
    String[] parts = good.split("\\.");
    String notJson = Base64.getUrlEncoder().withoutPadding().encodeToString("not json".getBytes(StandardCharsets.UTF_8));

    assertRefused(null, Reason.MISSING);
    assertRefused("  ", Reason.MISSING);
    assertRefused(parts[0] + "." + parts[1], Reason.MALFORMED);
    assertRefused(good + ".x", Reason.MALFORMED);
    assertRefused(parts[0] + "..", Reason.MALFORMED);
    assertRefused(parts[0] + "." + parts[1] + "." + parts[2] + "=", Reason.MALFORMED);
    assertRefused(parts[0] + "." + parts[1] + ".sig+nature", Reason.MALFORMED);
    assertRefused(notJson + "." + parts[1] + "." + parts[2], Reason.MALFORMED);
    assertRefused(parts[0] + "." + notJson + "." + parts[2], Reason.BAD_SIGNATURE); // the signature first
    assertRefused(good + "A".repeat(UserInfoTokenVerifier.MAX_TOKEN_CHARS), Reason.TOO_LARGE);
    assertRefused(parts[0] + "." + parts[1] + "." + "A".repeat(UserInfoTokenVerifier.MAX_TOKEN_CHARS),
        Reason.TOO_LARGE);
  }

  @Test
  void aFloodOfUnknownKeysFetchesTheJwksAtMostOncePerInterval() {
    verifier.verify(portal.userInfoToken("app", "org-a", "u", "u@example.com")); // keys cached
    long before = portal.jwksFetches();

    for (int i = 0; i < 50; i++) {
      assertRefused(portal.badUserInfoToken(BadUserInfoToken.UNKNOWN_KEY, "app", "org-a", "u"), Reason.UNKNOWN_KEY);
    }
    assertThat(portal.jwksFetches() - before).isLessThanOrEqualTo(1);

    CLOCK.advance(UserInfoTokenVerifier.DEFAULT_JWKS_MIN_REFETCH_INTERVAL);
    for (int i = 0; i < 50; i++) {
      assertRefused(portal.badUserInfoToken(BadUserInfoToken.UNKNOWN_KEY, "app", "org-a", "u"), Reason.UNKNOWN_KEY);
    }
    assertThat(portal.jwksFetches() - before).isLessThanOrEqualTo(2);
  }

  @Test
  void aRotatedKeyIsFetchedOnceTheIntervalAllows() {
    verifier.verify(portal.userInfoToken("app", "org-a", "u", "u@example.com"));
    String kid = portal.rotateKey();
    CLOCK.advance(UserInfoTokenVerifier.DEFAULT_JWKS_MIN_REFETCH_INTERVAL);

    long before = portal.jwksFetches();
    assertThat(verifier.verify(portal.userInfoToken("app", "org-b", "v", "v@example.com")).orgId())
        .isEqualTo("org-b");
    assertThat(portal.keyId()).isEqualTo(kid);
    assertThat(portal.jwksFetches() - before).isEqualTo(1);
  }

  @Test
  void duringAJwksOutageCachedKeysKeepVerifyingAndFetchesStayRare() {
    verifier.verify(portal.userInfoToken("app", "org-a", "u", "u@example.com"));
    portal.jwksOutage(true);
    CLOCK.advance(UserInfoTokenVerifier.DEFAULT_JWKS_CACHE_TTL.plusMinutes(1)); // the cached keys are stale

    long before = portal.jwksFetches();
    for (int i = 0; i < 20; i++) {
      assertThat(verifier.verify(portal.userInfoToken("app", "org-a", "u", "u@example.com")).userId())
          .isEqualTo("u");
    }
    assertThat(portal.jwksFetches() - before).isEqualTo(1); // tried once; the failure counts for the interval
  }

  @Test
  void withNoKeysCachedAnOutageIsATypedErrorThatDoesNotHammerCobo() {
    portal.jwksOutage(true);
    String token = portal.userInfoToken("app", "org-a", "u", "u@example.com");
    long before = portal.jwksFetches();

    for (int i = 0; i < 20; i++) {
      assertRefused(token, Reason.KEYS_UNAVAILABLE);
    }
    assertThat(portal.jwksFetches() - before).isEqualTo(1);

    portal.jwksOutage(false);
    CLOCK.advance(UserInfoTokenVerifier.DEFAULT_JWKS_MIN_REFETCH_INTERVAL);
    assertThat(verifier.verify(portal.userInfoToken("app", "org-a", "u", "u@example.com")).orgId())
        .isEqualTo("org-a");
  }

  @Test
  void anUnreachableJwksWithNothingCachedIsATypedError() {
    UserInfoTokenVerifier nowhere = verifier("http://127.0.0.1:1/v2"); // nothing listens on port 1
    assertRefused(nowhere, portal.userInfoToken("app", "org-a", "u", "u@example.com"), Reason.KEYS_UNAVAILABLE);
  }

  void assertRefused(String token, Reason reason) {
    assertRefused(verifier, token, reason);
  }

  static void assertRefused(UserInfoTokenVerifier verifier, String token, Reason reason) {
    UserInfoTokenException e = catchThrowableOfType(UserInfoTokenException.class, () -> verifier.verify(token));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    if (token != null && !token.isBlank()) {
      for (String part : token.split("\\.")) {
        if (part.length() > 8) {
          assertThat(e.getMessage()).doesNotContain(part);
        }
      }
      assertThat(e.toString()).doesNotContain(token);
    }
  }
}
