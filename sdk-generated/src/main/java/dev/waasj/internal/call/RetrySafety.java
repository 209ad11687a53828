package dev.waasj.internal.call;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 *
 * <p>Cheap to ask more than once per call: each service method's annotation is read once, and a body is scanned
 * once however many layers ask about it (the call factory, the retry layer), also when an interceptor has rebuilt
 * the request around the same body.
 */
public final class RetrySafety {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  /** Bodies larger than this are not scanned for the deduplicated field. */
  private static final long MAX_SCANNED_BYTES = 1024 * 1024;

  /** Each service method's deduplicated field, {@code ""} when it has none. */
  private static final ConcurrentMap<Method, String> FIELDS = new ConcurrentHashMap<>();

  /** Recent decisions by body: a call's layers ask about the same body one after another. */
  private static final Decisions DECISIONS = new Decisions(64);

  private RetrySafety() {}

  /** Whether {@code request} may be resent after a failure that leaves its fate unknown. */
  public static boolean isSafeToResend(Request request) {
    if (IDEMPOTENT.contains(request.method())) {
      return true;
    }
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      return false;
    }
    String field = deduplicatedField(invocation.method());
    RequestBody body = request.body();
    if (field.isEmpty() || body == null) {
      return false;
    }
    Boolean known = DECISIONS.get(body, field);
    if (known != null) {
      return known;
    }
    String value = topLevelString(body, field);
    boolean safe = value != null && !value.isBlank();
    DECISIONS.put(body, field, safe);
    return safe;
  }

  private static String deduplicatedField(Method method) {
    String field = FIELDS.get(method);
    if (field == null) {
      Deduplicated marker = method.getAnnotation(Deduplicated.class);
      field = marker == null ? "" : marker.field();
      FIELDS.putIfAbsent(method, field);
    }
    return field;
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

  /**
   * A small lock-free table of decisions by body identity. It holds bodies weakly, so it keeps no request alive;
   * two bodies that share a slot only cost a second scan, never a wrong answer.
   */
  private static final class Decisions {
    private final AtomicReferenceArray<Decision> slots;

    Decisions(int size) {
      this.slots = new AtomicReferenceArray<>(size); // a power of two
    }

    @Nullable Boolean get(RequestBody body, String field) {
      Decision d = slots.get(index(body));
      return d != null && d.get() == body && d.field.equals(field) ? d.safe : null;
    }

    void put(RequestBody body, String field, boolean safe) {
      slots.set(index(body), new Decision(body, field, safe));
    }

    private int index(RequestBody body) {
      int h = System.identityHashCode(body);
      return (h ^ (h >>> 16)) & (slots.length() - 1);
    }
  }

  private static final class Decision extends WeakReference<RequestBody> {
    final String field;
    final boolean safe;

    Decision(RequestBody body, String field, boolean safe) {
      super(body);
      this.field = field;
      this.safe = safe;
    }
  }
}
