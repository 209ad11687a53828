package dev.waasj.spring;

import dev.waasj.auth.token.InMemoryTokenStore;
import dev.waasj.client.CallListener;
import dev.waasj.client.CallStart;
import dev.waasj.client.CoboListener;
import dev.waasj.webhooks.CallbackDecision;
import dev.waasj.webhooks.CallbackHandler;
import dev.waasj.webhooks.EventHandler;
import dev.waasj.webhooks.VerifiedMessage;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** An application as a user writes one: its handlers, its token store, its own listener; the rest auto-configured. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {
  /** The application's webhook and callback handlers, recording what they ran. */
  public static final class Handlers {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> callbacks = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();

    public void handle(VerifiedMessage event) {
      if (failNext.getAndDecrement() > 0) {
        throw new IllegalStateException("the ledger is down");
      }
      events.add(event.eventId());
    }

    public CallbackDecision decide(VerifiedMessage callback) {
      callbacks.add(String.valueOf(callback.member("request_id")));
      return CallbackDecision.APPROVE;
    }
  }

  /** A listener of the application's own: hears every call beside the starter's. */
  public static final class Operations implements CoboListener {
    final List<String> started = new CopyOnWriteArrayList<>();

    @Override
    public CallListener callStarted(CallStart call) {
      started.add(call.operation());
      return CallListener.NONE;
    }
  }

  @Bean
  Handlers handlers() {
    return new Handlers();
  }

  @Bean
  EventHandler eventHandler(Handlers handlers) {
    return handlers::handle;
  }

  @Bean
  CallbackHandler callbackHandler(Handlers handlers) {
    return handlers::decide;
  }

  @Bean
  InMemoryTokenStore applicationTokenStore() {
    return new InMemoryTokenStore();
  }

  @Bean
  Operations operations() {
    return new Operations();
  }

  @Bean
  TestObservationRegistry observationRegistry() {
    return TestObservationRegistry.create();
  }
}
