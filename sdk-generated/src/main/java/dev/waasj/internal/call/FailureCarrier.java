package dev.waasj.internal.call;

import dev.waasj.errors.CoboException;
import java.io.IOException;

/**
 * Carries a typed {@link CoboException} through OkHttp, whose interceptors may only throw {@link IOException}
 * without killing dispatcher threads. The SDK's call adapter unwraps it, so callers never see this type.
 */
public final class FailureCarrier extends IOException {
  private static final long serialVersionUID = 1L;

  private final CoboException failure;

  /** Wraps {@code failure} for the trip through an OkHttp interceptor chain. */
  public FailureCarrier(CoboException failure) {
    super(failure.getMessage(), failure);
    this.failure = failure;
  }

  /** The typed failure to surface to the caller. */
  public CoboException failure() {
    return failure;
  }
}
