package dev.waasj.runtime.call;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.waasj.errors.CoboApiException;
import dev.waasj.errors.CoboException;
import dev.waasj.errors.CoboTransportException;
import dev.waasj.errors.FailureCarrier;
import dev.waasj.errors.MalformedResponseException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/** Turns Retrofit responses and failures into bodies or the SDK's typed exceptions. */
final class ResponseMapper {
  private final JsonAdapter<Map<String, Object>> errorBodyAdapter;

  ResponseMapper(Moshi moshi) {
    this.errorBodyAdapter =
        moshi.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  }

  /** Returns the decoded body of a 2xx response, or throws the {@link CoboApiException} an error status maps to. */
  <T> @Nullable T bodyOrThrow(Response<T> response) {
    if (response.isSuccessful()) {
      return response.body();
    }
    throw CoboApiException.of(parseError(response.code(), readErrorBody(response.errorBody())));
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
      return new MalformedResponseException(
          "Response body is not the documented JSON: " + t.getMessage(), t);
    }
    if (t instanceof IOException) {
      return new CoboTransportException("Request failed: " + describe(t), (IOException) t);
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new CoboException("Request failed: " + describe(t), t);
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + message;
  }

  private static String readErrorBody(@Nullable ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (ResponseBody b = body) {
      return b.string();
    } catch (IOException e) {
      return "";
    }
  }

  private CoboApiException.ApiError parseError(int status, String raw) {
    Map<String, Object> json = parseObject(raw);
    if (json == null) {
      return new CoboApiException.ApiError(status, null, null, null, null, null, raw);
    }
    return new CoboApiException.ApiError(
        status,
        intOrNull(json.get("error_code")),
        stringOrNull(json.get("error_message")),
        stringOrNull(json.get("error_id")),
        stringOrNull(json.get("error")),
        stringOrNull(json.get("error_description")),
        raw);
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
      return ((Number) value).intValue();
    }
    if (value instanceof String) {
      try {
        return Integer.valueOf((String) value);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static @Nullable String stringOrNull(@Nullable Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
