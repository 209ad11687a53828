package dev.waasj.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of an API call; implement it (or extend {@link
 * DefaultCoboCallObservationConvention}) to change them, and pass it to {@link MicrometerListener.Builder#convention}.
 */
public interface CoboCallObservationConvention extends ObservationConvention<CoboCallContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof CoboCallContext;
  }
}
