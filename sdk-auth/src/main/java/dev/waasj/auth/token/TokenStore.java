package dev.waasj.auth.token;

import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where an {@link OrgTokenManager} keeps its token, so a restarted app, or another worker, need not re-authorize.
 * Implementations must be thread-safe. {@link #save} is called with the new token before anyone uses it, because a
 * refresh rotates the refresh token: the old one stops working once the new one is issued.
 */
public interface TokenStore {
  /** Returns the stored token for this app and organization, or null when there is none. */
  @Nullable OrgToken load(String clientId, String orgId);

  /** Stores {@code token}, replacing any earlier one for its app and organization. */
  void save(OrgToken token);

  /** Forgets the token for this app and organization. */
  void delete(String clientId, String orgId);

  /**
   * Takes the refresh lease of this app and organization, waiting at most {@code maxWait} while another holder has
   * it. {@link OrgTokenManager} takes it before every token request, so however many managers and processes share
   * this store, one of them refreshes per expiry and the others adopt its token.
   *
   * <p>The default coordinates nothing ({@link RefreshLease#unguarded}): stores written before leases existed keep
   * working, with {@code invalid_grant} handling as the only protection against two refreshes at once.
   *
   * @param ttl how long the lease may be held: a holder that dies or stalls loses it after this long
   * @throws dev.waasj.errors.TokenStoreException if the lease could not be taken in time, or the store failed
   */
  default RefreshLease acquireRefreshLease(String clientId, String orgId, Duration ttl, Duration maxWait) {
    return RefreshLease.unguarded(this, clientId, orgId);
  }

  /**
   * The organizations of app {@code clientId} this store holds a token for, so a restarted backend knows them
   * without asking Cobo (no API lists them). A snapshot, unmodifiable, in no particular order. The default throws
   * {@link UnsupportedOperationException}, so stores written before this method keep compiling.
   *
   * @throws dev.waasj.errors.TokenStoreException if the store failed
   */
  default Set<String> organizations(String clientId) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot list organizations");
  }
}
