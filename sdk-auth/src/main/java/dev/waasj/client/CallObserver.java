package dev.waasj.client;

import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.internal.auth.ErrorCodes;
import dev.waasj.internal.call.FailureCarrier;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import retrofit2.Invocation;

/**
 * Tells a {@link CoboListener} about one call: derives the events from what {@link RetryingCall} sees, times them,
 * and keeps a listener's failure away from the call. Costs nothing when nobody listens.
 */
final class CallObserver {
  private static final System.Logger LOG = System.getLogger(CallObserver.class.getName());
  private static final CallObserver SILENT = new CallObserver(CallListener.NONE, "", System.nanoTime());

  private final CallListener listener;
  private final String operation;
  private final long callStart;
  private long attemptStart;
  private int attempts;
  private boolean finished;

  private CallObserver(CallListener listener, String operation, long callStart) {
    this.listener = listener;
    this.operation = operation;
    this.callStart = callStart;
  }

  static CallObserver start(CoboListener listener, Request request) {
    if (listener == CoboListener.NONE) {
      return SILENT;
    }
    String operation = operation(request);
    CallListener call;
    try {
      call = listener.callStarted(new CallStart(operation, request.method()));
    } catch (RuntimeException e) {
      warn(e);
      call = CallListener.NONE;
    }
    return call == CallListener.NONE || call == null
        ? SILENT
        : new CallObserver(call, operation, System.nanoTime());
  }

  /** The generated interface and method: low-cardinality, never the URL. */
  static String operation(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      return "unknown";
    }
    return invocation.method().getDeclaringClass().getSimpleName() + '.' + invocation.method().getName();
  }

  synchronized void attemptStarted() {
    if (this != SILENT) {
      attemptStart = System.nanoTime();
      attempts++;
    }
  }

  /** An attempt answered; {@code wait} is the wait before a retry, or negative when the call ends here. */
  synchronized void attemptAnswered(Response response, long wait) {
    if (this == SILENT || finished) {
      return;
    }
    Integer code = ErrorCodes.peek(response);
    report(response.code(), code, null, wait);
    if (wait < 0) {
      CallOutcome.Kind kind = response.isSuccessful() ? CallOutcome.Kind.SUCCESS : CallOutcome.Kind.API_ERROR;
      finish(kind, response.code(), code, null);
    }
  }

  /** An attempt failed without a usable response. */
  synchronized void attemptFailed(IOException e, long wait, boolean canceled) {
    if (this == SILENT || finished) {
      return;
    }
    String failure = failureName(e);
    report(0, null, failure, wait);
    if (wait < 0) {
      CallOutcome.Kind kind =
          canceled
              ? CallOutcome.Kind.CANCELLED
              : e instanceof FailureCarrier && ((FailureCarrier) e).failure() instanceof ResponseSignatureException
                  ? CallOutcome.Kind.SIGNATURE_FAILURE
                  : CallOutcome.Kind.TRANSPORT_FAILURE;
      finish(kind, 0, null, failure);
    }
  }

  private void report(int status, @Nullable Integer code, @Nullable String failure, long wait) {
    Duration took = Duration.ofNanos(System.nanoTime() - attemptStart);
    try {
      listener.attemptFinished(
          new AttemptOutcome(
              operation, attempts, status, code, failure, took, wait < 0 ? null : Duration.ofMillis(wait)));
    } catch (RuntimeException e) {
      warn(e);
    }
  }

  private void finish(CallOutcome.Kind kind, int status, @Nullable Integer code, @Nullable String failure) {
    if (finished) {
      return; // a cancelled retry that still ran: the call ended already
    }
    finished = true;
    Duration took = Duration.ofNanos(System.nanoTime() - callStart);
    try {
      listener.callFinished(new CallOutcome(operation, kind, attempts, status, code, failure, took));
    } catch (RuntimeException e) {
      warn(e);
    }
  }

  private static String failureName(IOException e) {
    return e instanceof FailureCarrier ? ((FailureCarrier) e).failure().getClass().getSimpleName() : e.getClass()
        .getSimpleName();
  }

  private static void warn(RuntimeException e) {
    LOG.log(System.Logger.Level.WARNING, "A CoboListener failed and was ignored: {0}", e.getClass().getName());
  }
}
