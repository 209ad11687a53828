package dev.waasj.testkit;

import java.util.List;
import java.util.Optional;

/**
 * What delivering one webhook event or callback came to: every attempt with what the receiver answered, and
 * whether one was answered as Cobo requires (a webhook: 200 or 201 in time; a callback: that and a body of exactly
 * {@code ok} or {@code deny}).
 *
 * @param kind {@code webhook} or {@code callback}
 * @param payload the body that was delivered
 * @param attempts every attempt, in order
 * @param succeeded whether the last attempt was answered right
 */
public record Delivery(String kind, String payload, List<DeliveryAttempt> attempts, boolean succeeded) {
  /** Copies the attempts, so the record is immutable. */
  public Delivery {
    attempts = List.copyOf(attempts);
  }

  /** For a callback answered right, its body: {@code ok} or {@code deny}. */
  public Optional<String> decision() {
    return succeeded && kind.equals("callback") ? Optional.of(attempts.get(attempts.size() - 1).body()) : Optional.empty();
  }
}
