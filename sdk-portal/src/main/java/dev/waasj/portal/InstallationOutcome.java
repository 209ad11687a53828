package dev.waasj.portal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one installation callback came to. Immutable; never holds a token.
 *
 * @see InstallationCallbackHandler
 */
public final class InstallationOutcome {
  /** The kinds of outcome, each with its HTTP answer (see {@link InstallationAnswer}). */
  public enum Kind {
    /** Approved, and Cobo granted the organization a token, now stored. */
    INSTALLED,
    /** The admin did not approve ({@code approval_result} other than 1). Nothing stored. */
    REJECTED,
    /** Said approved, but Cobo refused a token for the organization: forged, or revoked. Nothing stored. */
    NOT_AUTHORIZED,
    /** The parameters were missing, repeated, or malformed. Nothing stored, nothing asked of Cobo. */
    INVALID,
    /** Cobo could not be reached, or the store failed: the organization is not installed yet; try again. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final @Nullable String orgId;
  private final boolean firstTime;
  private final String message;

  InstallationOutcome(Kind kind, @Nullable String orgId, boolean firstTime, String message) {
    this.kind = kind;
    this.orgId = orgId;
    this.firstTime = firstTime;
    this.message = message;
  }

  /** What happened. */
  public Kind kind() {
    return kind;
  }

  /** The organization, once {@code org_id} was read; empty for an {@link Kind#INVALID} callback. */
  public Optional<String> orgId() {
    return Optional.ofNullable(orgId);
  }

  /** For {@link Kind#INSTALLED}: whether the app held no token for the organization before. */
  public boolean firstTime() {
    return firstTime;
  }

  /** Says what happened, for people and logs; quotes no token, and no parameter that failed the checks. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return "InstallationOutcome{" + kind + (orgId == null ? "" : ", orgId=" + orgId) + ", " + message + '}';
  }
}
