package dev.waasj.client;

/** A call about to make its first attempt. */
public final class CallStart {
  private final String operation;
  private final String method;

  CallStart(String operation, String method) {
    this.operation = operation;
    this.method = method;
  }

  /**
   * The operation: the Retrofit interface's simple name and the method, e.g. {@code WalletsApi.listWallets}; a name
   * the spec decides, stable for one SDK build and few in number, fit for a metric tag. {@code unknown} for a call
   * made outside a Retrofit interface.
   */
  public String operation() {
    return operation;
  }

  /** The HTTP method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  @Override
  public String toString() {
    return "CallStart{" + operation + ' ' + method + '}';
  }
}
