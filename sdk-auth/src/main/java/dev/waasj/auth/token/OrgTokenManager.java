package dev.waasj.auth.token;

import dev.waasj.auth.token.TokenRequestOutcome.Grant;
import dev.waasj.errors.CoboApiException;
import dev.waasj.errors.CoboException;
import dev.waasj.errors.CoboTransportException;
import dev.waasj.errors.TokenStoreException;
import dev.waasj.internal.auth.Checks;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 *   <li>A refresh that fails transiently while the current token is still valid keeps serving it, and waits
 *       {@link Builder#retryBackoff} before trying again.
 * </ul>
 *
 * <p>Reading a cached valid token costs one volatile read and one clock read. A thread waiting for another's
 * refresh gives up after {@link #token(Duration)}'s limit; the thread making the request is bounded by the
 * endpoint's own timeouts and the lease's.
 */
public final class OrgTokenManager {
  /** How long before expiry tokens are refreshed unless configured otherwise. */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);

  private static final System.Logger LOG = System.getLogger(OrgTokenManager.class.getName());
  private static final String INVALID_GRANT = "invalid_grant";
  /** Refused access tokens remembered; a refused token older than the last few is long expired. */
  private static final int REMEMBERED_REFUSALS = 32;

  private final TokenEndpoint endpoint;
  private final String clientId;
  private final String orgId;
  private final TokenStore store;
  private final Duration refreshMargin;
  private final Duration retryBackoff;
  private final Clock clock;
  private final Duration leaseTtl;
  private final Consumer<TokenRequestOutcome> requestListener;
  private final Set<String> refused =
      Collections.newSetFromMap(
          Collections.synchronizedMap(
              new LinkedHashMap<String, Boolean>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED_REFUSALS;
                }
              }));
  private final AtomicReference<@Nullable State> state = new AtomicReference<>();
  private final AtomicReference<@Nullable CompletableFuture<OrgToken>> inflight = new AtomicReference<>();

  private OrgTokenManager(Builder b) {
    this.endpoint = require(b.endpoint, "endpoint");
    this.clientId = requireText(b.clientId, "clientId");
    this.orgId = requireText(b.orgId, "orgId");
    this.store = b.store;
    this.refreshMargin = b.refreshMargin;
    this.retryBackoff = b.retryBackoff;
    this.clock = b.clock;
    this.leaseTtl = b.leaseTtl;
    this.requestListener = b.requestListener;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The app this manager gets tokens for. */
  public String clientId() {
    return clientId;
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
    State s = state.get();
    long now = clock.millis();
    if (s != null && s.fresh(now)) {
      return s.token;
    }
    return slowPath(maxWait == null ? Long.MAX_VALUE : System.nanoTime() + maxWait.toNanos());
  }

  /**
   * Refreshes now, whatever the current token's age, and returns the new token. Rotation and single flight apply
   * as for proactive refreshes.
   */
  public OrgToken refresh() {
    State s;
    do {
      s = state.get();
    } while (s != null && !s.invalidated && !state.compareAndSet(s, s.invalidated()));
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
    State s;
    do {
      s = state.get();
    } while (s != null
        && !s.invalidated
        && s.token.accessToken().equals(accessToken)
        && !state.compareAndSet(s, s.invalidated()));
  }

  private boolean isRefused(OrgToken token) {
    return refused.contains(token.accessToken());
  }

  /** The token in memory, without any I/O; null before first use. */
  public @Nullable OrgToken peek() {
    State s = state.get();
    return s == null ? null : s.token;
  }

  private OrgToken slowPath(long deadlineNanos) {
    while (true) {
      CompletableFuture<OrgToken> running = inflight.get();
      if (running == null) {
        CompletableFuture<OrgToken> mine = new CompletableFuture<>();
        if (inflight.compareAndSet(null, mine)) {
          OrgToken token = lead(mine);
          if (!isRefused(token)) {
            return token;
          }
          continue; // refused while we obtained it: the state says so, the next round obtains another
        }
        continue;
      }
      State current = state.get();
      if (current != null && current.usable(clock.millis())) {
        return current.token; // a refresh is under way; the current token still works meanwhile
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
  private OrgToken lead(CompletableFuture<OrgToken> mine) {
    try {
      OrgToken token = leadUnguarded();
      mine.complete(token);
      return token;
    } catch (Throwable t) {
      mine.completeExceptionally(t);
      throw t;
    } finally {
      inflight.compareAndSet(mine, null);
    }
  }

  private OrgToken leadUnguarded() {
    State current = state.get();
    if (current != null && current.fresh(clock.millis())) {
      return current.token; // another leader finished between our check and our CAS
    }
    try {
      return obtainAndInstall(current);
    } catch (RuntimeException e) {
      long now = clock.millis();
      // Ride out a transient failure on the still-valid token, unless it was refused meanwhile: the swap fails
      // then, and the failure goes to the caller instead of a token the server no longer takes.
      if (current != null
          && current.usable(now)
          && isTransient(e)
          && state.compareAndSet(current, current.retryAfter(now + retryBackoff.toMillis()))) {
        return current.token;
      }
      throw e;
    }
  }

  /**
   * Adopts a fresh token another manager stored, with one read and no lease; else obtains one under the store's
   * refresh lease, saves it through the lease, then hands it out.
   */
  private OrgToken obtainAndInstall(@Nullable State current) {
    OrgToken adopted = adoptableWithoutLease(current);
    if (adopted != null) {
      state.set(State.of(adopted, refreshMargin));
      return adopted;
    }
    try (RefreshLease lease = lease()) {
      Obtained obtained = obtain(current, lease);
      OrgToken token = obtained.token;
      if (!obtained.stored) {
        // Rotation: persist first, so a crash or another worker never sees a used-up refresh token as current.
        try {
          lease.save(token);
        } catch (RuntimeException e) {
          state.set(State.unsaved(token));
          throw e instanceof TokenStoreException
              ? e
              : new TokenStoreException(
                  "Saving the new org token of org " + orgId + " to " + store + " failed; it was not used", e);
        }
      }
      state.set(State.of(token, refreshMargin));
      return token;
    }
  }

  /**
   * A fresh token in the store from another grant than ours, read without the lease. Once one manager has renewed
   * the token, the others only need to read it: taking the lease for that would queue every instance behind it
   * once per expiry. Null when there is none, or the read failed (the lease path then reports the store's state).
   */
  private @Nullable OrgToken adoptableWithoutLease(@Nullable State current) {
    if (current != null && current.unsaved) {
      return null; // ours must be stored first, under the lease
    }
    OrgToken stored;
    try {
      stored = store.load(clientId, orgId);
    } catch (RuntimeException e) {
      return null;
    }
    return isAdoptable(stored, current == null ? null : current.token) ? stored : null;
  }

  private RefreshLease lease() {
    try {
      return store.acquireRefreshLease(clientId, orgId, leaseTtl, leaseTtl);
    } catch (TokenStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TokenStoreException("Taking the refresh lease of org " + orgId + " from " + store + " failed", e);
    }
  }

  /** A token, and whether it is the one the store holds already. */
  private record Obtained(OrgToken token, boolean stored) {}

  private Obtained obtain(@Nullable State current, RefreshLease lease) {
    if (current != null && current.unsaved && !isRefused(current.token)) {
      return new Obtained(current.token, false); // obtained earlier but never stored: store it, do not rotate again
    }
    OrgToken base = current == null ? null : current.token;
    // Another manager sharing the store, or an earlier run, may have renewed it already: adopting its token costs
    // no request and spends no refresh token. One read of the store, under the lease, serves both that check and
    // a first use.
    OrgToken stored = load(lease);
    if (isAdoptable(stored, base)) {
      return new Obtained(stored, true);
    }
    if (base == null) {
      base = stored;
    }
    if (base == null || !base.canRefreshAt(clock.instant())) {
      return new Obtained(fetch(), false);
    }
    try {
      return new Obtained(refreshWith(base), false);
    } catch (CoboApiException e) {
      if (!INVALID_GRANT.equals(e.oauthError())) {
        throw e;
      }
      stored = load(lease); // we may have lost a refresh race to a manager that ignores leases
      if (isAdoptable(stored, base)) {
        return new Obtained(stored, true); // its token is ours too
      }
      try {
        return new Obtained(fetch(), false);
      } catch (CoboApiException refused) {
        int status = refused.statusCode();
        if (status >= 400 && status < 500 && status != 429) {
          throw new ReauthorizationRequiredException(orgId, refused);
        }
        throw refused;
      }
    }
  }

  /** The stored token; a store's failure, whatever its type, becomes the SDK's typed exception. */
  private @Nullable OrgToken load(RefreshLease lease) {
    try {
      return lease.load();
    } catch (TokenStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TokenStoreException("Loading the org token of org " + orgId + " from " + store + " failed", e);
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
        && State.of(stored, refreshMargin).fresh(clock.millis());
  }

  private OrgToken fetch() {
    return toToken(observed(Grant.ORG_IMPLICIT, () -> endpoint.orgImplicit(clientId, orgId)));
  }

  private OrgToken refreshWith(OrgToken base) {
    return toToken(observed(Grant.REFRESH_TOKEN, () -> endpoint.refresh(clientId, base.refreshToken())));
  }

  /** Runs one token request and tells the listener how it went; the listener cannot change the outcome. */
  private TokenResponse observed(Grant grant, Supplier<TokenResponse> request) {
    long start = System.nanoTime();
    String error = null;
    try {
      return request.get();
    } catch (RuntimeException | Error e) {
      error = describe(e);
      throw e;
    } finally {
      TokenRequestOutcome outcome =
          new TokenRequestOutcome(grant, orgId, error, Duration.ofNanos(System.nanoTime() - start));
      try {
        requestListener.accept(outcome);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "A token request listener failed: {0}", e.getClass().getName());
      }
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof CoboApiException) {
      CoboApiException api = (CoboApiException) e;
      return api.oauthError() != null ? api.oauthError() : "http_" + api.statusCode();
    }
    return e.getClass().getSimpleName();
  }

  private OrgToken toToken(TokenResponse r) {
    Instant now = clock.instant();
    return OrgToken.builder()
        .clientId(clientId)
        .orgId(orgId)
        .accessToken(r.accessToken())
        .refreshToken(r.refreshToken())
        .tokenType(r.tokenType())
        .obtainedAt(now)
        .expiresAt(now.plus(r.expiresIn())) // bounded by TokenResponse.MAX_EXPIRES_IN: cannot overflow
        .build();
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
    return "OrgTokenManager{clientId=" + clientId + ", orgId=" + orgId + ", store=" + store + '}';
  }

  /** An immutable snapshot of the current token and when to renew it; swapped atomically. */
  private static final class State {
    final OrgToken token;
    final long expiresAt;
    final long refreshAt;
    final long retryAt;
    final boolean invalidated;
    final boolean unsaved;

    private State(OrgToken token, long refreshAt, long retryAt, boolean invalidated, boolean unsaved) {
      this.token = token;
      this.expiresAt = token.expiresAt().toEpochMilli();
      this.refreshAt = refreshAt;
      this.retryAt = retryAt;
      this.invalidated = invalidated;
      this.unsaved = unsaved;
    }

    static State of(OrgToken token, Duration margin) {
      long issued = token.obtainedAt().toEpochMilli();
      long expires = token.expiresAt().toEpochMilli();
      // A margin larger than half the lifetime would refresh constantly: cap it.
      long effectiveMargin = Math.min(margin.toMillis(), Math.max(0, (expires - issued) / 2));
      return new State(token, expires - effectiveMargin, Long.MIN_VALUE, false, false);
    }

    static State unsaved(OrgToken token) {
      return new State(token, Long.MIN_VALUE, Long.MIN_VALUE, false, true);
    }

    /** Good to hand out without asking for a new one. */
    boolean fresh(long now) {
      return !invalidated && !unsaved && (now < refreshAt || (now < expiresAt && now < retryAt));
    }

    /** Still accepted by the server, though due for renewal. */
    boolean usable(long now) {
      return !invalidated && !unsaved && now < expiresAt;
    }

    State invalidated() {
      return new State(token, refreshAt, retryAt, true, unsaved);
    }

    State retryAfter(long at) {
      return new State(token, refreshAt, at, invalidated, unsaved);
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
    private Clock clock = Clock.systemUTC();

    private Builder() {}

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

    /** How long to keep serving a still-valid token after a transient refresh failure; 10 s when unset. */
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
  }
}
