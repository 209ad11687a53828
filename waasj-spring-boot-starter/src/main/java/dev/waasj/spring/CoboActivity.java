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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the health indicator reports, gathered by listening to the client: the last call's and the last token
 * request's outcome. Reading it makes no network call.
 */
final class CoboActivity implements CoboListener {
  /** A health status and its details, in terms both Boot lines' health APIs take. */
  record Snapshot(String status, Map<String, Object> details) {}

  private record Event(String text, boolean failed, Instant at) {}

  private final Clock clock;
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
        boolean failed = kind == CallOutcome.Kind.SIGNATURE_FAILURE || kind == CallOutcome.Kind.TRANSPORT_FAILURE;
        String text = outcome.operation() + ' ' + kind.name().toLowerCase(Locale.ROOT)
            + (outcome.status() > 0 ? " " + outcome.status() : "")
            + outcome.failure().map(f -> " " + f).orElse("");
        lastCall = new Event(text, failed, now);
        if (kind == CallOutcome.Kind.SUCCESS) {
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

  /**
   * DOWN when the last call got no answer or a forged one, or the last token request failed with no successful call
   * since; UP when something succeeded or a valid org token is held; UNKNOWN before anything happened.
   */
  Snapshot snapshot(@Nullable OrgTokenManager tokens) {
    Map<String, Object> details = new LinkedHashMap<>();
    String status = "UNKNOWN";
    Instant now = clock.instant();
    if (tokens != null) {
      OrgToken token = tokens.peek();
      if (token == null) {
        details.put("orgToken", "none yet");
      } else {
        boolean valid = token.isValidAt(now);
        details.put("orgToken", valid ? "valid" : "expired");
        details.put("orgTokenExpiresAt", token.expiresAt().toString());
        if (valid) {
          status = "UP";
        }
      }
    }
    Instant success = lastSuccess;
    if (success != null) {
      status = "UP";
    }
    Event token = lastToken;
    if (token != null) {
      details.put("lastTokenRequest", token.text());
      details.put("lastTokenRequestAt", token.at().toString());
      if (token.failed() && (success == null || success.isBefore(token.at()))) {
        status = "DOWN";
      }
    }
    Event call = lastCall;
    if (call != null) {
      details.put("lastCall", call.text());
      details.put("lastCallAt", call.at().toString());
      if (call.failed()) {
        status = "DOWN";
      }
    }
    return new Snapshot(status, details);
  }

  @Override
  public String toString() {
    return "CoboActivity";
  }
}
