package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Types;
import dev.waasj.errors.CoboException;
import dev.waasj.generated.CoboApis;
import dev.waasj.generated.fixtures.HostilePages;
import dev.waasj.internal.json.JsonModel;
import dev.waasj.paging.Pager;
import dev.waasj.testing.Signed;
import dev.waasj.testing.TestApi;
import dev.waasj.testkit.JsonFuzz;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile responses from a fixed seed through every public path: synchronous and asynchronous calls, the token
 * manager, and org-scoped calls. Bodies are signed (so they get past verification and reach the parsers) or not;
 * signature headers and statuses are mangled too. The only acceptable outcomes are a result or one of the SDK's own
 * exceptions; everything else is counted, and so is anything thrown on an OkHttp thread. Both counts must be zero.
 */
class ResponseFuzzTest {
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";
  static final long SEED = 20261129L;
  static final int ROUNDS = 300;
  static final List<String> TOKEN_NAMES = List.of("access_token", "refresh_token", "token_type", "expires_in", "scope");
  static final Map<String, String> VALID_TOKEN =
      new java.util.LinkedHashMap<>(
          Map.of(
              "access_token", "\"AT-fuzz\"",
              "token_type", "\"Bearer\"",
              "scope", "\"\"",
              "expires_in", "43199",
              "refresh_token", "\"RT-fuzz\""));
  static final List<String> ERROR_NAMES = List.of("error_code", "error_message", "error_id", "error", "error_description");

  @StartStop final MockWebServer server = new MockWebServer();
  final Random random = new Random(SEED);
  final JsonFuzz fuzz = JsonFuzz.seeded(SEED);
  final Map<String, String> escaped = new TreeMap<>();
  final List<Throwable> onOkHttpThreads = new CopyOnWriteArrayList<>();
  Thread.UncaughtExceptionHandler previous;

