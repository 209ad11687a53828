package dev.waasj.auth.token;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OrgTokenManager}'s immutable snapshot of the token served, when to renew it, and a newer token still to
 * be saved; swapped atomically.
 */
final class ManagerState {
  /** The token handed out; null when there is none yet (only a {@link #pending} one). */
  final @Nullable OrgToken token;
  final long expiresAt;
  final long refreshAt;
  final long retryAt;
  final boolean invalidated;
  /** Obtained but not stored, so never handed out; null normally. */
  final @Nullable PendingToken pending;

  private ManagerState(
      @Nullable OrgToken token, long refreshAt, long retryAt, boolean invalidated, @Nullable PendingToken pending) {
    this.token = token;
    this.expiresAt = token == null ? Long.MIN_VALUE : token.expiresAt().toEpochMilli();
    this.refreshAt = refreshAt;
    this.retryAt = retryAt;
    this.invalidated = invalidated;
    this.pending = pending;
  }

  static ManagerState of(OrgToken token, Duration margin) {
    long issued = token.obtainedAt().toEpochMilli();
    long expires = token.expiresAt().toEpochMilli();
    // A margin larger than half the lifetime would refresh constantly: cap it.
    long effectiveMargin = Math.min(margin.toMillis(), Math.max(0, (expires - issued) / 2));
    return new ManagerState(token, expires - effectiveMargin, Long.MIN_VALUE, false, null);
  }

  /** {@code s}'s token (if any) still served, {@code pending} waiting to be saved, the next try at {@code at}. */
  static ManagerState pending(@Nullable ManagerState s, PendingToken pending, long at) {
    if (s == null || s.token == null) {
      return new ManagerState(null, Long.MIN_VALUE, Long.MIN_VALUE, false, pending);
    }
    return new ManagerState(s.token, s.refreshAt, at, s.invalidated, pending);
  }

  /** The token to hand out; only called when {@link #usable} or {@link #fresh}. */
  OrgToken served() {
    return Objects.requireNonNull(token);
  }

  /** Good to hand out without asking for a new one. */
  boolean fresh(long now) {
    return token != null
        && !invalidated
        && (now < refreshAt || (now < expiresAt && now < retryAt));
  }

  /** Still accepted by the server, though due for renewal. */
  boolean usable(long now) {
    return token != null && !invalidated && now < expiresAt;
  }

  ManagerState invalidated() {
    return new ManagerState(token, refreshAt, retryAt, true, pending);
  }

  ManagerState retryAfter(long at) {
    return new ManagerState(token, refreshAt, at, invalidated, pending);
  }
}
