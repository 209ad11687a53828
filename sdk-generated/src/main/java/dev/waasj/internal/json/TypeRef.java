package dev.waasj.internal.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a full generic type, e.g. {@code new TypeRef<List<Map<String, Long>>>() {}.type()}, so generated adapters
 * can ask Moshi for any field type without spelling out {@code Types.newParameterizedType} chains.
 *
 * @param <T> the captured type
 */
public abstract class TypeRef<T> {
  private final Type type;

  /** Captures the type argument of the anonymous subclass. */
  protected TypeRef() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType)) {
      throw new IllegalStateException("TypeRef must be created as an anonymous subclass with a type argument");
    }
    this.type = ((ParameterizedType) superclass).getActualTypeArguments()[0];
  }

  /** The captured type. */
  public final Type type() {
    return type;
  }
}
