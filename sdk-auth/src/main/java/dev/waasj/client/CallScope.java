package dev.waasj.client;

import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * The view a call is being made through, for the length of one method call on one of its API proxies. Retrofit
 * creates the HTTP call on the calling thread inside that method (the SDK's call adapters read the request before
 * they return, sync and async alike), so the call factory finds the context here and tags the request with it;
 * from then on the request carries it, whatever thread runs the call.
 */
final class CallScope {
  private static final ThreadLocal<@Nullable CallContext> CURRENT = new ThreadLocal<>();

  private CallScope() {}

  /** Makes {@code context} current; returns what was, for {@link #exit}. */
  static @Nullable CallContext enter(CallContext context) {
    CallContext previous = CURRENT.get();
    CURRENT.set(context);
    return previous;
  }

  static void exit(@Nullable CallContext previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** The context of the view whose method is running on this thread; null outside any view. */
  static @Nullable CallContext current() {
    return CURRENT.get();
  }

  /** The context {@code request} was tagged with; null for the client's own calls. */
  static @Nullable CallContext of(Request request) {
    return request.tag(CallContext.class);
  }
}
