package dev.waasj.spring;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.auth.token.TokenRequestOutcome;
import dev.waasj.client.CallListener;
import dev.waasj.client.CallOutcome;
import dev.waasj.client.CallStart;
import dev.waasj.client.CoboListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code cobo} health indicator reports, gathered by listening to the client: whether the SDK can work,
 * not what the last call did. Reading it makes no network call.
 *
 * <ul>
 *   <li>DOWN while at least {@value #FAILURES_DOWN} of the last {@value #WINDOW} calls failed for the SDK's side:
 *       no answer (transport) or an answer whose signature did not verify. One forged or corrupted response is not
 *       that: a probe restarting or unreadying the application on it would hand an attacker a switch.
 *   <li>DOWN when the last org token request failed, no valid org token is held and nothing succeeded since: calls
 *       cannot be authorized (the organization must authorize the app again, or the token endpoint is unreachable).
 *   <li>UP when a call or a token request succeeded, or a valid org token is held; UNKNOWN before anything happened.
 * </ul>
 *
 * <p>An API error (Cobo answered, signed, with an error) is no failure here: the SDK works, the request was refused.
 */
final class CoboActivity implements CoboListener {
  /** How many of the latest calls the failure rate is taken over. */
  static final int WINDOW = 10;

  /** Failures among the last {@link #WINDOW} calls that turn the indicator DOWN. */
  static final int FAILURES_DOWN = 5;

  /** A health status and its details, in terms both Boot lines' health APIs take. */
  record Snapshot(String status, Map<String, Object> details) {}

  private record Event(String text, boolean failed, Instant at) {}

  private final Clock clock;
  private final Deque<Boolean> recent = new ArrayDeque<>(WINDOW); // true: failed; guarded by itself
  private volatile @Nullable Event lastCall;
  private volatile @Nullable Event lastToken;
  private volatile @Nullable Instant lastSuccess;

  CoboActivity(Clock clock) {
    this.clock = clock;
  }

  @Override
  public CallListener callStarted(CallStart call) {
    return new CallListener() {
      @Override
      public void callFinished(CallOutcome outcome) {
        Instant now = clock.instant();
        CallOutcome.Kind kind = outcome.kind();
        if (kind == CallOutcome.Kind.CANCELLED) {
          return; // the caller gave up: says nothing about the SDK
        }
        boolean failed = kind == CallOutcome.Kind.SIGNATURE_FAILURE || kind == CallOutcome.Kind.TRANSPORT_FAILURE;
        String text = outcome.operation() + ' ' + kind.name().toLowerCase(Locale.ROOT)
            + (outcome.status() > 0 ? " " + outcome.status() : "")
            + outcome.failure().map(f -> " " + f).orElse("");
        lastCall = new Event(text, failed, now);
        synchronized (recent) {
          if (recent.size() == WINDOW) {
            recent.removeFirst();
          }
          recent.addLast(failed);
        }
        if (!failed) {
          lastSuccess = now;
        }
      }
    };
  }

  @Override
  public void tokenRequestFinished(TokenRequestOutcome outcome) {
    Instant now = clock.instant();
    String grant = outcome.grant().name().toLowerCase(Locale.ROOT);
    lastToken = new Event(
        grant + (outcome.succeeded() ? " success" : " failure: " + outcome.error().orElse("unknown")),
        !outcome.succeeded(), now);
    if (outcome.succeeded()) {
      lastSuccess = now;
    }
  }

  /** The status and details described in the class comment. */
  Snapshot snapshot(@Nullable OrgTokenManager tokens) {
    Map<String, Object> details = new LinkedHashMap<>();
    Instant now = clock.instant();
    boolean tokenValid = false;
    if (tokens != null) {
      OrgToken token = tokens.peek();
      if (token == null) {
        details.put("orgToken", "none yet");
      } else {
        tokenValid = token.isValidAt(now);
        details.put("orgToken", tokenValid ? "valid" : "expired");
        details.put("orgTokenExpiresAt", token.expiresAt().toString());
      }
    }
    Instant success = lastSuccess;
    String status = tokenValid || success != null ? "UP" : "UNKNOWN";
    Event token = lastToken;
    if (token != null) {
      details.put("lastTokenRequest", token.text());
      details.put("lastTokenRequestAt", token.at().toString());
      if (token.failed() && !tokenValid && (success == null || success.isBefore(token.at()))) {
        status = "DOWN";
      }
    }
    int calls;
    int failures;
    synchronized (recent) {
      calls = recent.size();
      failures = (int) recent.stream().filter(Boolean::booleanValue).count();
    }
    Event call = lastCall;
    if (call != null) {
      details.put("lastCall", call.text());
      details.put("lastCallAt", call.at().toString());
      details.put("recentCalls", calls);
      details.put("recentFailures", failures);
    }
    if (failures >= FAILURES_DOWN) {
      status = "DOWN";
    }
    return new Snapshot(status, details);
  }

  @Override
  public String toString() {
    return "CoboActivity";
  }
}
