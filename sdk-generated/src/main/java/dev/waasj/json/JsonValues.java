package dev.waasj.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.waasj.internal.json.ModelSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * Free-form JSON (an object without a schema, {@code additionalProperties: true}, the body of a {@code oneOf}
 * variant this SDK version does not know) as plain Java values that keep every digit.
 *
 * <p>A JSON object reads as an unmodifiable insertion-ordered {@code Map<String, Object>}, an array as an
 * unmodifiable {@code List<Object>}, a string as {@link String}, {@code true}/{@code false} as {@link Boolean},
 * {@code null} as null, and a number as a {@link Long} when it is an integer that fits, otherwise as a
 * {@link BigDecimal}. Moshi's own {@code Object} adapter would turn every number into a {@code double}, which rounds
 * amounts and 64-bit integers.
 */
public final class JsonValues {
  private JsonValues() {}

  /**
   * The adapter for a free-form value. Writing accepts the types above, any other {@link Number}, and any value
   * {@code moshi} can write (a generated model placed in a map, for instance).
   */
  public static JsonAdapter<@Nullable Object> adapter(Moshi moshi) {
    return new ValueAdapter(moshi);
  }

  /**
   * Reads the next value, whatever its type, keeping numbers exact.
   *
   * @throws IOException if the reader fails or holds malformed JSON
   */
  public static @Nullable Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          object.put(name, read(reader));
        }
        reader.endObject();
        return Collections.unmodifiableMap(object);
      case BEGIN_ARRAY:
        List<@Nullable Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader));
        }
        reader.endArray();
        return Collections.unmodifiableList(array);
      case STRING:
        return reader.nextString();
      case NUMBER:
        return number(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonDataException("Expected a JSON value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  /**
   * Writes {@code value} as JSON; {@link BigDecimal}s as plain (never scientific) number literals, and map entries
   * whose value is null as JSON nulls, so free-form JSON comes out as it went in. Values of other types are written
   * with {@code moshi}.
   *
   * @throws IOException if the writer fails
   */
  public static void write(JsonWriter writer, @Nullable Object value, Moshi moshi) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (entry.getValue() == null) {
          ModelSupport.writeNullMember(writer, String.valueOf(entry.getKey()));
        } else {
          writer.name(String.valueOf(entry.getKey()));
          write(writer, entry.getValue(), moshi);
        }
      }
      writer.endObject();
    } else if (value instanceof Iterable) {
      writer.beginArray();
      for (Object element : (Iterable<?>) value) {
        write(writer, element, moshi);
      }
      writer.endArray();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value(((Boolean) value).booleanValue());
    } else if (value instanceof BigDecimal) {
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(((BigDecimal) value).toPlainString());
      }
    } else if (value instanceof Number) {
      writer.value((Number) value);
    } else {
      writeWithMoshi(writer, value, moshi);
    }
  }

  /**
   * A member of a JSON object read by {@link #read}, as text: e.g. the discriminator an {@code Unknown} shape holds.
   *
   * @return the member's string or number as text; null when {@code json} is no object or the member is absent, null
   *     or of another type
   */
  public static @Nullable String stringMember(@Nullable Object json, String member) {
    if (!(json instanceof Map)) {
      return null;
    }
    Object value = ((Map<?, ?>) json).get(member);
    return value instanceof String || value instanceof Number ? value.toString() : null;
  }

  @SuppressWarnings("unchecked") // the adapter comes from the value's own class
  private static void writeWithMoshi(JsonWriter writer, Object value, Moshi moshi) throws IOException {
    ((JsonAdapter<Object>) moshi.adapter(value.getClass())).toJson(writer, value);
  }

  private static Number number(String text) {
    boolean integral = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        integral = false;
        break;
      }
    }
    if (integral) {
      try {
        return Long.valueOf(text);
      } catch (NumberFormatException e) {
        // Beyond 64 bits: fall through to BigDecimal, which holds any integer.
      }
    }
    return new BigDecimal(text);
  }

  private static final class ValueAdapter extends JsonAdapter<@Nullable Object> {
    private final Moshi moshi;

    ValueAdapter(Moshi moshi) {
      this.moshi = moshi;
    }

    @Override
    public @Nullable Object fromJson(JsonReader reader) throws IOException {
      return read(reader);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Object value) throws IOException {
      write(writer, value, moshi);
    }

    @Override
    public String toString() {
      return "JsonAdapter(JsonValues)";
    }
  }
}
