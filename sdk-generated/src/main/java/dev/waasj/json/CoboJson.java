package dev.waasj.json;

import com.squareup.moshi.Moshi;
import dev.waasj.internal.json.JsonSupport;

/**
 * The Moshi instance generated models are read and written with: snake_case names as in the spec, {@code
 * java.time} and {@link java.math.BigDecimal} adapters, {@code oneOf} shapes and open enums. Use it to write a model
 * as JSON (to store an event, say) or to read one from JSON that did not come through the client.
 *
 * <pre>{@code
 * String json = CoboJson.moshi().adapter(Transaction.class).toJson(transaction);
 * }</pre>
 */
public final class CoboJson {
  private CoboJson() {}

  /** The shared, thread-safe instance; add adapters with {@code moshi().newBuilder()}. */
  public static Moshi moshi() {
    return JsonSupport.moshi();
  }
}
