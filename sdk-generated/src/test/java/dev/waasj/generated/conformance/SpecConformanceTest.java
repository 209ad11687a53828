package dev.waasj.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.waasj.errors.MissingFieldException;
import dev.waasj.internal.call.CoboCallAdapterFactory;
import dev.waasj.internal.json.JsonModel;
import dev.waasj.internal.json.JsonSupport;
import dev.waasj.json.JsonValues;
import dev.waasj.json.Validatable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Whatever spec this module was generated from (our own by default, the vendor's full spec with {@code
 * -Dcobo.spec=...}): every operation is a Retrofit method in both forms, every model has a working adapter, every
 * schema example survives decode and encode, and polymorphic JSON lands on the subtype its discriminator names.
 *
 * <p>The build passes the spec's path as {@code conformance.spec}; the spec is read in place at test time.
 */
@EnabledIfSystemProperty(
    named = "conformance.spec",
    matches = ".+",
    disabledReason = "run by Maven, which says which spec was generated")
class SpecConformanceTest {
  private static final String PACKAGE = System.getProperty("conformance.package", "dev.waasj.generated");
  private static final Moshi MOSHI = JsonSupport.moshi();

  private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

  private static Map<String, Object> spec;
  private static Map<String, Map<String, Object>> schemas;
  /** Generated models by the schema they came from, as each one's {@link JsonModel#schema()} says. */
  private static Map<String, Class<?>> models;

  @BeforeAll
  static void readSpec() throws IOException {
    Path path = Path.of(System.getProperty("conformance.spec"));
    if (!path.isAbsolute()) {
      // -Dcobo.spec=../x.yaml is relative to where Maven was started, not to this module.
      path = Path.of(System.getProperty("conformance.root", "")).resolve(path).normalize();
    }
    assertThat(path).as("conformance.spec").isRegularFile();
    spec = SpecYaml.read(path);
    schemas = new TreeMap<>();
    Map<String, Object> all = SpecYaml.map(spec, "components", "schemas");
    assertThat(all).as("components.schemas").isNotNull();
    all.keySet().forEach(name -> schemas.put(name, SpecYaml.map(all, name)));
    models = new TreeMap<>();
    for (Class<?> model : classesIn(PACKAGE + ".model")) {
      JsonModel annotation = model.getAnnotation(JsonModel.class);
      assertThat(annotation).as(model + " is a generated model").isNotNull();
      assertThat(models.put(annotation.schema(), model)).as("one class for " + annotation.schema()).isNull();
    }
    assertThat(models.keySet()).as("schemas the generator made a class for").isSubsetOf(schemas.keySet());
  }

  @Test
  void everyOperationIsASyncAndAnAsyncRetrofitMethod() throws IOException {
    Map<String, List<String>> expected = new TreeMap<>();
    int operations = 0;
    for (Map.Entry<String, Object> path : SpecYaml.map(spec, "paths").entrySet()) {
      for (String method : SpecYaml.map(path.getValue()).keySet()) {
        if (HTTP_METHODS.contains(method)) {
          String name = camelCase((String) SpecYaml.at(path.getValue(), method, "operationId"));
          expected.put(
              method.toUpperCase(Locale.ROOT) + " " + path.getKey().substring(1), List.of(name, name + "Async"));
          operations++;
        }
      }
    }
    Map<String, List<String>> actual = new TreeMap<>();
    int methods = 0;
    for (Class<?> api : classesIn(PACKAGE + ".api")) {
      for (Method method : api.getDeclaredMethods()) {
        String route = route(method);
        if (route != null) {
          methods++;
          actual.computeIfAbsent(route, k -> new ArrayList<>()).add(method.getName());
        }
      }
    }
    actual.values().forEach(names -> names.sort(null));

    assertThat(expected).hasSize(operations);
    assertThat(methods).isEqualTo(2 * expected.size());
    assertThat(actual).isEqualTo(expected);
    System.out.printf("Spec: %d operations, %d Retrofit methods%n", expected.size(), methods);
  }

