package dev.waasj.portal;

/**
 * Hears what the {@link InstallationCallbackHandler} made of each callback; e.g. to record a new organization, or to
 * alert on forged callbacks. Called on the request's thread after the answer is decided; a listener that throws is
 * logged and ignored. Every method does nothing by default.
 */
public interface InstallationListener {
  /**
   * Cobo granted a token for {@code orgId} and it is stored: the organization is installed.
   *
   * @param orgId the organization
   * @param firstTime whether the app held no token for it before (false: a repeated callback, or a permission change,
   *     whose new grant replaced the organization's token)
   */
  default void installed(String orgId, boolean firstTime) {}

  /** The organization's admin rejected the installation ({@code approval_result} other than 1); nothing stored. */
  default void rejected(String orgId) {}

  /**
   * A callback said approved, but Cobo refused a token for {@code orgId}: forged, or the installation was revoked
   * since. Nothing stored.
   */
  default void refused(String orgId) {}
}
