package dev.waasj.client;

import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * What a view adds to the calls made through it: the organization whose token they carry, and its request options.
 * Immutable; travels as a tag on each request from the call factory to the interceptors, so one shared stack serves
 * every view.
 */
final class CallContext {
  /** The client's own calls: its organization, if any, and no options. */
  static final CallContext CLIENT = new CallContext(null, RequestOptions.NONE);

  private final @Nullable String orgId;
  private final RequestOptions options;

  private CallContext(@Nullable String orgId, RequestOptions options) {
    this.orgId = orgId;
    this.options = options;
  }

  static CallContext organization(String orgId) {
    return new CallContext(orgId, RequestOptions.NONE);
  }

  /** This context with {@code more} options on top of its own. */
  CallContext withOptions(RequestOptions more) {
    return new CallContext(orgId, options.overriddenBy(more));
  }

  /** The organization whose token the calls carry; null for the client's own. */
  @Nullable String orgId() {
    return orgId;
  }

  RequestOptions options() {
    return options;
  }

  /** {@code request} with the options' headers and query parameters, tagged with this context. */
  Request apply(Request request) {
    Request.Builder b = request.newBuilder().tag(CallContext.class, this);
    for (RequestOptions.Header h : options.headerEntries()) {
      b.header(h.name, h.value);
    }
    if (!options.queryParameters().isEmpty()) {
      HttpUrl.Builder url = request.url().newBuilder();
      options.queryParameters().forEach(e -> url.addQueryParameter(e.getKey(), e.getValue()));
      b.url(url.build());
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "CallContext{orgId=" + orgId + ", " + options + '}';
  }
}
