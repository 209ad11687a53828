package dev.waasj.spring;

import dev.waasj.auth.token.TokenRequestOutcome;
import dev.waasj.client.AttemptOutcome;
import dev.waasj.client.CallListener;
import dev.waasj.client.CallOutcome;
import dev.waasj.client.CallStart;
import dev.waasj.client.CoboListener;
import dev.waasj.webhooks.WebhookListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@link CoboListener} bean at once, the client taking one; and every {@link WebhookListener} bean, for the
 * receiver. One that throws does not silence the others.
 */
final class CompositeListener implements CoboListener {
  private static final System.Logger LOG = System.getLogger(CompositeListener.class.getName());

  private final List<CoboListener> listeners;

  private CompositeListener(List<CoboListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  static CoboListener of(List<CoboListener> listeners) {
    return listeners.isEmpty() ? CoboListener.NONE
        : listeners.size() == 1 ? listeners.get(0) : new CompositeListener(listeners);
  }

  static WebhookListener webhooks(List<WebhookListener> listeners) {
    List<WebhookListener> all = List.copyOf(listeners);
    return all.size() == 1 ? all.get(0) : outcome -> {
      for (WebhookListener listener : all) {
        try {
          listener.delivered(outcome);
        } catch (RuntimeException e) {
          warn(listener, e);
        }
      }
    };
  }

  @Override
  public CallListener callStarted(CallStart call) {
    List<CallListener> calls = new ArrayList<>(listeners.size());
    for (CoboListener listener : listeners) {
      try {
        CallListener c = listener.callStarted(call);
        if (c != null && c != CallListener.NONE) {
          calls.add(c);
        }
      } catch (RuntimeException e) {
        warn(listener, e);
      }
    }
    return calls.isEmpty() ? CallListener.NONE : new CallListener() {
      @Override
      public void attemptFinished(AttemptOutcome attempt) {
        for (CallListener c : calls) {
          try {
            c.attemptFinished(attempt);
          } catch (RuntimeException e) {
            warn(c, e);
          }
        }
      }

      @Override
      public void callFinished(CallOutcome outcome) {
        for (CallListener c : calls) {
          try {
            c.callFinished(outcome);
          } catch (RuntimeException e) {
            warn(c, e);
          }
        }
      }
    };
  }

  @Override
  public void tokenRequestFinished(TokenRequestOutcome outcome) {
    for (CoboListener listener : listeners) {
      try {
        listener.tokenRequestFinished(outcome);
      } catch (RuntimeException e) {
        warn(listener, e);
      }
    }
  }

  private static void warn(Object listener, RuntimeException e) {
    LOG.log(System.Logger.Level.WARNING, "A Cobo listener failed and was skipped: " + listener.getClass().getName()
        + ": " + e.getClass().getSimpleName());
  }

  @Override
  public String toString() {
    return "CompositeListener" + listeners;
  }
}
