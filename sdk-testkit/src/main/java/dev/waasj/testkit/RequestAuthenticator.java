package dev.waasj.testkit;

import com.sun.net.httpserver.Headers;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Checks Cobo request signatures, written from the published rules and independently of the SDK's signer: the
 * string {@code METHOD|PATH|NONCE|PARAMS|BODY} with the raw path and the raw query exactly as received, digested as
 * {@code sha256(sha256(utf8))}, Ed25519-verified with the key in {@code BIZ-API-KEY}.
 */
final class RequestAuthenticator {
  static final String API_KEY = "BIZ-API-KEY";
  static final String NONCE = "BIZ-API-NONCE";
  static final String SIGNATURE = "BIZ-API-SIGNATURE";

  // Only prune a large cache: tests that move a MutableClock backwards keep exact replay detection.
  private static final int PRUNE_ABOVE = 10_000;
  private static final int PRUNE_EVERY = 1_000;
  private static final int MAX_NUMERIC_NONCE_DIGITS = 18;

  private final AppRegistry apps;
  private final Clock clock;
  private final long windowMillis;
  // "apiKey nonce" -> the clock time (ms) after which the nonce would be stale anyway, so may be forgotten.
  private final ConcurrentMap<String, Long> seenNonces = new ConcurrentHashMap<>();
  private final AtomicInteger insertsSincePrune = new AtomicInteger();

  RequestAuthenticator(AppRegistry apps, Clock clock, Duration nonceWindow) {
    this.apps = apps;
    this.clock = clock;
    this.windowMillis = nonceWindow.toMillis();
  }

  Verdict authenticate(String method, String rawPath, String rawQuery, String body, Headers headers) {
    String apiKey = headers.getFirst(API_KEY);
    String nonce = headers.getFirst(NONCE);
    String signature = headers.getFirst(SIGNATURE);
    if (isBlank(apiKey) || isBlank(nonce) || isBlank(signature)) {
      return Verdict.MISSING_AUTH_HEADERS;
    }
    AppRegistry.AppKey key = apps.key(apiKey);
    if (key == null) {
      return Verdict.UNKNOWN_API_KEY;
    }
    String canonical = String.join("|", method, rawPath, nonce, rawQuery, body);
    if (!key.verify(Ed25519.doubleSha256(canonical), signature)) {
      return Verdict.BAD_SIGNATURE;
    }
    // Freshness is judged only after the signature verified, so forged requests cannot fill the nonce cache.
    long now = clock.millis();
    Long nonceMillis = parseMillis(nonce);
    if (nonceMillis != null && Math.abs(now - nonceMillis) > windowMillis) {
      return Verdict.STALE_NONCE;
    }
    long forgetAfter = nonceMillis == null ? Long.MAX_VALUE : nonceMillis + windowMillis;
    if (seenNonces.putIfAbsent(apiKey + ' ' + nonce, forgetAfter) != null) {
      return Verdict.REPLAYED_NONCE;
    }
    pruneOccasionally(now);
    return Verdict.ACCEPTED;
  }

  private void pruneOccasionally(long now) {
    if (seenNonces.size() > PRUNE_ABOVE && insertsSincePrune.incrementAndGet() >= PRUNE_EVERY) {
      insertsSincePrune.set(0);
      seenNonces.values().removeIf(forgetAfter -> forgetAfter < now);
    }
  }

  /** The nonce as milliseconds since the epoch, or null when it is not a plain decimal number. */
  private static @Nullable Long parseMillis(String nonce) {
    if (nonce.length() > MAX_NUMERIC_NONCE_DIGITS) {
      return null;
    }
    for (int i = 0; i < nonce.length(); i++) {
      if (nonce.charAt(i) < '0' || nonce.charAt(i) > '9') {
        return null;
      }
    }
    return Long.parseLong(nonce);
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
