package dev.waasj.micrometer;

import dev.waasj.webhooks.CallbackHandler;
import dev.waasj.webhooks.EventHandler;
import dev.waasj.webhooks.VerifiedMessage;
import dev.waasj.webhooks.WebhookReply;
import dev.waasj.webhooks.WebhookVerificationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Counts what a {@code CoboWebhooks} receiver does, from the outside: wrap the handlers with {@link #instrumentEvents}
 * and {@link #instrumentCallbacks}, and pass each reply through {@link #eventReplied} or {@link #callbackReplied}.
 *
 * <pre>{@code
 * WebhookMetrics metrics = new WebhookMetrics(meterRegistry);
 * EventHandler handler = metrics.instrumentEvents(event -> ledger.record(event));
 * WebhookReply reply = metrics.eventReplied(webhooks.handleEvent(body, headers, handler));
 * }</pre>
 *
 * <ul>
 *   <li>counter {@value #DELIVERIES}: every delivery answered, tags {@code kind} ({@code event} or {@code callback}),
 *       {@code outcome} ({@code handled}, {@code duplicate}, {@code approved}, {@code denied}, {@code in_progress},
 *       {@code handler_failed}, {@code refused}) and {@code status} (the HTTP status answered);
 *   <li>counter {@value #VERIFICATION_FAILURES}: deliveries refused, tags {@code kind} and {@code reason} ({@code
 *       missing}, {@code malformed}, {@code invalid}, {@code stale}, {@code not_an_event});
 *   <li>counter {@value #HANDLER_FAILURES}: handlers that threw, tags {@code kind}, {@code type} (the event's {@code
 *       type}, {@code none} for a callback) and {@code exception} (its simple class name).
 * </ul>
 *
 * <p>Replies are classified by the status and body {@code CoboWebhooks} answers. Thread-safe.
 */
public final class WebhookMetrics {
  /** The delivery counter's name. */
  public static final String DELIVERIES = "cobo.webhooks.deliveries";

  /** The verification failure counter's name. */
  public static final String VERIFICATION_FAILURES = "cobo.webhooks.verification.failures";

  /** The handler failure counter's name. */
  public static final String HANDLER_FAILURES = "cobo.webhooks.handler.failures";

  private static final String EVENT = "event";
  private static final String CALLBACK = "callback";
  private static final String REFUSED = "refused: ";

  private final MeterRegistry meters;

  /** Counts into {@code meters}. */
  public WebhookMetrics(MeterRegistry meters) {
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  /** {@code handler}, counting its failures; what it throws still reaches the receiver. */
  public EventHandler instrumentEvents(EventHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return event -> {
      try {
        handler.handle(event);
      } catch (Exception | Error e) {
        handlerFailed(EVENT, event, e);
        throw e;
      }
    };
  }

  /** {@code handler}, counting its failures; what it throws still reaches the receiver. */
  public CallbackHandler instrumentCallbacks(CallbackHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return callback -> {
      try {
        return handler.decide(callback);
      } catch (Exception | Error e) {
        handlerFailed(CALLBACK, null, e);
        throw e;
      }
    };
  }

  /** Counts the reply to a webhook event and returns it. */
  public WebhookReply eventReplied(WebhookReply reply) {
    String outcome;
    switch (reply.status()) {
      case 200:
        outcome = reply.body().equals("ok") ? "handled" : "duplicate";
        break;
      case 409:
        outcome = "in_progress";
        break;
      case 500:
        outcome = "handler_failed";
        break;
      default:
        outcome = refused(EVENT, reply);
    }
    delivered(EVENT, outcome, reply);
    return reply;
  }

  /** Counts the reply to a callback and returns it. */
  public WebhookReply callbackReplied(WebhookReply reply) {
    String outcome;
    switch (reply.status()) {
      case 200:
        outcome = reply.body().equals("ok") ? "approved" : "denied";
        break;
      case 409:
        outcome = "in_progress";
        break;
      case 500:
        outcome = "handler_failed";
        break;
      default:
        outcome = refused(CALLBACK, reply);
    }
    delivered(CALLBACK, outcome, reply);
    return reply;
  }

  private String refused(String kind, WebhookReply reply) {
    String reason = "not_an_event"; // 400 for an event without event_id
    if (reply.body().startsWith(REFUSED)) {
      reason = reason(reply.body().substring(REFUSED.length()));
    }
    Counter.builder(VERIFICATION_FAILURES)
        .description("Cobo webhook deliveries refused: not verified, or not an event")
        .tag("kind", kind)
        .tag("reason", reason)
        .register(meters)
        .increment();
    return "refused";
  }

  private static String reason(String text) {
    for (WebhookVerificationException.Reason r : WebhookVerificationException.Reason.values()) {
      if (r.name().toLowerCase(Locale.ROOT).equals(text)) {
        return text;
      }
    }
    return "other";
  }

  private void delivered(String kind, String outcome, WebhookReply reply) {
    Counter.builder(DELIVERIES)
        .description("Cobo webhook events and callbacks answered")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .tag("status", Integer.toString(reply.status()))
        .register(meters)
        .increment();
  }

  private void handlerFailed(String kind, @Nullable VerifiedMessage event, Throwable e) {
    String type = event == null ? null : event.type();
    type = type == null ? "none" : MicrometerListener.tagValue(type);
    Counter.builder(HANDLER_FAILURES)
        .description("Cobo webhook and callback handlers that threw")
        .tag("kind", kind)
        .tag("type", type)
        .tag("exception", e.getClass().getSimpleName())
        .register(meters)
        .increment();
  }

  @Override
  public String toString() {
    return "WebhookMetrics{" + meters.getClass().getSimpleName() + '}';
  }
}
