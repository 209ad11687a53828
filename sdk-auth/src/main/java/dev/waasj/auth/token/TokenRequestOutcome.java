package dev.waasj.auth.token;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One org token request of an {@link OrgTokenManager}: which grant, for whom, and how it ended. Never a token. */
public final class TokenRequestOutcome {
  /** The grant asked for. */
  public enum Grant {
    /** {@code GET /oauth/token}, grant {@code org_implicit}: a new token. */
    ORG_IMPLICIT,
    /** {@code POST /oauth/token}, grant {@code refresh_token}: a rotation. */
    REFRESH_TOKEN
  }

  private final Grant grant;
  private final String orgId;
  private final @Nullable String error;
  private final Duration duration;

  TokenRequestOutcome(Grant grant, String orgId, @Nullable String error, Duration duration) {
    this.grant = grant;
    this.orgId = orgId;
    this.error = error;
    this.duration = duration;
  }

  /** The grant asked for. */
  public Grant grant() {
    return grant;
  }

  /** The organization the token is for. */
  public String orgId() {
    return orgId;
  }

  /** Whether a token came back. */
  public boolean succeeded() {
    return error == null;
  }

  /**
   * Why not, when it failed: the OAuth error (e.g. {@code invalid_grant}), else {@code http_<status>}, else the
   * exception's simple name.
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** How long the request took, retries included. */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "TokenRequestOutcome{" + grant + ", org " + orgId + ", " + (error == null ? "ok" : error) + ", "
        + duration.toMillis() + " ms}";
  }
}
