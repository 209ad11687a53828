package dev.waasj.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A spec the emulator serves: read once per JVM (swagger-parser), with every operation indexed for routing and a
 * request and response validator (Atlassian's swagger-request-validator) built over it.
 *
 * <p>The validator gets the spec with three quirks of Cobo's published spec smoothed, since a strict JSON Schema
 * reading of them would refuse requests the real API accepts: {@code required} names that are no property (such as
 * {@code WebhookEvent}'s {@code id}, {@code TransferParams}' {@code request_type}) are dropped, repeated ones
 * merged, and a {@code oneOf} with a discriminator becomes an {@code anyOf}, because Cobo's shapes overlap (several
 * transfer sources are all {@code {source_type, wallet_id}}) and only the discriminator tells them apart. The
 * discriminators are kept aside, so responses are still made of one consistent shape.
 */
final class SpecModel {
  private static final Map<String, SpecModel> CACHE = new ConcurrentHashMap<>();

  final String location;
  final OpenAPI api;
  final String basePath;
  final List<SpecOperation> operations;
  /** The discriminators the validator's copy had to lose, by the schema that carried them. */
  final Map<Schema<?>, Discriminator> discriminators;
  private final OpenApiInteractionValidator validator;

  private SpecModel(String location, OpenAPI api, Map<Schema<?>, Discriminator> discriminators) {
    this.location = location;
    this.api = api;
    this.discriminators = discriminators;
    this.basePath = basePath(api);
    List<SpecOperation> ops = new ArrayList<>();
    api.getPaths()
        .forEach(
            (template, item) -> {
              for (Map.Entry<PathItem.HttpMethod, Operation> op : item.readOperationsMap().entrySet()) {
                ops.add(SpecOperation.of(this, op.getKey().name(), template, item, op.getValue()));
              }
            });
    // Literal segments win over parameters: /wallets/tokens before /wallets/{wallet_id}.
    ops.sort(Comparator.comparingInt((SpecOperation o) -> o.pathParameterCount).thenComparing(o -> o.template));
    this.operations = List.copyOf(ops);
    this.validator =
        OpenApiInteractionValidator.createFor(api)
            .withLevelResolver(
                LevelResolver.create()
                    // Signatures and org tokens are the emulator's own business; it checks them itself.
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    .withLevel("validation.response.security", ValidationReport.Level.IGNORE)
                    .build())
            .build();
  }

  /**
   * The spec at {@code location} (a file path, or a URL such as a classpath resource's), read once per JVM.
   *
   * @throws IllegalArgumentException if it cannot be read as an OpenAPI 3 spec
   */
  static SpecModel load(String location) {
    return CACHE.computeIfAbsent(location, SpecModel::read);
  }