  @BeforeEach
  void watchOkHttpThreads() {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> onOkHttpThreads.add(e));
  }

  @AfterEach
  void restore() {
    Thread.setDefaultUncaughtExceptionHandler(previous);
  }

  /** A hostile answer: a fuzzed body, signed or mangled, with a random status. */
  final class Hostile extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      boolean tokenCall = request.getUrl().encodedPath().endsWith("/oauth/token");
      int status = random.nextInt(4) == 0 ? 200 + random.nextInt(400) : 200;
      byte[] body =
          tokenCall && status < 300 && random.nextBoolean()
              ? fuzz.near(VALID_TOKEN)
              : fuzz.next(status >= 400 ? ERROR_NAMES : tokenCall ? TOKEN_NAMES : List.of("data", "pagination"));
      MockResponse.Builder answer = Signed.bytes(status, body, Clock.systemUTC());
      switch (random.nextInt(10)) {
        case 0:
          answer.removeHeader("BIZ_RESP_SIGNATURE");
          break;
        case 1:
          answer.setHeader("BIZ_TIMESTAMP", List.of("", "-1", "1e3", "99999999999999999999", "abc").get(random.nextInt(5)));
          break;
        case 2:
          answer.setHeader("BIZ_RESP_SIGNATURE", List.of("", "zz", "00".repeat(64), "A".repeat(128)).get(random.nextInt(4)));
          break;
        case 3:
          answer = new MockResponse.Builder().code(status).body(new Buffer().write(body)); // unsigned
          break;
        default:
          break;
      }
      // A fresh connection per answer: MockWebServer's keep-alive writes meet delayed ACKs (40 ms a request).
      return answer.addHeader("Connection", "close").build();
    }
  }

  CoboClient client(boolean org) {
    server.setDispatcher(new Hostile());
    CoboClient.Builder b =
        CoboClient.builder()
            .baseUrl(server.url("/v2").toString())
            .serverPublicKey(Signed.PUBLIC_KEY)
            .apiSecret(SECRET)
            .sleeper((millis, call) -> {});
    return (org ? b.clientId("app").orgId("org") : b).build();
  }

  void run(String path, Runnable call) {
    try {
      call.run();
    } catch (CoboException e) {
      // an acceptable outcome
    } catch (RuntimeException | Error e) {
      escaped.putIfAbsent(path + ": " + e.getClass().getName(), String.valueOf(e.getMessage()));
    }
  }

  void runAsync(String path, CompletableFuture<?> future) {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof CoboException)) {
        escaped.putIfAbsent(path + ": " + e.getCause().getClass().getName(), String.valueOf(e.getCause()));
      }
    } catch (Exception e) {
      escaped.putIfAbsent(path + ": " + e.getClass().getName(), String.valueOf(e));
    }
  }

  void rounds(Consumer<Integer> round) {
    for (int i = 0; i < ROUNDS; i++) {
      round.accept(i);
    }
  }

  @Test
  void everyPublicPathYieldsAResultOrTheSdksOwnException() {
    try (CoboClient plain = client(false)) {
      TestApi api = plain.api(TestApi.class);
      rounds(i -> run("sync token call", () -> api.getToken("app", "org", "org_implicit").accessToken()));
      rounds(i -> run("sync org call", () -> api.listWallets()));
      rounds(i -> runAsync("async token call", api.getTokenAsync("app", "org", "org_implicit")));
      rounds(i -> runAsync("async org call", api.listWalletsAsync()));
    }
    rounds(
        i -> {
          try (CoboClient org = client(true)) { // a fresh manager each round: every round fetches a token
            run("token manager", () -> org.tokens().accessToken());
            run("token manager refresh", () -> org.tokens().refresh());
            run("org-scoped sync call", () -> org.api(TestApi.class).listWallets());
            runAsync("org-scoped async call", org.api(TestApi.class).listWalletsAsync());
          }
        });

    System.out.printf("Fuzzed %d requests (seed %d): %d escaped, %d thrown on OkHttp threads%n",
        server.getRequestCount(), SEED, escaped.size(), onOkHttpThreads.size());
    assertThat(escaped).as("outcomes that are neither a result nor the SDK's exception").isEmpty();
    assertThat(onOkHttpThreads).as("exceptions thrown on OkHttp's threads").isEmpty();
    assertThat(server.getRequestCount()).isGreaterThan(4 * ROUNDS);
  }

  /** What the page dispatcher answers next; the test sets it before each call and waits for the call to end. */
  volatile java.util.function.Function<RecordedRequest, byte[]> answer = r -> new byte[0];

  /** Signed answers (so they reach the Pager and the models) from {@link #answer}, now and then an error status. */
  final class SignedPages extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      byte[] body = answer.apply(request);
      int status = random.nextInt(20) == 0 ? List.of(400, 404, 429, 500, 502, 503).get(random.nextInt(6)) : 200;
      return Signed.bytes(status, body, Clock.systemUTC()).addHeader("Connection", "close").build();
    }
  }

  /**
   * The page walkers and generated models of whatever spec the SDK was generated from, reached through {@code
   * cobo.apis()} like a caller: every {@code ...All()} pager walked every way over hostile pages, and every
   * operation whose arguments can be made up here called synchronously and asynchronously with hostile bodies;
   * every item and result is read through its getters. Only results and the SDK's own exceptions may come out;
   * walks must end and nothing may be thrown on an OkHttp thread.
   */
  @Test
  void pageWalksAndGeneratedModelsThroughTheClientYieldResultsOrTheSdksOwnException() throws Exception {
    server.setDispatcher(new SignedPages());
    Map<String, Integer> endless = new TreeMap<>();
    Map<String, String> outcomes = java.util.Collections.synchronizedMap(new TreeMap<>());
    int walks = 0;
    int calls = 0;
    try (CoboClient cobo =
        CoboClient.builder()
            .baseUrl(server.url("/v2").toString())
            .serverPublicKey(Signed.PUBLIC_KEY)
            .apiSecret(SECRET)
            .sleeper((millis, call) -> {})
            .build()) {
      List<Method> pagers = new ArrayList<>();
      List<Method> operations = new ArrayList<>();
      Map<Method, Object> apis = new java.util.HashMap<>();
      for (Method accessor : CoboApis.class.getMethods()) {
        if (accessor.getDeclaringClass() != CoboApis.class || accessor.getParameterCount() != 0) {
          continue;
        }
        Object api = accessor.invoke(cobo.apis());
        for (Method m : accessor.getReturnType().getMethods()) {
          apis.put(m, api);
          if (m.getReturnType() == Pager.class && m.getParameterCount() == 0) {
            pagers.add(m);
          } else if (model(m) != null && arguments(m) != null) {
            operations.add(m);
          }
        }
      }
      pagers.sort(java.util.Comparator.comparing(Method::toString));
      operations.sort(java.util.Comparator.comparing(Method::toString));
      assertThat(pagers).as("pagers of the generated spec").isNotEmpty();
      assertThat(operations).as("operations of the generated spec").isNotEmpty();

      for (Method pager : pagers) {
        Class<?> item = Types.getRawType(((ParameterizedType) pager.getGenericReturnType()).getActualTypeArguments()[0]);
        HostilePages pages = new HostilePages(SEED + walks, "data", names(item));
        answer = r -> pages.page(r.getUrl().queryParameter("after"));
        for (int i = 0; i < Math.max(10, ROUNDS / pagers.size()); i++, walks++) {
          pages.newWalk();
          HostilePages.walk(pager.getName(), i % 5, (Pager<?>) pager.invoke(apis.get(pager)), outcomes);
        }
        endless.put(pager.getName(), pages.endlessWalks());
      }
      for (int i = 0; i < ROUNDS; i++, calls++) {
        Method operation = operations.get(i % operations.size());
        HostilePages documents = new HostilePages(SEED + i, "data", names(model(operation)));
        answer = r -> documents.document();
        String path = operation.getName();
        try {
          Object result = operation.invoke(apis.get(operation), arguments(operation));
          if (result instanceof CompletableFuture) {
            result = ((CompletableFuture<?>) result).get(30, TimeUnit.SECONDS);
          }
          HostilePages.touch(path, result, outcomes, 0);
        } catch (InvocationTargetException e) {
          if (!(e.getCause() instanceof CoboException)) {
            outcomes.putIfAbsent(path + ": " + e.getCause().getClass().getName(), String.valueOf(e.getCause()));
          }
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof CoboException)) {
            outcomes.putIfAbsent(path + ": " + e.getCause().getClass().getName(), String.valueOf(e.getCause()));
          }
        }
      }
    }

    System.out.printf(
        "Fuzzed %d page walks and %d calls through cobo.apis() (seed %d): %d escaped, %d walks that did not end, %d"
            + " thrown on OkHttp threads%n",
        walks, calls, SEED, outcomes.size(), endless.values().stream().mapToInt(Integer::intValue).sum(),
        onOkHttpThreads.size());
    assertThat(outcomes).as("outcomes that are neither a result nor the SDK's exception").isEmpty();
    assertThat(endless).as("walks that did not end").allSatisfy((name, count) -> assertThat(count).isZero());
    assertThat(onOkHttpThreads).as("exceptions thrown on OkHttp's threads").isEmpty();
  }

  /** The generated model an operation returns (in a future or not), or null if it returns none. */
  static Class<?> model(Method operation) {
    Type type = operation.getGenericReturnType();
    if (Types.getRawType(type) == CompletableFuture.class) {
      type = ((ParameterizedType) type).getActualTypeArguments()[0];
    }
    Class<?> raw = Types.getRawType(type);
    return raw.isAnnotationPresent(JsonModel.class) && !raw.isEnum() ? raw : null;
  }

  /**
   * Arguments for an operation without a body: null for {@code @Nullable} parameters, a plain value of each simple
   * type, a parameter object with nothing set; null when some parameter cannot be made up here.
   */
  static Object[] arguments(Method operation) {
    Type[] types = operation.getGenericParameterTypes();
    java.lang.reflect.AnnotatedType[] annotated = operation.getAnnotatedParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (annotated[i].isAnnotationPresent(Nullable.class)) {
        continue;
      }
      Class<?> raw = Types.getRawType(types[i]);
      if (raw == String.class) {
        args[i] = "x-1";
      } else if (raw == UUID.class) {
        args[i] = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
      } else if (raw == Integer.class) {
        args[i] = 1;
      } else if (raw == Long.class) {
        args[i] = 1L;
      } else if (raw == Boolean.class) {
        args[i] = true;
      } else if (raw == BigDecimal.class) {
        args[i] = BigDecimal.ONE;
      } else if (raw.getSimpleName().endsWith("Params")) {
        try {
          Object builder = raw.getMethod("builder").invoke(null);
          args[i] = builder.getClass().getMethod("build").invoke(builder);
        } catch (ReflectiveOperationException e) {
          return null; // a required parameter: not made up here
        }
      } else {
        return null; // a body, an enum, a list: not made up here
      }
    }
    return args;
  }

  /** The member names a model reads: its adapter's, or for a oneOf, those of every variant. */
  static List<String> names(Class<?> model) {
    Set<String> names = new java.util.LinkedHashSet<>();
    JsonModel annotation = model.getAnnotation(JsonModel.class);
    if (annotation != null) {
      try {
        Field field = annotation.adapter().getDeclaredField("NAMES");
        field.setAccessible(true);
        names.addAll(((JsonReader.Options) field.get(null)).strings());
      } catch (NoSuchFieldException e) {
        // a oneOf or an enum: no names of its own
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    if (model.isSealed()) {
      for (Class<?> variant : model.getPermittedSubclasses()) {
        if (variant != model) {
          names.addAll(names(variant));
        }
      }
    }
    return new ArrayList<>(names);
  }
}
