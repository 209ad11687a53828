package dev.waasj.portal;

import dev.waasj.errors.CoboException;

/**
 * A verified Portal user's organization has not installed the app as far as this backend knows: the app holds no
 * token for it (no approved installation reached the callback handler, or Cobo refused its token since).
 */
public final class OrganizationNotInstalledException extends CoboException {
  private static final long serialVersionUID = 1L;

  private final String orgId;

  OrganizationNotInstalledException(String orgId) {
    super("Organization " + orgId + " has not installed the app (the app holds no token for it)");
    this.orgId = orgId;
  }

  /** The organization. */
  public String orgId() {
    return orgId;
  }
}