  private static SpecModel read(String location) {
    // Cobo's spec holds a YAML scalar (an unquoted "=") that the parser's strict pre-check refuses but its reader
    // handles, as openapi-generator's does.
    DeserializationUtils.getOptions().setValidateYamlInput(false);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    String content;
    try (java.io.InputStream in = open(location)) {
      content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("Cannot read the spec at " + location + ": " + e, e);
    }
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(content, null, options);
    OpenAPI api = result.getOpenAPI();
    if (api == null || api.getPaths() == null) {
      throw new IllegalArgumentException(
          "Cannot read the spec at " + location + ": " + (result.getMessages() == null ? "" : result.getMessages()));
    }
    Map<Schema<?>, Discriminator> discriminators = new IdentityHashMap<>();
    Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Schema<?>> allOfMembers = Collections.newSetFromMap(new IdentityHashMap<>());
    collectAllOfMembers(api, allOfMembers);
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      api.getComponents().getSchemas().values().forEach(s -> smooth(s, seen, discriminators, allOfMembers));
    }
    api.getPaths()
        .values()
        .forEach(
            item ->
                item.readOperations()
                    .forEach(
                        op -> {
                          if (op.getParameters() != null) {
                            op.getParameters().forEach(p -> smooth(p.getSchema(), seen, discriminators, allOfMembers));
                          }
                          if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                            op.getRequestBody().getContent().values().forEach(m -> smooth(m.getSchema(), seen, discriminators, allOfMembers));
                          }
                          if (op.getResponses() != null) {
                            for (ApiResponse r : op.getResponses().values()) {
                              if (r.getContent() != null) {
                                r.getContent().values().forEach(m -> smooth(m.getSchema(), seen, discriminators, allOfMembers));
                              }
                            }
                          }
                        }));
    return new SpecModel(location, api, discriminators);
  }

  private static java.io.InputStream open(String location) throws java.io.IOException {
    return location.contains(":/") && !location.matches("^[A-Za-z]:[/\\\\].*")
        ? URI.create(location).toURL().openStream()
        : java.nio.file.Files.newInputStream(java.nio.file.Path.of(location));
  }

  /** Every schema that is a member of some {@code allOf}: its {@code required} may name a sibling's property. */
  @SuppressWarnings("rawtypes")
  private static void collectAllOfMembers(OpenAPI api, Set<Schema<?>> members) {
    Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.ArrayDeque<Schema> todo = new java.util.ArrayDeque<>();
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      todo.addAll(api.getComponents().getSchemas().values());
    }
    while (!todo.isEmpty()) {
      Schema<?> s = todo.pop();
      if (!seen.add(s)) {
        continue;
      }
      if (s.getAllOf() != null) {
        for (Schema m : s.getAllOf()) {
          members.add(m);
        }
      }
      if (s.getProperties() != null) {
        todo.addAll(s.getProperties().values());
      }
      if (s.getItems() != null) {
        todo.add(s.getItems());
      }
      for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getOneOf(), s.getAnyOf())) {
        if (list != null) {
          for (Schema m : list) {
            todo.add(m);
          }
        }
      }
    }
  }

  /** Smooths the quirks described in the class comment, once per schema object. */
  @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-models' schema lists are raw
  private static void smooth(
      @Nullable Schema<?> schema,
      Set<Schema<?>> seen,
      Map<Schema<?>, Discriminator> kept,
      Set<Schema<?>> allOfMembers) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    if (schema.getRequired() != null) {
      List<String> required = new ArrayList<>(new LinkedHashSet<>(schema.getRequired()));
      // Only a schema that stands alone can be judged by its own properties; an allOf member's required list may
      // name a property another member declares.
      if (schema.getProperties() != null && !allOfMembers.contains(schema) && schema.getAllOf() == null) {
        required.removeIf(name -> !schema.getProperties().containsKey(name));
      }
      schema.setRequired(required.isEmpty() ? null : required);
    }
    if (schema.getOneOf() != null && schema.getDiscriminator() != null) {
      kept.put(schema, schema.getDiscriminator());
      schema.setAnyOf((List) schema.getOneOf());
      schema.setOneOf(null);
      schema.setDiscriminator(null);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> smooth(p, seen, kept, allOfMembers));
    }
    smooth(schema.getItems(), seen, kept, allOfMembers);
    for (List<Schema> members : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
      if (members != null) {
        members.forEach(m -> smooth(m, seen, kept, allOfMembers));
      }
    }
    if (schema.getAdditionalProperties() instanceof Schema) {
      smooth((Schema<?>) schema.getAdditionalProperties(), seen, kept, allOfMembers);
    }
  }

  /** The validator; thread-safe once built. */
  OpenApiInteractionValidator validator() {
    return validator;
  }

  /** The component schema named {@code name}, or null. */
  @Nullable Schema<?> component(String name) {
    return api.getComponents() == null || api.getComponents().getSchemas() == null
        ? null
        : api.getComponents().getSchemas().get(name);
  }

  /** Follows a {@code $ref} (left in place only for cycles) to its component. */
  Schema<?> resolve(Schema<?> schema) {
    Schema<?> current = schema;
    for (int i = 0; i < 20 && current.get$ref() != null; i++) {
      String ref = current.get$ref();
      Schema<?> target = component(ref.substring(ref.lastIndexOf('/') + 1));
      if (target == null) {
        break;
      }
      current = target;
    }
    return current;
  }

  /** A match of a request on an operation, with its path parameters decoded. */
  record Match(SpecOperation operation, Map<String, String> pathParameters) {}

  /** The operation {@code method rawPath} (with the base path) addresses, or null. */
  @Nullable Match match(String method, String rawPath) {
    if (!rawPath.startsWith(basePath)) {
      return null;
    }
    String path = rawPath.substring(basePath.length());
    for (SpecOperation op : operations) {
      if (!op.method.equals(method)) {
        continue;
      }
      Matcher m = op.pattern.matcher(path);
      if (m.matches()) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < op.pathParameterNames.size(); i++) {
          params.put(op.pathParameterNames.get(i), java.net.URLDecoder.decode(m.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return new Match(op, params);
      }
    }
    return null;
  }

  /** Whether any operation has this path, whatever its method: then a wrong method is 405, not 404. */
  boolean hasPath(String rawPath) {
    if (!rawPath.startsWith(basePath)) {
      return false;
    }
    String path = rawPath.substring(basePath.length());
    for (SpecOperation op : operations) {
      if (op.pattern.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The path of the first server URL, e.g. {@code /v2}; empty when the spec names none. */
  private static String basePath(OpenAPI api) {
    if (api.getServers() == null || api.getServers().isEmpty()) {
      return "";
    }
    try {
      String path = URI.create(api.getServers().get(0).getUrl()).getPath();
      return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** A path template as a pattern: each {@code {name}} matches one segment. */
  static Pattern pattern(String template, List<String> names) {
    StringBuilder regex = new StringBuilder();
    Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(regex.toString());
  }

  /** Parameters of an operation and its path, the operation's own overriding the path's. */
  static List<Parameter> parameters(PathItem item, Operation op) {
    Map<String, Parameter> byKey = new java.util.LinkedHashMap<>();
    for (List<Parameter> list : java.util.Arrays.asList(item.getParameters(), op.getParameters())) {
      if (list != null) {
        for (Parameter p : list) {
          byKey.put(p.getIn() + ":" + p.getName(), p);
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  /** Lower-case, for comparisons of names the spec and the request spell alike. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
