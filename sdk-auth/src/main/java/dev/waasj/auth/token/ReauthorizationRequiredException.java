package dev.waasj.auth.token;

import dev.waasj.errors.CoboException;

/**
 * The app can no longer obtain a token for an organization: the refresh token was rejected ({@code invalid_grant}:
 * expired or already used) and a new {@code getToken} was refused too, typically because the organization's admin
 * revoked the app's permission. A person has to act; retrying will not help.
 */
public final class ReauthorizationRequiredException extends CoboException {
  private static final long serialVersionUID = 1L;

  private final String orgId;

  /** Creates the exception for {@code orgId}; {@code cause} is the refused {@code getToken}. */
  public ReauthorizationRequiredException(String orgId, Throwable cause) {
    super("Organization " + orgId + " must re-authorize the app: its refresh token was rejected and a new token"
        + " was refused", cause);
    this.orgId = orgId;
  }

  /**
   * Creates the exception for {@code orgId}, saying why in {@code reason} (never a token); {@code cause} is the
   * refused request.
   */
  public ReauthorizationRequiredException(String orgId, String reason, Throwable cause) {
    super("Organization " + orgId + " must authorize the app: " + reason, cause);
    this.orgId = orgId;
  }

  /** The organization that must re-authorize the app. */
  public String orgId() {
    return orgId;
  }
}
