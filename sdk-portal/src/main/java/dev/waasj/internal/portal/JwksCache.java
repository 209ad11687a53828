package dev.waasj.internal.portal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Cobo's JWKS, cached. Keys are fetched on first use and again once they are older than the TTL; a {@code kid} the
 * cache does not know makes one fetch, at most once per minimum interval whatever the number of tokens naming
 * unknown keys, so a flood of forged tokens cannot make the backend hammer Cobo. A failed fetch keeps the cached
 * keys (Cobo's JWKS being unreachable does not lock users out) and counts as a fetch for the interval, so an outage
 * costs Cobo one request per interval too. One fetch at a time: while one runs, threads holding cached keys use
 * them, the others wait for it. Thread-safe.
 */
public final class JwksCache {
  private static final System.Logger LOG = System.getLogger(JwksCache.class.getName());

  /** Where keys come from; throws anything on failure (the cache logs the type, never the body). */
  @FunctionalInterface
  public interface Source {
    /** Fetches the key set now. */
    JWKSet fetch() throws Exception;
  }

  /**
   * What a lookup found: the key, or null, and whether the cache holds any keys at all (no keys means the JWKS was
   * never fetched: not the token's fault).
   */
  public record Lookup(@Nullable JWK key, boolean keysAvailable) {}

  private record Snapshot(List<JWK> keys, long fetchedAtMillis) {}

  private final Source source;
  private final Clock clock;
  private final long ttlMillis;
  private final long minRefetchMillis;
  private final ReentrantLock fetching = new ReentrantLock();
  private volatile @Nullable Snapshot snapshot;
  private long lastAttemptMillis = Long.MIN_VALUE; // guarded by fetching

  /**
   * A cache over {@code source}.
   *
   * @param ttl how long fetched keys are used before they are fetched again
   * @param minRefetchInterval the least time between two fetches, whatever asks for them
   */
  public JwksCache(Source source, Clock clock, Duration ttl, Duration minRefetchInterval) {
    this.source = source;
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
    this.minRefetchMillis = minRefetchInterval.toMillis();
  }

  /**
   * The signing key named {@code kid}; with no {@code kid}, the only signing key if there is exactly one. Fetches
   * when the keys are stale, or once per interval when the key is unknown.
   */
  public Lookup find(@Nullable String kid) {
    Snapshot s = snapshot;
    long now = clock.millis();
    if (s == null || now - s.fetchedAtMillis >= ttlMillis) {
      s = refetch(s);
    }
    JWK key = s == null ? null : pick(s, kid);
    if (key == null && s != null) {
      s = refetch(s); // a key Cobo added since: rotated keys are published before they sign
      key = s == null ? null : pick(s, kid);
    }
    return new Lookup(key, s != null);
  }

  /** Drops nothing; for tests and metrics: whether keys are cached now. */
  public boolean hasKeys() {
    return snapshot != null;
  }

  private @Nullable Snapshot refetch(@Nullable Snapshot seen) {
    if (seen != null && !fetching.tryLock()) {
      return seen; // another thread is fetching: serve what we have meanwhile
    }
    if (seen == null) {
      fetching.lock();
    }
    try {
      Snapshot current = snapshot;
      if (current != seen && current != null) {
        return current; // fetched while we waited for the lock
      }
      long now = clock.millis();
      if (lastAttemptMillis != Long.MIN_VALUE && now - lastAttemptMillis < minRefetchMillis) {
        return current;
      }
      lastAttemptMillis = now;
      try {
        List<JWK> keys = signingKeys(source.fetch());
        Snapshot next = new Snapshot(keys, now);
        snapshot = next;
        return next;
      } catch (Exception e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "Fetching Cobo''s JWKS failed ({0}); {1}",
            e.getClass().getName(),
            current == null ? "no keys cached: User Info Tokens are refused until a fetch succeeds"
                : "the cached keys keep verifying");
        return current;
      }
    } finally {
      fetching.unlock();
    }
  }

  /** Public keys meant for signatures (or for no stated use); symmetric keys and private parts are dropped. */
  private static List<JWK> signingKeys(JWKSet set) {
    return set.toPublicJWKSet().getKeys().stream()
        .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
        .toList();
  }

  private static @Nullable JWK pick(Snapshot s, @Nullable String kid) {
    if (kid == null) {
      return s.keys.size() == 1 ? s.keys.get(0) : null;
    }
    for (JWK key : s.keys) {
      if (kid.equals(key.getKeyID())) {
        return key;
      }
    }
    return null;
  }
}
