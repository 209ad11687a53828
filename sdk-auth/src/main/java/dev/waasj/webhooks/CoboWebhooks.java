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
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * times and may send duplicates, in any order), through an {@link EventDeduplicator}. A handled event, or one
 * handled before, is answered 200. A handler that throws gets 500, and the event is released so Cobo's redelivery
 * runs it again. An event that does not verify is answered 401, one that is no event 400: Cobo retries neither
 * usefully, but neither reaches the handler.
 *
 * <p><b>Callbacks</b> answer exactly {@code ok} or {@code deny} with status 200 and {@code text/plain}: anything else
 * (JSON, another status, a redirect) makes Cobo retry, up to 30 times. A callback Cobo sends again with the same
 * body gets the same answer without running the handler again. A handler that throws is {@linkplain
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

  /** Marks a callback whose handler is deciding it now. */
  private static final Object DECIDING = new Object();

  private final ResponseVerifier verifier;
  private final EventDeduplicator events;
  /**
   * Recent callbacks by body digest: {@link #DECIDING} while a handler decides one, then its decision, so a callback
   * Cobo sends again gets the same answer. The oldest are forgotten beyond 10,000.
   */
  private final Map<String, Object> callbacks =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
              return size() > 10_000;
            }
          });
  private final CallbackFailurePolicy onCallbackFailure;
  private final long maxBodyBytes;

  private CoboWebhooks(Builder b, String key) {
    this.verifier = new ResponseVerifier(key, b.tolerance, b.clock);
    this.events = b.deduplicator;
    this.onCallbackFailure = b.onCallbackFailure;
    this.maxBodyBytes = b.maxBodyBytes;
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
    VerifiedMessage event;
    try {
      event = verify(body, headers);
    } catch (WebhookVerificationException e) {
      return refusal(e);
    }
    String id = event.eventId();
    if (id == null || id.isBlank()) {
      return new WebhookReply(400, "not a webhook event: no event_id");
    }
    if (!events.claim(id)) {
      return events.isComplete(id)
          ? new WebhookReply(200, "ok (already handled)")
          : new WebhookReply(409, "being handled by another delivery");
    }
    boolean handled = false;
    try {
      handler.handle(event);
      handled = true;
      return new WebhookReply(200, "ok");
    } catch (Exception e) {
      return new WebhookReply(500, "handler failed: " + e.getClass().getSimpleName());
    } finally {
      // Released on any failure, an Error included, so a redelivery can run the handler again.
      if (handled) {
        events.complete(id);
      } else {
        events.release(id);
      }
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
    VerifiedMessage callback;
    try {
      callback = verify(body, headers);
    } catch (WebhookVerificationException e) {
      return refusal(e);
    }
    // The same body sent again gets the same answer: Cobo resends a callback whose answer it did not get.
    String key = Hex.encode(Digests.doubleSha256(callback.body()));
    Object earlier = callbacks.putIfAbsent(key, DECIDING);
    if (earlier instanceof CallbackDecision) {
      return new WebhookReply(200, ((CallbackDecision) earlier).reply());
    }
    if (earlier != null) {
      return new WebhookReply(409, "being decided by another delivery");
    }
    CallbackDecision decision = null;
    try {
      decision = Checks.notNull(handler.decide(callback), "the callback handler's decision");
      return new WebhookReply(200, decision.reply());
    } catch (Exception e) {
      return onCallbackFailure == CallbackFailurePolicy.RETRY
          ? new WebhookReply(500, "handler failed: " + e.getClass().getSimpleName())
          : new WebhookReply(200, CallbackDecision.DENY.reply());
    } finally {
      if (decision != null) {
        callbacks.put(key, decision);
      } else {
        callbacks.remove(key); // a failed decision is not remembered: a resend asks again
      }
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

    /** Where handled event IDs are remembered; an {@link InMemoryEventDeduplicator} when unset. */
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
