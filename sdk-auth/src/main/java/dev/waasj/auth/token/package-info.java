/**
 * Org access tokens managed for a Cobo Portal app: {@link dev.waasj.auth.token.OrgTokenManager} fetches, refreshes
 * ahead of expiry, handles refresh-token rotation, lets one request at a time go to the token endpoint, persists
 * through a {@link dev.waasj.auth.token.TokenStore}, and {@link dev.waasj.auth.token.BearerTokenInterceptor}
 * attaches the token to org-scoped calls.
 */
@NullMarked
package dev.waasj.auth.token;

import org.jspecify.annotations.NullMarked;
