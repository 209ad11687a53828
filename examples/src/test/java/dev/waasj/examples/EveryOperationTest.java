package dev.waasj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.waasj.client.CoboClient;
import dev.waasj.generated.CoboApis;
import dev.waasj.internal.json.JsonSupport;
import dev.waasj.json.Validatable;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.OperationSample;
import dev.waasj.testkit.TestKeyPair;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import retrofit2.http.Body;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Every operation of whatever spec the SDK was generated from (261 with Cobo's 1.38.0), called once through {@code
 * cobo.apis()} against the emulator serving that same spec, with arguments the emulator builds from the spec: each
 * must answer with a body that parses into its declared type and passes that type's {@code validate()}. Written
 * against the facade's shape only, so it runs under any spec.
 */
class EveryOperationTest {
  static final TestKeyPair APP = TestKeyPair.generate();
  static final String[] HTTP = {"GET", "POST", "PUT", "DELETE", "PATCH"};

  @Test
  void everyOperationAnswersWithABodyOfItsDeclaredType() throws Exception {
    Map<String, String> failures = new TreeMap<>();
    int called = 0;
    try (CoboEmulator cobo = CoboEmulator.builder().registerApp("app", "org", APP.publicKeyHex()).start();
        CoboClient client =
            CoboClient.builder()
                .baseUrl(cobo.baseUrl())
                .serverPublicKey(cobo.serverPublicKeyHex())
                .apiSecret(APP.seedHex())
                .clientId("app")
                .orgId("org")
                .build()) {
      assertThat(cobo.specLocation()).as("the emulator serves the SDK's own spec").isPresent();
      Object token = null;
      for (Method accessor : CoboApis.class.getDeclaredMethods()) {
        if (!Modifier.isPublic(accessor.getModifiers()) || accessor.getParameterCount() != 0) {
          continue;
        }
        Object api = accessor.invoke(client.apis());
        List<Method> methods = new ArrayList<>(List.of(accessor.getReturnType().getMethods()));
        // By route, so GET oauth/token comes before the POST that refreshes its token.
        methods.sort(java.util.Comparator.comparing(m -> String.valueOf(route(m))));
        for (Method method : methods) {
          String route = route(method);
          if (route == null || method.getName().endsWith("Async")) {
            continue;
          }
          called++;
          try {
            Object[] args = arguments(cobo, method, route, token);
            Object result = method.invoke(api, args);
            if (route.endsWith("oauth/token") && route.startsWith("GET")) {
              token = result; // its refresh token feeds the refresh call
            }
            String problem = check(method, result);
            if (problem != null) {
              failures.put(route, problem);
            }
          } catch (InvocationTargetException e) {
            failures.put(route, String.valueOf(e.getCause()));
          } catch (RuntimeException e) {
            failures.put(route, "could not build arguments: " + e);
          }
        }
      }
    }
    System.out.printf("Every operation: %d of %d answered with their declared type%n", called - failures.size(), called);
    failures.forEach((route, problem) -> System.out.printf("  %s: %s%n", route, problem));

    assertThat(called).isPositive();
    assertThat(failures).isEmpty();
  }

  /** {@code METHOD path} from the Retrofit annotation, or null for a method that is no operation. */
  static String route(Method method) {
    for (Annotation a : method.getAnnotations()) {
      String name = a.annotationType().getSimpleName();
      for (String http : HTTP) {
        if (http.equals(name)) {
          try {
            return http + " " + a.annotationType().getMethod("value").invoke(a);
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
    return null;
  }

  static Object[] arguments(CoboEmulator cobo, Method method, String route, Object token) throws Exception {
    String[] parts = route.split(" ", 2);
    OperationSample sample = cobo.sample(parts[0], parts[1]).orElse(null);
    Annotation[][] annotations = method.getParameterAnnotations();
    Type[] types = method.getGenericParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      for (Annotation a : annotations[i]) {
        if (a instanceof Path) {
          args[i] = convert(types[i], sample.pathParameters().get(((Path) a).value()));
        } else if (a instanceof Query) {
          String name = ((Query) a).value();
          String value = route.endsWith("oauth/token") ? oauth(name) : sample == null ? null : sample.queryParameters().get(name);
          args[i] = value == null ? null : convert(types[i], value);
        } else if (a instanceof Body) {
          String body = sample == null ? "{}" : sample.body();
          if (route.equals("POST oauth/token")) {
            String refresh = (String) token.getClass().getMethod("refreshToken").invoke(token);
            body = "{\"client_id\":\"app\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refresh + "\"}";
          }
          JsonAdapter<Object> adapter = JsonSupport.moshi().adapter(types[i]);
          args[i] = adapter.fromJson(body);
        }
      }
    }
    return args;
  }

  static String oauth(String name) {
    switch (name) {
      case "client_id":
        return "app";
      case "org_id":
        return "org";
      case "grant_type":
        return "org_implicit";
      default:
        return null;
    }
  }

  static Object convert(Type type, String value) throws Exception {
    if (value == null) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (raw == String.class) {
      return value;
    } else if (raw == UUID.class) {
      return UUID.fromString(value);
    } else if (raw == Integer.class) {
      return Integer.valueOf(value);
    } else if (raw == Long.class) {
      return Long.valueOf(value);
    } else if (raw == Boolean.class) {
      return Boolean.valueOf(value);
    } else if (raw == BigDecimal.class) {
      return new BigDecimal(value);
    } else if (raw == OffsetDateTime.class) {
      return OffsetDateTime.parse(value);
    } else if (raw == LocalDate.class) {
      return LocalDate.parse(value);
    } else if (raw == List.class || raw == java.util.Set.class) {
      Object list = JsonSupport.moshi().adapter(type).fromJson(value.startsWith("[") ? value : "[\"" + value + "\"]");
      return list;
    }
    for (Method of : raw.getMethods()) { // an open enum: of(String) or of(Integer)
      if (of.getName().equals("of") && Modifier.isStatic(of.getModifiers()) && of.getParameterCount() == 1) {
        return of.invoke(null, convert(of.getParameterTypes()[0], value));
      }
    }
    throw new IllegalArgumentException("no conversion to " + type);
  }

  /** Null when {@code result} is of the method's declared type and validates, else what is wrong. */
  static String check(Method method, Object result) {
    if (method.getReturnType() == Void.class) {
      return null;
    }
    if (result == null) {
      return "no body";
    }
    if (!method.getReturnType().isInstance(result)) {
      return "a " + result.getClass().getName() + ", not a " + method.getReturnType().getName();
    }
    try {
      Object checked = result;
      if (checked instanceof Validatable) {
        ((Validatable) checked).validate();
      } else if (checked instanceof List) {
        for (Object item : (List<?>) checked) {
          if (item instanceof Validatable) {
            ((Validatable) item).validate();
          }
        }
      }
      return null;
    } catch (RuntimeException e) {
      return "invalid: " + e.getMessage();
    }
  }
}
