package dev.waasj.portal;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.auth.token.OrgTokenManagers;
import dev.waasj.auth.token.RefreshLease;
import dev.waasj.auth.token.TokenEndpoint;
import dev.waasj.auth.token.TokenResponse;
import dev.waasj.client.CoboClient;
import dev.waasj.errors.CoboApiException;
import dev.waasj.internal.auth.Checks;
import dev.waasj.portal.InstallationOutcome.Kind;
import dev.waasj.internal.portal.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Serves the callback URL of a Portal app's manifest: Cobo calls it ({@code GET ?org_id=..&approval_result=..})
 * once an organization's admin decided on the app's installation, or on a change of its permissions.
 *
 * <ul>
 *   <li><b>Approved</b> ({@code approval_result=1}): asks Cobo for the organization's token at once ({@code getToken},
 *       grant {@code org_implicit}, signed with the app key), saves it to the client's token store under the
 *       store's refresh lease, and makes the organization's token manager serve it. Only then does the
 *       organization count as installed ({@link InstallationListener#installed}). The callback's {@code org_id}
 *       proves nothing by itself: for an organization that never approved the app, Cobo refuses the token, and the
 *       answer is {@link Kind#NOT_AUTHORIZED} with nothing stored.
 *   <li><b>A new grant each time</b>: a callback after a permission change gets a new token, which replaces the
 *       organization's (the old one carried the old permissions). A repeated callback is idempotent: the
 *       organization stays installed with one stored token; repeats within {@link Builder#minRegrantInterval} (10 s
 *       by default; a delivery retried) reuse the grant just made, so a burst of callbacks costs one grant.
 *       Concurrent callbacks for one organization share one grant.
 *   <li><b>Rejected</b> (any other number): reported, nothing stored, nothing deleted (a forged rejection must not
 *       remove an organization's token).
 *   <li><b>Bad input</b>: a missing, repeated, empty, over-long (128) or control-character {@code org_id}; a missing,
 *       repeated or non-numeric {@code approval_result}; a query over 2,048 characters or badly encoded: {@link
 *       Kind#INVALID}, nothing asked of Cobo, nothing stored, and a message that quotes none of it.
 * </ul>
 *
 * <p>See {@link InstallationAnswer} for the HTTP answers. Thread-safe; build one per app.
 */
public final class InstallationCallbackHandler {
  private static final System.Logger LOG = System.getLogger(InstallationCallbackHandler.class.getName());
  private static final int MAX_ORG_ID_CHARS = 128;
  private static final int REMEMBERED_GRANTS = 10_000;

  private final CoboClient cobo;
  private final OrgTokenManagers managers;
  private final TokenEndpoint endpoint;
  private final InstallationListener listener;
  private final Clock clock;
  private final long minRegrantMillis;
  private final ConcurrentHashMap<String, CompletableFuture<InstallationOutcome>> inflight = new ConcurrentHashMap<>();
  /** When this handler last granted each organization a token; the newest few thousand only. */
  private final Map<String, Long> recentGrants = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > REMEMBERED_GRANTS;
    }
  });

  private InstallationCallbackHandler(Builder b) {
    this.cobo = b.cobo;
    this.managers = b.cobo.tokenManagers();
    this.endpoint = TokenEndpoint.using(b.cobo::api);
    this.listener = b.listener;
    this.clock = b.clock;
    this.minRegrantMillis = b.minRegrantInterval.toMillis();
  }

  /**
   * A builder for the app {@code cobo} was built for ({@code clientId}, no {@code orgId}); its token store keeps the
   * organizations' tokens.
   *
   * @throws IllegalArgumentException if {@code cobo} is null
   * @throws IllegalStateException if {@code cobo} has no {@code clientId}
   */
  public static Builder builder(CoboClient cobo) {
    Checks.notNullArgument(cobo, "cobo");
    cobo.tokenManagers(); // fails now, not at the first callback, for a client without clientId
    return new Builder(cobo);
  }

  /**
   * Handles a callback given its raw query string (without {@code ?}), parsed strictly: every repeat of a
   * parameter is seen.
   */
  public InstallationAnswer handleQuery(@Nullable String rawQuery) {
    Map<String, List<String>> parameters;
    try {
      parameters = QueryParameters.parse(rawQuery);
    } catch (IllegalArgumentException e) {
      return answer(invalid(e.getMessage()));
    }
    return handle(parameters);
  }

  /** Handles a callback given its parameters, each name with every value it was sent with. */
  public InstallationAnswer handle(Map<String, ? extends List<String>> parameters) {
    if (parameters == null) {
      return answer(invalid("no parameters"));
    }
    String orgId;
    String approval;
    try {
      orgId = single(parameters, "org_id");
      checkOrgId(orgId);
      approval = single(parameters, "approval_result");
      if (!approval.matches("[0-9]{1,9}")) {
        throw new BadParameter("approval_result is not a number");
      }
    } catch (BadParameter e) {
      return answer(invalid(e.getMessage()));
    }
    if (Integer.parseInt(approval) != 1) {
      InstallationOutcome rejected =
          new InstallationOutcome(Kind.REJECTED, orgId, false, "the installation was not approved; nothing stored");
      notify(() -> listener.rejected(orgId));
      return answer(rejected);
    }
    InstallationOutcome outcome = installOnce(orgId);
    if (outcome.kind() == Kind.INSTALLED) {
      notify(() -> listener.installed(orgId, outcome.firstTime()));
    } else if (outcome.kind() == Kind.NOT_AUTHORIZED) {
      notify(() -> listener.refused(orgId));
    }
    return answer(outcome);
  }

  /** One grant per organization at a time: concurrent callbacks for it share the first one's. */
  private InstallationOutcome installOnce(String orgId) {
    CompletableFuture<InstallationOutcome> mine = new CompletableFuture<>();
    CompletableFuture<InstallationOutcome> running = inflight.putIfAbsent(orgId, mine);
    if (running != null) {
      return running.join();
    }
    try {
      InstallationOutcome outcome = install(orgId);
      mine.complete(outcome);
      return outcome;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inflight.remove(orgId, mine);
    }
  }

  private InstallationOutcome install(String orgId) {
    long now = clock.millis();
    Long last = recentGrants.get(orgId);
    if (last != null && now - last < minRegrantMillis) {
      return new InstallationOutcome(Kind.INSTALLED, orgId, false, "repeated callback: the token just granted stands");
    }
    String clientId = managers.clientId();
    TokenResponse granted;
    try {
      granted = endpoint.orgImplicit(clientId, orgId);
    } catch (CoboApiException e) {
      int status = e.statusCode();
      if (status >= 400 && status < 500 && status != 429) {
        LOG.log(System.Logger.Level.WARNING,
            "An installation callback for organization {0} said approved, but Cobo refused its token ({1}):"
                + " forged, or revoked since; nothing stored", orgId, status);
        return new InstallationOutcome(Kind.NOT_AUTHORIZED, orgId, false,
            "Cobo refused a token for the organization (HTTP " + status + "): it has not approved the app");
      }
      return unavailable(orgId, "Cobo answered HTTP " + status + " to the token request", e);
    } catch (RuntimeException e) {
      return unavailable(orgId, "the token request failed (" + e.getClass().getSimpleName() + ")", e);
    }
    Instant obtained = clock.instant();
    OrgToken token = OrgToken.builder()
        .clientId(clientId)
        .orgId(orgId)
        .accessToken(granted.accessToken())
        .refreshToken(granted.refreshToken())
        .tokenType(granted.tokenType())
        .obtainedAt(obtained)
        .expiresAt(obtained.plus(granted.expiresIn()))
        .build();
    boolean firstTime;
    try (RefreshLease lease =
        managers.store().acquireRefreshLease(clientId, orgId, Duration.ofSeconds(30), Duration.ofSeconds(10))) {
      firstTime = lease.load() == null;
      lease.save(token);
    } catch (RuntimeException e) {
      return unavailable(orgId, "the new token could not be stored (" + e.getClass().getSimpleName() + ")", e);
    }
    // The manager may hold the organization's previous token in memory: refuse that one, so its next call reads
    // the new grant from the store instead of refreshing the old token (which carries the old permissions).
    OrgTokenManager manager = cobo.organization(orgId).tokens();
    manager.clearReauthorizationRequired();
    OrgToken held = manager.peek();
    if (held != null && !held.accessToken().equals(token.accessToken())) {
      manager.invalidate(held.accessToken());
    }
    recentGrants.put(orgId, now);
    return new InstallationOutcome(Kind.INSTALLED, orgId, firstTime,
        firstTime ? "installed: the organization's token is stored" : "installed again: a new token replaced the old");
  }

  private static InstallationOutcome unavailable(String orgId, String why, RuntimeException e) {
    LOG.log(System.Logger.Level.WARNING,
        "Installing organization {0} failed: {1}; not installed yet", orgId, why);
    return new InstallationOutcome(Kind.UNAVAILABLE, orgId, false, why + "; the organization is not installed yet");
  }

  private static InstallationOutcome invalid(String why) {
    return new InstallationOutcome(Kind.INVALID, null, false, "invalid installation callback: " + why);
  }

  private static String single(Map<String, ? extends List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      throw new BadParameter(name + " is missing");
    }
    if (values.size() > 1) {
      throw new BadParameter(name + " is given more than once");
    }
    String value = values.get(0);
    if (value == null || value.isEmpty()) {
      throw new BadParameter(name + " is empty");
    }
    return value;
  }

  private static void checkOrgId(String orgId) {
    if (orgId.length() > MAX_ORG_ID_CHARS) {
      throw new BadParameter("org_id is longer than " + MAX_ORG_ID_CHARS + " characters");
    }
    if (orgId.chars().anyMatch(Character::isISOControl)) {
      throw new BadParameter("org_id has control characters");
    }
    if (orgId.isBlank() || !orgId.equals(orgId.strip())) {
      throw new BadParameter("org_id is blank or has surrounding spaces");
    }
  }

  private static InstallationAnswer answer(InstallationOutcome outcome) {
    switch (outcome.kind()) {
      case INSTALLED:
      case REJECTED:
        return new InstallationAnswer(200, "{\"success\":true}", outcome);
      case INVALID:
        return new InstallationAnswer(400,
            "{\"success\":false,\"error\":\"invalid_request\",\"message\":\"" + json(outcome.message()) + "\"}",
            outcome);
      case NOT_AUTHORIZED:
        return new InstallationAnswer(403, "{\"success\":false,\"error\":\"not_authorized\"}", outcome);
      default:
        return new InstallationAnswer(503, "{\"success\":false,\"error\":\"temporarily_unavailable\"}", outcome);
    }
  }

  /** Our own fixed messages only; escaped all the same. */
  private static String json(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "An installation listener failed: {0}", e.getClass().getName());
    }
  }

  /** A parameter that fails the checks; its message names the parameter, never its value. */
  private static final class BadParameter extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadParameter(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public String toString() {
    return "InstallationCallbackHandler{clientId=" + managers.clientId() + '}';
  }

  /** Configures an {@link InstallationCallbackHandler}. */
  public static final class Builder {
    private final CoboClient cobo;
    private InstallationListener listener = new InstallationListener() {};
    private Clock clock = Clock.systemUTC();
    private Duration minRegrantInterval = Duration.ofSeconds(10);

    private Builder(CoboClient cobo) {
      this.cobo = cobo;
    }

    /** Hears every outcome; by default nothing does. */
    public Builder listener(InstallationListener listener) {
      Checks.notNullArgument(listener, "listener");
      this.listener = listener;
      return this;
    }

    /**
     * How long after a grant a repeated approved callback for the same organization reuses it instead of a new
     * grant: 0 (every callback a new grant) to 5 minutes, 10 s by default. A permission change, approved by a person,
     * comes later than that.
     */
    public Builder minRegrantInterval(Duration interval) {
      if (interval == null || interval.isNegative() || interval.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("minRegrantInterval must be between 0 and 5 minutes");
      }
      this.minRegrantInterval = interval;
      return this;
    }

    /** The clock tokens' {@code obtainedAt} and {@code expiresAt} are read from; the client's, normally. */
    public Builder clock(Clock clock) {
      Checks.notNullArgument(clock, "clock");
      this.clock = clock;
      return this;
    }

    /** Builds the handler. */
    public InstallationCallbackHandler build() {
      return new InstallationCallbackHandler(this);
    }
  }
}
