package dev.waasj.webhooks;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link EventDeduplicator#claim}: this delivery runs the handler now, another delivery holds a live
 * claim on the same key, or the key was handled already (with its stored outcome).
 */
public final class Claim {
  /** What the claim found. */
  public enum State {
    /** This delivery holds the key now: run the handler, then {@code complete} or {@code release}. */
    CLAIMED,
    /** Another delivery holds a live claim: answer so that Cobo delivers again later. */
    RUNNING_ELSEWHERE,
    /** Handled already: answer as its stored outcome says. */
    DONE
  }

  private final String key;
  private final State state;
  private final @Nullable String owner;
  private final @Nullable String outcome;

  private Claim(String key, State state, @Nullable String owner, @Nullable String outcome) {
    this.key = Objects.requireNonNull(key, "key");
    this.state = state;
    this.owner = owner;
    this.outcome = outcome;
  }

  /**
   * A claim this delivery holds; {@code owner} is the store's proof of it (a fencing token: a new one for every
   * holder), checked again by {@code complete} and {@code release}.
   */
  public static Claim claimed(String key, String owner) {
    return new Claim(key, State.CLAIMED, Objects.requireNonNull(owner, "owner"), null);
  }

  /** Another delivery holds a live claim on {@code key}. */
  public static Claim runningElsewhere(String key) {
    return new Claim(key, State.RUNNING_ELSEWHERE, null, null);
  }

  /** {@code key} was handled with {@code outcome}. */
  public static Claim done(String key, String outcome) {
    return new Claim(key, State.DONE, null, Objects.requireNonNull(outcome, "outcome"));
  }

  /** The key claimed: {@code event:<event_id>} or {@code callback:<body digest>}. */
  public String key() {
    return key;
  }

  /** What the claim found. */
  public State state() {
    return state;
  }

  /** The fencing token of a {@link State#CLAIMED} claim. */
  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  /** The stored outcome of a {@link State#DONE} key, e.g. {@code handled}, {@code ok} or {@code deny}. */
  public Optional<String> outcome() {
    return Optional.ofNullable(outcome);
  }

  @Override
  public String toString() {
    return "Claim{" + key + ' ' + state + (outcome == null ? "" : ' ' + outcome) + '}';
  }
}
