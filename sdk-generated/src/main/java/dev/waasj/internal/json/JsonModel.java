package dev.waasj.internal.json;

import com.squareup.moshi.JsonAdapter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated model and names its adapter, so {@link JsonSupport} can find it without a registry that would
 * have to be regenerated alongside the models. The adapter needs a public constructor taking a {@code Moshi}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonModel {
  /** The adapter class that reads and writes the annotated type. */
  Class<? extends JsonAdapter<?>> adapter();

  /**
   * The name of the OpenAPI schema the type was generated from, as the spec writes it (for instance
   * {@code get_token_2XX_response}); empty for types the spec declares inline, such as a property's enumeration.
   */
  String schema() default "";
}
