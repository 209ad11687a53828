/**
 * A Cobo Portal app's backend: {@link dev.waasj.portal.InstallationCallbackHandler} for the callback URL of the
 * app's manifest, {@link dev.waasj.portal.UserInfoTokenVerifier} for the User Info Tokens the app's front end sends,
 * and {@link dev.waasj.portal.PortalOrganizations}, which gives a verified {@link dev.waasj.portal.PortalUser} its
 * own organization's API and no other.
 */
@NullMarked
package dev.waasj.portal;

import org.jspecify.annotations.NullMarked;
