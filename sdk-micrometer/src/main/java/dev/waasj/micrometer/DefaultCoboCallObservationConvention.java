package dev.waasj.micrometer;

import dev.waasj.client.CallOutcome;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * The observation {@value #NAME}: one per API call, retries and their waits included. Low-cardinality tags (on
 * metrics and spans):
 *
 * <ul>
 *   <li>{@code operation}: the generated interface and method, e.g. {@code WalletsApi.listWallets};
 *   <li>{@code method}: the HTTP method;
 *   <li>{@code outcome}: {@code success}, {@code api_error}, {@code signature_failure}, {@code transport_failure},
 *       {@code cancelled}, or {@code unknown} while the call runs;
 *   <li>{@code status}: the last attempt's HTTP status, {@code 0} when no response arrived;
 *   <li>{@code error.code}: Cobo's {@code error_code} of the last response, or {@code none};
 *   <li>{@code exception}: the simple class name of why no usable response arrived, or {@code none}.
 * </ul>
 *
 * <p>High-cardinality (spans only): {@code cobo.attempts}, the number of attempts made.
 */
public class DefaultCoboCallObservationConvention implements CoboCallObservationConvention {
  /** The observation's name; Micrometer's meter handler records a timer of that name. */
  public static final String NAME = "cobo.client.requests";

  static final String NONE = "none";
  static final String UNKNOWN = "unknown";

  /** The shared instance. */
  public static final DefaultCoboCallObservationConvention INSTANCE = new DefaultCoboCallObservationConvention();

  @Override
  public String getName() {
    return NAME;
  }

  /** {@code cobo <operation>}, e.g. {@code cobo WalletsApi.listWallets}: the span's name. */
  @Override
  public String getContextualName(CoboCallContext context) {
    return "cobo " + context.call().operation();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(CoboCallContext context) {
    CallOutcome outcome = context.outcome();
    KeyValues common =
        KeyValues.of(
            KeyValue.of("operation", context.call().operation()), KeyValue.of("method", context.call().method()));
    if (outcome == null) {
      return common.and(
          KeyValue.of("outcome", UNKNOWN),
          KeyValue.of("status", UNKNOWN),
          KeyValue.of("error.code", NONE),
          KeyValue.of("exception", NONE));
    }
    return common.and(
        KeyValue.of("outcome", outcome(outcome.kind())),
        KeyValue.of("status", Integer.toString(outcome.status())),
        KeyValue.of(
            "error.code",
            outcome.errorCode().isPresent() ? Integer.toString(outcome.errorCode().getAsInt()) : NONE),
        KeyValue.of("exception", outcome.failure().orElse(NONE)));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(CoboCallContext context) {
    CallOutcome outcome = context.outcome();
    return outcome == null
        ? KeyValues.empty()
        : KeyValues.of(KeyValue.of("cobo.attempts", Integer.toString(outcome.attempts())));
  }

  /** The outcome tag's value for {@code kind}: its name in lower case, e.g. {@code signature_failure}. */
  static String outcome(CallOutcome.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
