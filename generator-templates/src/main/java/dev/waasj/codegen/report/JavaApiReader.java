package dev.waasj.codegen.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.ignore.CodegenIgnoreProcessor;

/**
 * Runs the build's generator over a spec, configured as {@code sdk-generated/pom.xml} configures it (the same
 * settings file, ignore file, library and packages), renders nothing, and reads the Java names it chose.
 */
final class JavaApiReader {
  static final String API_PACKAGE = "dev.waasj.generated.api";
  static final String MODEL_PACKAGE = "dev.waasj.generated.model";
  static final String INVOKER_PACKAGE = "dev.waasj.generated";

  private final Path templates;

  /**
   * @param templates the templates directory the build generates with (it holds {@code generator-config.yaml} and
   *     {@code generator-ignore})
   */
  JavaApiReader(Path templates) {
    this.templates = templates;
  }

  JavaApi read(Path spec) throws IOException {
    Path scratch = Files.createTempDirectory("waasj-report-");
    try {
      CodegenConfigurator configurator =
          CodegenConfigurator.fromFile(templates.resolve("generator-config.yaml").toString());
      configurator
          .setGeneratorName(WaasjReportCodegen.class.getName())
          .setLibrary("retrofit2")
          .setTemplateDir(templates.toString())
          .setIgnoreFileOverride(templates.resolve("generator-ignore").toString())
          .setInputSpec(spec.toString())
          .setOutputDir(scratch.toString())
          .setApiPackage(API_PACKAGE)
          .setModelPackage(MODEL_PACKAGE)
          .setInvokerPackage(INVOKER_PACKAGE)
          .setValidateSpec(false);
      ClientOptInput input = configurator.toClientOptInput();
      WaasjReportCodegen codegen = codegenOf(input);
      DefaultGenerator generator = new NothingWritten();
      generator.setGenerateMetadata(false);
      for (String off : List.of(
          CodegenConstants.API_TESTS, CodegenConstants.MODEL_TESTS, CodegenConstants.API_DOCS, CodegenConstants.MODEL_DOCS)) {
        generator.setGeneratorPropertyDefault(off, "false");
      }
      generator.opts(input).generate();
      io.swagger.v3.oas.models.info.Info info = codegen.spec().getInfo();
      String title = info == null ? "" : info.getTitle();
      String version = info == null ? "" : info.getVersion();
      CodegenIgnoreProcessor ignore = new CodegenIgnoreProcessor(templates.resolve("generator-ignore").toFile());
      return toJavaApi(codegen, ignore, scratch, title == null ? "" : title, version == null ? "" : version);
    } finally {
      deleteTree(scratch);
    }
  }

  /** The configured generator; its getter is deprecated for callers that only generate, not for reading back. */
  @SuppressWarnings("deprecation")
  private static WaasjReportCodegen codegenOf(ClientOptInput input) {
    return (WaasjReportCodegen) input.getConfig();
  }

  /** The generator's whole pipeline, except that no template is rendered and no file written. */
  private static final class NothingWritten extends DefaultGenerator {
    @Override
    protected File processTemplateToFile(
        Map<String, Object> templateData, String templateName, String outputFilename, boolean shouldGenerate,
        String skippedByOption) {
      return null;
    }
  }

