package dev.waasj.portal;

import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.auth.token.OrgTokenManagers;
import dev.waasj.client.CoboClient;
import dev.waasj.client.CoboOrganization;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.internal.auth.Checks;
import java.util.Set;

/**
 * The link from a verified {@link PortalUser} to its organization's API: {@link #organization(PortalUser)} is the
 * one way in, and it takes the user, never an organization ID, so a user of one organization has no way to reach
 * another's. Only installed organizations are reachable: those the app holds a token for (in its token manager or
 * its store), which the {@link InstallationCallbackHandler} obtains once Cobo grants one. Thread-safe; costs one
 * store read for an organization whose manager holds no token yet, none after.
 */
public final class PortalOrganizations {
  private final CoboClient cobo;
  private final OrgTokenManagers managers;

  private PortalOrganizations(CoboClient cobo) {
    this.cobo = cobo;
    this.managers = cobo.tokenManagers();
  }

  /**
   * The organizations of the app {@code cobo} was built for ({@code clientId}, no {@code orgId}).
   *
   * @throws IllegalStateException if {@code cobo} has no {@code clientId}
   */
  public static PortalOrganizations of(CoboClient cobo) {
    Checks.notNullArgument(cobo, "cobo");
    return new PortalOrganizations(cobo);
  }

  /**
   * {@code user}'s organization's view: every call carries that organization's token.
   *
   * @throws OrganizationNotInstalledException if the app holds no token for the user's organization, or Cobo
   *     refused its token lately
   * @throws dev.waasj.errors.TokenStoreException if the store could not be read
   */
  public CoboOrganization organization(PortalUser user) {
    Checks.notNullArgument(user, "user");
    String orgId = user.orgId();
    if (!isInstalled(orgId)) {
      throw new OrganizationNotInstalledException(orgId);
    }
    return cobo.organization(orgId);
  }

  /**
   * Whether the app holds a token for {@code orgId} that Cobo has not refused lately: what "installed" means here,
   * since no Cobo API lists an app's organizations.
   *
   * @throws dev.waasj.errors.TokenStoreException if the store could not be read
   */
  public boolean isInstalled(String orgId) {
    if (orgId == null || orgId.isBlank()) {
      return false;
    }
    OrgTokenManager manager = managers.peek(orgId);
    if (manager != null) {
      if (manager.reauthorizationRequired()) {
        return false;
      }
      if (manager.peek() != null) {
        return true;
      }
    }
    try {
      return managers.store().load(managers.clientId(), orgId) != null;
    } catch (TokenStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TokenStoreException("Reading the token of organization " + orgId + " failed", e);
    }
  }

  /** Every organization the app holds a token for: what a restarted backend knows (see {@link #isInstalled}). */
  public Set<String> installed() {
    return managers.organizations();
  }

  @Override
  public String toString() {
    return "PortalOrganizations{clientId=" + managers.clientId() + '}';
  }
}
