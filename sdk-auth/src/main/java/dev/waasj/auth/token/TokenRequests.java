package dev.waasj.auth.token;

import dev.waasj.auth.token.TokenRequestOutcome.Grant;
import dev.waasj.errors.CoboApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** The two token requests a manager makes, each heard by the settings' listener and turned into an {@link OrgToken}. */
final class TokenRequests {
  private static final System.Logger LOG = System.getLogger(OrgTokenManager.class.getName());

  private TokenRequests() {}

  /** A new grant ({@code org_implicit}) for {@code orgId}. */
  static OrgToken grant(OrgTokenSettings settings, String orgId) {
    return toToken(
        settings,
        orgId,
        observed(settings, orgId, Grant.ORG_IMPLICIT, () -> settings.endpoint.orgImplicit(settings.clientId, orgId)));
  }

  /** A rotation of {@code base}'s refresh token. */
  static OrgToken refresh(OrgTokenSettings settings, String orgId, OrgToken base) {
    return toToken(
        settings,
        orgId,
        observed(
            settings,
            orgId,
            Grant.REFRESH_TOKEN,
            () -> settings.endpoint.refresh(settings.clientId, base.refreshToken())));
  }

  /** Runs one token request and tells the listener how it went; the listener cannot change the outcome. */
  private static TokenResponse observed(
      OrgTokenSettings settings, String orgId, Grant grant, Supplier<TokenResponse> request) {
    long start = System.nanoTime();
    String error = null;
    try {
      return request.get();
    } catch (RuntimeException | Error e) {
      error = describe(e);
      throw e;
    } finally {
      TokenRequestOutcome outcome =
          new TokenRequestOutcome(grant, orgId, error, Duration.ofNanos(System.nanoTime() - start));
      try {
        settings.requestListener.accept(outcome);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "A token request listener failed: {0}", e.getClass().getName());
      }
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof CoboApiException) {
      CoboApiException api = (CoboApiException) e;
      return api.oauthError() != null ? api.oauthError() : "http_" + api.statusCode();
    }
    return e.getClass().getSimpleName();
  }

  private static OrgToken toToken(OrgTokenSettings settings, String orgId, TokenResponse r) {
    Instant now = settings.clock.instant();
    return OrgToken.builder()
        .clientId(settings.clientId)
        .orgId(orgId)
        .accessToken(r.accessToken())
        .refreshToken(r.refreshToken())
        .tokenType(r.tokenType())
        .obtainedAt(now)
        .expiresAt(now.plus(r.expiresIn())) // bounded by TokenResponse.MAX_EXPIRES_IN: cannot overflow
        .build();
  }
}
