package dev.waasj.spring;

import dev.waasj.webhooks.CallbackHandler;
import dev.waasj.webhooks.EventHandler;
import dev.waasj.webhooks.WebhookReply;

/**
 * What the webhook endpoints report to metrics: their handlers, wrapped, and each reply. The Micrometer part of
 * {@link CoboAutoConfiguration} provides one when Micrometer is present; without it nothing is recorded.
 */
interface WebhookInstrumentation {
  WebhookInstrumentation NONE = new WebhookInstrumentation() {};

  default EventHandler events(EventHandler handler) {
    return handler;
  }

  default CallbackHandler callbacks(CallbackHandler handler) {
    return handler;
  }

  default WebhookReply eventReplied(WebhookReply reply) {
    return reply;
  }

  default WebhookReply callbackReplied(WebhookReply reply) {
    return reply;
  }
}
