package dev.waasj.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A Cobo WaaS 2 server on loopback for tests: it authenticates signed requests (Ed25519 and secp256k1 keys), runs
 * the OAuth token endpoints of Cobo Portal apps, serves every operation of a spec, and signs every response, all on
 * plain HTTP at {@code 127.0.0.1} on an ephemeral port.
 *
 * <pre>{@code
 * TestKeyPair app = TestKeyPair.generate();
 * try (CoboEmulator cobo = CoboEmulator.builder().registerApp("my-client-id", "my-org-id", app.publicKeyHex()).start()) {
 *   // point the client under test at cobo.baseUrl(), with app.seedHex() as its app key
 *   // and cobo.serverPublicKeyHex() as the Cobo public key it verifies responses with
 * }
 * }</pre>
 *
 * <h2>Request authentication</h2>
 *
 * Every request must carry {@code BIZ-API-KEY}, {@code BIZ-API-NONCE} and {@code BIZ-API-SIGNATURE}, signed over
 * {@code METHOD|PATH|NONCE|PARAMS|BODY} with the full raw path (including {@code /v2}) and the raw query exactly as
 * sent. Failures are answered with HTTP 401 and {@code {"error_code","error_message","error_id"}}; see {@link
 * Verdict} for the codes: 2022 missing headers, 2024 unknown API key, 2023 bad signature and also (with their own
 * messages) a stale nonce (a decimal millisecond nonce further than the {@linkplain Builder#nonceWindow nonce
 * window} from the clock) and a replayed nonce (one the same API key used before).
 *
 * <h2>Operations</h2>
 *
 * <ul>
 *   <li>{@code GET /v2/oauth/token?client_id=..&org_id=..&grant_type=org_implicit} issues an access token and a
 *       refresh token (64 random letters and digits each) for an app {@linkplain #registerApp registered} with the
 *       signing key, client_id and org_id, or {@linkplain #registerAppForAnyOrganization for any organization}
 *       (each organization its own token family), unless the organization {@linkplain #uninstallApp uninstalled}
 *       it.
 *   <li>{@code POST /v2/oauth/token} with {@code {"client_id","grant_type":"refresh_token","refresh_token"}} rotates:
 *       it spends the refresh token and returns a new pair. Earlier access tokens stay valid until they expire.
 *   <li>Every other operation of the served spec: by default the spec the SDK on the class path was generated from
 *       (the resource {@value #SDK_SPEC_RESOURCE}), or any spec given to {@link Builder#spec}. Each call needs a
 *       signed request and {@code Authorization: Bearer} with an access token the token endpoint issued to the same
 *       API key (401 with error_code 2022 without one, 2024 for an unknown, expired or revoked one), unless the key
 *       was {@linkplain #registerApiKey registered as the organization's own}. The request is checked against the
 *       operation (Atlassian's swagger-request-validator): HTTP 400 with error_code 2003 for a missing parameter or
 *       field, 2006 for a wrong type, a value a closed enum lacks, a limit out of bounds. The answer validates against
 *       the success schema: the spec's example when it does, else one synthesized from the schema, the same for the
 *       same {@linkplain Builder#seed seed}. By convention, not by operation: a list ({@code limit}/{@code
 *       before}/{@code after} in, {@code pagination} out) pages through {@linkplain Builder#listSize 23} items with
 *       cursors, {@code total_count} and an empty {@code after} on the last page, {@code before=infinity} for the
 *       last page, and refuses both cursors at once; a filter on a {@code oneOf}'s discriminator gives items of that
 *       shape; a body with {@code request_id} is accepted once per organization and refused as a duplicate (error
 *       12009) after that, and what it made is found again by a list filtered by {@code request_id} and by a read of
 *       its ID; path parameters show up in the answer's members of the same names. Answers to an org token say
 *       whose they are: an {@code org_id} member the schema declares is the token's organization, and a {@code
 *       wallet_id} the emulator synthesizes (at the top of an answer or list item) encodes that organization, so
 *       a path's {@code wallet_id} made for another organization is answered HTTP 404 with error_code 2028, as
 *       Cobo answers an object the caller's organization does not have.
 *   <li>Without a spec, {@code GET /v2/wallets} answers {@code {"data":[]}} under the same token rules.
 *   <li>Anything else: 404, error_code 2028 (405 for a path the spec has with another method).
 * </ul>
 *
 * Token errors are OAuth-style HTTP 400 {@code {"error","error_description"}}: {@code invalid_request} (missing or
 * repeated parameter, body not a JSON object), {@code unsupported_grant_type}, {@code invalid_client} (client_id
 * not registered with the signing key), {@code unauthorized_client} (org not registered for that app, or it
 * uninstalled it) and {@code invalid_grant} (refresh token unknown, issued to another client, expired, revoked or
 * already spent, or its organization uninstalled the app; by default a spent token also revokes every token of its
 * family, see {@link Builder#revokeFamilyOnRefreshReuse}).
 *
 * <h2>Responses</h2>
 *
 * Every response, success or error, carries {@code BIZ_TIMESTAMP} (milliseconds, from the clock) and {@code
 * BIZ_RESP_SIGNATURE}: hex Ed25519 over {@code sha256(sha256(utf8(body + "|" + timestamp)))}, verifiable with
 * {@link #serverPublicKeyHex()}; unless a {@link Fault} says otherwise. The JDK server sends header names in its own
 * capitalisation ({@code Biz_timestamp}); HTTP header names are case-insensitive.
 *
 * <h2>Threads and time</h2>
 *
 * All methods are thread-safe and requests are served concurrently. Nonce staleness, token expiry and {@code
 * BIZ_TIMESTAMP} all read the {@linkplain Builder#clock clock}, so a {@link MutableClock} drives expiry without
 * sleeping.
 *
 * <p>Speed: the JDK's HTTP server, which the emulator runs on, writes a response's headers and body apart, so
 * without {@code -Dsun.net.httpserver.nodelay=true} on the JVM every answer waits out the client's delayed ACK
 * (about 40 ms). The emulator sets no system property itself; this build's tests pass that flag, and {@link
 * EmulatorMain} sets it in its own process.
 */
public final class CoboEmulator implements AutoCloseable {
  /** Where the SDK's generated module carries the spec it was generated from. */
  public static final String SDK_SPEC_RESOURCE = "dev/waasj/generated/openapi.yaml";

  private static final int BACKLOG = 256;

  private final HttpServer server;
  private final ExecutorService executor;
  private final AppRegistry apps;
  private final FaultQueue faults;
  private final TokenStore tokens;
  private final EmulatorHandler handler;
  private final String serverPublicKeyHex;
  private final @Nullable SpecModel spec;
  private final Deliverer deliverer;
  private final EmulatedPortal portal;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CoboEmulator(
      Builder builder, AppRegistry apps, @Nullable SpecModel spec, HttpServer server, ExecutorService executor) {
    this.apps = apps;
    this.spec = spec;
    this.server = server;
    this.executor = executor;
    this.faults = new FaultQueue();
    this.tokens =
        new TokenStore(
            builder.clock, builder.accessTokenLifetime, builder.refreshTokenLifetime, builder.revokeFamilyOnReuse);
    byte[] seed =
        builder.serverSeedHex == null
            ? Ed25519.randomSeed(new SecureRandom())
            : Hex.decode(builder.serverSeedHex, Ed25519.KEY_BYTES, "serverSeedHex");
    ResponseSigner signer = new ResponseSigner(seed, builder.clock, builder.hyphenatedSignatureHeaders);
    this.serverPublicKeyHex = signer.publicKeyHex();
    this.deliverer = new Deliverer(signer);
    this.portal = new EmulatedPortal(this, builder.clock);
    this.handler =
        new EmulatorHandler(
            builder.clock,
            faults,
            new RequestAuthenticator(apps, builder.clock, builder.nonceWindow),
            new Endpoints(apps, tokens, spec, builder.seed, builder.listSize, builder.expiredTokensAnswer500),
            signer,
            builder.maxRecordedRequests);
  }

  /** For the emulator's own tests: every endpoint throws {@code failure}, as a bug in one would. */
  void failEndpoints(@Nullable RuntimeException failure) {
    handler.endpointFailure = failure;
  }

  /** A builder with the defaults: no apps, the system UTC clock, 43199 s access tokens, a fresh server key. */
  public static Builder builder() {
    return new Builder();
  }

  /** The API base URL, {@code http://127.0.0.1:PORT/v2}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v2";
  }

  /** The TCP port the emulator listens on at {@code 127.0.0.1}. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Cobo Portal's side of a Portal app: installing and uninstalling it for an organization (the installation
   * callback), the JWKS, User Info Tokens for test users.
   */
  public EmulatedPortal portal() {
    return portal;
  }

  /** The public key (64 lower-case hex) that verifies {@code BIZ_RESP_SIGNATURE}: the client's Cobo public key. */
  public String serverPublicKeyHex() {
    return serverPublicKeyHex;
  }

  /**
   * Registers a Portal app installed in an organization; takes effect for the next request. Call it again to install
   * the same app in more organizations or to register more apps. Several apps may share a key.
   *
   * @param clientId the app's client_id
   * @param orgId the organization that authorized the app
   * @param appPublicKeyHex the public key of the app key: 64 lower-case hex, sent by clients as {@code BIZ-API-KEY}
   * @throws IllegalArgumentException if an id is blank or the key is not 64 lower-case hex characters
   */
  public void registerApp(String clientId, String orgId, String appPublicKeyHex) {
    apps.register(clientId, orgId, appPublicKeyHex);
  }

  /**
   * Registers a Portal app installed in every organization, as a listed app that any number of organizations
   * install: {@code getToken} succeeds for any {@code org_id}, each organization getting its own token family and
   * rotation, until it {@linkplain #uninstallApp uninstalls} the app. It keeps nothing per organization until the
   * organization gets a token (then its token family, as for any app: about 600 bytes of heap; an app registered
   * per organization with {@link #registerApp} costs about 110 bytes per organization). Takes effect for the next
   * request.
   *
   * @param clientId the app's client_id
   * @param appPublicKeyHex the public key of the app key, sent by clients as {@code BIZ-API-KEY}
   * @throws IllegalArgumentException if the id is blank or the key is malformed
   */
  public void registerAppForAnyOrganization(String clientId, String appPublicKeyHex) {
    apps.registerForAnyOrganization(clientId, appPublicKeyHex);
  }

  /**
   * Installs a registered app in {@code orgId} (again): its {@code getToken} for that organization succeeds from
   * the next request on. Tokens from before an {@link #uninstallApp} stay revoked: the organization starts a new
   * family. For an app registered for any organization, this undoes an uninstall.
   *
   * @throws IllegalArgumentException if an id is blank or no app was registered with {@code clientId}
   */
  public void installApp(String clientId, String orgId) {
    apps.install(clientId, orgId);
  }

  /**
   * Removes a registered app from {@code orgId}, as an organization that uninstalls it in Cobo Portal: from the
   * next request on, {@code getToken} for it is refused ({@code unauthorized_client}, as for an organization that
   * never installed it), a refresh with any of its refresh tokens too ({@code invalid_grant}, "the organization has
   * removed this app"), and its access tokens stop working (HTTP 401 {@code invalid_token}). Its token families stay
   * revoked after a later {@link #installApp}.
   *
   * @throws IllegalArgumentException if an id is blank or no app was registered with {@code clientId}
   */
  public void uninstallApp(String clientId, String orgId) {
    apps.uninstall(clientId, orgId);
    tokens.revokeOrganization(clientId, orgId);
  }

  /**
   * How many {@code org_implicit} grants succeeded for {@code orgId} (for any app) since start; refusals are not
   * counted. For benchmarks and tests of many organizations: the token requests of one organization, without
   * walking {@link #requests()} (which keeps the newest only).
   */
  public long tokenGrants(String orgId) {
    return tokens.grants(Objects.requireNonNull(orgId, "orgId"));
  }

  /** How many refreshes succeeded for {@code orgId} (for any app) since start; refusals are not counted. */
  public long tokenRefreshes(String orgId) {
    return tokens.refreshes(Objects.requireNonNull(orgId, "orgId"));
  }

  /** Where the spec the emulator serves came from (a path or URL), or empty when it serves the OAuth API only. */
  public Optional<String> specLocation() {
    return Optional.ofNullable(spec == null ? null : spec.location);
  }

  /**
   * The operation IDs of the served spec, in routing order; empty when it serves the OAuth API only. Each one is
   * answered by the rules in the class comment.
   */
  public List<String> operationIds() {
    List<String> ids = new ArrayList<>();
    if (spec != null) {
      spec.operations.forEach(op -> ids.add(op.operationId));
    }
    return List.copyOf(ids);
  }

  /**
   * Arguments that {@code METHOD path} of the served spec accepts, e.g. {@code sample("GET", "wallets/{wallet_id}")}
   * (the path template as the spec writes it, with or without the leading slash); empty when the spec has no such
   * operation, or there is no spec.
   */
  public Optional<OperationSample> sample(String method, String pathTemplate) {
    if (spec == null || handler.specEndpoints() == null) {
      return Optional.empty();
    }
    String template = pathTemplate.startsWith("/") ? pathTemplate : "/" + pathTemplate;
    for (SpecOperation op : spec.operations) {
      if (op.method.equalsIgnoreCase(method) && op.template.equals(template)) {
        return Optional.of(handler.specEndpoints().sample(op));
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code data_type} values of the served spec's {@code WebhookEventData} (23 in Cobo's 1.38.0).
   *
   * @throws IllegalStateException if the emulator serves no spec, or one without webhook schemas
   */
  public List<String> webhookDataTypes() {
    return specEndpoints().webhookDataTypes();
  }

  /**
   * A new webhook event with data of {@code dataType}, built from the served spec's {@code WebhookEvent} schema: a
   * fresh {@code event_id}, a {@code type} that fits the data, the data on the shape its discriminator names.
   *
   * @throws IllegalStateException if the emulator serves no spec, or one without webhook schemas
   */
  public String webhookEvent(String dataType) {
    return specEndpoints().webhookEvent(Objects.requireNonNull(dataType, "dataType"));
  }

  /**
   * A new callback body, a transaction built from the served spec's {@code Transaction} schema.
   *
   * @throws IllegalStateException if the emulator serves no spec, or one without a {@code Transaction} schema
   */
  public String callbackTransaction() {
    return specEndpoints().callbackTransaction();
  }

  /** Delivers {@code event} to {@code url} with Cobo's semantics; see {@link DeliveryOptions}. Blocks until done. */
  public Delivery deliverWebhook(URI url, String event) {
    return deliverWebhook(url, event, DeliveryOptions.builder().build());
  }

  /** Delivers {@code event} to {@code url} with {@code options}. Blocks until done. */
  public Delivery deliverWebhook(URI url, String event, DeliveryOptions options) {
    return deliverer.deliver("webhook", url, event, options);
  }

  /**
   * Delivers several events to {@code url}: in the order given, or shuffled by {@link DeliveryOptions.Builder#shuffle},
   * each followed by its {@linkplain DeliveryOptions.Builder#duplicates duplicates}. Blocks until done.
   *
   * @return every delivery, in the order made
   */
  public List<Delivery> deliverWebhooks(URI url, List<String> events, DeliveryOptions options) {
    List<String> order = new ArrayList<>(events);
    if (options.shuffleSeed != null) {
      Collections.shuffle(order, new Random(options.shuffleSeed));
    }
    List<Delivery> deliveries = new ArrayList<>();
    for (String event : order) {
      for (int i = 0; i <= options.duplicates; i++) {
        deliveries.add(deliverWebhook(url, event, options));
      }
    }
    return deliveries;
  }

  /**
   * Delivers a callback to {@code url} with Cobo's semantics: answered right only by 200 or 201 with a body of
   * exactly {@code ok} or {@code deny}, tried up to 30 times. Blocks until done.
   */
  public Delivery deliverCallback(URI url, String body) {
    return deliverCallback(url, body, DeliveryOptions.builder().build());
  }

  /** Delivers a callback with {@code options}. Blocks until done. */
  public Delivery deliverCallback(URI url, String body, DeliveryOptions options) {
    return deliverer.deliver("callback", url, body, options);
  }

  private SpecEndpoints specEndpoints() {
    SpecEndpoints endpoints = handler.specEndpoints();
    if (endpoints == null) {
      throw new IllegalStateException("The emulator serves no spec: give it one with builder().spec(...)");
    }
    return endpoints;
  }

  /**
   * Registers an API key of the organization itself, not of a Portal app: its calls need no org access token.
   *
   * @throws IllegalArgumentException if the key is not an Ed25519 (64 hex) or compressed secp256k1 (66 hex) key
   */
  public void registerApiKey(String apiKeyHex) {
    apps.registerDirect(apiKeyHex);
  }

  /** Applies {@code fault} to the next request that has no earlier fault waiting. */
  public void enqueueFault(Fault fault) {
    enqueueFault(fault, 1);
  }

  /**
   * Applies {@code fault} to each of the next {@code times} requests that have no earlier fault waiting. Faults are
   * taken in the order they were queued, one per request, whatever the request's path; {@link #enqueueFault(String,
   * String, Fault, int)} targets one operation.
   *
   * @param times how many requests get the fault, at least 1
   */
  public void enqueueFault(Fault fault, int times) {
    Objects.requireNonNull(fault, "fault");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    faults.add(fault, times);
  }

  /**
   * Applies {@code fault} to the next {@code times} requests to one operation only, e.g. {@code ("POST",
   * "transactions/transfer")}: a token request in between cannot take a fault meant for the business call. The path
   * is the operation's, after the {@code /v2/} prefix, with path parameters filled in.
   *
   * @param times how many requests get the fault, at least 1
   */
  public void enqueueFault(String method, String path, Fault fault, int times) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(fault, "fault");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    faults.add(fault, method, path, times);
  }

  /** How many requests the queued faults will still affect. */
  public int pendingFaults() {
    return faults.size();
  }

  /** Discards the queued faults. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Every request received since start or the last {@link #clearRequests()}, in the order the emulator decided its
   * response. A request is recorded before its response is sent, so a client that has its answer finds it here.
   *
   * @return an immutable snapshot
   */
  public List<RecordedExchange> requests() {
    return handler.recorded();
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    handler.clearRecorded();
  }

  /**
   * Clears queued faults and recorded requests, as {@link CoboEmulatorExtension} does before each test. Registered
   * apps, issued tokens and seen nonces are kept.
   */
  public void reset() {
    clearFaults();
    clearRequests();
  }

  /**
   * Whether {@code accessToken} would be accepted now: issued by this emulator, not expired by the clock and its
   * family not revoked by refresh-token reuse.
   */
  public boolean isAccessTokenValid(String accessToken) {
    return tokens.activeGrant(Objects.requireNonNull(accessToken, "accessToken")) != null;
  }

  /** Stops listening and aborts requests in progress, including delayed ones. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "CoboEmulator[" + (closed.get() ? "closed" : baseUrl()) + ", serverPublicKeyHex=" + serverPublicKeyHex + "]";
  }

  /**
   * Configures and starts a {@link CoboEmulator}. Not thread-safe; may start several emulators, which then share
   * nothing but the configuration (each {@linkplain #serverSeedHex has its own key} unless one was given).
   */
  public static final class Builder {
    private record App(String clientId, String orgId, String publicKeyHex) {}

    private int port;

    private final List<App> apps = new ArrayList<>();
    private final List<App> anyOrganizationApps = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Duration accessTokenLifetime = Duration.ofSeconds(43_199);
    private Duration refreshTokenLifetime = Duration.ofDays(30);
    private Duration nonceWindow = Duration.ofMinutes(5);
    private @Nullable String serverSeedHex;
    private boolean hyphenatedSignatureHeaders;
    private boolean revokeFamilyOnReuse = true;
    private @Nullable String specLocation = defaultSpec();
    private long seed = 42;
    private int listSize = 23;
    private boolean expiredTokensAnswer500;
    private final List<String> directKeys = new ArrayList<>();
    private int maxRecordedRequests = 10_000;

    private Builder() {}

    /**
     * How many requests {@link CoboEmulator#requests()} keeps, the newest; 10,000 when unset, so a long-running
     * emulator does not grow.
     */
    public Builder maxRecordedRequests(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxRecordedRequests must be at least 1");
      }
      this.maxRecordedRequests = max;
      return this;
    }

    /** The SDK's own spec resource (the one its code was generated from), when the SDK is on the class path. */
    private static @Nullable String defaultSpec() {
      java.net.URL url = Thread.currentThread().getContextClassLoader() == null
          ? null
          : Thread.currentThread().getContextClassLoader().getResource(SDK_SPEC_RESOURCE);
      if (url == null) {
        url = CoboEmulator.class.getClassLoader().getResource(SDK_SPEC_RESOURCE);
      }
      return url == null ? null : url.toString();
    }

    /**
     * Serves every operation of the OpenAPI spec in {@code file} (YAML or JSON), such as Cobo's published spec.
     * By default the emulator serves the spec the SDK on the class path was generated from (the resource {@value
     * #SDK_SPEC_RESOURCE}), or only the OAuth API when there is none.
     */
    public Builder spec(java.nio.file.Path file) {
      this.specLocation = Objects.requireNonNull(file, "file").toAbsolutePath().toString();
      return this;
    }

    /** Serves the OAuth token endpoint (and a bare {@code GET /v2/wallets}) only, whatever the class path has. */
    public Builder withoutSpec() {
      this.specLocation = null;
      return this;
    }

    /** The seed every synthesized answer derives from; the same seed gives the same data. Default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How many items each list operation holds, paged by {@code limit}; default 23. */
    public Builder listSize(int items) {
      if (items < 0) {
        throw new IllegalArgumentException("listSize must not be negative");
      }
      this.listSize = items;
      return this;
    }

    /**
     * Answers calls with an expired org token the way Cobo has been seen to (HTTP 500, error_code 1000) instead of
     * 401 with 2024. Default false.
     */
    public Builder expiredTokensAnswer500(boolean answer500) {
      this.expiredTokensAnswer500 = answer500;
      return this;
    }

    /**
     * Registers an API key of the organization itself (not a Portal app), whose calls need no org token; see
     * {@link CoboEmulator#registerApiKey}.
     */
    public Builder registerApiKey(String apiKeyHex) {
      AppRegistry.checkRegistration("direct", "direct", apiKeyHex);
      directKeys.add(apiKeyHex);
      return this;
    }

    /**
     * Registers a Portal app installed in an organization; see {@link CoboEmulator#registerApp}.
     *
     * @throws IllegalArgumentException if an id is blank or the key is not 64 lower-case hex characters
     */
    public Builder registerApp(String clientId, String orgId, String appPublicKeyHex) {
      // Validated now, so a typo fails where it was written rather than at start().
      AppRegistry.checkRegistration(clientId, orgId, appPublicKeyHex);
      apps.add(new App(clientId, orgId, appPublicKeyHex));
      return this;
    }

    /**
     * Registers a Portal app installed in every organization; see {@link
     * CoboEmulator#registerAppForAnyOrganization}.
     *
     * @throws IllegalArgumentException if the id is blank or the key is malformed
     */
    public Builder registerAppForAnyOrganization(String clientId, String appPublicKeyHex) {
      AppRegistry.checkRegistration(clientId, "any", appPublicKeyHex);
      anyOrganizationApps.add(new App(clientId, "", appPublicKeyHex));
      return this;
    }

    /**
     * The clock for nonce staleness, token expiry and {@code BIZ_TIMESTAMP}; default {@link Clock#systemUTC()}.
     * Pass a {@link MutableClock} to move time in tests. A client that checks the age of {@code BIZ_TIMESTAMP} or
     * makes its nonces from its own clock must then be given the same clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long access tokens live; {@code expires_in} is its whole seconds. Default 43199 seconds, as Cobo answers.
     *
     * @param lifetime at least one second
     */
    public Builder accessTokenLifetime(Duration lifetime) {
      this.accessTokenLifetime = requireAtLeastOneSecond(lifetime, "accessTokenLifetime");
      return this;
    }

    /**
     * How long a refresh token can be spent, counted from its issue. Default 30 days, as Cobo documents.
     *
     * @param lifetime at least one second
     */
    public Builder refreshTokenLifetime(Duration lifetime) {
      this.refreshTokenLifetime = requireAtLeastOneSecond(lifetime, "refreshTokenLifetime");
      return this;
    }

    /**
     * How far (either way) a decimal millisecond nonce may lie from the clock; default 5 minutes.
     *
     * @param window not negative
     */
    public Builder nonceWindow(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.isNegative()) {
        throw new IllegalArgumentException("nonceWindow must not be negative");
      }
      this.nonceWindow = window;
      return this;
    }

    /**
     * Signs responses with this seed instead of a fresh random one, for a stable {@link
     * CoboEmulator#serverPublicKeyHex()} across runs.
     *
     * @param seedHex a 32-byte Ed25519 seed as 64 lower-case hex characters
     * @throws IllegalArgumentException if it is not (the message does not repeat it)
     */
    public Builder serverSeedHex(String seedHex) {
      Hex.decode(Objects.requireNonNull(seedHex, "seedHex"), Ed25519.KEY_BYTES, "serverSeedHex");
      this.serverSeedHex = seedHex;
      return this;
    }

    /**
     * Names the response signature headers {@code biz-timestamp}/{@code biz-resp-signature}, as the Python SDK and
     * parts of Cobo's docs spell them, instead of {@code BIZ_TIMESTAMP}/{@code BIZ_RESP_SIGNATURE}. Default false.
     */
    public Builder hyphenatedSignatureHeaders(boolean hyphenated) {
      this.hyphenatedSignatureHeaders = hyphenated;
      return this;
    }

    /**
     * Whether presenting an already spent refresh token revokes every access and refresh token descending from the
     * same {@code org_implicit} grant (reuse detection). Default true. Either way the reuse gets {@code
     * invalid_grant}.
     */
    public Builder revokeFamilyOnRefreshReuse(boolean revoke) {
      this.revokeFamilyOnReuse = revoke;
      return this;
    }

    /** Binds this port instead of an ephemeral one; 0 (the default) picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Binds {@code 127.0.0.1} on the configured port (ephemeral by default) and starts serving.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public CoboEmulator start() {
      AppRegistry registry = new AppRegistry();
      apps.forEach(app -> registry.register(app.clientId(), app.orgId(), app.publicKeyHex()));
      anyOrganizationApps.forEach(app -> registry.registerForAnyOrganization(app.clientId(), app.publicKeyHex()));
      directKeys.forEach(registry::registerDirect);
      SpecModel spec = specLocation == null ? null : SpecModel.load(specLocation);
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind the emulator to 127.0.0.1", e);
      }
      ExecutorService executor = Executors.newCachedThreadPool(new DaemonThreads());
      CoboEmulator emulator = new CoboEmulator(this, registry, spec, server, executor);
      server.createContext("/", emulator.handler);
      // Unsigned and unauthenticated, as Cobo's JWKS: outside the API's handler.
      server.createContext(EmulatedPortal.JWKS_PATH, emulator.portal.jwksHandler());
      server.createContext(EmulatedPortal.WEB_JWKS_PATH, emulator.portal.jwksHandler());
      server.setExecutor(executor);
      server.start();
      return emulator;
    }

    private static Duration requireAtLeastOneSecond(Duration lifetime, String name) {
      Objects.requireNonNull(lifetime, name);
      if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(name + " must be at least one second");
      }
      return lifetime;
    }
  }

  /** Handler threads must not keep a test JVM alive if someone forgets close(). */
  private static final class DaemonThreads implements ThreadFactory {
    private static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "cobo-emulator-" + COUNT.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
