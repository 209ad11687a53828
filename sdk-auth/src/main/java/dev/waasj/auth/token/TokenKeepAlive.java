package dev.waasj.auth.token;

import dev.waasj.auth.token.KeepAliveOutcome.Result;
import dev.waasj.internal.auth.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps every organization of an app authorized while it is idle. Cobo's refresh tokens lapse after 30 days, and an
 * organization whose refresh token lapsed must install the app again; so, once per {@code checkEvery}, this reads
 * each organization's stored token ({@link OrgTokenManagers#organizations()}: the store's and the registry's) and
 * refreshes those whose refresh token was issued more than {@code olderThan} ago, each at a random moment within
 * half the interval, so thousands of organizations never refresh in the same second. The age is the stored token's
 * {@link OrgToken#obtainedAt()}, so it survives restarts; the refresh goes through the organization's manager, under
 * the store's lease, so instances sharing the store refresh each organization once between them (a late one finds
 * the renewed token and adopts it).
 *
 * <p>One daemon thread, whatever the number of organizations. An organization refused on keep-alive is reported as
 * any refusal ({@code reauthorizationRequired} to the listener, a warning naming the organization; never a token)
 * and the others carry on. Close it to stop.
 */
public final class TokenKeepAlive implements AutoCloseable {
  /** The age past which an idle organization's refresh token is renewed unless configured otherwise. */
  public static final Duration DEFAULT_OLDER_THAN = Duration.ofDays(20);

  /** How often the stored tokens are checked unless configured otherwise. */
  public static final Duration DEFAULT_CHECK_EVERY = Duration.ofHours(1);

  private static final System.Logger LOG = System.getLogger(TokenKeepAlive.class.getName());

  private final OrgTokenManagers managers;
  private final Duration olderThan;
  private final Duration checkEvery;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Consumer<KeepAliveOutcome> listener;

  /**
   * Starts keeping {@code managers}' organizations alive; the first check comes at a random moment within {@code
   * checkEvery}, so instances started together do not check together.
   *
   * @param olderThan renew refresh tokens issued longer ago than this; under 30 days with room to spare
   * @param checkEvery how often to read the stored tokens
   * @param clock the clock token ages are read against: the managers'
   */
  public TokenKeepAlive(OrgTokenManagers managers, Duration olderThan, Duration checkEvery, Clock clock) {
    this(managers, olderThan, checkEvery, clock, outcome -> {});
  }

  /**
   * Like {@link #TokenKeepAlive(OrgTokenManagers, Duration, Duration, Clock)}, telling {@code listener} how each
   * organization's renewal ended (on the keep-alive thread; what it throws is logged and ignored).
   */
  public TokenKeepAlive(
      OrgTokenManagers managers,
      Duration olderThan,
      Duration checkEvery,
      Clock clock,
      Consumer<KeepAliveOutcome> listener) {
    this.listener = Checks.notNull(listener, "listener");
    this.managers = Checks.notNull(managers, "managers");
    this.olderThan = Checks.positive(olderThan, "olderThan");
    this.checkEvery = Checks.positive(checkEvery, "checkEvery");
    this.clock = Checks.notNull(clock, "clock");
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread t = new Thread(task, "waasj-token-keep-alive");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    this.scheduler = executor;
    long every = checkEvery.toMillis();
    scheduler.scheduleWithFixedDelay(
        this::checkQuietly, ThreadLocalRandom.current().nextLong(Math.max(1, every)), every, TimeUnit.MILLISECONDS);
  }

  /** Checks every organization now (as well as on schedule), e.g. at start-up. Returns at once. */
  public void checkNow() {
    scheduler.execute(this::checkQuietly);
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) { // a store down: the next round tries again
      LOG.log(System.Logger.Level.WARNING, "Token keep-alive could not list organizations: {0}", e.toString());
    }
  }

  private void check() {
    Set<String> organizations = managers.organizations();
    Instant cutoff = clock.instant().minus(olderThan);
    long spread = Math.max(1, checkEvery.toMillis() / 2);
    for (String orgId : organizations) {
      if (scheduler.isShutdown()) {
        return;
      }
      if (isDue(orgId, cutoff)) {
        scheduler.schedule(
            () -> renew(orgId), ThreadLocalRandom.current().nextLong(spread), TimeUnit.MILLISECONDS);
      }
    }
  }

  private boolean isDue(String orgId, Instant cutoff) {
    OrgTokenManager known = managers.peek(orgId);
    if (known != null && known.reauthorizationRequired()) {
      return false;
    }
    OrgToken stored;
    try {
      stored = managers.store().load(managers.clientId(), orgId);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Token keep-alive could not read org {0}: {1}", orgId, e.toString());
      return false;
    }
    return stored != null && stored.obtainedAt().isBefore(cutoff);
  }

  /** Renews one organization, unless another instance did since the check. */
  private void renew(String orgId) {
    Instant now = clock.instant();
    if (!isDue(orgId, now.minus(olderThan))) {
      return; // renewed since the check (or refused meanwhile): already reported by whoever did it
    }
    KeepAliveOutcome outcome;
    try {
      OrgTokenManager manager = managers.manager(orgId);
      OrgToken before = manager.peek();
      OrgToken after;
      if (before != null && before.isValidAt(now)) {
        after = manager.refresh(); // a valid access token would be served as is: renew the refresh token explicitly
      } else {
        after = manager.token(); // expired: asking for a token refreshes it, or adopts the one another instance stored
      }
      boolean ours = manager.lastGrantWasOurs(after);
      outcome = new KeepAliveOutcome(orgId, ours ? Result.RENEWED : Result.ALREADY_RENEWED, null);
    } catch (ReauthorizationRequiredException e) {
      outcome = new KeepAliveOutcome(orgId, Result.REAUTHORIZATION_REQUIRED, null); // logged by the manager
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Token keep-alive of org {0} failed: {1}", orgId, e.getClass().getName());
      outcome = new KeepAliveOutcome(orgId, Result.FAILED, e.getClass().getSimpleName());
    }
    try {
      listener.accept(outcome);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "A keep-alive listener failed: {0}", e.getClass().getName());
    }
  }

  /**
   * Stops checking. A renewal under way finishes (for up to 10 s) rather than being interrupted: one cut off after
   * Cobo rotated the token but before the store saved it would leave a spent refresh token in the store.
   */
  @Override
  public void close() {
    scheduler.shutdown(); // the policies set above drop every task not yet started
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "TokenKeepAlive{clientId=" + managers.clientId() + ", olderThan=" + olderThan + ", checkEvery="
        + checkEvery + '}';
  }
}
