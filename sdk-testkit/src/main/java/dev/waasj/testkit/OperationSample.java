package dev.waasj.testkit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Arguments that an operation of the served spec accepts, synthesized from the spec: its path parameters, its
 * required query parameters, and its request body as JSON. Deterministic for the emulator's seed. For calling every
 * operation in a test without writing arguments by hand, or for starting one.
 *
 * @param pathParameters every path parameter, by name
 * @param queryParameters every required query parameter, by name
 * @param body the request body as JSON, or null when the operation takes none
 */
public record OperationSample(
    Map<String, String> pathParameters, Map<String, String> queryParameters, @Nullable String body) {
  /** Copies the maps, so the sample is immutable. */
  public OperationSample {
    pathParameters = Map.copyOf(pathParameters);
    queryParameters = Map.copyOf(queryParameters);
  }
}
