package dev.waasj.client;

import org.jspecify.annotations.Nullable;

/**
 * What a view adds to the calls made through it: the organization whose token they carry. Immutable; travels as a
 * tag on each request from the call factory to the interceptors, so one shared stack serves every view.
 */
final class CallContext {
  private final @Nullable String orgId;

  private CallContext(@Nullable String orgId) {
    this.orgId = orgId;
  }

  static CallContext organization(String orgId) {
    return new CallContext(orgId);
  }

  /** The organization whose token the calls carry; null for the client's own. */
  @Nullable String orgId() {
    return orgId;
  }

  @Override
  public String toString() {
    return "CallContext{orgId=" + orgId + '}';
  }
}
