package dev.waasj.client;

import dev.waasj.auth.token.KeepAliveOutcome;
import dev.waasj.auth.token.TokenRequestOutcome;

/**
 * Hears what a {@link CoboClient} does, for metrics, traces and logs: every call, each of its attempts with the
 * retry decision, and every org token request. Events carry low-cardinality facts only: the operation as the
 * generated interface and method name, never a URL, body, header, token or signature.
 *
 * <p>Methods run on the thread that does the work (an OkHttp thread for an async call's attempts) and must be
 * quick and must not block; what one throws is logged and ignored, never the call's business. Register with {@link
 * CoboClient.Builder#listener}.
 */
public interface CoboListener {
  /** A listener that hears nothing. */
  CoboListener NONE = new CoboListener() {};

  /**
   * A call begins, before its first attempt.
   *
   * @return what hears the rest of this call: its attempts and its end; {@link CallListener#NONE} by default
   */
  default CallListener callStarted(CallStart call) {
    return CallListener.NONE;
  }

  /** An org token request (a grant or a refresh) ended. */
  default void tokenRequestFinished(TokenRequestOutcome outcome) {}

  /**
   * Organization {@code orgId} must authorize the app again: its refresh token and a new grant were refused. Its
   * calls fail without a request for {@link CoboClient.Builder#reauthorizationBackoff}. Heard once per refusal, on
   * the thread that asked for the token; never a token.
   */
  default void reauthorizationRequired(String orgId) {}

  /**
   * One organization's keep-alive ended ({@link CoboClient.Builder#keepOrganizationsAlive()}): renewed, found renewed
   * by another instance, refused, or failed. Heard on the keep-alive thread; never a token.
   */
  default void keepAliveFinished(KeepAliveOutcome outcome) {}
}
