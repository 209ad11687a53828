package dev.waasj.webhooks;

import java.time.Duration;

/**
 * Remembers which events and callbacks were handled, and who is handling one now, so a handler runs once per event
 * however often Cobo delivers it, and a resent callback gets the answer the first one got. Share one across
 * receivers (a database table, a Redis: {@code sdk-store-jdbc}, {@code sdk-store-redis}) when several instances
 * receive the same endpoint's deliveries. Implementations must be thread-safe and each step atomic.
 *
 * <p><b>Leases.</b> A claim holds its key for a lease. A receiver that dies after claiming stops blocking the key
 * when the lease ends: a later delivery claims it again and runs the handler. So the guarantee is: <em>at least
 * once</em> across crashes, and <em>once</em> while the receiver that claimed a key lives and its handler finishes
 * within the lease. A handler still running when its lease ends may run again beside a redelivery: set the lease
 * above the slowest handler. Completed keys are remembered for a retention the implementation documents, longer
 * than Cobo keeps redelivering (10 attempts of an event, 30 of a callback, over hours).
 */
public interface EventDeduplicator {
  /**
   * Claims {@code key} for {@code lease}: {@link Claim.State#CLAIMED} when it is free, was never seen, or its last
   * claim's lease ended without completion (a new owner, so the old one can no longer complete it); {@link
   * Claim.State#RUNNING_ELSEWHERE} while another claim's lease lasts; {@link Claim.State#DONE} with the outcome once
   * completed.
   */
  Claim claim(String key, Duration lease);

  /**
   * Records {@code outcome} for a claim this delivery holds, for good.
   *
   * @return false when the claim is no longer this delivery's (its lease ended and another delivery claimed the
   *     key): nothing was recorded
   */
  boolean complete(Claim claim, String outcome);

  /** Gives up a claim this delivery holds (its handler failed), so the next delivery claims the key at once. */
  void release(Claim claim);
}
