package dev.waasj.auth.token;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one organization's keep-alive did ({@link TokenKeepAlive}): renewed its refresh token, found it renewed by
 * another instance sharing the store, or failed. Never a token.
 */
public final class KeepAliveOutcome {
  /** How it ended. */
  public enum Result {
    /** This instance renewed the organization's refresh token. */
    RENEWED,
    /** Another instance sharing the store had renewed it since the check: nothing was sent. */
    ALREADY_RENEWED,
    /** The organization must install the app again: its refresh and a new grant were refused. */
    REAUTHORIZATION_REQUIRED,
    /** The renewal failed otherwise (network, server, store); the next check tries again. */
    FAILED
  }

  private final String orgId;
  private final Result result;
  private final @Nullable String error;

  KeepAliveOutcome(String orgId, Result result, @Nullable String error) {
    this.orgId = orgId;
    this.result = result;
    this.error = error;
  }

  /** The organization kept alive. */
  public String orgId() {
    return orgId;
  }

  /** How it ended. */
  public Result result() {
    return result;
  }

  /** Why it failed: the exception's simple name; empty unless {@link Result#FAILED}. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public String toString() {
    return "KeepAliveOutcome{org " + orgId + ", " + result + (error == null ? "" : ", " + error) + '}';
  }
}
