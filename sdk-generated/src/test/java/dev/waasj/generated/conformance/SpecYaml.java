package dev.waasj.generated.conformance;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads an OpenAPI document into plain maps and lists, resolving unquoted scalars the way JSON would read them.
 *
 * <p>Plain YAML 1.1 turns the vendor's unquoted example addresses ({@code 0xd8dA6BF2...}) into integers and rejects
 * the scalar {@code =}; OpenAPI examples are JSON values, so here only JSON's literals are typed: {@code true},
 * {@code false}, {@code null} (and {@code ~} or nothing), and decimal numbers, which become {@link Long} or
 * {@link java.math.BigInteger} when integral and {@link BigDecimal} otherwise, never {@code double}. Everything else
 * stays a string.
 */
final class SpecYaml {
  private SpecYaml() {}

  static Map<String, Object> read(Path path) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(new JsonNumbers(options), new Representer(dumper), dumper, options, new JsonLiterals());
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return cast(yaml.load(reader));
    }
  }

  /** Follows {@code keys} through nested maps; null when any step is missing. */
  static @Nullable Object at(@Nullable Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<?, ?>) current).get(key);
    }
    return current;
  }

  static @Nullable Map<String, Object> map(@Nullable Object node, String... keys) {
    Object value = at(node, keys);
    return value instanceof Map ? cast(value) : null;
  }

  static @Nullable List<Object> list(@Nullable Object node, String... keys) {
    Object value = at(node, keys);
    return value instanceof List ? cast(value) : null;
  }

  @SuppressWarnings("unchecked") // YAML mappings load as Map<String, Object> here: OpenAPI keys are strings
  private static <T> T cast(Object value) {
    return (T) value;
  }

  /** Types only JSON's literals; the rest of YAML 1.1's implicit types (hex, octal, yes/no, =, dates) stay strings. */
  private static final class JsonLiterals extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
      addImplicitResolver(Tag.INT, Pattern.compile("^-?(?:0|[1-9][0-9]*)$"), "-0123456789");
      addImplicitResolver(
          Tag.FLOAT, Pattern.compile("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"), "-0123456789");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|)$"), "~n\0");
    }
  }

  /** Reads fractional numbers as {@link BigDecimal}, so examples keep every digit. */
  private static final class JsonNumbers extends SafeConstructor {
    JsonNumbers(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(
          Tag.FLOAT,
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              return new BigDecimal(((ScalarNode) node).getValue());
            }
          });
    }
  }
}
