package dev.waasj.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.waasj.json.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Lists, sets and string-keyed maps whose elements need an adapter Moshi would not pick by type alone (exact
 * free-form values, decimals sent as strings); see {@link JsonSupport#fieldAdapter}.
 */
final class ContainerAdapters {
  private ContainerAdapters() {}

  /** A list or set: the two differ only in the collection they read into. */
  static final class CollectionAdapter<E, C extends Collection<@Nullable E>> extends JsonAdapter<C> {
    private final JsonAdapter<E> element;
    private final Supplier<C> empty;
    private final String kind;

    private CollectionAdapter(JsonAdapter<E> element, Supplier<C> empty, String kind) {
      this.element = element;
      this.empty = empty;
      this.kind = kind;
    }

    static <E> CollectionAdapter<E, List<@Nullable E>> list(JsonAdapter<E> element) {
      return new CollectionAdapter<>(element, ArrayList::new, "list");
    }

    /** Keeps JSON order, so a set written back reads the same. */
    static <E> CollectionAdapter<E, Set<@Nullable E>> set(JsonAdapter<E> element) {
      return new CollectionAdapter<>(element, LinkedHashSet::new, "set");
    }

    @Override
    public C fromJson(JsonReader reader) throws IOException {
      C into = empty.get();
      reader.beginArray();
      while (reader.hasNext()) {
        into.add(element.fromJson(reader));
      }
      reader.endArray();
      return into;
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable C value) throws IOException {
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

    @Override
    public String toString() {
      return element + "." + kind + "()";
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
          ModelSupport.writeNullMember(writer, entry.getKey()); // as read: free-form members may be null
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
}
