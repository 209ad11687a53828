package dev.waasj.testkit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver a webhook event or a callback, and what the receiver answered.
 *
 * @param waitedBefore the back-off the emulator waited before this attempt: zero for the first
 * @param status the HTTP status, or -1 when no answer came in time or the connection failed
 * @param contentType the answer's {@code Content-Type}, or null
 * @param body the answer's body, or empty
 * @param took how long the receiver took
 * @param failure why there was no answer (a timeout, a refused connection), or null
 */
public record DeliveryAttempt(
    Duration waitedBefore,
    int status,
    @Nullable String contentType,
    String body,
    Duration took,
    @Nullable String failure) {}
