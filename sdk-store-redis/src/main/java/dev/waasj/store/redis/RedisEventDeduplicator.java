package dev.waasj.store.redis;

import dev.waasj.errors.StoreException;
import dev.waasj.webhooks.Claim;
import dev.waasj.webhooks.EventDeduplicator;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Webhook events and callbacks claimed by any number of receivers, in Redis: one hash per key at {@code
 * <prefix>event:<key>} holding its state, owner and outcome. A claim sets it only when absent, and makes it expire
 * when the lease does ({@code PEXPIRE}), so a dead receiver's claim vanishes by itself; completion (for the claim's
 * owner only) records the outcome (a callback's {@code ok} or {@code deny}) and keeps it for the retention (7 days
 * unless set). Each step is one Lua script.
 *
 * <p>A Redis failure is a {@link StoreException} naming what failed; the receiver then answers 500 and Cobo
 * delivers again.
 */
public final class RedisEventDeduplicator implements EventDeduplicator {
  /** How long completed keys are kept when no retention is given: longer than Cobo's redeliveries last. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  private static final String CLAIM =
      "local state = redis.call('hget', KEYS[1], 'state')\n"
          + "if state == 'DONE' then return {'DONE', redis.call('hget', KEYS[1], 'outcome')} end\n"
          + "if state then return {'RUNNING'} end\n"
          + "redis.call('hset', KEYS[1], 'state', 'RUNNING', 'owner', ARGV[1])\n"
          + "redis.call('pexpire', KEYS[1], ARGV[2])\n"
          + "return {'CLAIMED'}";
  private static final String COMPLETE =
      "if redis.call('hget', KEYS[1], 'state') ~= 'RUNNING' or redis.call('hget', KEYS[1], 'owner') ~= ARGV[1]"
          + " then return 0 end\n"
          + "redis.call('hset', KEYS[1], 'state', 'DONE', 'outcome', ARGV[2])\n"
          + "redis.call('pexpire', KEYS[1], ARGV[3])\n"
          + "return 1";
  private static final String RELEASE =
      "if redis.call('hget', KEYS[1], 'state') == 'RUNNING' and redis.call('hget', KEYS[1], 'owner') == ARGV[1]"
          + " then return redis.call('del', KEYS[1]) end\n"
          + "return 0";

  private final UnifiedJedis redis;
  private final RedisKeys keys;
  private final Duration retention;

  private RedisEventDeduplicator(UnifiedJedis redis, String prefix, Duration retention) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.keys = new RedisKeys(prefix);
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive");
    }
    this.retention = retention;
  }

  /** A deduplicator under the key prefix {@code waasj:}, keeping completed keys {@link #DEFAULT_RETENTION}. */
  public static RedisEventDeduplicator create(UnifiedJedis redis) {
    return new RedisEventDeduplicator(redis, RedisKeys.DEFAULT_PREFIX, DEFAULT_RETENTION);
  }

  /**
   * A deduplicator under {@code prefix}, keeping completed keys for {@code retention}.
   *
   * @throws IllegalArgumentException if the prefix has other characters than letters, digits and {@code _:.-}, or
   *     the retention is not positive
   */
  public static RedisEventDeduplicator create(UnifiedJedis redis, String prefix, Duration retention) {
    return new RedisEventDeduplicator(redis, prefix, Objects.requireNonNull(retention, "retention"));
  }

  @Override
  public Claim claim(String key, Duration lease) {
    Objects.requireNonNull(key, "key");
    String owner = UUID.randomUUID().toString();
    Object result;
    try {
      result =
          redis.eval(
              CLAIM, List.of(keys.event(key)), List.of(owner, Long.toString(Math.max(1, lease.toMillis()))));
    } catch (JedisException e) {
      throw failure("Claiming a webhook delivery", e);
    }
    List<?> answer = result instanceof List ? (List<?>) result : List.of();
    String state = answer.isEmpty() ? "" : String.valueOf(answer.get(0));
    switch (state) {
      case "CLAIMED":
        return Claim.claimed(key, owner);
      case "DONE":
        return answer.size() > 1 && answer.get(1) != null
            ? Claim.done(key, String.valueOf(answer.get(1)))
            : Claim.runningElsewhere(key);
      default:
        return Claim.runningElsewhere(key);
    }
  }

  @Override
  public boolean complete(Claim claim, String outcome) {
    Objects.requireNonNull(outcome, "outcome");
    try {
      Object done =
          redis.eval(
              COMPLETE,
              List.of(keys.event(claim.key())),
              List.of(claim.owner().orElse(""), outcome, Long.toString(retention.toMillis())));
      return Long.valueOf(1).equals(done);
    } catch (JedisException e) {
      throw failure("Completing a webhook delivery", e);
    }
  }

  @Override
  public void release(Claim claim) {
    try {
      redis.eval(RELEASE, List.of(keys.event(claim.key())), List.of(claim.owner().orElse("")));
    } catch (JedisException e) {
      throw failure("Releasing a webhook delivery", e);
    }
  }

  private static StoreException failure(String what, JedisException e) {
    return new StoreException(what + " failed: " + e.getClass().getSimpleName(), e);
  }

  @Override
  public String toString() {
    return "RedisEventDeduplicator{" + keys + ", retention " + retention + '}';
  }
}
