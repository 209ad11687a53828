package dev.waasj.client;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Retrofit's call factory: a {@link RetryingCall} per call, shaped by the view it is made through ({@link
 * CallScope}): its organization tagged on the request, its options' headers and query parameters added, its retry
 * policy and deadline in place of the client's. A factory that is not scoped (the token endpoint's) ignores views.
 */
final class ScopedCallFactory implements Call.Factory {
  private final OkHttpClient http;
  private final OkHttpClient once;
  private final RetryPolicy policy;
  private final RetryWaits waits;
  private final Clock clock;
  private final CoboListener listener;
  private final boolean scoped;

  ScopedCallFactory(
      OkHttpClient http,
      OkHttpClient once,
      RetryPolicy policy,
      RetryWaits waits,
      Clock clock,
      CoboListener listener,
      boolean scoped) {
    this.http = http;
    this.once = once;
    this.policy = policy;
    this.waits = waits;
    this.clock = clock;
    this.listener = listener;
    this.scoped = scoped;
  }

  @Override
  public Call newCall(Request request) {
    CallContext context = scoped ? CallScope.current() : null;
    if (context == null) {
      return RetryingCall.create(request, http, once, policy, waits, clock, listener);
    }
    RequestOptions options = context.options();
    RetryingCall call =
        RetryingCall.create(
            context.apply(request), http, once, options.retryPolicyOver(policy), waits, clock, listener);
    options.callTimeout().ifPresent(t -> call.timeout().timeout(t.toMillis(), TimeUnit.MILLISECONDS));
    return call;
  }
}
