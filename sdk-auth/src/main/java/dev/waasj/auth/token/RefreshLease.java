package dev.waasj.auth.token;

import org.jspecify.annotations.Nullable;

/**
 * The right to refresh one organization's token, held by at most one {@link OrgTokenManager} among all that share
 * a {@link TokenStore}, in this process or any other. The manager holding it reads the store again (another holder
 * may have refreshed already), refreshes only if it must, saves through the lease, and closes it.
 *
 * <p>A lease lapses when its holder dies or holds it longer than the time it was taken for; a store that can tell
 * then refuses a save through a lapsed lease (fencing), so a paused process never overwrites a newer token.
 * Implementations need not be thread-safe: one thread uses a lease, then closes it.
 */
public interface RefreshLease extends AutoCloseable {
  /** The token stored now, read under the lease; null when there is none. */
  @Nullable OrgToken load();

  /**
   * Stores {@code token}, replacing the stored one.
   *
   * @throws dev.waasj.errors.TokenStoreException if the lease has lapsed (another holder may have stored a newer
   *     token) or the store failed; the token was then not stored
   */
  void save(OrgToken token);

  /** Gives the lease up. Never throws: a lease that cannot be released lapses by itself. */
  @Override
  void close();

  /**
   * A lease that coordinates nothing: loads and saves go straight to {@code store}. What a {@link TokenStore} that
   * cannot coordinate returns; the managers sharing it then rely on {@code invalid_grant} handling alone.
   */
  static RefreshLease unguarded(TokenStore store, String clientId, String orgId) {
    return new RefreshLease() {
      @Override
      public @Nullable OrgToken load() {
        return store.load(clientId, orgId);
      }

      @Override
      public void save(OrgToken token) {
        store.save(token);
      }

      @Override
      public void close() {}

      @Override
      public String toString() {
        return "RefreshLease{unguarded, " + store + '}';
      }
    };
  }
}
