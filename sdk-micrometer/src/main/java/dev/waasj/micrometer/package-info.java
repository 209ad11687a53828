/**
 * Micrometer for the SDK: {@link dev.waasj.micrometer.MicrometerListener} records an {@code Observation} per API
 * call, so metrics and (through Micrometer Tracing) spans come from one instrumentation, and counts retries, token
 * requests and signature failures; {@link dev.waasj.micrometer.WebhookMetrics} counts webhook deliveries. Every
 * name and tag is low-cardinality: an operation is the generated interface and method, never a URL, and nothing
 * carries a secret, body or signature.
 */
@NullMarked
package dev.waasj.micrometer;

import org.jspecify.annotations.NullMarked;