  @Test
  void everyListOperationHasAPageWalker() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> op : operations().entrySet()) {
      List<String> query = new ArrayList<>();
      for (Object p : listOrEmpty(SpecYaml.list(op.getValue(), "parameters"))) {
        Map<String, Object> param = resolve(p);
        if ("query".equals(param.get("in"))) {
          query.add((String) param.get("name"));
        }
      }
      if (query.containsAll(List.of("before", "after", "limit")) && properties(successSchema(op.getValue())).contains("pagination")) {
        expected.add(camelCase((String) op.getValue().get("operationId")) + "All");
      }
    }
    List<String> walkers = new ArrayList<>();
    for (Class<?> api : classesIn(PACKAGE + ".api")) {
      for (Method method : api.getMethods()) {
        if (method.getName().endsWith("All") && method.getReturnType() == dev.waasj.paging.Pager.class
            && method.getParameterCount() == 1) {
          walkers.add(method.getName());
        }
      }
    }
    System.out.printf("Spec: %d list operations, %d page walkers%n", expected.size(), walkers.size());

    assertThat(walkers).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyOperationWhoseBodyHasRequestIdIsMarkedDeduplicated() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> op : operations().entrySet()) {
      Map<String, Object> body = resolve(SpecYaml.at(op.getValue(), "requestBody"));
      Object schema = SpecYaml.at(body, "content", "application/json", "schema");
      if (schema != null && properties(resolve(schema)).contains("request_id")) {
        expected.add(op.getKey());
      }
    }
    List<String> marked = new ArrayList<>();
    for (Class<?> api : classesIn(PACKAGE + ".api")) {
      for (Method method : api.getDeclaredMethods()) {
        if (route(method) != null && method.isAnnotationPresent(dev.waasj.internal.call.Deduplicated.class)) {
          marked.add(route(method));
        }
      }
    }
    System.out.printf("Spec: %d operations deduplicated by request_id%n", expected.size());

    // Each operation twice: the synchronous method and its async twin.
    assertThat(marked).hasSize(2 * expected.size());
    assertThat(new java.util.TreeSet<>(marked)).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Every operation, keyed {@code METHOD path} as Retrofit routes it. */
  private static Map<String, Map<String, Object>> operations() {
    Map<String, Map<String, Object>> ops = new TreeMap<>();
    for (Map.Entry<String, Object> path : SpecYaml.map(spec, "paths").entrySet()) {
      for (Map.Entry<String, Object> method : SpecYaml.map(path.getValue()).entrySet()) {
        if (HTTP_METHODS.contains(method.getKey())) {
          ops.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey().substring(1), SpecYaml.map(method.getValue()));
        }
      }
    }
    return ops;
  }

  private static @Nullable Object successSchema(Map<String, Object> op) {
    for (String code : List.of("200", "201", "2XX", "202")) {
      Object schema = SpecYaml.at(resolve(SpecYaml.at(op, "responses", code)), "content", "application/json", "schema");
      if (schema != null) {
        return resolve(schema);
      }
    }
    return null;
  }

  /** The property names a schema's objects can have: its own, its allOf members', and its oneOf shapes'. */
  private static Set<String> properties(@Nullable Object schema) {
    Set<String> names = new java.util.HashSet<>();
    Map<String, Object> s = resolve(schema);
    Map<String, Object> props = SpecYaml.map(s, "properties");
    if (props != null) {
      names.addAll(props.keySet());
    }
    for (String composition : List.of("allOf", "oneOf", "anyOf")) {
      for (Object member : listOrEmpty(SpecYaml.list(s, composition))) {
        names.addAll(properties(member));
      }
    }
    return names;
  }

  /** Follows a local {@code $ref} (to schemas, parameters, request bodies or responses); null stays empty. */
  private static Map<String, Object> resolve(@Nullable Object node) {
    Map<String, Object> map = SpecYaml.map(node);
    if (map == null) {
      return Map.of();
    }
    Object ref = map.get("$ref");
    if (!(ref instanceof String)) {
      return map;
    }
    String[] parts = ((String) ref).substring(2).split("/");
    return resolve(SpecYaml.at(spec, parts));
  }

  private static List<Object> listOrEmpty(@Nullable List<Object> list) {
    return list == null ? List.of() : list;
  }

  @Test
  void retrofitAcceptsEveryMethod() throws IOException {
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl("http://localhost/v2/")
            .addConverterFactory(MoshiConverterFactory.create(MOSHI))
            .addCallAdapterFactory(CoboCallAdapterFactory.create(MOSHI))
            .validateEagerly(true)
            .build();
    List<Class<?>> apis = classesIn(PACKAGE + ".api");

    assertThat(apis).isNotEmpty();
    for (Class<?> api : apis) {
      assertThat(retrofit.create(api)).isNotNull(); // validateEagerly: every method's converters resolve now
    }
  }

  @Test
  void everyModelHasAWorkingAdapter() {
    assertThat(models).hasSizeGreaterThan(schemas.size() / 2);
    for (Class<?> model : models.values()) {
      // Building the adapter resolves every field's adapter: a type Moshi cannot handle fails here.
      assertThat(MOSHI.adapter(model)).as(model.getName()).isNotNull();
    }
  }

  @Test
  void everySchemaExampleRoundTrips() throws IOException {
    ExampleValidator validator = new ExampleValidator(schemas);
    int withExample = 0;
    int roundTripped = 0;
    Map<String, String> failures = new TreeMap<>();
    Map<String, List<String>> invalid = new TreeMap<>();
    List<String> notModels = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> entry : schemas.entrySet()) {
      Map<String, Object> schema = entry.getValue();
      if (!schema.containsKey("example")) {
        continue;
      }
      withExample++;
      Class<?> model = modelClass(entry.getKey());
      if (model == null) {
        // Not a model: the generator uses the plain Java type (a string alias, say) wherever it is referenced.
        assertThat(schema.get("type")).as(entry.getKey()).isIn("string", "integer", "number", "boolean");
        assertThat(schema).as(entry.getKey()).doesNotContainKey("enum");
        notModels.add(entry.getKey());
        continue;
      }
      String json = json(schema.get("example"));
      List<String> problems = validator.problems(schema, schema.get("example"));
      if (!problems.isEmpty()) {
        // The example breaks its own schema: the SDK must notice, as it would for such a response (a wrong type
        // fails reading; a missing required field fails validate()), and not accept it or fail in some other way.
        invalid.put(entry.getKey(), problems);
        String unexpected = rejectedAsMalformed(model, json);
        if (unexpected != null) {
          failures.put(entry.getKey(), unexpected);
        }
        continue;
      }
      String problem = roundTrip(model, json);
      if (problem == null) {
        roundTripped++;
      } else {
        failures.put(entry.getKey(), problem);
      }
    }
    System.out.printf(
        "Spec: %d schemas, %d with an example: %d round-tripped, %d not models %s,"
            + " %d examples that break their own schema%n",
        schemas.size(), withExample, roundTripped, notModels.size(), notModels, invalid.size());
    invalid.forEach((name, problems) -> System.out.printf("  invalid example %s: %s%n", name, problems));

    assertThat(failures).as("schemas whose example does not survive decode and encode").isEmpty();
    assertThat(roundTripped + invalid.size() + notModels.size()).isEqualTo(withExample);
  }

  @Test
  void polymorphicExamplesLandOnTheirSubtype() throws IOException {
    ExampleValidator validator = new ExampleValidator(schemas);
    int checked = 0;
    int skipped = 0;
    Map<String, String> failures = new TreeMap<>();
    for (Map.Entry<String, Map<String, Object>> entry : schemas.entrySet()) {
      String property = (String) SpecYaml.at(entry.getValue(), "discriminator", "propertyName");
      if (property == null) {
        continue;
      }
      Class<?> base = modelClass(entry.getKey());
      assertThat(base).as(entry.getKey()).isNotNull();
      assertThat(base.isSealed()).as(base + " is sealed").isTrue();
      for (Map.Entry<String, String> mapping : discriminatorMapping(entry.getValue()).entrySet()) {
        Map<String, Object> example = SpecYaml.map(schemas.get(mapping.getValue()), "example");
        if (example == null) {
          continue;
        }
        example = new LinkedHashMap<>(example);
        example.put(property, mapping.getKey());
        String json = json(example);
        if (!validator.problems(entry.getValue(), example).isEmpty()) {
          skipped++; // the subtype's example breaks its own schema; everySchemaExampleRoundTrips reports it
          continue;
        }
        Object value = MOSHI.adapter(base).fromJson(json);
        Class<?> expected = modelClass(mapping.getValue());
        checked++;
        if (expected == null || !expected.isInstance(value)) {
          failures.put(entry.getKey() + "[" + mapping.getKey() + "]", "read as " + describe(value));
          continue;
        }
        String problem = roundTrip(base, json);
        if (problem != null) {
          failures.put(entry.getKey() + "[" + mapping.getKey() + "]", problem);
        }
      }
    }
    System.out.printf(
        "Spec: %d discriminator values read from subtype examples, %d skipped (invalid example)%n",
        checked, skipped);

    assertThat(failures).isEmpty();
    assertThat(checked).isPositive();
  }

  @Test
  void unknownDiscriminatorValuesAreKeptNotThrown() throws IOException {
    int checked = 0;
    for (Map.Entry<String, Map<String, Object>> entry : schemas.entrySet()) {
      String property = (String) SpecYaml.at(entry.getValue(), "discriminator", "propertyName");
      if (property == null) {
        continue;
      }
      Class<?> base = modelClass(entry.getKey());
      String json = "{\"" + property + "\":\"Introduced-Next-Year\",\"amount\":\"1.50\",\"n\":12345678901234567890}";
      @SuppressWarnings("unchecked")
      JsonAdapter<Object> adapter = (JsonAdapter<Object>) MOSHI.adapter(base);

      Object value = adapter.fromJson(json);

      assertThat(value.getClass().getName()).isEqualTo(base.getName() + "$Unknown");
      assertThat(value.toString()).contains(property + "=Introduced-Next-Year");
      assertThat(adapter.toJson(value)).isEqualTo(json);
      checked++;
    }
    assertThat(checked).isPositive();
  }

  /**
   * Decodes {@code json} as {@code model}, encodes it again and compares; also checks that no part of the object
   * fell back to a {@code oneOf}'s Unknown variant although its discriminator value is one the spec maps. Returns
   * null when all is well, else what went wrong.
   */
  private static @Nullable String roundTrip(Class<?> model, String json) {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) MOSHI.adapter(model);
    Object value;
    String back;
    try {
      value = adapter.fromJson(json);
      back = adapter.toJson(value);
    } catch (IOException | RuntimeException e) {
      return e.toString();
    }
    List<String> differences;
    try {
      differences = JsonEquivalence.differences(read(json), read(back));
    } catch (IOException e) {
      return e.toString();
    }
    if (!differences.isEmpty()) {
      return differences.toString();
    }
    List<String> misplaced = new ArrayList<>();
    findMisplacedUnknowns(value, "$", misplaced, new IdentityHashMap<>());
    return misplaced.isEmpty() ? null : "fell back to Unknown: " + misplaced;
  }

  /**
   * Null if the SDK notices that {@code json} breaks its schema: reading fails as malformed JSON (a wrong type, which
   * the SDK reports as a MalformedResponseException), or it reads leniently and {@code validate()} names a missing
   * required field. Else what happened instead.
   */
  private static @Nullable String rejectedAsMalformed(Class<?> model, String json) {
    Object value;
    try {
      value = MOSHI.adapter(model).fromJson(json);
    } catch (JsonDataException | JsonEncodingException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      return "an example that breaks its schema failed with " + e;
    }
    if (!(value instanceof Validatable)) {
      return "an example that breaks its schema was read as " + describe(value);
    }
    try {
      ((Validatable) value).validate();
      return "an example that breaks its schema was accepted and validated";
    } catch (MissingFieldException e) {
      return null;
    }
  }

  private static void findMisplacedUnknowns(
      @Nullable Object value, String path, List<String> out, Map<Object, Boolean> seen) {
    if (value == null || seen.put(value, Boolean.TRUE) != null) {
      return;
    }
    if (value instanceof Collection) {
      int i = 0;
      for (Object element : (Collection<?>) value) {
        findMisplacedUnknowns(element, path + "[" + i++ + "]", out, seen);
      }
      return;
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        findMisplacedUnknowns(entry.getValue(), path + "." + entry.getKey(), out, seen);
      }
      return;
    }
    Class<?> type = value.getClass();
    if (!type.getName().startsWith(PACKAGE + ".model.")) {
      return;
    }
    if (type.getSimpleName().equals("Unknown") && type.getEnclosingClass() != null) {
      String schema = schemaOf(type.getEnclosingClass());
      String tag = readDiscriminator(value);
      if (schema != null && tag != null && discriminatorMapping(schemas.get(schema)).containsKey(tag)) {
        out.add(path + " (" + schema + " " + tag + ")");
      }
      return;
    }
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      try {
        field.setAccessible(true);
        findMisplacedUnknowns(field.get(value), path + "." + field.getName(), out, seen);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static @Nullable String readDiscriminator(Object unknown) {
    try {
      return (String) unknown.getClass().getMethod("discriminator").invoke(unknown);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** The discriminator's values and target schema names: the explicit mapping, else each oneOf member's name. */
  static Map<String, String> discriminatorMapping(Map<String, Object> schema) {
    Map<String, String> mapping = new LinkedHashMap<>();
    Map<String, Object> explicit = SpecYaml.map(schema, "discriminator", "mapping");
    if (explicit != null) {
      explicit.forEach((tag, ref) -> mapping.put(tag, refName((String) ref)));
    }
    List<Object> members = SpecYaml.list(schema, "oneOf");
    for (Object member : members == null ? List.of() : members) {
      Object ref = SpecYaml.at(member, "$ref");
      if (ref instanceof String && !mapping.containsValue(refName((String) ref))) {
        mapping.put(refName((String) ref), refName((String) ref));
      }
    }
    return mapping;
  }

  /** The schema a {@code $ref} names; the vendor spec writes a few with a stray trailing colon. */
  static String refName(String ref) {
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    return name.endsWith(":") ? name.substring(0, name.length() - 1) : name;
  }

  private static @Nullable Class<?> modelClass(String schema) {
    return models.get(schema);
  }

  private static @Nullable String schemaOf(Class<?> model) {
    JsonModel annotation = model.getAnnotation(JsonModel.class);
    return annotation == null ? null : annotation.schema();
  }

  /** The Java method name for an operationId: {@code get_token} becomes {@code getToken}. */
  private static String camelCase(String operationId) {
    StringBuilder name = new StringBuilder();
    for (String word : operationId.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        name.append(name.length() == 0 ? Character.toLowerCase(word.charAt(0)) : Character.toUpperCase(word.charAt(0)));
        name.append(word, 1, word.length());
      }
    }
    return name.toString();
  }

  private static @Nullable String route(Method method) {
    for (var annotation : method.getAnnotations()) {
      String http = annotation.annotationType().getSimpleName();
      if (annotation.annotationType().getPackageName().equals("retrofit2.http")
          && Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS").contains(http)) {
        try {
          Object path = annotation.annotationType().getMethod("value").invoke(annotation);
          return http + " " + path;
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    return null;
  }

  private static String json(@Nullable Object value) throws IOException {
    Buffer buffer = new Buffer();
    JsonValues.write(JsonWriter.of(buffer), value, MOSHI);
    return buffer.readUtf8();
  }

  private static @Nullable Object read(String json) throws IOException {
    return JsonValues.read(JsonReader.of(new Buffer().writeUtf8(json)));
  }

  private static String describe(@Nullable Object value) {
    return value == null ? "null" : value.getClass().getName();
  }

  /** The top-level classes of a package of the test class path (generated sources compile into test-classes). */
  static List<Class<?>> classesIn(String packageName) throws IOException {
    List<Class<?>> classes = new ArrayList<>();
    String directory = packageName.replace('.', '/');
    ClassLoader loader = SpecConformanceTest.class.getClassLoader();
    for (URL url : java.util.Collections.list(loader.getResources(directory))) {
      Path root;
      try {
        root = Path.of(url.toURI());
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
      try (Stream<Path> files = Files.list(root)) {
        for (String file :
            files.map(p -> p.getFileName().toString())
                .filter(f -> f.endsWith(".class") && !f.contains("$"))
                .sorted()
                .collect(Collectors.toList())) {
          String name = packageName + "." + file.substring(0, file.length() - ".class".length());
          try {
            classes.add(Class.forName(name));
          } catch (ClassNotFoundException e) {
            throw new IOException(e);
          }
        }
      }
    }
    return classes;
  }
}
