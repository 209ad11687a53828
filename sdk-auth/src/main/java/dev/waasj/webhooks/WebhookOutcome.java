package dev.waasj.webhooks;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How one delivery of an event or a callback ended. Never carries the body or the signature. */
public final class WebhookOutcome {
  /** What was delivered. */
  public enum Kind {
    /** A webhook event. */
    EVENT,
    /** An approval callback. */
    CALLBACK
  }

  /** How the delivery was answered; fit for a metric's outcome tag. */
  public enum Result {
    /** Verified and handled now (for a callback: decided now). */
    HANDLED,
    /** Verified, handled before: answered as then, the handler not run. */
    ALREADY_HANDLED,
    /** Verified, another delivery holds it now: answered 409 so Cobo delivers again later. */
    IN_PROGRESS,
    /** The handler threw: see {@link #failure()}. */
    HANDLER_FAILED,
    /** Not verified, or no event: see {@link #refusal()}. */
    REFUSED,
    /** The {@link EventDeduplicator} failed before the handler ran: answered 500, see {@link #failure()}. */
    STORE_FAILED
  }

  private final Kind kind;
  private final Result result;
  private final @Nullable String eventId;
  private final @Nullable String eventType;
  private final WebhookVerificationException.@Nullable Reason refusal;
  private final @Nullable Throwable failure;
  private final @Nullable CallbackDecision decision;
  private final Duration duration;

  WebhookOutcome(
      Kind kind,
      Result result,
      @Nullable String eventId,
      @Nullable String eventType,
      WebhookVerificationException.@Nullable Reason refusal,
      @Nullable Throwable failure,
      @Nullable CallbackDecision decision,
      Duration duration) {
    this.kind = kind;
    this.result = result;
    this.eventId = eventId;
    this.eventType = eventType;
    this.refusal = refusal;
    this.failure = failure;
    this.decision = decision;
    this.duration = duration;
  }

  /** An event or a callback. */
  public Kind kind() {
    return kind;
  }

  /** How it was answered. */
  public Result result() {
    return result;
  }

  /** The event's {@code event_id}, once verified. */
  public Optional<String> eventId() {
    return Optional.ofNullable(eventId);
  }

  /** The event's {@code type}, e.g. {@code wallets.transaction.succeeded}, once verified; empty for a callback. */
  public Optional<String> eventType() {
    return Optional.ofNullable(eventType);
  }

  /** Why verification refused it, for {@link Result#REFUSED}. */
  public Optional<WebhookVerificationException.Reason> refusal() {
    return Optional.ofNullable(refusal);
  }

  /**
   * What the handler threw, for {@link Result#HANDLER_FAILED}, or the store, for {@link Result#STORE_FAILED}: the
   * exception itself, its cause chain kept.
   */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** A callback's answer, when one was given ({@code ok} or {@code deny}). */
  public Optional<CallbackDecision> decision() {
    return Optional.ofNullable(decision);
  }

  /** From receiving the body to the answer. */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "WebhookOutcome{" + kind + ' ' + result + (eventId == null ? "" : ", event " + eventId)
        + (eventType == null ? "" : ", type " + eventType) + (refusal == null ? "" : ", " + refusal)
        + (failure == null ? "" : ", " + failure.getClass().getSimpleName())
        + (decision == null ? "" : ", " + decision) + ", " + duration.toMillis() + " ms}";
  }
}
