package dev.waasj.internal.call;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.Set;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import retrofit2.Invocation;

/**
 * Whether a request may be sent again when its answer was lost, decided per call: an idempotent method (GET, HEAD,
 * PUT, DELETE, OPTIONS), or an operation marked {@link Deduplicated} whose body carries a non-empty value in the
 * deduplicated field. Everything else (a token refresh, a create without {@code request_id}) may have acted, so the
 * SDK never resends it, and neither does OkHttp.
 */
public final class RetrySafety {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  /** Bodies larger than this are not scanned for the deduplicated field. */
  private static final long MAX_SCANNED_BYTES = 1024 * 1024;

  private RetrySafety() {}

  /** Whether {@code request} may be resent after a failure that leaves its fate unknown. */
  public static boolean isSafeToResend(Request request) {
    if (IDEMPOTENT.contains(request.method())) {
      return true;
    }
    Invocation invocation = request.tag(Invocation.class);
    Deduplicated marker = invocation == null ? null : invocation.method().getAnnotation(Deduplicated.class);
    if (marker == null) {
      return false;
    }
    String value = topLevelString(request.body(), marker.field());
    return value != null && !value.isBlank();
  }

  /** The top-level string member {@code field} of a JSON body, or null. */
  static @Nullable String topLevelString(@Nullable RequestBody body, String field) {
    if (body == null || body.isDuplex() || body.isOneShot()) {
      return null;
    }
    try {
      if (body.contentLength() > MAX_SCANNED_BYTES) {
        return null;
      }
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      JsonReader reader = JsonReader.of(buffer);
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return null;
      }
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals(field) && reader.peek() == JsonReader.Token.STRING) {
          return reader.nextString();
        }
        reader.skipValue();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null; // not JSON: nothing to deduplicate by
    }
  }
}
