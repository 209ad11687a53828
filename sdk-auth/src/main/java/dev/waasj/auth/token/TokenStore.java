package dev.waasj.auth.token;

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
}
