/**
 * The receiving side of a Cobo integration, framework-neutral: {@link dev.waasj.webhooks.CoboWebhooks} verifies the
 * signature of a webhook event or a callback over its raw body, runs the app's handler once per event however often
 * Cobo redelivers it, and produces the exact answer Cobo expects. A servlet, a Spring controller or the JDK's own
 * HTTP server hands it the body bytes and a header lookup, and writes back the {@link
 * dev.waasj.webhooks.WebhookReply}.
 */
@NullMarked
package dev.waasj.webhooks;

import org.jspecify.annotations.NullMarked;
