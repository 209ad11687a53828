package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.ApiError;
import dev.waasj.errors.BadRequestException;
import dev.waasj.errors.CoboApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the refresh token is refused and a new token is refused too, the app must be re-authorized: a distinct
 * error naming the organization, never the token. A scripted token endpoint stands in for a server that has revoked the
 * app, which the emulator cannot be made to do.
 */
class ReauthorizationTest {
  static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  /** Refuses refreshes with invalid_grant and new tokens with unauthorized_client. */
  static final class RevokedApp implements TokenEndpoint {
    final List<String> calls = new ArrayList<>();

    @Override
    public TokenResponse orgImplicit(String clientId, String orgId) {
      calls.add("getToken");
      throw CoboApiException.of(error("unauthorized_client"));
    }

    @Override
    public TokenResponse refresh(String clientId, String refreshToken) {
      calls.add("refreshToken");
      throw CoboApiException.of(error("invalid_grant"));
    }

    static ApiError error(String oauthError) {
      return ApiError.builder().statusCode(400).oauthError(oauthError).oauthErrorDescription("refused").build();
    }
  }

  @Test
  void refusedRefreshThenRefusedGetTokenRequiresReauthorization() {
    RevokedApp api = new RevokedApp();
    InMemoryTokenStore store = new InMemoryTokenStore();
    store.save(
        OrgToken.builder()
            .clientId("app")
            .orgId("org-7")
            .accessToken("AT-old-secret")
            .refreshToken("RT-old-secret")
            .obtainedAt(NOW.minusSeconds(50_000))
            .expiresAt(NOW.minusSeconds(1))
            .build());
    OrgTokenManager manager =
        OrgTokenManager.builder()
            .endpoint(api)
            .clientId("app")
            .orgId("org-7")
            .store(store)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    ReauthorizationRequiredException e =
        catchThrowableOfType(ReauthorizationRequiredException.class, manager::accessToken);

    assertThat(e.orgId()).isEqualTo("org-7");
    assertThat(e.getMessage()).contains("org-7").doesNotContain("RT-old-secret").doesNotContain("AT-old-secret");
    assertThat(e.getCause()).isInstanceOf(BadRequestException.class);
    assertThat(api.calls).containsExactly("refreshToken", "getToken"); // the fallback is tried once
  }
}
