package dev.waasj.auth.token;

import dev.waasj.internal.auth.Checks;
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
   * The organizations of app {@code clientId} this store holds a token for, so a restarted backend knows them without
   * asking Cobo (no API lists the organizations that installed an app). A snapshot, unmodifiable, in no particular
   * order: organizations saved or deleted meanwhile may or may not show. An organization is listed while the store
   * holds a token for it, from its {@link #save} until its {@link #delete} or until the store lets the token lapse
   * (the Redis store's tokens expire with their refresh token): those whose {@link #load} finds a token.
   *
   * <p>The default throws {@link UnsupportedOperationException} naming the store's class, so stores written before
   * this method keep compiling; a caller that can do without the listing (a keep-alive, say) falls back to the
   * organizations it has seen. Every store of the SDK implements it.
   *
   * @param clientId the app's client ID, exactly as its tokens were saved (not trimmed)
   * @return the organization IDs, possibly empty
   * @throws IllegalArgumentException if {@code clientId} is null or blank
   * @throws UnsupportedOperationException if this store cannot list its organizations
   * @throws dev.waasj.errors.TokenStoreException if the store failed
   */
  default Set<String> organizations(String clientId) {
    Checks.notBlankArgument(clientId, "clientId");
    throw new UnsupportedOperationException(
        getClass().getName() + " does not list the organizations it holds tokens for");
  }
}
