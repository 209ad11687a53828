package dev.waasj.client;

import dev.waasj.auth.signing.ApiSecret;
import dev.waasj.auth.signing.KeyType;
import dev.waasj.auth.signing.NonceSource;
import dev.waasj.auth.signing.RequestSigner;
import dev.waasj.auth.signing.SigningInterceptor;
import dev.waasj.auth.token.BearerTokenInterceptor;
import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.auth.token.OrgTokenManagers;
import dev.waasj.auth.token.TokenEndpoint;
import dev.waasj.auth.token.TokenKeepAlive;
import dev.waasj.auth.token.TokenStore;
import dev.waasj.auth.verification.ResponseVerificationInterceptor;
import dev.waasj.auth.verification.ResponseVerifier;
import dev.waasj.generated.CoboApis;
import dev.waasj.internal.auth.Checks;
import dev.waasj.internal.call.CoboCallAdapterFactory;
import dev.waasj.internal.json.JsonSupport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The way into the Cobo WaaS 2 API. Build one per API key and share it: it is thread-safe and holds the
 * connection pool.
 *
 * <pre>{@code
 * try (CoboClient cobo = CoboClient.builder()
 *     .environment(CoboEnvironment.DEV)
 *     .apiSecret(System.getenv("COBO_API_SECRET"))
 *     .clientId(appId).orgId(orgId)            // optional: org access tokens, managed
 *     .build()) {
 *   var wallets = cobo.apis().wallets().listWallets(...);
 * }
 * }</pre>
 *
 * <p>Every request is signed with the API secret (a fresh nonce per attempt on the wire) and every response is
 * verified against the server's public key before its body is read; a response that fails verification raises
 * {@link dev.waasj.errors.ResponseSignatureException}. Safe failures are retried per {@link RetryPolicy}. With an
 * app and organization configured, every call but the token endpoint carries the org access token, which {@link
 * #tokens()} keeps fresh.
 */
public final class CoboClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(CoboClient.class.getName());
  private static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  private final Builder config;
  private final HttpUrl baseUrl;
  private final RequestSigner signer;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Retrofit retrofit;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final CoboApis facade = new CoboApis(this::api);
  private final Organizations organizations;
  private final @Nullable TokenKeepAlive keepAlive;

  private CoboClient(
      Builder config, HttpUrl baseUrl, RequestSigner signer, OkHttpClient appHttp, @Nullable Organizations shared) {
    this.config = config;
    this.baseUrl = baseUrl;
    this.signer = signer;
    this.ownsHttp = config.okHttpClient == null;
    if (shared != null) {
      this.organizations = shared;
    } else if (config.clientId != null) {
      // The token endpoint gets the signed, verified, retried stack as is; every other call gets the same stack
      // (same pool and dispatcher) with its organization's access token on top.
      Retrofit appRetrofit = retrofit(baseUrl, appHttp, config, false);
      this.organizations = Organizations.of(tokenRegistry(config, appRetrofit), config.orgId);
    } else {
      this.organizations = Organizations.none();
    }
    this.http = organizations.enabled() ? withBearer(appHttp, organizations) : appHttp;
    this.retrofit = retrofit(baseUrl, http, config, true);
    OrgTokenManagers registry = organizations.registry();
    this.keepAlive =
        config.keepAliveOlderThan != null && registry != null && shared == null
            ? new TokenKeepAlive(
                registry,
                config.keepAliveOlderThan,
                config.keepAliveCheckEvery,
                config.clock,
                config.listener::keepAliveFinished)
            : null;
  }

  /** One token manager per organization of the app, created on first use, all on the client's settings. */
  private static OrgTokenManagers tokenRegistry(Builder config, Retrofit appRetrofit) {
    OrgTokenManager.Builder tokens =
        OrgTokenManager.builder()
            .endpoint(TokenEndpoint.using(appRetrofit::create))
            .clientId(Objects.requireNonNull(config.clientId))
            .refreshMargin(config.tokenRefreshMargin)
            .reauthorizationBackoff(config.reauthorizationBackoff)
            .clock(config.clock);
    if (config.tokenStore != null) {
      tokens.store(config.tokenStore); // else the manager's own default
    }
    if (config.listener != CoboListener.NONE) {
      tokens.tokenRequestListener(config.listener::tokenRequestFinished);
      tokens.reauthorizationListener(config.listener::reauthorizationRequired);
    }
    if (config.tokenRefreshLeaseTtl != null) {
      tokens.refreshLeaseTtl(config.tokenRefreshLeaseTtl);
    }
    if (config.tokenRefreshRetryBackoff != null) {
      tokens.retryBackoff(config.tokenRefreshRetryBackoff);
    }
    return tokens.buildRegistry(config.maxCachedOrganizations);
  }

  /** The same stack (same pool and dispatcher) with each call's organization's access token on top. */
  private static OkHttpClient withBearer(OkHttpClient appHttp, Organizations organizations) {
    OkHttpClient.Builder orgHttp = appHttp.newBuilder();
    // Outermost, so a 401 replay is verified and signed like any call.
    orgHttp.interceptors().add(0, BearerTokenInterceptor.resolving(organizations::forRequest));
    return orgHttp.build();
  }

  /**
   * A Retrofit whose calls are {@link RetryingCall}s over {@code http}: retried per the policy, waits scheduled
   * rather than slept on OkHttp's threads for async calls, and OkHttp's own silent resend decided per call: only
   * requests that are safe to resend get a client that retries on connection failure, so a token refresh or a
   * create without {@code request_id} reaches the server at most once. Both clients share one pool and dispatcher.
   * A {@code scoped} Retrofit tags each request with the view it is made through ({@link CallScope}); the token
   * endpoint's is not scoped.
   */
  private static Retrofit retrofit(HttpUrl baseUrl, OkHttpClient http, Builder config, boolean scoped) {
    OkHttpClient once = http.newBuilder().retryOnConnectionFailure(false).build();
    Executor completions =
        config.callbackExecutor != null ? config.callbackExecutor : new CompletableFuture<Void>().defaultExecutor();
    return new Retrofit.Builder()
        .baseUrl(baseUrl)
        .callFactory(
            new ScopedCallFactory(
                http, once, config.retryPolicy, config.waits, config.clock, config.listener, scoped))
        .addConverterFactory(MoshiConverterFactory.create(JsonSupport.moshi()))
        .addCallAdapterFactory(CoboCallAdapterFactory.create(JsonSupport.moshi(), completions))
        .build();
  }

  /** Returns a builder with nothing set but defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a client from the process environment; see {@link Builder#environmentVariables(Map)} for the variables.
   *
   * @throws IllegalArgumentException if a variable is missing or malformed
   */
  public static CoboClient fromEnv() {
    return builder().environmentVariables(System.getenv()).build();
  }

  /**
   * Returns a builder that starts from this client's configuration and shares its connection pool and threads, as
   * OkHttp's {@code newBuilder()} does. The new client does not own them: closing it leaves them alone, closing
   * this client releases them.
   */
  public Builder newBuilder() {
    Builder b = new Builder(config);
    b.okHttpClient = config.okHttpClient != null ? config.okHttpClient : sharedRoot();
    b.ownHttpStack = config.okHttpClient == null || config.ownHttpStack;
    if (organizations.enabled() && b.tokenManager == null) {
      b.inherited =
          new InheritedTokens(
              organizations, signer.apiKey(), baseUrl, config.tokenStore, config.tokenRefreshMargin);
    }
    return b;
  }

  /** The OkHttp client under the SDK's interceptors: same pool and dispatcher, none of our interceptors. */
  private OkHttpClient sharedRoot() {
    OkHttpClient.Builder root = http.newBuilder();
    root.interceptors().clear();
    root.networkInterceptors().clear();
    return root.build();
  }

  /**
   * Every operation of the spec the SDK was generated from, one accessor per tag, e.g. {@code
   * apis().wallets().listWallets(...)}. Each API is wired with this client's signing, verification, retries and
   * org access token.
   */
  public CoboApis apis() {
    return facade;
  }

  /** Any Retrofit interface, generated or not, wired like {@link #apis()}'s. Cached per interface. */
  public <T> T api(Class<T> service) {
    Checks.notNull(service, "service");
    return service.cast(shared(service));
  }

  /** The one implementation of {@code service} every view runs its calls on. */
  private Object shared(Class<?> service) {
    return apis.computeIfAbsent(service, retrofit::create);
  }

  /**
   * A view of this client for one organization of its app: the same {@link CoboOrganization#apis() apis()} and
   * {@link CoboOrganization#api api(Class)}, every call carrying that organization's access token, managed by a
   * token manager of its own that is created on first use and shares this client's store. Costs no I/O; cheap
   * enough to call per request. Needs a client built with {@link Builder#clientId} (and no {@link Builder#orgId},
   * unless it names this organization).
   *
   * <pre>{@code
   * CoboClient cobo = CoboClient.builder()....clientId(appId).tokenStore(store).build();   // one per app
   * var wallets = cobo.organization(orgId).apis().wallets().listWallets(params);           // per request
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code orgId} is null, blank, longer than 128 characters or has control
   *     characters
   * @throws IllegalStateException if the client has no {@code clientId}, or was built for another organization
   */
  public CoboOrganization organization(String orgId) {
    return organizations.view(orgId, this::shared);
  }

  /**
   * A view of this client whose calls use {@code options} (a deadline, retries, headers, query parameters) over the
   * client's settings, e.g. {@code cobo.withOptions(fast).apis().wallets().getWalletById(id)}. Shares everything with
   * the client, as {@link #organization} does; costs no I/O. For one organization's calls, {@code
   * organization(orgId).withOptions(options)}.
   */
  public CoboView withOptions(RequestOptions options) {
    Checks.notNull(options, "options");
    return new CoboView(CallContext.CLIENT.withOptions(options), this::shared);
  }

  /**
   * The token managers of this client's app, one per organization (see {@link #organization}); {@code
   * organizations()} lists every organization the token store holds a token for.
   *
   * @throws IllegalStateException if the client has no {@code clientId}, or its one manager was supplied with
   *     {@link Builder#tokenManager}
   */
  public OrgTokenManagers tokenManagers() {
    OrgTokenManagers registry = organizations.registry();
    if (registry == null) {
      throw new IllegalStateException(
          organizations.enabled()
              ? "This client uses the one token manager it was given (tokenManager(...))"
              : "No org token managers: set clientId(...) (COBO_CLIENT_ID)");
    }
    return registry;
  }

  /**
   * The org token manager, when the client was built with an app and organization ({@link Builder#clientId},
   * {@link Builder#orgId}). Such a client attaches the org access token to every call but the token endpoint.
   *
   * @throws IllegalStateException if no app and organization were configured
   */
  public OrgTokenManager tokens() {
    return organizations.defaultManager();
  }

  /** The base URL requests are resolved against, ending in {@code /}. */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /** The API key (public) requests are signed for. */
  public String apiKey() {
    return signer.apiKey();
  }

  /**
   * The configured OkHttp client, with the SDK's interceptors (signing, verification, the org token). Calls made on
   * it directly are not retried: retries belong to the calls {@link #apis()} and {@link #api(Class)} make. Use
   * {@code newBuilder()} on it to derive clients that share its pools.
   */
  public OkHttpClient httpClient() {
    return http;
  }

  /** Releases the connection pool and threads, unless the caller supplied the OkHttp client. */
  @Override
  public void close() {
    if (keepAlive != null) {
      keepAlive.close();
    }
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "CoboClient{baseUrl=" + baseUrl + ", apiKey=" + signer.apiKey() + '}';
  }

  /** Configures a {@link CoboClient}. Not thread-safe; {@link #build()} validates everything before any I/O. */
  public static final class Builder {
    private @Nullable CoboEnvironment environment;
    private @Nullable String baseUrl;
    private @Nullable String serverPublicKey;
    private @Nullable RequestSigner signer;
    /** Parsed where it is set, so build() never reads the secret or its file again. */
    private @Nullable ApiSecret secret;
    private @Nullable KeyType keyType;
    private @Nullable OkHttpClient okHttpClient;
    /** Whether {@link #okHttpClient} is one of ours (shared by {@code newBuilder()}), not the application's. */
    private boolean ownHttpStack;
    private @Nullable Duration connectTimeout;
    private @Nullable Duration readTimeout;
    private @Nullable Duration writeTimeout;
    private @Nullable Duration callTimeout;
    private @Nullable String userAgent;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Duration timestampTolerance = ResponseVerifier.DEFAULT_WINDOW;
    private boolean verifyResponses = true;
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private @Nullable Consumer<String> logSink;
    private Clock clock = Clock.systemUTC();
    private RetryWaits waits = RetryWaits.REAL_TIME;
    private @Nullable Executor callbackExecutor;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private int maxConcurrentRequestsPerHost = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private boolean dispatcherLimitsSet;
    private @Nullable OrgTokenManager tokenManager;
    private @Nullable InheritedTokens inherited;
    private long maxResponseBodyBytes = ResponseVerificationInterceptor.DEFAULT_MAX_BODY_BYTES;
    private @Nullable String clientId;
    private @Nullable String orgId;
    private @Nullable TokenStore tokenStore;
    private Duration tokenRefreshMargin = OrgTokenManager.DEFAULT_REFRESH_MARGIN;
    private @Nullable Duration tokenRefreshLeaseTtl;
    private @Nullable Duration tokenRefreshRetryBackoff;
    private Duration reauthorizationBackoff = OrgTokenManager.DEFAULT_REAUTHORIZATION_BACKOFF;
    private int maxCachedOrganizations = OrgTokenManagers.DEFAULT_MAX_MANAGERS;
    private @Nullable Duration keepAliveOlderThan;
    private Duration keepAliveCheckEvery = TokenKeepAlive.DEFAULT_CHECK_EVERY;
    private int nonceSlot;
    private int nonceSlots = 1;
    private CoboListener listener = CoboListener.NONE;

    private Builder() {}

    /** A copy of {@code other}'s settings. */
    private Builder(Builder other) {
      this.environment = other.environment;
      this.baseUrl = other.baseUrl;
      this.serverPublicKey = other.serverPublicKey;
      this.signer = other.signer;
      this.secret = other.secret;
      this.keyType = other.keyType;
      this.okHttpClient = other.okHttpClient;
      this.ownHttpStack = other.ownHttpStack;
      this.connectTimeout = other.connectTimeout;
      this.readTimeout = other.readTimeout;
      this.writeTimeout = other.writeTimeout;
      this.callTimeout = other.callTimeout;
      this.userAgent = other.userAgent;
      this.retryPolicy = other.retryPolicy;
      this.timestampTolerance = other.timestampTolerance;
      this.verifyResponses = other.verifyResponses;
      this.logLevel = other.logLevel;
      this.logSink = other.logSink;
      this.clock = other.clock;
      this.waits = other.waits;
      this.callbackExecutor = other.callbackExecutor;
      this.maxConcurrentRequests = other.maxConcurrentRequests;
      this.maxConcurrentRequestsPerHost = other.maxConcurrentRequestsPerHost;
      this.dispatcherLimitsSet = other.dispatcherLimitsSet;
      this.tokenManager = other.tokenManager;
      this.inherited = other.inherited;
      this.maxResponseBodyBytes = other.maxResponseBodyBytes;
      this.clientId = other.clientId;
      this.orgId = other.orgId;
      this.tokenStore = other.tokenStore;
      this.tokenRefreshMargin = other.tokenRefreshMargin;
      this.tokenRefreshLeaseTtl = other.tokenRefreshLeaseTtl;
      this.tokenRefreshRetryBackoff = other.tokenRefreshRetryBackoff;
      this.reauthorizationBackoff = other.reauthorizationBackoff;
      this.maxCachedOrganizations = other.maxCachedOrganizations;
      this.keepAliveOlderThan = other.keepAliveOlderThan;
      this.keepAliveCheckEvery = other.keepAliveCheckEvery;
      this.nonceSlot = other.nonceSlot;
      this.nonceSlots = other.nonceSlots;
      this.listener = other.listener;
    }

    /** Talks to one of Cobo's environments, verifying responses with that environment's key. Default: none. */
    public Builder environment(CoboEnvironment environment) {
      this.environment = Checks.notNull(environment, "environment");
      return this;
    }

    /**
     * Talks to another base URL, e.g. a gateway or a local emulator ({@code http://127.0.0.1:8080/v2}); include the
     * {@code /v2} prefix. Plain {@code http} is accepted only for loopback hosts. Requires
     * {@link #serverPublicKey(String)} unless the URL is one of Cobo's own.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Checks.notBlank(baseUrl, "baseUrl");
      return this;
    }

    /** The hex Ed25519 public key that signs the server's responses; needed for a custom base URL. */
    public Builder serverPublicKey(String serverPublicKeyHex) {
      this.serverPublicKey = Checks.notBlank(serverPublicKeyHex, "serverPublicKey");
      return this;
    }

    /**
     * Signs with this API secret: 64 hex characters (the private key, of the type {@link #apiKeyType} states,
     * Ed25519 by default) or PEM text, which names its own key type (Ed25519 or secp256k1).
     *
     * @throws IllegalArgumentException if it is neither; the message never contains the secret
     */
    public Builder apiSecret(String apiSecret) {
      Checks.notBlank(apiSecret, "apiSecret");
      this.secret = ApiSecret.parse(apiSecret, keyType);
      this.signer = null;
      return this;
    }

    /**
     * Signs with the PEM private key in {@code pemFile} (Ed25519 or secp256k1, as the PEM says). The file is read
     * here, once; clients built later do not read it again.
     *
     * @throws IllegalArgumentException if it cannot be read or holds no such key; the message never quotes it
     */
    public Builder apiSecretPemFile(Path pemFile) {
      this.secret = ApiSecret.fromPemFile(Checks.notNull(pemFile, "pemFile"), keyType);
      this.signer = null;
      return this;
    }

    /**
     * The type of the API key: {@link KeyType#ED25519} (the default) or {@link KeyType#SECP256K1}. A hex secret does
     * not say which; a PEM key does, and must agree.
     */
    public Builder apiKeyType(KeyType keyType) {
      this.keyType = Checks.notNull(keyType, "apiKeyType");
      return this;
    }

    /** Signs with a custom signer, e.g. a key held in an HSM or KMS; its {@code keyType()} says which kind. */
    public Builder signer(RequestSigner signer) {
      this.signer = Checks.notNull(signer, "signer");
      this.secret = null;
      return this;
    }

    /**
     * Builds on the caller's OkHttp client (shared pools, proxies, TLS settings); the SDK adds its interceptors to a
     * derived client and leaves the original untouched. {@link CoboClient#close()} then leaves its pools alone.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Checks.notNull(okHttpClient, "okHttpClient");
      this.ownHttpStack = false;
      return this;
    }

    /** Connect timeout; OkHttp's default (10 s) when unset. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Checks.positive(timeout, "connectTimeout");
      return this;
    }

    /** Read timeout; OkHttp's default (10 s) when unset. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Checks.positive(timeout, "readTimeout");
      return this;
    }

    /** Write timeout; OkHttp's default (10 s) when unset. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = Checks.positive(timeout, "writeTimeout");
      return this;
    }

    /** Deadline for a whole call including retries' network time; none when unset. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Checks.positive(timeout, "callTimeout");
      return this;
    }

    /** A product token prepended to the SDK's own {@code User-Agent}, e.g. {@code my-app/1.2}. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Checks.notBlank(userAgent, "userAgent");
      return this;
    }

    /** How failures are retried; {@link RetryPolicy#DEFAULT} when unset. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Checks.notNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** How far a response's {@code BIZ_TIMESTAMP} may lie from this machine's clock; 5 minutes when unset. */
    public Builder responseTimestampTolerance(Duration tolerance) {
      this.timestampTolerance = Checks.positive(tolerance, "responseTimestampTolerance");
      return this;
    }

    /**
     * Accepts responses without checking their signature. For debugging against servers that cannot sign; the
     * client logs a warning when built this way.
     */
    public Builder disableResponseVerification() {
      this.verifyResponses = false;
      return this;
    }

    /** Logs each HTTP attempt at this level, secrets redacted; {@link HttpLogLevel#NONE} when unset. */
    public Builder httpLogging(HttpLogLevel level) {
      this.logLevel = Checks.notNull(level, "level");
      return this;
    }

    /** Where HTTP log lines go; the {@code dev.waasj.http} {@link System.Logger} at INFO when unset. */
    public Builder httpLogSink(Consumer<String> sink) {
      this.logSink = Checks.notNull(sink, "sink");
      return this;
    }

    /** The clock for nonces and response timestamp checks; the system UTC clock when unset. */
    public Builder clock(Clock clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /**
     * The Portal app's ID: turns on org token management, for every organization of the app through {@link
     * CoboClient#organization}, and for {@link #orgId}'s on the client's own calls.
     */
    public Builder clientId(String clientId) {
      this.clientId = Checks.notBlank(clientId, "clientId");
      return this;
    }

    /**
     * The one organization the app acts for on this client's own calls ({@link CoboClient#apis()}, {@link
     * CoboClient#tokens()}); needs {@link #clientId}. Leave it unset to serve many organizations through {@link
     * CoboClient#organization}.
     */
    public Builder orgId(String orgId) {
      this.orgId = Checks.notBlank(orgId, "orgId");
      return this;
    }

    /** Where org tokens persist; in memory when unset. See {@code FileTokenStore} for restarts and workers. */
    public Builder tokenStore(TokenStore store) {
      this.tokenStore = Checks.notNull(store, "store");
      return this;
    }

    /** How long before expiry org tokens are refreshed; 5 minutes when unset. */
    public Builder tokenRefreshMargin(Duration margin) {
      this.tokenRefreshMargin = Checks.notNegative(margin, "tokenRefreshMargin");
      return this;
    }

    /**
     * Hears every call, attempt and token request, e.g. to record metrics or traces (see {@code sdk-micrometer}).
     * One listener; combine several in your own. None when unset.
     */
    public Builder listener(CoboListener listener) {
      this.listener = Checks.notNull(listener, "listener");
      return this;
    }

    /**
     * This process's share of the API key's nonces, for services that run several processes on one key: nonces
     * whose remainder modulo {@code slots} is {@code slot}. Give each process its own slot (a StatefulSet ordinal,
     * say) and no two ever send the same nonce, which Cobo may refuse as a replay; each then signs up to {@code
     * 1000 / slots} requests per second before its nonces run ahead of the clock. One process, one slot: {@code
     * (0, 1)}, the default.
     *
     * @throws IllegalArgumentException unless {@code 0 <= slot < slots <= 1000}
     */
    public Builder nonceSlot(int slot, int slots) {
      NonceSource.checkSlot(slot, slots);
      this.nonceSlot = slot;
      this.nonceSlots = slots;
      return this;
    }

    /**
     * How long a token request may hold the token store's refresh lease, and how long another instance waits for
     * it; 30 s when unset. See {@link OrgTokenManager.Builder#refreshLeaseTtl}.
     */
    public Builder tokenRefreshLeaseTtl(Duration ttl) {
      this.tokenRefreshLeaseTtl = Checks.positive(ttl, "tokenRefreshLeaseTtl");
      return this;
    }

    /**
     * How many organizations' token managers the client keeps in memory; beyond that the longest idle are dropped
     * (their tokens stay in the token store, and the organization's next call reads its token back). 10,000 when
     * unset.
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxCachedOrganizations(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxCachedOrganizations must be at least 1");
      }
      this.maxCachedOrganizations = max;
      return this;
    }

    /**
     * Keeps idle organizations authorized: refreshes, in the background, every organization whose refresh token is
     * older than 20 days, checked hourly and spread with jitter (see {@link TokenKeepAlive}). Cobo's refresh tokens
     * lapse after 30 days, after which the organization must install the app again. Off unless called; one thread
     * per client, stopped by {@link CoboClient#close()}. Needs {@link #clientId}; a client derived with {@code
     * newBuilder()} leaves it to the original.
     */
    public Builder keepOrganizationsAlive() {
      return keepOrganizationsAlive(TokenKeepAlive.DEFAULT_OLDER_THAN, TokenKeepAlive.DEFAULT_CHECK_EVERY);
    }

    /**
     * Like {@link #keepOrganizationsAlive()}, renewing refresh tokens older than {@code olderThan}, checked every
     * {@code checkEvery}.
     */
    public Builder keepOrganizationsAlive(Duration olderThan, Duration checkEvery) {
      this.keepAliveOlderThan = Checks.positive(olderThan, "olderThan");
      this.keepAliveCheckEvery = Checks.positive(checkEvery, "checkEvery");
      return this;
    }

    /**
     * How long an organization whose refresh token and re-grant were both refused (it removed the app, or its
     * admin revoked it) stays refused without a request: its calls fail at once with {@link
     * dev.waasj.auth.token.ReauthorizationRequiredException} and send nothing, so they cannot spend the app key's
     * rate limit that every organization shares. 15 minutes when unset; {@link
     * OrgTokenManager#clearReauthorizationRequired()} ends it early (e.g. on a new installation).
     */
    public Builder reauthorizationBackoff(Duration backoff) {
      this.reauthorizationBackoff = Checks.notNegative(backoff, "reauthorizationBackoff");
      return this;
    }

    /**
     * How long to wait before trying again after a token refresh failed transiently while the current token still
     * serves; 10 s when unset, and never longer than half the token's remaining life. See {@link
     * OrgTokenManager.Builder#retryBackoff}.
     */
    public Builder tokenRefreshRetryBackoff(Duration backoff) {
      this.tokenRefreshRetryBackoff = Checks.notNegative(backoff, "tokenRefreshRetryBackoff");
      return this;
    }

    /**
     * The largest response body read, in bytes; 16 MiB when unset. A larger one fails the call with {@link
     * dev.waasj.errors.ResponseSignatureException} (signed responses, which must be held whole to be verified) or
     * {@link dev.waasj.errors.MalformedResponseException}; error bodies keep at most their first 64 KiB.
     */
    public Builder maxResponseBodyBytes(long maxBytes) {
      if (maxBytes < 1 || maxBytes == Long.MAX_VALUE) {
        throw new IllegalArgumentException("maxResponseBodyBytes must be between 1 and Long.MAX_VALUE - 1");
      }
      this.maxResponseBodyBytes = maxBytes;
      return this;
    }

    /**
     * Shares an org token manager, e.g. another client's {@link CoboClient#tokens()}: the client attaches its tokens
     * and never makes a grant of its own. Its app and organization are the client's; {@link #clientId} and {@link
     * #orgId}, if set, must name the same. {@link CoboClient#newBuilder()} does this by itself while the derived
     * client keeps the app, organization, key, base URL and token store.
     */
    public Builder tokenManager(OrgTokenManager manager) {
      this.tokenManager = Checks.notNull(manager, "tokenManager");
      return this;
    }

    /**
     * Where asynchronous calls complete their futures, and so where callbacks chained on them ({@code thenApply},
     * a page walker's action) run: never on OkHttp's threads, whose slots are for network calls. The executor {@link
     * CompletableFuture}'s async methods use by default when unset.
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Checks.notNull(executor, "callbackExecutor");
      return this;
    }

    /**
     * How many calls run on the network at once, in all and to one host; further asynchronous calls queue in
     * order. 64 and 64 when unset (every call goes to one host, so OkHttp's per-host default of 5 would be the
     * limit). A call waiting to retry holds no slot. With an {@link #okHttpClient} of the application's, its
     * dispatcher's limits stay unless set here.
     */
    public Builder maxConcurrentRequests(int total, int perHost) {
      if (total < 1 || perHost < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
      }
      this.maxConcurrentRequests = total;
      this.maxConcurrentRequestsPerHost = perHost;
      this.dispatcherLimitsSet = true;
      return this;
    }

    /** Replaces the wait between retries; for tests. */
    Builder sleeper(RetryWaits.Sleeper sleeper) {
      this.waits = RetryWaits.sleeping(sleeper);
      return this;
    }

    /**
     * Reads configuration from environment variables; values already set on the builder are replaced:
     *
     * <ul>
     *   <li>{@code COBO_ENV}: {@code dev}, {@code prod} or {@code sandbox};
     *   <li>{@code COBO_BASE_URL}: a custom base URL, instead of {@code COBO_ENV};
     *   <li>{@code COBO_API_SECRET}: the API secret (hex or PEM text), required;
     *   <li>{@code COBO_API_KEY_TYPE}: {@code ed25519} (the default) or {@code secp256k1}, for a hex secret;
     *   <li>{@code COBO_SERVER_PUBLIC_KEY}: the response-signing key for a custom base URL;
     *   <li>{@code COBO_CLIENT_ID} and {@code COBO_ORG_ID}: optional, turn on org token management;
     *   <li>{@code COBO_NONCE_SLOT}: optional, {@code SLOT/SLOTS} (e.g. {@code 2/4}), see {@link #nonceSlot}.
     * </ul>
     *
     * @throws IllegalArgumentException if a value is malformed; messages never contain the secret
     */
    public Builder environmentVariables(Map<String, String> env) {
      EnvironmentVariables.apply(Checks.notNull(env, "env"), this);
      return this;
    }

    /**
     * Validates the configuration and builds the client. Performs no I/O.
     *
     * @throws IllegalStateException if something required is missing
     * @throws IllegalArgumentException if a value is malformed
     */
    public CoboClient build() {
      RequestSigner signer = this.signer;
      if (secret != null) {
        // A hex secret takes the type stated last (apiKeyType may come after apiSecret); a PEM's must agree.
        signer = (keyType == null ? secret : secret.withKeyType(keyType)).signer();
      }
      if (signer == null) {
        throw new IllegalStateException("No API secret: call apiSecret(...), apiSecretPemFile(...) or signer(...)");
      }
      if (keyType != null && signer.keyType() != keyType) {
        throw new IllegalStateException(
            "The signer's key type is " + signer.keyType() + " but apiKeyType is " + keyType);
      }
      if (tokenManager != null) {
        checkSame("clientId", clientId, tokenManager.clientId());
        checkSame("orgId", orgId, tokenManager.orgId());
      } else if (clientId == null && orgId != null) {
        throw new IllegalStateException("orgId(...) needs the app's clientId(...) too");
      }
      Endpoint endpoint = Endpoint.resolve(environment, baseUrl, serverPublicKey, verifyResponses);
      Organizations shared = tokenManager != null ? Organizations.single(tokenManager) : null;
      if (shared == null && inherited != null) {
        shared = inherited.fitting(clientId, orgId, tokenStore, tokenRefreshMargin, signer.apiKey(), endpoint.url);
      }
      OkHttpClient.Builder http = okHttpClient != null ? okHttpClient.newBuilder() : new OkHttpClient.Builder();
      if (okHttpClient == null || dispatcherLimitsSet) {
        Dispatcher dispatcher =
            okHttpClient != null ? new Dispatcher(okHttpClient.dispatcher().executorService()) : new Dispatcher();
        dispatcher.setMaxRequests(maxConcurrentRequests);
        dispatcher.setMaxRequestsPerHost(maxConcurrentRequestsPerHost);
        http.dispatcher(dispatcher);
      }
      if (okHttpClient == null || ownHttpStack) {
        // A plain-http base URL (the emulator, a gateway on loopback) needs no TLS: with no TLS connection spec
        // OkHttp never loads the JDK's trust store or TLS context, about 150 ms of a cold start. An application's
        // own OkHttpClient is left as it is.
        http.connectionSpecs(
            endpoint.url.isHttps()
                ? List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT)
                : List.of(ConnectionSpec.CLEARTEXT));
      }
      if (connectTimeout != null) {
        http.connectTimeout(connectTimeout);
      }
      if (readTimeout != null) {
        http.readTimeout(readTimeout);
      }
      if (writeTimeout != null) {
        http.writeTimeout(writeTimeout);
      }
      if (callTimeout != null) {
        http.callTimeout(callTimeout);
      }
      String agent = (userAgent == null ? "" : userAgent + " ") + SdkVersion.USER_AGENT;
      // Application interceptors, outermost first (the client puts the org token above them all; retries are
      // around each call, see RetryingCall): every attempt's answer is verified; signing is a network interceptor,
      // so every attempt on the wire (OkHttp's own retries and follow-ups included) gets a fresh nonce and signature.
      http.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", agent).build()));
      if (endpoint.serverPublicKey != null) {
        http.addInterceptor(
            new ResponseVerificationInterceptor(
                new ResponseVerifier(endpoint.serverPublicKey, timestampTolerance, clock), maxResponseBodyBytes));
      } else {
        http.addInterceptor(new BodyLimitInterceptor(maxResponseBodyBytes));
        LOG.log(
            System.Logger.Level.WARNING,
            "Response signature verification is DISABLED for {0}: responses are not authenticated",
            endpoint.url);
      }
      // One nonce sequence per API key (clock and slot) in the JVM: separately built clients never repeat a nonce.
      http.addNetworkInterceptor(
          new SigningInterceptor(
              signer, NonceSource.forApiKey(signer.apiKey(), clock, nonceSlot, nonceSlots)));
      if (logLevel != HttpLogLevel.NONE) {
        http.addNetworkInterceptor(new LoggingInterceptor(logLevel, logSink != null ? logSink : Builder::logInfo));
      }
      return new CoboClient(new Builder(this), endpoint.url, signer, http.build(), shared);
    }

    private static void checkSame(String name, @Nullable String configured, String managers) {
      if (configured != null && !configured.equals(managers)) {
        throw new IllegalStateException(name + " differs from the shared token manager's " + name);
      }
    }

    private static void logInfo(String line) {
      System.getLogger("dev.waasj.http").log(System.Logger.Level.INFO, line);
    }

  }
}
