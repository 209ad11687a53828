package dev.waasj.micrometer;

import dev.waasj.webhooks.WebhookListener;
import dev.waasj.webhooks.WebhookOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;

/**
 * Records what a {@code CoboWebhooks} receiver does: register it with {@code
 * CoboWebhooks.builder().listener(new WebhookMetrics(meterRegistry))}.
 *
 * <ul>
 *   <li>timer {@value #DELIVERIES}: every delivery answered, from the body received to the answer; tags {@code kind}
 *       ({@code event} or {@code callback}), {@code outcome} ({@code handled}, {@code already_handled}, {@code
 *       in_progress}, {@code handler_failed}, {@code refused}, {@code store_failed}), {@code type} (the event's
 *       {@code type}, {@code none} for a callback or before verification) and {@code decision} ({@code approve} or
 *       {@code deny} for an answered callback, else {@code none});
 *   <li>counter {@value #VERIFICATION_FAILURES}: deliveries refused, tags {@code kind} and {@code reason} ({@code
 *       missing}, {@code malformed}, {@code invalid}, {@code stale}, {@code not_an_event});
 *   <li>counter {@value #HANDLER_FAILURES}: handlers that threw, tags {@code kind}, {@code type} ({@code none} for a
 *       callback) and {@code exception} (the simple class name).
 * </ul>
 *
 * <p>Thread-safe; one instance may serve many receivers.
 */
public final class WebhookMetrics implements WebhookListener {
  /** The delivery timer's name. */
  public static final String DELIVERIES = "cobo.webhooks.deliveries";

  /** The verification failure counter's name. */
  public static final String VERIFICATION_FAILURES = "cobo.webhooks.verification.failures";

  /** The handler failure counter's name. */
  public static final String HANDLER_FAILURES = "cobo.webhooks.handler.failures";

  private static final String NONE = DefaultCoboCallObservationConvention.NONE;

  private final MeterRegistry meters;

  /** Records into {@code meters}. */
  public WebhookMetrics(MeterRegistry meters) {
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  @Override
  public void delivered(WebhookOutcome outcome) {
    String kind = lower(outcome.kind());
    String type = outcome.eventType().map(MicrometerListener::tagValue).orElse(NONE);
    Timer.builder(DELIVERIES)
        .description("Cobo webhook events and callbacks answered")
        .tag("kind", kind)
        .tag("outcome", lower(outcome.result()))
        .tag("type", type)
        .tag("decision", outcome.decision().map(WebhookMetrics::lower).orElse(NONE))
        .register(meters)
        .record(outcome.duration());
    if (outcome.result() == WebhookOutcome.Result.REFUSED) {
      Counter.builder(VERIFICATION_FAILURES)
          .description("Cobo webhook deliveries refused: not verified, or not an event")
          .tag("kind", kind)
          .tag("reason", outcome.refusal().map(WebhookMetrics::lower).orElse("not_an_event"))
          .register(meters)
          .increment();
    }
    if (outcome.result() == WebhookOutcome.Result.HANDLER_FAILED) {
      Counter.builder(HANDLER_FAILURES)
          .description("Cobo webhook and callback handlers that threw")
          .tag("kind", kind)
          .tag("type", type)
          .tag("exception", outcome.failure().map(f -> f.getClass().getSimpleName()).orElse(NONE))
          .register(meters)
          .increment();
    }
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "WebhookMetrics{" + meters.getClass().getSimpleName() + '}';
  }
}
