package dev.waasj.internal.call;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.waasj.errors.ApiError;
import dev.waasj.errors.CoboApiException;
import dev.waasj.errors.CoboException;
import dev.waasj.errors.CoboTransportException;
import dev.waasj.errors.MalformedResponseException;
import dev.waasj.internal.call.FailureCarrier;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/** Turns Retrofit responses and failures into bodies or the SDK's typed exceptions. */
final class ResponseMapper {
  /** The most bytes of an error body read: enough for any JSON error, a bound for any proxy page. */
  static final int MAX_ERROR_BODY_BYTES = ApiError.MAX_RAW_BODY_CHARS;

  private final JsonAdapter<Map<String, Object>> errorBodyAdapter;

  ResponseMapper(Moshi moshi) {
    this.errorBodyAdapter =
        moshi.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  }

  /**
   * Returns the decoded body of a 2xx response, or throws the {@link CoboApiException} an error status maps to. A
   * success without the body the operation declares (a 204, or a JSON {@code null}) is malformed, unless the
   * operation declares none ({@code Void}).
   */
  <T> @Nullable T bodyOrThrow(Response<T> response, Type responseType) {
    if (!response.isSuccessful()) {
      throw error(response);
    }
    T body = response.body();
    if (body == null && responseType != Void.class) {
      throw new MalformedResponseException(
          "HTTP " + response.code() + " arrived without the response body the operation declares", null);
    }
    return body;
  }

  /** The typed exception for an error response. */
  CoboApiException error(Response<?> response) {
    okhttp3.Response raw = response.raw();
    String body = readErrorBody(response.errorBody());
    ApiError.Builder error = ApiError.builder().statusCode(response.code()).rawBody(body);
    Headers headers = response.headers();
    for (int i = 0; i < headers.size(); i++) {
      error.header(headers.name(i), headers.value(i));
    }
    Request request = raw.request();
    error.host(request.url().host()).requestId(RetrySafety.topLevelString(request.body(), "request_id"));
    Map<String, Object> json = parseObject(body);
    if (json != null) {
      error
          .errorCode(intOrNull(json.get("error_code")))
          .errorMessage(stringOrNull(json.get("error_message")))
          .errorId(stringOrNull(json.get("error_id")))
          .oauthError(stringOrNull(json.get("error")))
          .oauthErrorDescription(stringOrNull(json.get("error_description")));
    }
    return CoboApiException.of(error.build());
  }

  /** Maps anything a call can fail with to the SDK's exception types; already-typed failures pass through. */
  CoboException failure(Throwable t) {
    if (t instanceof CoboException) {
      return (CoboException) t;
    }
    if (t instanceof FailureCarrier) {
      return ((FailureCarrier) t).failure();
    }
    if (t instanceof JsonDataException || t instanceof JsonEncodingException || t instanceof EOFException) {
      // Moshi's messages name the path and the expected type, never the value.
      return new MalformedResponseException("Response body is not the documented JSON: " + t.getMessage(), t);
    }
    if (t instanceof IOException) {
      return new CoboTransportException("Request failed: " + describe(t), (IOException) t);
    }
    if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
      throw (RuntimeException) t; // the caller's own mistake, reported before anything was sent
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    // A converter or interceptor that broke its contract (an NPE, say): still the SDK's exception, with the cause.
    return new CoboException("Request failed: " + describe(t), t);
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + message;
  }

  /** At most {@link #MAX_ERROR_BODY_BYTES} bytes of the body, as UTF-8. */
  private static String readErrorBody(@Nullable ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (ResponseBody b = body) {
      BufferedSource source = b.source();
      source.request(MAX_ERROR_BODY_BYTES);
      Buffer buffer = source.getBuffer();
      return buffer.readString(Math.min(buffer.size(), MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private @Nullable Map<String, Object> parseObject(String raw) {
    String trimmed = raw.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return errorBodyAdapter.fromJson(trimmed);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Integer intOrNull(@Nullable Object value) {
    if (value instanceof Number) {
      double d = ((Number) value).doubleValue();
      return d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE && d == Math.rint(d) ? (int) d : null;
    }
    if (value instanceof String) {
      try {
        return Integer.valueOf(((String) value).trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static @Nullable String stringOrNull(@Nullable Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean ? String.valueOf(value) : null;
  }
}
