package dev.waasj.micrometer;

import dev.waasj.client.CallOutcome;
import dev.waasj.client.CallStart;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one API call knows: the call as it started and, once it ended, its outcome. Conventions
 * read it to name the observation and tag it.
 */
public class CoboCallContext extends Observation.Context {
  private final CallStart call;
  private volatile @Nullable CallOutcome outcome;

  /** A context for {@code call}, before its end. */
  public CoboCallContext(CallStart call) {
    this.call = call;
  }

  /** The call as it started: its operation and HTTP method. */
  public CallStart call() {
    return call;
  }

  /** How the call ended; null while it runs. */
  public @Nullable CallOutcome outcome() {
    return outcome;
  }

  void outcome(CallOutcome outcome) {
    this.outcome = outcome;
  }
}
