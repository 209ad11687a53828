package dev.waasj.runtime.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * The Moshi configuration generated models are read and written with: their own adapters (found through
 * {@link JsonModel}) and exact adapters for {@link BigDecimal}, {@link OffsetDateTime}, {@link LocalDate},
 * {@link UUID} and {@link URI}, none of which Moshi has built in.
 */
public final class JsonSupport {
  private static final JsonAdapter<BigDecimal> DECIMAL_STRING =
      textAdapter("decimal", BigDecimal::new, BigDecimal::toPlainString);
  private static final Moshi MOSHI = configure(new Moshi.Builder()).build();

  private JsonSupport() {}

  /** A shared, thread-safe Moshi instance that reads and writes every generated model. */
  public static Moshi moshi() {
    return MOSHI;
  }

  /** Adds the SDK's adapters to {@code builder}, for callers who combine them with their own. */
  public static Moshi.Builder configure(Moshi.Builder builder) {
    return builder
        .add(JsonSupport::modelAdapter)
        .add(BigDecimal.class, new DecimalAdapter().nullSafe())
        .add(OffsetDateTime.class, textAdapter("date-time", OffsetDateTime::parse, OffsetDateTime::toString))
        .add(LocalDate.class, textAdapter("date", LocalDate::parse, LocalDate::toString))
        .add(UUID.class, textAdapter("uuid", UUID::fromString, UUID::toString))
        .add(URI.class, textAdapter("uri", URI::create, URI::toString));
  }

  /** The null-safe adapter for a model field of type {@code T}; generated adapters call this. */
  public static <T> JsonAdapter<T> adapter(Moshi moshi, TypeRef<T> type) {
    return moshi.<T>adapter(type.type()).nullSafe();
  }

  /**
   * Like {@link #adapter}, for a field the spec declares as a JSON string: a {@link BigDecimal} there (an amount
   * with {@code format: decimal}) is written back as a string, as the server sent it, not as a number.
   */
  @SuppressWarnings("unchecked") // checked: the type is BigDecimal exactly
  public static <T> JsonAdapter<T> stringEncoded(Moshi moshi, TypeRef<T> type) {
    if (type.type() == BigDecimal.class) {
      return (JsonAdapter<T>) DECIMAL_STRING;
    }
    return adapter(moshi, type);
  }

  private static @Nullable JsonAdapter<?> modelAdapter(
      Type type, java.util.Set<? extends java.lang.annotation.Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    JsonModel model = Types.getRawType(type).getAnnotation(JsonModel.class);
    if (model == null) {
      return null;
    }
    try {
      return model.adapter().getConstructor(Moshi.class).newInstance(moshi).nullSafe();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Adapter of " + type + " failed to initialize", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Adapter of " + type + " needs a public (Moshi) constructor", e);
    }
  }

  private static <T> JsonAdapter<T> textAdapter(
      String format, Function<String, T> parse, Function<T, String> print) {
    return new JsonAdapter<T>() {
      @Override
      public T fromJson(JsonReader reader) throws IOException {
        String text = reader.nextString();
        try {
          return parse.apply(text);
        } catch (DateTimeParseException | IllegalArgumentException e) { // NumberFormatException included
          // Name the path and format, not the value: values may be sensitive.
          throw new JsonDataException("Expected a " + format + " at path " + reader.getPath(), e);
        }
      }

      @Override
      public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
        writer.value(value == null ? null : print.apply(value));
      }

      @Override
      public String toString() {
        return "JsonAdapter(" + format + ")";
      }
    }.nullSafe();
  }

  /**
   * Reads a decimal from a JSON number or string without passing through {@code double}, and writes it back as a
   * plain (never scientific) JSON number literal, so amounts keep every digit.
   */
  private static final class DecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new JsonDataException("Expected a decimal at path " + reader.getPath(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable BigDecimal value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(value.toPlainString());
      }
    }

    @Override
    public String toString() {
      return "JsonAdapter(BigDecimal)";
    }
  }
}
