package dev.waasj.auth.token;

import dev.waasj.errors.CoboApiException;
import dev.waasj.errors.CoboException;
import dev.waasj.errors.CoboTransportException;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.internal.auth.Checks;
import java.io.InterruptedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a valid org access token for one app ({@code client_id}) and one organization ({@code org_id}).
 *
 * <ul>
 *   <li>First use calls {@code getToken} (grant {@code org_implicit}), unless the {@link TokenStore} has a token.
 *   <li>Tokens are refreshed proactively, {@link Builder#refreshMargin} before they expire (at most half their
 *       lifetime), so callers never send an expired token: Cobo has been seen to answer those with HTTP 500.
 *   <li>Single flight: however many threads ask, at most one token request is in flight. While it runs, callers keep
 *       using the still-valid token, or wait for the result when there is none; the result or the error is shared.
 *       No lock is held across network I/O.
 *   <li>Shared stores: a manager whose token is due first reads the store; a fresh token another manager (here or
 *       in another process) stored is adopted with that read alone. Otherwise, before any token request, it takes
 *       the store's {@linkplain TokenStore#acquireRefreshLease refresh lease}, reads the store again (another
 *       manager may have refreshed meanwhile) and saves the new token through the lease, so one refresh serves
 *       every manager sharing the store, and only the manager that refreshes holds the lease.
 *   <li>Rotation: the new token is saved to the store before anyone uses it.
 *   <li>A token {@linkplain #invalidate invalidated} (refused by the server) is never handed out again, whatever
 *       refresh, adoption or transient failure races with the invalidation.
 *   <li>A refresh refused with {@code invalid_grant} (the refresh token expired or was used, e.g. by another worker)
 *       adopts a newer stored token if there is one, else falls back once to {@code getToken}; if that is refused
 *       too, {@link ReauthorizationRequiredException} names the organization.
 *   <li>A refresh that fails transiently while the current token is still valid keeps serving it, and tries again
 *       after {@link Builder#retryBackoff}, or after half the token's remaining life if that is sooner, so a token is
 *       renewed before it expires whenever the server and store allow.
 *   <li>A token obtained from Cobo but not saved (the store failed) is never used: the manager keeps serving the
 *       current token while it is valid and saves the new one later, under the lease, unless another instance stored
 *       a newer one meanwhile.
 *   <li>A manager with no usable token adopts a valid token from the store even when it is due for renewal, rather
 *       than queueing for a lease another instance may hold; one that still has a usable token never queues: if the
 *       lease is taken, it serves its token and tries again shortly. A manager with nothing to serve waits for the
 *       lease up to twice its TTL (one TTL for a dead holder's lease to lapse, one for the instance that takes it
 *       over), bounded by the caller's deadline.
 * </ul>
 *
 * <p>Reading a cached valid token costs one volatile read and one clock read. A thread waiting for another's
 * refresh gives up after {@link #token(Duration)}'s limit; the thread making the request is bounded by the
 * endpoint's own timeouts and the lease's.
 */
public final class OrgTokenManager {
  /** How long before expiry tokens are refreshed unless configured otherwise. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);

  /** How long an organization that must re-authorize is refused without a request, unless configured otherwise. */
  public static final Duration DEFAULT_REAUTHORIZATION_BACKOFF = Duration.ofMinutes(15);

  private static final System.Logger LOG = System.getLogger(OrgTokenManager.class.getName());
  private static final String INVALID_GRANT = "invalid_grant";
  /** The shortest pause before trying again after a failure, however close the token is to expiry. */
  private static final long MIN_RETRY_MILLIS = 50;

  /** What every organization of one app shares; one instance for all the managers of a registry. */
  private final OrgTokenSettings settings;
  private final String orgId;
  /** Refused access tokens, remembered; their memory is made on the first refusal (most managers never see one). */
  private final RefusedTokens refused = new RefusedTokens();
  private volatile @Nullable ManagerState state;
  private volatile @Nullable CompletableFuture<OrgToken> inflight;
  /** Set when a re-grant was refused: calls fail at once, sending nothing, until it lapses or is cleared. */
  private volatile @Nullable Refusal refusal;
  /** When a token was last asked for, by the clock: a registry drops the managers idle the longest. */
  long lastUsedMillis;
  /** The last token this manager obtained from Cobo itself (not adopted from the store), for keep-alive reports. */
  private volatile @Nullable OrgToken lastRequested;

  private static final VarHandle STATE;
  private static final VarHandle INFLIGHT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(OrgTokenManager.class, "state", ManagerState.class);
      INFLIGHT = lookup.findVarHandle(OrgTokenManager.class, "inflight", CompletableFuture.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private OrgTokenManager(Builder b) {
    this(b.settings(), requireText(b.orgId, "orgId"));
  }

  /** A manager of {@code orgId} on {@code settings}, for a registry; performs no I/O. */
  OrgTokenManager(OrgTokenSettings settings, String orgId) {
    this.settings = settings;
    this.orgId = orgId;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The app this manager gets tokens for. */
  public String clientId() {
    return settings.clientId;
  }

  /** The organization this manager gets tokens for. */
  public String orgId() {
    return orgId;
  }

  /**
   * Returns an access token that is valid now, fetching or refreshing first when needed.
   *
   * @throws ReauthorizationRequiredException if the organization must authorize the app again
   * @throws TokenStoreException if the token store failed
   * @throws CoboException if no valid token could be obtained
   */
  public String accessToken() {
    return token().accessToken();
  }

  /** Like {@link #accessToken()}, returning the whole token with its expiry. */
  public OrgToken token() {
    return token(null);
  }

  /**
   * Like {@link #token()}, but waits at most {@code maxWait} for a token request another thread has in flight; a
   * caller with a deadline passes what is left of it.
   *
   * @throws CoboTransportException if the other thread's request did not finish in time
   */
  public OrgToken token(@Nullable Duration maxWait) {
    ManagerState s = state;
    long now = settings.clock.millis();
    lastUsedMillis = now; // racy by design: a registry only needs a rough idea of who is idle
    if (s != null && s.fresh(now)) {
      return s.served();
    }
    failIfReauthorizationRequired(now);
    return slowPath(maxWait == null ? Long.MAX_VALUE : System.nanoTime() + maxWait.toNanos());
  }

  /**
   * Refreshes now, whatever the current token's age, and returns the new token. Rotation and single flight apply
   * as for proactive refreshes.
   */
  public OrgToken refresh() {
    failIfReauthorizationRequired(settings.clock.millis());
    ManagerState s;
    do {
      s = state;
    } while (s != null && !s.invalidated && !STATE.compareAndSet(this, s, s.invalidated()));
    return slowPath(Long.MAX_VALUE);
  }

  /**
   * Marks {@code accessToken} as refused by the server, so it is never handed out again and the next call obtains
   * a new one. Does not start a new request if the current token is already a different one, so concurrent
   * refusals cause one refresh, not many.
   */
  public void invalidate(String accessToken) {
    Checks.notNull(accessToken, "accessToken");
    refused.add(accessToken);
    ManagerState s;
    do {
      s = state;
    } while (s != null
        && !s.invalidated
        && s.token != null
        && s.token.accessToken().equals(accessToken)
        && !STATE.compareAndSet(this, s, s.invalidated()));
  }

  private boolean isRefused(OrgToken token) {
    return refused.contains(token.accessToken());
  }

  private void setState(ManagerState next) {
    state = next;
  }

  /**
   * Whether the organization was found to need re-authorization (its refresh token and a new grant were refused)
   * within the last {@link Builder#reauthorizationBackoff}: its calls then fail at once with {@link
   * ReauthorizationRequiredException} and send nothing, so a busy caller of an organization that removed the app
   * does not spend the app key's rate limit, which every other organization shares.
   */
  public boolean reauthorizationRequired() {
    Refusal r = refusal;
    return r != null && settings.clock.millis() < r.untilMillis;
  }

  /**
   * Forgets a refusal {@link #reauthorizationRequired} remembers, e.g. when the organization installed the app
   * again: the next call asks Cobo for a token at once.
   */
  public void clearReauthorizationRequired() {
    refusal = null;
  }

  private void failIfReauthorizationRequired(long now) {
    Refusal r = refusal;
    if (r != null && now < r.untilMillis) {
      throw new ReauthorizationRequiredException(orgId, r.cause);
    }
  }

  private void rememberRefusal(ReauthorizationRequiredException e) {
    refusal = new Refusal(settings.clock.millis() + settings.reauthorizationBackoff.toMillis(), e);
    LOG.log(
        System.Logger.Level.WARNING,
        "Organization {0} must authorize app {1} again: its calls fail without a request for {2}",
        orgId,
        settings.clientId,
        settings.reauthorizationBackoff);
    try {
      settings.reauthorizationListener.accept(orgId);
    } catch (RuntimeException listenerFailure) {
      LOG.log(System.Logger.Level.WARNING, "A listener failed: {0}", listenerFailure.getClass().getName());
    }
  }

  /** A refused re-grant, remembered until {@code untilMillis}. */
  private record Refusal(long untilMillis, ReauthorizationRequiredException cause) {}

  /** Whether {@code token} is one this manager obtained from Cobo, rather than adopted from the store. */
  boolean lastGrantWasOurs(OrgToken token) {
    return token.equals(lastRequested);
  }

  /** Whether a token request is running now; a registry does not drop such a manager. */
  boolean busy() {
    return inflight != null;
  }

  /** The token in memory, without any I/O; null before first use. */
  public @Nullable OrgToken peek() {
    ManagerState s = state;
    return s == null ? null : s.token;
  }

  private OrgToken slowPath(long deadlineNanos) {
    while (true) {
      CompletableFuture<OrgToken> running = inflight;
      if (running == null) {
        CompletableFuture<OrgToken> mine = new CompletableFuture<>();
        if (INFLIGHT.compareAndSet(this, null, mine)) {
          OrgToken token = lead(mine, deadlineNanos);
          if (!isRefused(token)) {
            return token;
          }
          continue; // refused while we obtained it: the state says so, the next round obtains another
        }
        continue;
      }
      ManagerState current = state;
      if (current != null && current.usable(settings.clock.millis())) {
        return current.served(); // a refresh is under way; the current token still works meanwhile
      }
      OrgToken token = await(running, deadlineNanos);
      if (!isRefused(token)) {
        return token;
      }
    }
  }

  /** Waits for another thread's token request, at most until {@code deadlineNanos}. */
  private OrgToken await(CompletableFuture<OrgToken> running, long deadlineNanos) {
    try {
      if (deadlineNanos == Long.MAX_VALUE) {
        return running.get();
      }
      return running.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new CoboException("Obtaining the org token of org " + orgId + " failed", cause);
    } catch (TimeoutException e) {
      throw new CoboTransportException(
          "Gave up waiting for the org token request in flight for org " + orgId + " at the caller's deadline",
          new InterruptedIOException("timeout"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException cause = new InterruptedIOException("interrupted");
      throw new CoboTransportException("Interrupted while waiting for the org token of org " + orgId, cause);
    }
  }

  /**
   * Runs the one token request in flight, publishing its result or error to everyone waiting on {@code mine},
   * whatever it throws (an {@link Error} too), so no waiter hangs.
   */
  private OrgToken lead(CompletableFuture<OrgToken> mine, long deadlineNanos) {
    try {
      OrgToken token = leadUnguarded(deadlineNanos);
      mine.complete(token);
      return token;
    } catch (Throwable t) {
      mine.completeExceptionally(t);
      throw t;
    } finally {
      INFLIGHT.compareAndSet(this, mine, null);
    }
  }

  private OrgToken leadUnguarded(long deadlineNanos) {
    ManagerState current = state;
    if (current != null && current.fresh(settings.clock.millis())) {
      return current.served(); // another leader finished between our check and our CAS
    }
    try {
      return obtainAndInstall(current, deadlineNanos);
    } catch (Unsaved e) {
      // Cobo issued a token the store would not take. Never used (another instance may refresh from the stored
      // token meanwhile); kept to be saved on the next try, while the current token, if still valid, serves.
      long now = settings.clock.millis();
      ManagerState next;
      ManagerState seen;
      do {
        seen = state;
        next = ManagerState.pending(seen, e.pending, retryAt(seen, now));
      } while (!STATE.compareAndSet(this, seen, next));
      if (next.usable(now)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "Saving the new org token of org {0} failed ({1}); serving the current one until it can be saved",
            orgId,
            e.failure.getClass().getName());
        return next.served();
      }
      throw e.failure;
    } catch (ReauthorizationRequiredException e) {
      rememberRefusal(e);
      throw e;
    } catch (RuntimeException e) {
      long now = settings.clock.millis();
      // Ride out a transient failure on the still-valid token, unless it was refused meanwhile: the swap fails
      // then, and the failure goes to the caller instead of a token the server no longer takes.
      ManagerState latest = state;
      if (latest != null
          && latest.usable(now)
          && isTransient(e)
          && STATE.compareAndSet(this, latest, latest.retryAfter(retryAt(latest, now)))) {
        return latest.served();
      }
      throw e;
    }
  }

  /**
   * When to try again after a failure while {@code s}'s token serves: after the back-off, but never later than
   * halfway to its expiry, so a renewal that can succeed does so before the token runs out.
   */
  private long retryAt(@Nullable ManagerState s, long now) {
    long backoff = settings.retryBackoff.toMillis();
    if (s != null && s.token != null) {
      backoff = Math.min(backoff, Math.max(MIN_RETRY_MILLIS, (s.expiresAt - now) / 2));
    }
    return now + backoff;
  }

  /**
   * Adopts a valid token another manager stored, with one read and no lease; else obtains one under the store's
   * refresh lease, saves it through the lease, then hands it out.
   */
  private OrgToken obtainAndInstall(@Nullable ManagerState current, long deadlineNanos) {
    OrgToken adopted = adoptableWithoutLease(current);
    if (adopted != null) {
      setState(ManagerState.of(adopted, settings.refreshMargin));
      return adopted;
    }
    try (RefreshLease lease = lease(current, deadlineNanos)) {
      Obtained obtained = obtain(current, lease);
      OrgToken token = obtained.token;
      if (!obtained.stored) {
        // Rotation: persist first, so a crash or another worker never sees a used-up refresh token as current.
        try {
          lease.save(token);
        } catch (RuntimeException e) {
          TokenStoreException failure =
              e instanceof TokenStoreException
                  ? (TokenStoreException) e
                  : new TokenStoreException(
                      "Saving the new org token of org " + orgId + " to " + settings.store
                          + " failed; it was not used",
                      e);
          throw new Unsaved(new PendingToken(token, obtained.base), failure);
        }
      }
      setState(ManagerState.of(token, settings.refreshMargin));
      if (!obtained.stored) {
        lastRequested = token;
      }
      return token;
    }
  }

  /**
   * A token in the store from another grant than ours, read without the lease: a fresh one always, and one that is
   * merely still valid when this manager has nothing usable of its own. Once one manager has renewed the token, the
   * others only need to read it: taking the lease for that would queue every instance behind it once per expiry,
   * and a manager with nothing to serve would wait on a lease whose holder may be dead while a good token sits in
   * the store. Null when there is none, or the read failed (the lease path then reports the store's state).
   */
  private @Nullable OrgToken adoptableWithoutLease(@Nullable ManagerState current) {
    OrgToken stored;
    try {
      stored = settings.store.load(settings.clientId, orgId);
    } catch (RuntimeException e) {
      return null;
    }
    if (stored == null || (current != null && current.pending != null && current.pending.isBasedOn(stored))) {
      return null; // ours is newer than what the store holds: save it first, under the lease
    }
    if (isAdoptable(stored, current == null ? null : current.token)) {
      return stored;
    }
    Instant now = settings.clock.instant();
    boolean nothingToServe = current == null || !current.usable(now.toEpochMilli());
    boolean another = current == null || current.token == null || !current.token.equals(stored); // not refresh()'s
    return nothingToServe && another && stored.isValidAt(now) && !isRefused(stored) ? stored : null;
  }

  /**
   * The store's refresh lease. A manager whose token still works does not queue for it: if another instance holds
   * it, that one is renewing, and this one serves its token meanwhile. One with nothing to serve waits up to twice
   * the TTL, so a holder that died is outlived by one whole TTL for the instance that takes the lease over, but
   * never past the caller's deadline.
   */
  private RefreshLease lease(@Nullable ManagerState current, long deadlineNanos) {
    Duration maxWait;
    if (current != null && current.usable(settings.clock.millis())) {
      maxWait = Duration.ZERO;
    } else {
      maxWait = settings.leaseTtl.multipliedBy(2);
      if (deadlineNanos != Long.MAX_VALUE) {
        Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        maxWait = left.compareTo(maxWait) < 0 ? left : maxWait;
      }
    }
    try {
      return settings.store.acquireRefreshLease(settings.clientId, orgId, settings.leaseTtl, maxWait);
    } catch (TokenStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TokenStoreException(
          "Taking the refresh lease of org " + orgId + " from " + settings.store + " failed", e);
    }
  }

  /**
   * A token, whether it is the one the store holds already, and the refresh token the store held when it was
   * requested (null for none): a save that fails is retried only while the store still holds that one.
   */
  private record Obtained(OrgToken token, boolean stored, @Nullable String base) {}

  private Obtained obtain(@Nullable ManagerState current, RefreshLease lease) {
    // Another manager sharing the store, or an earlier run, may have renewed it already: adopting its token costs
    // no request and spends no refresh token. One read of the store, under the lease, serves that check, a first
    // use, and the check that a token we could not save earlier is still the newest.
    OrgToken stored = load(lease);
    PendingToken pending = current == null ? null : current.pending;
    if (pending != null && !isRefused(pending.token()) && pending.isBasedOn(stored)) {
      return new Obtained(pending.token(), false, pending.base()); // obtained earlier, never stored: store it now
    }
    OrgToken base = current == null ? null : current.token;
    if (isAdoptable(stored, base)) {
      return new Obtained(stored, true, null);
    }
    if (stored != null) {
      // Under the lease the store holds the newest token of the rotation (every token is saved before use): when
      // another instance renewed it since ours, our refresh token is spent, and refreshing with it would draw
      // invalid_grant (and, at Cobo, may revoke the family).
      base = stored;
    }
    String storedRefresh = stored == null ? null : stored.refreshToken();
    if (base == null || !base.canRefreshAt(settings.clock.instant())) {
      return new Obtained(grantOrRefuse(false), false, storedRefresh);
    }
    try {
      return new Obtained(refreshWith(base), false, storedRefresh);
    } catch (CoboApiException e) {
      if (!INVALID_GRANT.equals(e.oauthError())) {
        throw e;
      }
      stored = load(lease); // we may have lost a refresh race to a manager that ignores leases
      if (isAdoptable(stored, base)) {
        return new Obtained(stored, true, null); // its token is ours too
      }
      return new Obtained(grantOrRefuse(true), false, stored == null ? null : stored.refreshToken());
    }
  }

  /**
   * A new grant. Refused with an OAuth error (a 4xx other than 429, e.g. {@code unauthorized_client}: the
   * organization has not installed the app, or removed it), a person must act, so it becomes {@link
   * ReauthorizationRequiredException}, which is remembered. A refusal of the app key itself is not the organization's
   * and goes to the caller as it is.
   */
  private OrgToken grantOrRefuse(boolean afterRefusedRefresh) {
    try {
      return fetch();
    } catch (CoboApiException refused) {
      int status = refused.statusCode();
      boolean definite = status >= 400 && status < 500 && status != 429;
      if (definite && afterRefusedRefresh) {
        throw new ReauthorizationRequiredException(orgId, refused);
      }
      if (definite && refused.oauthError() != null) {
        throw new ReauthorizationRequiredException(
            orgId, "a token for it was refused (" + refused.oauthError() + ")", refused);
      }
      throw refused;
    }
  }

  /** The stored token; a store's failure, whatever its type, becomes the SDK's typed exception. */
  private @Nullable OrgToken load(RefreshLease lease) {
    try {
      return lease.load();
    } catch (TokenStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TokenStoreException("Loading the org token of org " + orgId + " from " + settings.store + " failed", e);
    }
  }

  /**
   * Whether {@code stored} comes from another grant than {@code base}, was not refused, and is fresh enough to use
   * as is.
   */
  private boolean isAdoptable(@Nullable OrgToken stored, @Nullable OrgToken base) {
    return stored != null
        && (base == null || !stored.refreshToken().equals(base.refreshToken()))
        && !isRefused(stored)
        && ManagerState.of(stored, settings.refreshMargin).fresh(settings.clock.millis());
  }

  private OrgToken fetch() {
    return TokenRequests.grant(settings, orgId);
  }

  private OrgToken refreshWith(OrgToken base) {
    return TokenRequests.refresh(settings, orgId, base);
  }

  /** Failures worth riding out on a still-valid token: anything but a definite refusal. */
  private static boolean isTransient(RuntimeException e) {
    if (e instanceof ReauthorizationRequiredException) {
      return false;
    }
    if (e instanceof CoboApiException) {
      int status = ((CoboApiException) e).statusCode();
      return status == 429 || status >= 500;
    }
    return e instanceof CoboException;
  }

  private static <T> T require(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is required");
    }
    return value;
  }

  private static String requireText(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is required and must not be blank");
    }
    return value;
  }

  @Override
  public String toString() {
    return "OrgTokenManager{clientId=" + settings.clientId + ", orgId=" + orgId + ", store=" + settings.store + '}';
  }

  /** A save that failed: what was not saved, and the store's error for the caller. */
  private static final class Unsaved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient PendingToken pending;
    final TokenStoreException failure;

    Unsaved(PendingToken pending, TokenStoreException failure) {
      super(null, null, false, false);
      this.pending = pending;
      this.failure = failure;
    }
  }

  /** Configures an {@link OrgTokenManager}. */
  public static final class Builder {
    private @Nullable TokenEndpoint endpoint;
    private @Nullable String clientId;
    private @Nullable String orgId;
    private TokenStore store = new InMemoryTokenStore();
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private Duration retryBackoff = Duration.ofSeconds(10);
    private Duration leaseTtl = Duration.ofSeconds(30);
    private Consumer<TokenRequestOutcome> requestListener = outcome -> {};
    private Consumer<String> reauthorizationListener = orgId -> {};
    private Duration reauthorizationBackoff = DEFAULT_REAUTHORIZATION_BACKOFF;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The settings every organization's manager shares. */
    OrgTokenSettings settings() {
      return new OrgTokenSettings(
          require(endpoint, "endpoint"),
          requireText(clientId, "clientId"),
          store,
          refreshMargin,
          retryBackoff,
          clock,
          leaseTtl,
          reauthorizationBackoff,
          requestListener,
          reauthorizationListener);
    }

    /**
     * How long an organization found to need re-authorization stays refused without a request (see {@link
     * OrgTokenManager#reauthorizationRequired}); 15 minutes when unset. Zero asks Cobo again on every call.
     */
    public Builder reauthorizationBackoff(Duration backoff) {
      this.reauthorizationBackoff = Checks.notNegative(backoff, "reauthorizationBackoff");
      return this;
    }

    /**
     * Hears the ID of each organization found to need re-authorization, once per refusal (never a token). Runs on
     * the requesting thread; what it throws is logged and ignored.
     */
    public Builder reauthorizationListener(Consumer<String> listener) {
      this.reauthorizationListener = Checks.notNull(listener, "reauthorizationListener");
      return this;
    }

    /**
     * The token endpoint to call, e.g. {@code TokenEndpoint.using(client)} over a client that signs with the app
     * key and sends no bearer token.
     */
    public Builder endpoint(TokenEndpoint endpoint) {
      this.endpoint = Checks.notNull(endpoint, "endpoint");
      return this;
    }

    /** The app's ID ({@code client_id}). */
    public Builder clientId(String clientId) {
      this.clientId = Checks.notBlank(clientId, "clientId");
      return this;
    }

    /** The organization's ID. */
    public Builder orgId(String orgId) {
      this.orgId = Checks.notBlank(orgId, "orgId");
      return this;
    }

    /** Where tokens persist; in memory when unset. */
    public Builder store(TokenStore store) {
      this.store = Checks.notNull(store, "store");
      return this;
    }

    /** How long before expiry to refresh; 5 minutes when unset, capped at half the token's lifetime. */
    public Builder refreshMargin(Duration margin) {
      this.refreshMargin = Checks.notNegative(margin, "refreshMargin");
      return this;
    }

    /**
     * How long to wait before trying again after a refresh failed transiently (the server or the store), while a
     * still-valid token serves; 10 s when unset. Never longer than half the token's remaining life, so the token is
     * renewed before it expires whenever a retry can succeed.
     */
    public Builder retryBackoff(Duration backoff) {
      this.retryBackoff = Checks.notNegative(backoff, "retryBackoff");
      return this;
    }

    /**
     * Hears every token request's outcome (grant, organization, error, duration; never a token), e.g. for metrics.
     * Runs on the requesting thread; what it throws is logged and ignored.
     */
    public Builder tokenRequestListener(Consumer<TokenRequestOutcome> listener) {
      this.requestListener = Checks.notNull(listener, "tokenRequestListener");
      return this;
    }

    /**
     * How long a token request may hold the store's refresh lease, and how long another manager waits for it; 30 s
     * when unset. Longer than the token endpoint's timeouts, so a live holder never loses it.
     */
    public Builder refreshLeaseTtl(Duration ttl) {
      this.leaseTtl = Checks.positive(ttl, "refreshLeaseTtl");
      return this;
    }

    /** The clock for expiry decisions; the system UTC clock when unset. */
    public Builder clock(Clock clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /**
     * Builds the manager. Performs no I/O: the first token is obtained on first use.
     *
     * @throws IllegalStateException if the endpoint, app or organization is missing
     */
    public OrgTokenManager build() {
      return new OrgTokenManager(this);
    }

    /**
     * Builds a registry that hands out a manager per organization of this app, all sharing these settings (the
     * organization set here, if any, is ignored). Performs no I/O.
     *
     * @param maxManagers how many managers the registry keeps; beyond that, the longest idle are dropped (their
     *     tokens stay in the store)
     * @throws IllegalStateException if the endpoint or app is missing
     * @throws IllegalArgumentException if {@code maxManagers} is less than 1
     */
    public OrgTokenManagers buildRegistry(int maxManagers) {
      return new OrgTokenManagers(settings(), maxManagers);
    }
  }
}
