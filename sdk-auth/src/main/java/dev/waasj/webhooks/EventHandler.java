package dev.waasj.webhooks;

/** What the app does with a verified webhook event; runs once per event ID. */
@FunctionalInterface
public interface EventHandler {
  /**
   * Handles one event. Throwing makes the receiver answer 500, so Cobo delivers the event again.
   *
   * @param event the verified event; {@code event.as(WebhookEvent.class)} reads it into the generated model
   * @throws Exception if the event could not be handled now
   */
  void handle(VerifiedMessage event) throws Exception;
}
