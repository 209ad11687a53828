package dev.waasj.testkit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Org access and refresh tokens with rotation. Every {@code org_implicit} grant starts a token family; each refresh
 * spends its refresh token and adds a new access/refresh pair to the family. Presenting a spent refresh token again
 * is treated as theft (RFC 9700, section 4.14.2): optionally the whole family is revoked.
 */
final class TokenStore {
  /** Who a token was issued to. */
  record Grant(String apiKey, String clientId, String orgId) {}

  /** A token response's contents; {@link #toString()} hides both tokens. */
  record IssuedTokens(String accessToken, String refreshToken, long expiresInSeconds) {
    @Override
    public String toString() {
      return "IssuedTokens[accessToken=" + Redaction.MASK + ", refreshToken=" + Redaction.MASK
          + ", expiresInSeconds=" + expiresInSeconds + "]";
    }
  }

  private static final class Family {
    final Grant grant;
    volatile boolean revoked;
    volatile String revokedBecause = "the refresh token has been revoked";

    Family(Grant grant) {
      this.grant = grant;
    }
  }

  private record AccessEntry(Family family, Instant expiresAt) {}

  private static final class RefreshEntry {
    final Family family;
    final Instant expiresAt;
    final AtomicBoolean spent = new AtomicBoolean();

    RefreshEntry(Family family, Instant expiresAt) {
      this.family = family;
      this.expiresAt = expiresAt;
    }
  }

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int TOKEN_LENGTH = 64;

  private final Clock clock;
  private final Duration accessLifetime;
  private final Duration refreshLifetime;
  private final boolean revokeFamilyOnReuse;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentMap<String, AccessEntry> accessTokens = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, RefreshEntry> refreshTokens = new ConcurrentHashMap<>();
  /** Organization ID -> its grants and refreshes, across apps; only organizations that got a token have one. */
  private final ConcurrentMap<String, Activity> activity = new ConcurrentHashMap<>();

  /** How many tokens one organization was issued. */
  private static final class Activity {
    final AtomicLong grants = new AtomicLong();
    final AtomicLong refreshes = new AtomicLong();
  }

  TokenStore(Clock clock, Duration accessLifetime, Duration refreshLifetime, boolean revokeFamilyOnReuse) {
    this.clock = clock;
    this.accessLifetime = accessLifetime;
    this.refreshLifetime = refreshLifetime;
    this.revokeFamilyOnReuse = revokeFamilyOnReuse;
  }

  IssuedTokens issue(Grant grant) {
    IssuedTokens issued = issueIn(new Family(grant));
    activity(grant.orgId()).grants.incrementAndGet();
    return issued;
  }

  /**
   * Spends {@code refreshToken} for a new pair of the same family.
   *
   * @param installed whether the family's app is still installed in its organization; refused with {@code
   *     invalid_grant} when not
   */
  IssuedTokens refresh(String apiKey, String clientId, String refreshToken, Predicate<Grant> installed)
      throws OAuthError {
    RefreshEntry entry = refreshTokens.get(refreshToken);
    if (entry == null) {
      throw new OAuthError("invalid_grant", "the refresh token is unknown");
    }
    Grant grant = entry.family.grant;
    if (!grant.apiKey().equals(apiKey) || !grant.clientId().equals(clientId)) {
      throw new OAuthError("invalid_grant", "the refresh token was not issued to this client");
    }
    if (!installed.test(grant)) {
      throw new OAuthError("invalid_grant", "the organization has removed this app");
    }
    if (entry.family.revoked) {
      throw new OAuthError("invalid_grant", entry.family.revokedBecause);
    }
    if (!clock.instant().isBefore(entry.expiresAt)) {
      throw new OAuthError("invalid_grant", "the refresh token has expired");
    }
    // The compare-and-set makes exactly one of several concurrent refreshes with the same token win.
    if (!entry.spent.compareAndSet(false, true)) {
      if (revokeFamilyOnReuse) {
        entry.family.revoked = true;
      }
      throw new OAuthError("invalid_grant", "the refresh token has already been used");
    }
    IssuedTokens issued = issueIn(entry.family);
    activity(grant.orgId()).refreshes.incrementAndGet();
    return issued;
  }

  /** Revokes every token family of the app in the organization: it removed the app. */
  void revokeOrganization(String clientId, String orgId) {
    for (RefreshEntry entry : refreshTokens.values()) {
      Grant grant = entry.family.grant;
      if (grant.clientId().equals(clientId) && grant.orgId().equals(orgId)) {
        entry.family.revokedBecause = "the organization has removed this app";
        entry.family.revoked = true;
      }
    }
  }

  /** Successful {@code org_implicit} grants for the organization, any app. */
  long grants(String orgId) {
    Activity a = activity.get(orgId);
    return a == null ? 0 : a.grants.get();
  }

  /** Successful refreshes for the organization, any app. */
  long refreshes(String orgId) {
    Activity a = activity.get(orgId);
    return a == null ? 0 : a.refreshes.get();
  }

  private Activity activity(String orgId) {
    return activity.computeIfAbsent(orgId, o -> new Activity());
  }

  /** Whether {@code accessToken} was issued here, is not revoked, but has expired. */
  boolean isExpired(String accessToken) {
    AccessEntry entry = accessTokens.get(accessToken);
    return entry != null && !entry.family.revoked && !clock.instant().isBefore(entry.expiresAt);
  }

  /** The grant behind a live access token, or null if it is unknown, expired or revoked. */
  @Nullable Grant activeGrant(String accessToken) {
    AccessEntry entry = accessTokens.get(accessToken);
    if (entry == null || entry.family.revoked || !clock.instant().isBefore(entry.expiresAt)) {
      return null;
    }
    return entry.family.grant;
  }

  private IssuedTokens issueIn(Family family) {
    Instant now = clock.instant();
    String access = newToken();
    String refresh = newToken();
    accessTokens.put(access, new AccessEntry(family, now.plus(accessLifetime)));
    refreshTokens.put(refresh, new RefreshEntry(family, now.plus(refreshLifetime)));
    return new IssuedTokens(access, refresh, accessLifetime.toSeconds());
  }

  private String newToken() {
    char[] token = new char[TOKEN_LENGTH];
    for (int i = 0; i < token.length; i++) {
      token[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(token);
  }
}
