package dev.waasj.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.waasj.errors.MissingFieldException;
import dev.waasj.internal.json.JsonModel;
import dev.waasj.internal.json.JsonSupport;
import dev.waasj.json.Validatable;
import dev.waasj.testkit.JsonFuzz;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Every generated model of whatever spec was generated (and of the stress spec), fed hostile JSON from a fixed
 * seed: the only acceptable outcomes are a value (whose {@code toString}, {@code hashCode}, {@code toJson} and
 * {@code validate} then behave) or the exceptions the SDK reports as a malformed response. Anything else (an NPE, an
 * ArithmeticException, a DateTimeException) is counted, and the count must be zero.
 */
class ModelFuzzTest {
  static final long SEED = 20261129L;
  static final int DOCUMENTS_PER_MODEL = 40;
  static final Moshi MOSHI = JsonSupport.moshi();

  @Test
  void hostileJsonYieldsAValueOrAMalformedResponseForEveryModel() throws Exception {
    List<Class<?>> models = new ArrayList<>();
    models.addAll(SpecConformanceTest.classesIn("dev.waasj.generated.model"));
    models.addAll(SpecConformanceTest.classesIn("dev.waasj.stress.model"));
    Set<String> allNames = new LinkedHashSet<>();
    for (Class<?> model : models) {
      allNames.addAll(names(model));
    }
    List<String> pool = new ArrayList<>(allNames);
    JsonFuzz fuzz = JsonFuzz.seeded(SEED);
    Map<String, String> escaped = new TreeMap<>();
    int values = 0;
    int malformed = 0;
    for (Class<?> model : models) {
      @SuppressWarnings("unchecked")
      JsonAdapter<Object> adapter = (JsonAdapter<Object>) MOSHI.adapter(model);
      List<String> names = names(model).isEmpty() ? pool.subList(0, Math.min(40, pool.size())) : names(model);
      for (int i = 0; i < DOCUMENTS_PER_MODEL; i++) {
        byte[] body = fuzz.next(names);
        Object value;
        try {
          value = adapter.fromJson(JsonReader.of(new Buffer().write(body)));
        } catch (JsonDataException | JsonEncodingException | EOFException e) {
          malformed++;
          continue;
        } catch (IOException | RuntimeException e) {
          escaped.putIfAbsent(model.getSimpleName() + " reading", e.toString());
          continue;
        }
        values++;
        try {
          String.valueOf(value);
          java.util.Objects.hashCode(value);
          adapter.toJson(value);
          if (value instanceof Validatable) {
            try {
              ((Validatable) value).validate();
            } catch (MissingFieldException expected) {
              // a required field was absent: validate() says so, which is its job
            }
          }
        } catch (RuntimeException e) {
          escaped.putIfAbsent(model.getSimpleName() + " using", e.toString());
        }
      }
    }
    System.out.printf(
        "Fuzzed %d models with %d documents each (seed %d): %d values, %d malformed, %d escaped%n",
        models.size(), DOCUMENTS_PER_MODEL, SEED, values, malformed, escaped.size());

    assertThat(escaped).as("exceptions other than the SDK's malformed-response ones").isEmpty();
    assertThat(values).isPositive();
    assertThat(malformed).isPositive();
  }

  /** The JSON member names a generated model reads, from its adapter's options. */
  static List<String> names(Class<?> model) {
    JsonModel annotation = model.getAnnotation(JsonModel.class);
    if (annotation == null) {
      return List.of();
    }
    try {
      Field field = annotation.adapter().getDeclaredField("NAMES");
      field.setAccessible(true);
      return ((JsonReader.Options) field.get(null)).strings();
    } catch (NoSuchFieldException e) {
      return List.of(); // enums and oneOf interfaces read no named members themselves
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
