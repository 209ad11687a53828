package dev.waasj.webhooks;

import dev.waasj.auth.verification.ResponseVerifier;
import dev.waasj.client.CoboEnvironment;
import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.internal.auth.Checks;
import dev.waasj.internal.crypto.Digests;
import dev.waasj.internal.crypto.Hex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Receives what Cobo sends an app: webhook events and approval callbacks. Framework-neutral: hand it the raw body
 * bytes (never parsed and re-serialized JSON: the signature is over the exact bytes) and a header lookup, and write
 * back the {@link WebhookReply}.
 *
 * <pre>{@code
 * CoboWebhooks webhooks = CoboWebhooks.builder().environment(CoboEnvironment.PROD).build();
 *
 * // a webhook endpoint
 * WebhookReply reply = webhooks.handleEvent(body, request::getHeader, event -> {
 *   WebhookEvent e = event.as(WebhookEvent.class);           // the generated model, data on its oneOf shape
 *   ...
 * });
 *
 * // a callback endpoint: approve or deny a withdrawal
 * WebhookReply reply = webhooks.handleCallback(body, request::getHeader, callback ->
 *     policy.allows(callback.as(Transaction.class)) ? CallbackDecision.APPROVE : CallbackDecision.DENY);
 *
 * response.setStatus(reply.status()); response.setContentType(reply.contentType()); write(reply.bodyBytes());
 * }</pre>
 *
 * <p><b>Verification</b>: {@code BIZ_TIMESTAMP} and {@code BIZ_RESP_SIGNATURE} (any spelling: underscores or hyphens,
 * any case), Ed25519 with the environment's Cobo key over {@code sha256(sha256(body|timestamp))}, the timestamp
 * within a window of this machine's clock (5 minutes by default, so a captured event cannot be replayed later).
 *
 * <p><b>Events</b> run their handler once per {@code event_id} however often Cobo delivers them (it retries up to 10
 * times and may send duplicates, in any order), through an {@link EventDeduplicator}: a delivery claims the event
 * for the {@linkplain Builder#handlerLease handler lease} (60 s by default), so a receiver that dies mid-handler
 * blocks redeliveries only until the lease ends, after which one runs the handler again: at least once across
 * crashes, once while the receiver lives. A handled event, or one handled before, is answered 200; one another
 * delivery is handling now, 409 (Cobo delivers again later). A handler that throws gets 500, is logged (event ID and
 * type, never the body) and reported to the {@linkplain Builder#listener listener} and in {@link
 * WebhookReply#failure()} with its cause kept, and the event is released so Cobo's redelivery runs it again. An
 * event that does not verify is answered 401, one that is no event 400: Cobo retries neither usefully, but neither
 * reaches the handler.
 *
 * <p><b>Callbacks</b> answer exactly {@code ok} or {@code deny} with status 200 and {@code text/plain}: anything else
 * (JSON, another status, a redirect) makes Cobo retry, up to 30 times. A callback Cobo sends again with the same
 * body gets the same answer without running the handler again: the decision is stored in the {@link
 * EventDeduplicator}, so receivers sharing one answer alike. A handler that throws is {@linkplain
 * Builder#onCallbackFailure denied} by default, never approved; a callback that does not verify is answered 401 and
 * never approved.
 *
 * <p>Thread-safe; build one per endpoint configuration and share it. Messages of its exceptions and replies never
 * quote the signature or the body.
 */
public final class CoboWebhooks {
  private static final List<String> TIMESTAMP_HEADERS =
      List.of("BIZ_TIMESTAMP", "BIZ-TIMESTAMP", "biz_timestamp", "biz-timestamp", "Biz-Timestamp", "Biz_timestamp");
  private static final List<String> SIGNATURE_HEADERS =
      List.of(
          "BIZ_RESP_SIGNATURE",
          "BIZ-RESP-SIGNATURE",
          "biz_resp_signature",
          "biz-resp-signature",
          "Biz-Resp-Signature",
          "Biz_resp_signature");

  /** What to answer a callback whose handler threw. */
  public enum CallbackFailurePolicy {
    /** Answer {@code deny} (status 200): the withdrawal is refused, Cobo does not retry. The default. */
    DENY,
    /** Answer 500: Cobo retries the callback (up to 30 times), so a passing outage can still end in approval. */
    RETRY
  }

  private static final System.Logger LOG = System.getLogger(CoboWebhooks.class.getName());
  private static final String HANDLED = "handled";

  private final ResponseVerifier verifier;
  private final EventDeduplicator events;
  private final CallbackFailurePolicy onCallbackFailure;
  private final long maxBodyBytes;
  private final Duration lease;
  private final WebhookListener listener;

  private CoboWebhooks(Builder b, String key) {
    this.verifier = new ResponseVerifier(key, b.tolerance, b.clock);
    this.events = b.deduplicator;
    this.onCallbackFailure = b.onCallbackFailure;
    this.maxBodyBytes = b.maxBodyBytes;
    this.lease = b.lease;
    this.listener = b.listener;
  }

  /** A builder; set the environment or the server key. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a message's signature over its raw body and returns it.
   *
   * @throws WebhookVerificationException if it is unsigned, badly signed, stale, too large, or not a JSON object
   */
  public VerifiedMessage verify(byte[] body, HeaderLookup headers) {
    Checks.notNull(body, "body");
    Checks.notNull(headers, "headers");
    if (body.length > maxBodyBytes) {
      throw new WebhookVerificationException(
          WebhookVerificationException.Reason.MALFORMED, "The body exceeds " + maxBodyBytes + " bytes");
    }
    String timestamp = first(headers, TIMESTAMP_HEADERS);
    String signature = first(headers, SIGNATURE_HEADERS);
    try {
      verifier.verify(200, body, timestamp, signature);
    } catch (ResponseSignatureException e) {
      throw new WebhookVerificationException(
          WebhookVerificationException.Reason.valueOf(e.reason().name()),
          e.getMessage().replace("Response", "Message").replace(" (HTTP 200)", ""));
    }
    VerifiedMessage message = new VerifiedMessage(body, Instant.ofEpochMilli(Long.parseLong(timestamp.trim())));
    if (!isJsonObject(body)) {
      throw new WebhookVerificationException(
          WebhookVerificationException.Reason.NOT_AN_EVENT, "The message verifies but its body is no JSON object");
    }
    return message;
  }

  /**
   * Verifies a webhook event and runs {@code handler} on it, once per {@code event_id}; see the class comment.
   *
   * @return the reply to write back: 200 handled (now or before), 400 not an event, 401 not verified, 409 being
   *     handled by another delivery right now, 500 handler failed
   */
  public WebhookReply handleEvent(byte[] body, HeaderLookup headers, EventHandler handler) {
    Checks.notNull(handler, "handler");
    long start = System.nanoTime();
    VerifiedMessage event;
    try {
      event = verify(body, headers);
    } catch (WebhookVerificationException e) {
      report(WebhookOutcome.Kind.EVENT, WebhookOutcome.Result.REFUSED, null, e, null, null, start);
      return refusal(e);
    }
    String id = event.eventId();
    if (id == null || id.isBlank()) {
      report(WebhookOutcome.Kind.EVENT, WebhookOutcome.Result.REFUSED, event, null, null, null, start);
      return new WebhookReply(400, "not a webhook event: no event_id");
    }
    Claim claim;
    try {
      claim = events.claim("event:" + id, lease);
    } catch (RuntimeException e) {
      return storeFailed(WebhookOutcome.Kind.EVENT, event, e, start);
    }
    if (claim.state() == Claim.State.DONE) {
      report(WebhookOutcome.Kind.EVENT, WebhookOutcome.Result.ALREADY_HANDLED, event, null, null, null, start);
      return new WebhookReply(200, "ok (already handled)");
    }
    if (claim.state() == Claim.State.RUNNING_ELSEWHERE) {
      report(WebhookOutcome.Kind.EVENT, WebhookOutcome.Result.IN_PROGRESS, event, null, null, null, start);
      return new WebhookReply(409, "being handled by another delivery");
    }
    boolean handled = false;
    try {
      handler.handle(event);
      handled = true;
      report(WebhookOutcome.Kind.EVENT, WebhookOutcome.Result.HANDLED, event, null, null, null, start);
      return new WebhookReply(200, "ok");
    } catch (Exception e) {
      handlerFailed(WebhookOutcome.Kind.EVENT, event, e, start);
      return new WebhookReply(500, "handler failed: " + e.getClass().getSimpleName(), e);
    } finally {
      // Released on any failure, an Error included, so a redelivery can run the handler again.
      settle(claim, handled ? HANDLED : null);
    }
  }

  /**
   * Verifies a callback, asks {@code handler} to approve or deny it, and returns exactly the reply Cobo expects; see
   * the class comment.
   *
   * @return 200 {@code ok} or {@code deny}; 401 when it does not verify; 500 only with {@link
   *     CallbackFailurePolicy#RETRY} and a failing handler
   */
  public WebhookReply handleCallback(byte[] body, HeaderLookup headers, CallbackHandler handler) {
    Checks.notNull(handler, "handler");
    long start = System.nanoTime();
    VerifiedMessage callback;
    try {
      callback = verify(body, headers);
    } catch (WebhookVerificationException e) {
      report(WebhookOutcome.Kind.CALLBACK, WebhookOutcome.Result.REFUSED, null, e, null, null, start);
      return refusal(e);
    }
    // The same body sent again gets the same answer: Cobo resends a callback whose answer it did not get.
    Claim claim;
    try {
      claim = events.claim("callback:" + Hex.encode(Digests.doubleSha256(callback.body())), lease);
    } catch (RuntimeException e) {
      return storeFailed(WebhookOutcome.Kind.CALLBACK, callback, e, start);
    }
    if (claim.state() == Claim.State.DONE) {
      CallbackDecision earlier = CallbackDecision.fromReply(claim.outcome().orElse(""));
      report(WebhookOutcome.Kind.CALLBACK, WebhookOutcome.Result.ALREADY_HANDLED, callback, null, null, earlier,
          start);
      return new WebhookReply(200, earlier.reply());
    }
    if (claim.state() == Claim.State.RUNNING_ELSEWHERE) {
      report(WebhookOutcome.Kind.CALLBACK, WebhookOutcome.Result.IN_PROGRESS, callback, null, null, null, start);
      return new WebhookReply(409, "being decided by another delivery");
    }
    CallbackDecision decision = null;
    try {
      decision = Checks.notNull(handler.decide(callback), "the callback handler's decision");
      report(WebhookOutcome.Kind.CALLBACK, WebhookOutcome.Result.HANDLED, callback, null, null, decision, start);
      return new WebhookReply(200, decision.reply());
    } catch (Exception e) {
      handlerFailed(WebhookOutcome.Kind.CALLBACK, callback, e, start);
      return onCallbackFailure == CallbackFailurePolicy.RETRY
          ? new WebhookReply(500, "handler failed: " + e.getClass().getSimpleName(), e)
          : new WebhookReply(200, CallbackDecision.DENY.reply(), e);
    } finally {
      settle(claim, decision != null ? decision.reply() : null); // a failed decision is not remembered
    }
  }

  /**
   * Completes the claim with {@code outcome}, or releases it when there is none. A store that fails here is
   * logged: the answer already given stands, and the claim's lease ends by itself.
   */
  private void settle(Claim claim, @Nullable String outcome) {
    try {
      if (outcome != null) {
        events.complete(claim, outcome);
      } else {
        events.release(claim);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Recording {0} failed: {1}", claim.key(), e.getClass().getName());
    }
  }

  /** The deduplication store failed before the handler ran: 500, so Cobo delivers again. */
  private WebhookReply storeFailed(WebhookOutcome.Kind kind, VerifiedMessage message, RuntimeException e, long start) {
    LOG.log(
        System.Logger.Level.WARNING,
        "The deduplication store failed for event_id={0}: {1}",
        message.eventId(),
        e.getClass().getName());
    report(kind, WebhookOutcome.Result.STORE_FAILED, message, null, e, null, start);
    return new WebhookReply(500, "deduplication store failed: " + e.getClass().getSimpleName(), e);
  }

  /**
   * Logs a handler's failure by event ID and type (a callback, which has neither, by its transaction_id), never the
   * body, and reports it with the exception.
   */
  private void handlerFailed(WebhookOutcome.Kind kind, VerifiedMessage message, Exception e, long start) {
    if (kind == WebhookOutcome.Kind.EVENT) {
      LOG.log(System.Logger.Level.WARNING, "The event handler failed for event_id={0} type={1}: {2}",
          message.eventId(), message.type(), e.getClass().getName());
    } else {
      LOG.log(System.Logger.Level.WARNING, "The callback handler failed for transaction_id={0}: {1}",
          message.member("transaction_id"), e.getClass().getName());
    }
    report(kind, WebhookOutcome.Result.HANDLER_FAILED, message, null, e, null, start);
  }

  private void report(
      WebhookOutcome.Kind kind,
      WebhookOutcome.Result result,
      @Nullable VerifiedMessage message,
      @Nullable WebhookVerificationException refusal,
      @Nullable Throwable failure,
      @Nullable CallbackDecision decision,
      long start) {
    if (listener == NO_LISTENER) {
      return;
    }
    try {
      listener.delivered(
          new WebhookOutcome(
              kind,
              result,
              message == null ? null : message.eventId(),
              message == null ? null : message.type(),
              refusal == null ? null : refusal.reason(),
              failure,
              decision,
              Duration.ofNanos(System.nanoTime() - start)));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "A webhook listener failed and was ignored: {0}", e.getClass().getName());
    }
  }

  private static WebhookReply refusal(WebhookVerificationException e) {
    int status = e.reason() == WebhookVerificationException.Reason.NOT_AN_EVENT ? 400 : 401;
    return new WebhookReply(status, "refused: " + e.reason().name().toLowerCase(Locale.ROOT));
  }

  private static @Nullable String first(HeaderLookup headers, List<String> names) {
    for (String name : names) {
      String value = headers.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static boolean isJsonObject(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b == '{';
      }
    }
    return false;
  }

  private static final WebhookListener NO_LISTENER = outcome -> {};

  @Override
  public String toString() {
    return "CoboWebhooks{" + verifier + ", events=" + events + '}';
  }

  /** Configures {@link CoboWebhooks}. */
  public static final class Builder {
    private @Nullable String serverPublicKey;
    private Duration tolerance = ResponseVerifier.DEFAULT_WINDOW;
    private Clock clock = Clock.systemUTC();
    private EventDeduplicator deduplicator = new InMemoryEventDeduplicator();
    private CallbackFailurePolicy onCallbackFailure = CallbackFailurePolicy.DENY;
    private long maxBodyBytes = 4L * 1024 * 1024;
    private Duration lease = Duration.ofSeconds(60);
    private WebhookListener listener = NO_LISTENER;

    private Builder() {}

    /** Verifies with the key that signs {@code environment}'s messages. */
    public Builder environment(CoboEnvironment environment) {
      this.serverPublicKey = Checks.notNull(environment, "environment").serverPublicKey();
      return this;
    }

    /** Verifies with this hex Ed25519 key, e.g. a gateway's or the emulator's. */
    public Builder serverPublicKey(String serverPublicKeyHex) {
      this.serverPublicKey = Checks.notBlank(serverPublicKeyHex, "serverPublicKey");
      return this;
    }

    /**
     * Takes the key from environment variables: {@code COBO_SERVER_PUBLIC_KEY} (hex, e.g. a gateway's or the
     * emulator's) when set, otherwise the key of the environment {@code COBO_ENV} names ({@code dev} or {@code
     * prod}), the same variables {@code CoboClient.fromEnv()} reads.
     *
     * @throws IllegalArgumentException if neither is set, or one is malformed
     */
    public Builder environmentVariables(Map<String, String> env) {
      Checks.notNull(env, "env");
      String key = env.get("COBO_SERVER_PUBLIC_KEY");
      String name = env.get("COBO_ENV");
      if (key != null && !key.isBlank()) {
        return serverPublicKey(key.trim());
      }
      if (name != null && !name.isBlank()) {
        return environment(CoboEnvironment.parse(name.trim()));
      }
      throw new IllegalArgumentException("Set COBO_SERVER_PUBLIC_KEY or COBO_ENV to say whose signatures to accept");
    }

    /** How far {@code BIZ_TIMESTAMP} may lie from this machine's clock; 5 minutes when unset. */
    public Builder timestampTolerance(Duration tolerance) {
      this.tolerance = Checks.positive(tolerance, "timestampTolerance");
      return this;
    }

    /** The clock timestamps are judged by; the system clock when unset. */
    public Builder clock(Clock clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /**
     * How long a delivery holds an event or callback while its handler runs; 60 s when unset. A receiver that dies
     * mid-handler blocks the key this long; a handler running longer may run again beside a redelivery.
     */
    public Builder handlerLease(Duration lease) {
      this.lease = Checks.positive(lease, "handlerLease");
      return this;
    }

    /** Hears how each delivery ended (metrics, alerts); none when unset. */
    public Builder listener(WebhookListener listener) {
      this.listener = Checks.notNull(listener, "listener");
      return this;
    }

    /**
     * Where handled events and callback decisions are remembered; an {@link InMemoryEventDeduplicator} when unset.
     * Share one across receivers of the same endpoint.
     */
    public Builder deduplicator(EventDeduplicator deduplicator) {
      this.deduplicator = Checks.notNull(deduplicator, "deduplicator");
      return this;
    }

    /** What a callback whose handler throws is answered; {@link CallbackFailurePolicy#DENY} when unset. */
    public Builder onCallbackFailure(CallbackFailurePolicy policy) {
      this.onCallbackFailure = Checks.notNull(policy, "policy");
      return this;
    }

    /** The largest body accepted, in bytes; 4 MiB when unset. */
    public Builder maxBodyBytes(long maxBytes) {
      if (maxBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive");
      }
      this.maxBodyBytes = maxBytes;
      return this;
    }

    /**
     * Builds the receiver.
     *
     * @throws IllegalStateException if neither an environment nor a server key was set
     * @throws IllegalArgumentException if the key is not a valid Ed25519 public key
     */
    public CoboWebhooks build() {
      if (serverPublicKey == null) {
        throw new IllegalStateException("No key to verify with: call environment(...) or serverPublicKey(...)");
      }
      return new CoboWebhooks(this, serverPublicKey);
    }
  }
}
