package dev.waasj.internal.call;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.List;
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
 */
final class RequiredArguments {
  private RequiredArguments() {}

  static void check(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      return;
    }
    Method method = invocation.method();
    List<?> arguments = invocation.arguments();
    AnnotatedType[] types = method.getAnnotatedParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < types.length; i++) {
      if (types[i].isAnnotationPresent(Nullable.class)) {
        continue;
      }
      Object value = arguments.get(i);
      if (value == null) {
        throw new IllegalArgumentException(
            method.getName() + ": " + describe(annotations[i]) + " is required and must not be null");
      }
      if (value instanceof CharSequence && value.toString().isBlank()) {
        throw new IllegalArgumentException(
            method.getName() + ": " + describe(annotations[i]) + " is required and must not be blank");
      }
    }
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
