package dev.waasj.testkit;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the emulator delivers webhook events and callbacks. Cobo's semantics by default: a 2-second timeout, up to 10
 * deliveries of a webhook event and 30 of a callback until one is answered right, waiting longer after each failed
 * one. Tests compress the waits with {@link Builder#backoff}. Immutable.
 */
public final class DeliveryOptions {
  final Duration timeout;
  final @Nullable Integer maxAttempts;
  final Duration backoff;
  final Duration maxBackoff;
  final int duplicates;
  final @Nullable Long shuffleSeed;
  final boolean forgeSignature;

  private DeliveryOptions(Builder b) {
    this.timeout = b.timeout;
    this.maxAttempts = b.maxAttempts;
    this.backoff = b.backoff;
    this.maxBackoff = b.maxBackoff;
    this.duplicates = b.duplicates;
    this.shuffleSeed = b.shuffleSeed;
    this.forgeSignature = b.forgeSignature;
  }

  /** Cobo's semantics with the waits between attempts cut to {@code backoff}, for tests. */
  public static DeliveryOptions compressed(Duration backoff) {
    return builder().backoff(backoff).maxBackoff(backoff).build();
  }

  /** A builder with Cobo's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures {@link DeliveryOptions}. */
  public static final class Builder {
    private Duration timeout = Duration.ofSeconds(2);
    private @Nullable Integer maxAttempts;
    private Duration backoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(1);
    private int duplicates;
    private @Nullable Long shuffleSeed;
    private boolean forgeSignature;

    private Builder() {}

    /** How long the receiver has to answer an attempt; 2 s, as Cobo. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Attempts before giving up; 10 for webhook events and 30 for callbacks, as Cobo, when unset. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The wait after the first failed attempt, doubling after each further one; 1 s when unset. */
    public Builder backoff(Duration backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** The longest wait between attempts; 1 minute when unset. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
      return this;
    }

    /** Delivers each event this many more times after it was answered right, as Cobo sometimes does. */
    public Builder duplicates(int duplicates) {
      if (duplicates < 0) {
        throw new IllegalArgumentException("duplicates must not be negative");
      }
      this.duplicates = duplicates;
      return this;
    }

    /** Delivers a batch of events in an order shuffled by {@code seed}, as Cobo does not promise any order. */
    public Builder shuffle(long seed) {
      this.shuffleSeed = seed;
      return this;
    }

    /** Signs with another key than the emulator's, as a forger would; the receiver must refuse every attempt. */
    public Builder forgeSignature(boolean forge) {
      this.forgeSignature = forge;
      return this;
    }

    /** Returns the options. */
    public DeliveryOptions build() {
      return new DeliveryOptions(this);
    }
  }
}
