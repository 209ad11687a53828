package dev.waasj.webhooks;

/**
 * Hears how each delivery to a {@link CoboWebhooks} ended, for metrics and alerts: verification refusals, events
 * handled or seen again, handler failures (with the exception), callback decisions. Never the body or signature.
 * Runs on the receiving thread; what it throws is logged and ignored. Register with {@link
 * CoboWebhooks.Builder#listener}.
 */
@FunctionalInterface
public interface WebhookListener {
  /** A delivery was answered as {@code outcome} says. */
  void delivered(WebhookOutcome outcome);
}
