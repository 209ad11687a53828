package dev.waasj.auth.token;

import org.jspecify.annotations.Nullable;

/**
 * A token Cobo issued that the store did not take, and the refresh token the store held when it was requested:
 * it may be saved later only while the store still holds that one (or, for a first grant, nothing).
 */
record PendingToken(OrgToken token, @Nullable String base) {
  boolean isBasedOn(@Nullable OrgToken stored) {
    return stored == null || stored.refreshToken().equals(base);
  }
}
