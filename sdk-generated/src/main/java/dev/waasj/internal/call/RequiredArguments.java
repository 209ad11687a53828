package dev.waasj.internal.call;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import retrofit2.Invocation;
import retrofit2.http.Body;
import retrofit2.http.Field;
import retrofit2.http.Header;
import retrofit2.http.Part;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Rejects a call whose required arguments are null or blank, before anything is sent. Generated methods mark
 * optional parameters {@code @Nullable}; every other parameter is required. Retrofit alone would silently drop a
 * null query parameter and let the server answer with a less helpful error.
 *
 * <p>Each method's parameters are read once, on its first call: reading parameter annotations allocates and parses
 * on every call, which a call should not pay.
 */
final class RequiredArguments {
  private static final ConcurrentMap<Method, RequiredArguments> BY_METHOD = new ConcurrentHashMap<>();

  private final String method;
  private final int[] required;
  private final String[] names;

  private RequiredArguments(String method, int[] required, String[] names) {
    this.method = method;
    this.required = required;
    this.names = names;
  }

  static void check(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      return;
    }
    Method method = invocation.method();
    RequiredArguments checks = BY_METHOD.get(method);
    if (checks == null) {
      checks = BY_METHOD.computeIfAbsent(method, RequiredArguments::of);
    }
    checks.check(invocation.arguments());
  }

  private void check(List<?> arguments) {
    for (int i = 0; i < required.length; i++) {
      Object value = arguments.get(required[i]);
      if (value == null) {
        throw new IllegalArgumentException(method + ": " + names[i] + " is required and must not be null");
      }
      if (value instanceof CharSequence && value.toString().isBlank()) {
        throw new IllegalArgumentException(method + ": " + names[i] + " is required and must not be blank");
      }
    }
  }

  private static RequiredArguments of(Method method) {
    AnnotatedType[] types = method.getAnnotatedParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    List<Integer> required = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      if (!types[i].isAnnotationPresent(Nullable.class)) {
        required.add(i);
        names.add(describe(annotations[i]));
      }
    }
    return new RequiredArguments(
        method.getName(), required.stream().mapToInt(Integer::intValue).toArray(), names.toArray(new String[0]));
  }

  /** Names a parameter by its wire name, e.g. {@code query parameter 'client_id'}. */
  private static String describe(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof Query) {
        return "query parameter '" + ((Query) a).value() + "'";
      } else if (a instanceof Path) {
        return "path parameter '" + ((Path) a).value() + "'";
      } else if (a instanceof Header) {
        return "header '" + ((Header) a).value() + "'";
      } else if (a instanceof Field) {
        return "form field '" + ((Field) a).value() + "'";
      } else if (a instanceof Part) {
        return "part '" + ((Part) a).value() + "'";
      } else if (a instanceof Body) {
        return "request body";
      }
    }
    return "argument";
  }
}
