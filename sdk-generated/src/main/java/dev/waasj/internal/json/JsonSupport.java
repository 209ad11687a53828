package dev.waasj.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.waasj.json.JsonValues;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * The null-safe adapter for a model field of type {@code T}; generated adapters call this. Free-form parts of the
   * type ({@code Object}, {@code Map<String, Object>}, ...) keep numbers exact, as {@link JsonValues} describes.
   * With {@code stringEncoded} (the spec declares the JSON values as strings), {@link BigDecimal}s are read and
   * written as JSON strings, also inside lists and maps.
   */
  public static <T> JsonAdapter<T> fieldAdapter(Moshi moshi, TypeRef<T> type, boolean stringEncoded) {
    return JsonSupport.<T>exactAdapter(moshi, type.type(), stringEncoded).nullSafe();
  }

  /** Like {@link #fieldAdapter(Moshi, TypeRef, boolean)}, for a field whose type is not generic. */
  public static <T> JsonAdapter<T> fieldAdapter(Moshi moshi, Class<T> type, boolean stringEncoded) {
    return JsonSupport.<T>exactAdapter(moshi, type, stringEncoded).nullSafe();
  }

  @SuppressWarnings("unchecked") // each branch builds an adapter for exactly the requested type
  private static <T> JsonAdapter<T> exactAdapter(Moshi moshi, Type type, boolean stringEncoded) {
    if (!needsExactAdapter(type, stringEncoded)) {
      return moshi.adapter(type);
    }
    if (type == Object.class) {
      return (JsonAdapter<T>) JsonValues.adapter(moshi);
    }
    if (type == BigDecimal.class) {
      return (JsonAdapter<T>) DECIMAL_STRING;
    }
    Class<?> raw = Types.getRawType(type);
    Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
    if (raw == List.class || raw == Collection.class) {
      return (JsonAdapter<T>)
          ContainerAdapters.CollectionAdapter.list(exactAdapter(moshi, arguments[0], stringEncoded)).nullSafe();
    }
    if (raw == Set.class) {
      return (JsonAdapter<T>)
          ContainerAdapters.CollectionAdapter.set(exactAdapter(moshi, arguments[0], stringEncoded)).nullSafe();
    }
    if (raw == Map.class && arguments[0] == String.class) {
      return (JsonAdapter<T>)
          new ContainerAdapters.MapAdapter<>(exactAdapter(moshi, arguments[1], stringEncoded)).nullSafe();
    }
    return moshi.adapter(type);
  }

  private static boolean needsExactAdapter(Type type, boolean stringEncoded) {
    if (type == Object.class || (stringEncoded && type == BigDecimal.class)) {
      return true;
    }
    if (type instanceof ParameterizedType) {
      for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
        if (needsExactAdapter(argument, stringEncoded)) {
          return true;
        }
      }
    }
    return false;
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
