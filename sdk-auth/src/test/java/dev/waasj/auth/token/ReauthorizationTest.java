package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.BadRequestException;
import dev.waasj.errors.CoboApiException;
import dev.waasj.generated.api.OAuthApi;
import dev.waasj.generated.model.GetToken200Response;
import dev.waasj.generated.model.RefreshToken200Response;
import dev.waasj.generated.model.RefreshTokenRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * When the refresh token is refused and a new token is refused too, the app must be re-authorized: a distinct
 * error naming the organization, never the token. A scripted OAuth API stands in for a server that has revoked the
 * app, which the emulator cannot be made to do.
 */
class ReauthorizationTest {
  static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  /** Refuses refreshes with invalid_grant and new tokens with unauthorized_client. */
  static final class RevokedApp implements OAuthApi {
    final List<String> calls = new ArrayList<>();

    @Override
    public GetToken200Response getToken(String clientId, String orgId, String grantType) {
      calls.add("getToken");
      throw CoboApiException.of(error("unauthorized_client"));
    }

    @Override
    public CompletableFuture<GetToken200Response> getTokenAsync(String c, String o, String g) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RefreshToken200Response refreshToken(RefreshTokenRequest request) {
      calls.add("refreshToken");
      throw CoboApiException.of(error("invalid_grant"));
    }

    @Override
    public CompletableFuture<RefreshToken200Response> refreshTokenAsync(RefreshTokenRequest request) {
      throw new UnsupportedOperationException();
    }

    static CoboApiException.ApiError error(String oauthError) {
      return new CoboApiException.ApiError(400, null, null, null, oauthError, "refused", "{}");
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
            .oauth(api)
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
