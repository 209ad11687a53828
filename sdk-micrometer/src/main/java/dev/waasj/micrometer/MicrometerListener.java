package dev.waasj.micrometer;

import dev.waasj.auth.token.KeepAliveOutcome;
import dev.waasj.auth.token.TokenRequestOutcome;
import dev.waasj.client.AttemptOutcome;
import dev.waasj.client.CallListener;
import dev.waasj.client.CallOutcome;
import dev.waasj.client.CallStart;
import dev.waasj.client.CoboListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Records what a {@code CoboClient} does with Micrometer. Register it with {@code
 * CoboClient.builder().listener(MicrometerListener.create(observationRegistry, meterRegistry))}.
 *
 * <ul>
 *   <li>Observation {@value DefaultCoboCallObservationConvention#NAME} per call (see {@link
 *       DefaultCoboCallObservationConvention} for its tags): with Micrometer's {@code DefaultMeterObservationHandler}
 *       a timer of that name, with Micrometer Tracing a span named {@code cobo <operation>}, a child of the
 *       observation current where the call started;
 *   <li>counter {@value #RETRIES}: attempts that are retried, tags {@code operation}, {@code status} (the failed
 *       attempt's, {@code 0} when no response arrived), {@code error.code}, {@code exception};
 *   <li>counter {@value #SIGNATURE_FAILURES}: calls whose response failed signature verification, tag {@code
 *       operation};
 *   <li>timer {@value #TOKEN_REQUESTS}: org token requests, tags {@code grant} ({@code org_implicit} for a new token,
 *       {@code refresh_token} for a refresh), {@code outcome} ({@code success} or {@code failure}) and {@code reason}
 *       (the OAuth error such as {@code invalid_grant}, {@code http_<status>}, an exception's simple name, or {@code
 *       none});
 *   <li>counter {@value #KEEP_ALIVES}: organizations kept alive, tag {@code result} ({@code renewed}, {@code
 *       already_renewed}, {@code reauthorization_required}, {@code failed}). Never the organization: with thousands
 *       of them it would be thousands of series; a listener of the application's own hears {@code orgId}.
 * </ul>
 *
 * <p>Thread-safe; one instance may serve many clients.
 */
public final class MicrometerListener implements CoboListener {
  /** The retry counter's name. */
  public static final String RETRIES = "cobo.client.retries";

  /** The signature failure counter's name. */
  public static final String SIGNATURE_FAILURES = "cobo.client.signature.failures";

  /** The token request timer's name. */
  public static final String TOKEN_REQUESTS = "cobo.client.token.requests";

  /** The tag naming the organization, on token meters only, when {@link Builder#tagOrganizations} asks for it. */
  public static final String ORGANIZATION_TAG = "org";

  /** The keep-alive counter's name. */
  public static final String KEEP_ALIVES = "cobo.client.token.keepalives";

  /** A tag value that came from the server is kept only when it looks like an identifier, so tags stay few. */
  private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_.]{1,64}");

  private final ObservationRegistry observations;
  private final MeterRegistry meters;
  private final @Nullable CoboCallObservationConvention convention;
  private final boolean tagOrganizations;

  private MicrometerListener(Builder b) {
    this.observations = b.observations;
    this.meters = b.meters;
    this.convention = b.convention;
    this.tagOrganizations = b.tagOrganizations;
  }

  /** A listener observing into {@code observations} and counting into {@code meters}, with the default names. */
  public static MicrometerListener create(ObservationRegistry observations, MeterRegistry meters) {
    return builder(observations, meters).build();
  }

  /** A builder for a listener observing into {@code observations} and counting into {@code meters}. */
  public static Builder builder(ObservationRegistry observations, MeterRegistry meters) {
    return new Builder(observations, meters);
  }

  @Override
  public CallListener callStarted(CallStart call) {
    CoboCallContext context = new CoboCallContext(call);
    Observation observation =
        Observation.createNotStarted(
                convention, DefaultCoboCallObservationConvention.INSTANCE, () -> context, observations)
            .start();
    return new CallListener() {
      @Override
      public void attemptFinished(AttemptOutcome attempt) {
        if (attempt.willRetry()) {
          Counter.builder(RETRIES)
              .description("Attempts of Cobo API calls that are retried")
              .tag("operation", attempt.operation())
              .tag("status", Integer.toString(attempt.status()))
              .tag(
                  "error.code",
                  attempt.errorCode().isPresent()
                      ? Integer.toString(attempt.errorCode().getAsInt())
                      : DefaultCoboCallObservationConvention.NONE)
              .tag("exception", attempt.failure().orElse(DefaultCoboCallObservationConvention.NONE))
              .register(meters)
              .increment();
        }
      }

      @Override
      public void callFinished(CallOutcome outcome) {
        context.outcome(outcome);
        if (outcome.kind() == CallOutcome.Kind.SIGNATURE_FAILURE) {
          Counter.builder(SIGNATURE_FAILURES)
              .description("Cobo API calls whose response failed signature verification")
              .tag("operation", outcome.operation())
              .register(meters)
              .increment();
        }
        observation.stop();
      }
    };
  }

  @Override
  public void tokenRequestFinished(TokenRequestOutcome outcome) {
    Timer.Builder timer =
        Timer.builder(TOKEN_REQUESTS)
            .description("Org token requests: grants and refreshes")
            .tag("grant", outcome.grant().name().toLowerCase(Locale.ROOT))
            .tag("outcome", outcome.succeeded() ? "success" : "failure")
            .tag("reason",
                outcome.error().map(MicrometerListener::tagValue).orElse(DefaultCoboCallObservationConvention.NONE));
    if (tagOrganizations) {
      timer.tag(ORGANIZATION_TAG, outcome.orgId());
    }
    timer.register(meters).record(outcome.duration());
  }

  @Override
  public void keepAliveFinished(KeepAliveOutcome outcome) {
    Counter.Builder counter =
        Counter.builder(KEEP_ALIVES)
            .description("Organizations kept alive: refresh tokens renewed before they lapse")
            .tag("result", outcome.result().name().toLowerCase(Locale.ROOT));
    if (tagOrganizations) {
      counter.tag(ORGANIZATION_TAG, outcome.orgId());
    }
    counter.register(meters).increment();
  }

  static String tagValue(String fromServer) {
    return TAG_VALUE.matcher(fromServer).matches() ? fromServer : "other";
  }

  @Override
  public String toString() {
    return "MicrometerListener{" + meters.getClass().getSimpleName() + '}';
  }

  /** Configures a {@link MicrometerListener}. */
  public static final class Builder {
    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private @Nullable CoboCallObservationConvention convention;
    private boolean tagOrganizations;

    private Builder(ObservationRegistry observations, MeterRegistry meters) {
      this.observations = Objects.requireNonNull(observations, "observations");
      this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * Names and tags call observations with {@code convention} instead of {@link
     * DefaultCoboCallObservationConvention}; a convention registered on the {@code ObservationRegistry} for {@link
     * CoboCallContext} still wins, as Micrometer arranges.
     */
    public Builder convention(CoboCallObservationConvention convention) {
      this.convention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /**
     * Tags the token request timer and the keep-alive counter with the organization ({@value #ORGANIZATION_TAG}),
     * the organization ID as Cobo issued it. Off by default: an app installed by thousands of organizations would
     * make thousands of series per meter; turn it on for a handful. Call metrics never carry it.
     */
    public Builder tagOrganizations(boolean tag) {
      this.tagOrganizations = tag;
      return this;
    }

    /** Builds the listener. */
    public MicrometerListener build() {
      return new MicrometerListener(this);
    }
  }
}
