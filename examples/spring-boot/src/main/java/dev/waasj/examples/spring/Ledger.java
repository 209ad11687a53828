package dev.waasj.examples.spring;

import dev.waasj.webhooks.CallbackDecision;
import dev.waasj.webhooks.CallbackHandler;
import dev.waasj.webhooks.EventHandler;
import dev.waasj.webhooks.VerifiedMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the service does with what Cobo sends: the two beans the starter's endpoints call. Events arrive verified and
 * once per {@code event_id}; {@code event.as(WebhookEvent.class)} would read one into the generated model.
 */
@Configuration(proxyBeanMethods = false)
public class Ledger {
  /** The events handled, in order: {@code type event_id}. */
  final List<String> events = new CopyOnWriteArrayList<>();

  /** Created by Spring. */
  public Ledger() {}

  /** Records each event once; a real service writes it to its database here. */
  @Bean
  EventHandler coboEvents() {
    return (VerifiedMessage event) -> events.add(event.type() + " " + event.eventId());
  }

  /** Approves withdrawals only when told to ({@code APPROVE_CALLBACKS=true}); a real policy checks limits here. */
  @Bean
  CallbackHandler coboCallbacks(@Value("${example.approve-callbacks:false}") boolean approve) {
    return callback -> approve ? CallbackDecision.APPROVE : CallbackDecision.DENY;
  }
}