  private static JavaApi toJavaApi(
      WaasjReportCodegen codegen, CodegenIgnoreProcessor ignore, Path scratch, String title, String version) {
    Map<String, CodegenModel> byClass = new HashMap<>();
    Map<String, CodegenModel> written = new LinkedHashMap<>();
    for (CodegenModel model : codegen.recordedModels().values()) {
      // A model whose file the ignore rules drop does not exist for callers.
      File file = scratch.resolve("src/main/java").resolve(MODEL_PACKAGE.replace('.', '/'))
          .resolve(model.classname + ".java").toFile();
      if (ignore.allowsFile(file)) {
        written.put(model.name, model);
        byClass.put(model.classname, model);
      }
    }
    Map<String, JavaApi.Operation> operations = new LinkedHashMap<>();
    Set<String> requestRoots = new HashSet<>();
    Set<String> responseRoots = new HashSet<>();
    for (Map.Entry<String, CodegenOperation> entry : codegen.recordedOperations()) {
      CodegenOperation op = entry.getValue();
      // The Retrofit templates want relative paths, so the generator dropped the spec's leading slash.
      String path = op.path.startsWith("/") ? op.path : "/" + op.path;
      String key = JavaApi.key(op.httpMethod, path);
      if (operations.containsKey(key)) {
        continue; // an operation with several tags is declared in each interface; the first one names it
      }
      List<JavaApi.Param> params = new ArrayList<>();
      for (CodegenParameter p : op.allParams) {
        params.add(new JavaApi.Param(location(p), p.isBodyParam ? "body" : p.baseName, p.paramName, p.dataType, p.required));
        collectTypes(p.dataType, byClass.keySet(), requestRoots);
      }
      collectTypes(op.returnType, byClass.keySet(), responseRoots);
      String tag = op.tags == null || op.tags.isEmpty() ? "default" : op.tags.get(0).getName();
      Object paramsClass = op.vendorExtensions.get("x-waasj-params");
      operations.put(key, new JavaApi.Operation(
          op.httpMethod.toUpperCase(java.util.Locale.ROOT),
          path,
          op.operationIdOriginal == null ? op.operationId : op.operationIdOriginal,
          tag,
          codegen.recordedAccessors().getOrDefault(entry.getKey(), entry.getKey()),
          op.nickname,
          paramsClass == null ? null : paramsClass.toString(),
          op.vendorExtensions.containsKey("x-waasj-list"),
          op.isDeprecated,
          op.returnType == null ? "Void" : op.returnType,
          List.copyOf(params)));
    }
    Set<String> inRequests = reachable(requestRoots, byClass);
    Set<String> inResponses = reachable(responseRoots, byClass);
    Map<String, JavaApi.Model> models = new LinkedHashMap<>();
    for (CodegenModel model : written.values()) {
      // A oneOf becomes a sealed interface (oneOfInterface.mustache): no fields, its members are what it permits.
      boolean oneOfInterface = Boolean.TRUE.equals(model.vendorExtensions.get("x-is-one-of-interface"));
      Map<String, JavaApi.Field> fields = new LinkedHashMap<>();
      Set<String> oneOf = new LinkedHashSet<>();
      if (oneOfInterface && model.getComposedSchemas() != null && model.getComposedSchemas().getOneOf() != null) {
        for (CodegenProperty member : model.getComposedSchemas().getOneOf()) {
          if (member.isModel) {
            oneOf.add(member.dataType);
          }
        }
      }
      for (CodegenProperty p : oneOfInterface ? List.<CodegenProperty>of() : model.allVars) {
        CodegenProperty values = p.isContainer && p.mostInnerItems != null ? p.mostInnerItems : p;
        fields.put(p.baseName, new JavaApi.Field(
            p.baseName, p.name, p.datatypeWithEnum, p.required, p.description,
            p.isEnum ? (p.enumName == null ? p.datatypeWithEnum : p.enumName) : null,
            p.isEnum ? enumValues(values.allowableValues) : Map.of()));
      }
      models.put(model.name, new JavaApi.Model(
          model.name, model.classname, fields,
          model.isEnum ? enumValues(model.allowableValues) : Map.of(),
          oneOf, inRequests.contains(model.classname), inResponses.contains(model.classname)));
    }
    return new JavaApi(title, version, operations, models);
  }

  private static String location(CodegenParameter p) {
    if (p.isBodyParam) {
      return "body";
    } else if (p.isPathParam) {
      return "path";
    } else if (p.isQueryParam) {
      return "query";
    } else if (p.isHeaderParam) {
      return "header";
    } else if (p.isCookieParam) {
      return "cookie";
    }
    return "form";
  }

  /** JSON value (unquoted) to Java constant, from the generator's {@code allowableValues.enumVars}. */
  private static Map<String, String> enumValues(Map<String, Object> allowableValues) {
    Map<String, String> values = new LinkedHashMap<>();
    Object enumVars = allowableValues == null ? null : allowableValues.get("enumVars");
    if (enumVars instanceof List) {
      for (Object v : (List<?>) enumVars) {
        if (v instanceof Map) {
          Map<?, ?> var = (Map<?, ?>) v;
          String value = String.valueOf(var.get("value"));
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          values.put(value, String.valueOf(var.get("name")));
        }
      }
    }
    return values;
  }

  /** Adds each model class named in a Java type ({@code List<Map<String, Wallet>>} names {@code Wallet}). */
  private static void collectTypes(String type, Set<String> classes, Set<String> into) {
    if (type == null) {
      return;
    }
    for (String word : type.split("[^A-Za-z0-9_.]+")) {
      String simple = word.substring(word.lastIndexOf('.') + 1);
      if (classes.contains(simple)) {
        into.add(simple);
      }
    }
  }

  /** Every model class reachable from the roots through fields, map values and {@code oneOf} members. */
  private static Set<String> reachable(Set<String> roots, Map<String, CodegenModel> byClass) {
    Set<String> seen = new HashSet<>(roots);
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      CodegenModel model = byClass.get(todo.pop());
      if (model == null) {
        continue;
      }
      Set<String> next = new HashSet<>();
      for (CodegenProperty p : model.allVars) {
        collectTypes(p.datatypeWithEnum, byClass.keySet(), next);
        collectTypes(p.dataType, byClass.keySet(), next);
      }
      collectTypes(model.additionalPropertiesType, byClass.keySet(), next);
      if (model.oneOf != null) {
        next.addAll(model.oneOf);
      }
      for (String name : next) {
        if (seen.add(name)) {
          todo.push(name);
        }
      }
    }
    return seen;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
