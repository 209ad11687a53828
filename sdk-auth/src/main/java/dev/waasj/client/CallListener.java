package dev.waasj.client;

/** Hears one call, from {@link CoboListener#callStarted}: each attempt as it ends, then the call's end, once. */
public interface CallListener {
  /** A listener that hears nothing. */
  CallListener NONE = new CallListener() {};

  /** An attempt ended, with what happens next: a retry after a wait, or the end of the call. */
  default void attemptFinished(AttemptOutcome attempt) {}

  /** The call ended: its last attempt's outcome is the caller's. Called exactly once per call. */
  default void callFinished(CallOutcome outcome) {}
}
