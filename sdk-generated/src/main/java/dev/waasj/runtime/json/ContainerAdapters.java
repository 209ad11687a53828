package dev.waasj.runtime.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Lists, sets and string-keyed maps whose elements need an adapter Moshi would not pick by type alone (exact
 * free-form values, decimals sent as strings); see {@link JsonSupport#fieldAdapter}.
 */
final class ContainerAdapters {
  private ContainerAdapters() {}

  static final class ListAdapter<E> extends JsonAdapter<List<@Nullable E>> {
    private final JsonAdapter<E> element;

    ListAdapter(JsonAdapter<E> element) {
      this.element = element;
    }

    @Override
    public List<@Nullable E> fromJson(JsonReader reader) throws IOException {
      return readInto(reader, element, new ArrayList<>());
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable List<@Nullable E> value) throws IOException {
      write(writer, element, value);
    }

    @Override
    public String toString() {
      return element + ".list()";
    }
  }

  static final class SetAdapter<E> extends JsonAdapter<Set<@Nullable E>> {
    private final JsonAdapter<E> element;

    SetAdapter(JsonAdapter<E> element) {
      this.element = element;
    }

    @Override
    public Set<@Nullable E> fromJson(JsonReader reader) throws IOException {
      return readInto(reader, element, new LinkedHashSet<>());
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Set<@Nullable E> value) throws IOException {
      write(writer, element, value);
    }

    @Override
    public String toString() {
      return element + ".set()";
    }
  }

  static final class MapAdapter<V> extends JsonAdapter<Map<String, @Nullable V>> {
    private final JsonAdapter<V> value;

    MapAdapter(JsonAdapter<V> value) {
      this.value = value;
    }

    @Override
    public Map<String, @Nullable V> fromJson(JsonReader reader) throws IOException {
      Map<String, @Nullable V> map = new LinkedHashMap<>();
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        map.put(name, value.fromJson(reader));
      }
      reader.endObject();
      return map;
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Map<String, @Nullable V> map) throws IOException {
      if (map == null) {
        writer.nullValue();
        return;
      }
      writer.beginObject();
      for (Map.Entry<String, @Nullable V> entry : map.entrySet()) {
        if (entry.getValue() == null) {
          JsonValues.writeNullMember(writer, entry.getKey()); // as read: free-form members may be null
        } else {
          writer.name(entry.getKey());
          value.toJson(writer, entry.getValue());
        }
      }
      writer.endObject();
    }

    @Override
    public String toString() {
      return value + ".map()";
    }
  }

  private static <E, C extends Collection<@Nullable E>> C readInto(JsonReader reader, JsonAdapter<E> element, C into)
      throws IOException {
    reader.beginArray();
    while (reader.hasNext()) {
      into.add(element.fromJson(reader));
    }
    reader.endArray();
    return into;
  }

  private static <E> void write(JsonWriter writer, JsonAdapter<E> element, @Nullable Collection<@Nullable E> value)
      throws IOException {
    if (value == null) {
      writer.nullValue();
      return;
    }
    writer.beginArray();
    for (E e : value) {
      element.toJson(writer, e);
    }
    writer.endArray();
  }
}
