package dev.waasj.codegen;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * openapi-generator's Java generator (library {@code retrofit2}) with what our templates need to know about the
 * whole spec, which Mustache alone cannot see from inside one operation or one model:
 *
 * <ul>
 *   <li>the facade: one supporting file, {@code CoboApis}, with an accessor per tag ({@code x-waasj-accessor});
 *   <li>list operations ({@code x-waasj-list}): {@code limit} and {@code after} in the query and a 2xx model with a
 *       {@code data} array and a {@code pagination} object that has {@code after};
 *   <li>bodies that carry {@code request_id} ({@code x-waasj-request-id}), which the server deduplicates;
 *   <li>a parameter object for each operation with optional parameters ({@code x-waasj-params}), named so it
 *       cannot clash with a model;
 *   <li>the input spec, copied beside the code as a resource for the test kit's emulator.
 * </ul>
 *
 * <p>Everything is derived from the spec's conventions, never from a list of operation or schema names, so any
 * version of the spec generates the same way. Which properties are secret is not decided here: generated {@code
 * toString()} asks the runtime's one rule ({@code dev.waasj.internal.redaction.SecretNames}), which the HTTP logs
 * use too; the spec's own {@code x-sensitive} and {@code format: password} always redact.
 */
public class WaasjJavaCodegen extends JavaClientCodegen {
  /** Tag words whose camel case reads badly as an accessor: {@code oAuth()}, {@code graphQL()}. */
  private static final Map<String, String> ACCESSOR_WORDS = Map.of("OAuth", "Oauth", "GraphQL", "Graphql", "GraphQl", "Graphql");

  private final Set<String> modelClassNames = new HashSet<>();

  /** Creates the generator; templates come from {@code templateDirectory} as configured in the build. */
  public WaasjJavaCodegen() {
    super();
    setLibrary(RETROFIT_2);
  }

  @Override
  public String getName() {
    return "waasj-java";
  }

  @Override
  public String getHelp() {
    return "The Java generator of waasj: Retrofit interfaces, Moshi models and the CoboApis facade.";
  }

  @Override
  public void processOpts() {
    super.processOpts();
    // Only our own supporting file: no ApiClient, auth classes, build files or docs.
    supportingFiles.clear();
    String folder = (sourceFolder + File.separator + invokerPackage).replace('.', File.separatorChar);
    supportingFiles.add(new SupportingFile("coboApis.mustache", folder, "CoboApis.java"));
    copyInputSpec();
  }

  /**
   * The generated module carries the spec it was generated from, byte for byte, as the resource {@code
   * <invoker package>/openapi.yaml}: the test kit's emulator serves exactly the API the SDK calls.
   */
  private void copyInputSpec() {
    String input = getInputSpec();
    if (input == null || input.isBlank() || input.contains("://")) {
      return;
    }
    java.nio.file.Path target =
        java.nio.file.Path.of(outputFolder, "src", "main", "resources")
            .resolve(invokerPackage.replace('.', '/'))
            .resolve("openapi.yaml");
    try {
      java.nio.file.Files.createDirectories(target.getParent());
      java.nio.file.Files.copy(
          java.nio.file.Path.of(input), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot copy the input spec " + input + " to " + target, e);
    }
  }

  /** Always on: every generated file goes through {@link SourceTidy}, which needs no external tool. */
  @Override
  public boolean isEnablePostProcessFile() {
    return true;
  }

  /** Tidies a generated Java file in place: unused imports, Javadoc escaping, lines over 120 columns. */
  @Override
  public void postProcessFile(File file, String fileType) {
    if (file == null || !file.getName().endsWith(".java")) {
      return;
    }
    java.nio.file.Path path = file.toPath();
    try {
      String source = java.nio.file.Files.readString(path);
      String tidy = SourceTidy.tidy(source);
      if (!tidy.equals(source)) {
        java.nio.file.Files.writeString(path, tidy);
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot tidy " + file, e);
    }
  }

  @Override
  public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> models) {
    Map<String, ModelsMap> result = super.postProcessAllModels(models);
    Set<String> validatable = new HashSet<>();
    for (ModelsMap modelsMap : result.values()) {
      for (ModelMap modelMap : modelsMap.getModels()) {
        if (!modelMap.getModel().isEnum) {
          validatable.add(modelMap.getModel().classname);
        }
      }
    }
    for (ModelsMap modelsMap : result.values()) {
      for (ModelMap modelMap : modelsMap.getModels()) {
        CodegenModel model = modelMap.getModel();
        modelClassNames.add(model.classname);
        if (model.additionalPropertiesType != null && validatable.contains(model.additionalPropertiesType)) {
          model.vendorExtensions.put("x-waasj-validate-additional", true);
        }
        if (model.isEnum) {
          describeEnum(model.vendorExtensions, model.classname, model.dataType, model.name);
        }
        for (List<CodegenProperty> vars : List.of(model.vars, model.allVars, model.requiredVars, model.optionalVars)) {
          for (CodegenProperty p : vars) {
            // validate() descends only into fields that can hold models.
            if (p.complexType != null && validatable.contains(p.complexType)) {
              p.vendorExtensions.put("x-waasj-validate", true);
            }
            if (p.isEnum) {
              String type = p.isContainer && p.mostInnerItems != null ? p.mostInnerItems.dataType : p.dataType;
              describeEnum(p.vendorExtensions, p.enumName, type, null);
            }
          }
        }
      }
    }
    return result;
  }

  /**
   * One template (openEnum.mustache) writes both a schema's enumeration and a property's inline one; these say
   * which: the class name, the Java type of the values, and the schema name for a top-level one.
   */
  private static void describeEnum(Map<String, Object> extensions, String className, String valueType, String schema) {
    extensions.put("x-waasj-enum-class", className);
    extensions.put("x-waasj-enum-type", valueType);
    if (schema != null) {
      extensions.put("x-waasj-enum-schema", schema);
    } else {
      extensions.put("x-waasj-enum-nested", true);
    }
  }

  @Override
  protected com.google.common.collect.ImmutableMap.Builder<String, com.samskivert.mustache.Mustache.Lambda>
      addMustacheLambdas() {
    return super.addMustacheLambdas()
        .put("indented_2", new IndentLambda(2))
        .put("zero_based", (fragment, out) -> out.write(Integer.toString(Integer.parseInt(fragment.execute().trim()) - 1)));
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    Map<String, CodegenModel> byClass = new HashMap<>();
    for (ModelMap modelMap : allModels) {
      byClass.put(modelMap.getModel().classname, modelMap.getModel());
    }
    OperationMap operations = result.getOperations();
    for (CodegenOperation op : operations.getOperation()) {
      markParameterObject(op);
      markListOperation(op, byClass);
      markRequestId(op, byClass);
      describeErrorResponses(op);
    }
    return result;
  }

  /**
   * The error statuses an operation documents, for its {@code @throws} line: {@code . Documented: {@code 4XX} the
   * token request was refused; {@code 5XX} ...}, or nothing when it documents none.
   */
  private static void describeErrorResponses(CodegenOperation op) {
    List<String> documented = new ArrayList<>();
    for (org.openapitools.codegen.CodegenResponse response : op.responses) {
      if (response.is2xx) {
        continue;
      }
      String message = response.message == null ? "" : javadocText(response.message).trim();
      while (message.endsWith(".")) {
        message = message.substring(0, message.length() - 1);
      }
      documented.add("{@code " + response.code + "}" + (message.isEmpty() ? "" : " " + message));
    }
    if (!documented.isEmpty()) {
      op.vendorExtensions.put("x-waasj-errors-doc", ". Documented: " + String.join("; ", documented));
    }
  }

  /** Spec text made safe for Javadoc: HTML-escaped, the generator's {@code \"} undone, no comment terminator. */
  static String javadocText(String text) {
    return text.replace("\\\"", "\"")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("@", "&#64;");
  }

  /** Operations with optional parameters get a parameter object, so callers name what they set. */
  private void markParameterObject(CodegenOperation op) {
    boolean optional = false;
    for (CodegenParameter p : op.allParams) {
      optional |= !p.required && !p.isBodyParam;
    }
    if (!optional) {
      return;
    }
    String base = org.openapitools.codegen.utils.StringUtils.camelize(op.operationId);
    String name = base + "Params";
    for (String suffix : List.of("Params", "Parameters", "Args", "Arguments")) {
      name = base + suffix;
      if (!modelClassNames.contains(name)) {
        break;
      }
    }
    op.vendorExtensions.put("x-waasj-params", name);
    // For messages inside the parameters' own sections; the generator keeps separate copies per list.
    for (List<CodegenParameter> list : List.of(op.allParams, op.requiredParams, op.optionalParams)) {
      for (CodegenParameter p : list) {
        p.vendorExtensions.put("x-waasj-owner", name);
      }
    }
  }

  /**
   * A list operation takes {@code limit} and {@code after} and returns a model with a {@code data} array and a
   * {@code pagination} object whose {@code after} names the next page.
   */
  private void markListOperation(CodegenOperation op, Map<String, CodegenModel> byClass) {
    CodegenParameter after = queryParam(op, "after");
    CodegenParameter limit = queryParam(op, "limit");
    if (after == null || limit == null || !after.isString || op.returnBaseType == null || op.returnContainer != null) {
      return;
    }
    CodegenModel page = byClass.get(op.returnBaseType);
    if (page == null) {
      return;
    }
    CodegenProperty pagination = property(page, "pagination");
    if (pagination == null || pagination.isContainer) {
      return;
    }
    CodegenProperty data = itemsProperty(page);
    CodegenModel paginationModel = byClass.get(pagination.complexType);
    CodegenProperty next = paginationModel == null ? null : property(paginationModel, "after");
    if (next == null || !next.isString) {
      return;
    }
    Map<String, Object> list = new HashMap<>();
    if (data != null) {
      // Qualified: the API file imports only what its signatures name, and the item type is not among them.
      String item = data.items.datatypeWithEnum;
      list.put("itemType", data.items.isModel || data.items.isEnumRef ? modelPackage + "." + item : item);
      list.put("dataGetter", data.name);
    } else {
      // Several lists share one cursor (wallet_addresses and bank_accounts, say): each item is a whole page.
      list.put("itemType", modelPackage + "." + op.returnBaseType);
      list.put("wholePage", true);
    }
    list.put("paginationGetter", pagination.name);
    list.put("afterGetter", next.name);
    list.put("afterParam", after.paramName);
    CodegenParameter before = queryParam(op, "before");
    if (before != null) {
      list.put("beforeParam", before.paramName);
    }
    Object params = op.vendorExtensions.get("x-waasj-params");
    if (params == null) {
      return; // limit and after are optional, so there is always one; if not, no pager
    }
    list.put("paramsClass", params);
    op.vendorExtensions.put("x-waasj-list", list);
  }

  /**
   * The array a page's items are in: {@code data} by Cobo's convention, else the only array beside {@code
   * pagination}; null when there are several (then each item of a walk is a whole page).
   */
  private static CodegenProperty itemsProperty(CodegenModel page) {
    CodegenProperty data = property(page, "data");
    if (data != null && data.isArray && data.items != null) {
      return data;
    }
    CodegenProperty only = null;
    for (CodegenProperty p : page.allVars.isEmpty() ? page.vars : page.allVars) {
      if (p.isArray && p.items != null) {
        if (only != null) {
          return null;
        }
        only = p;
      }
    }
    return only;
  }

  /** A body with {@code request_id} is deduplicated by the server, so re-sending it cannot act twice. */
  private static void markRequestId(CodegenOperation op, Map<String, CodegenModel> byClass) {
    if (op.bodyParam == null) {
      return;
    }
    CodegenModel body = byClass.get(op.bodyParam.baseType);
    CodegenProperty requestId = body == null ? null : property(body, "request_id");
    if (requestId == null || !requestId.isString) {
      return;
    }
    Map<String, Object> marker = new HashMap<>();
    marker.put("getter", requestId.name);
    marker.put("required", requestId.required);
    op.vendorExtensions.put("x-waasj-request-id", marker);
  }

  @Override
  public Map<String, Object> postProcessSupportingFileData(Map<String, Object> objs) {
    Map<String, Object> result = super.postProcessSupportingFileData(objs);
    Object apiInfo = result.get("apiInfo");
    if (apiInfo instanceof Map) {
      Object apis = ((Map<?, ?>) apiInfo).get("apis");
      if (apis instanceof List) {
        Set<String> taken = new HashSet<>();
        for (Object api : (List<?>) apis) {
          if (api instanceof OperationsMap) {
            OperationsMap map = (OperationsMap) api;
            String classname = String.valueOf(map.get("classname"));
            map.put("x-waasj-accessor", uniqueAccessor(classname, taken));
          }
        }
      }
    }
    return result;
  }

  /** {@code WalletsMpcWalletsApi} becomes {@code walletsMpcWallets}, {@code OAuthApi} becomes {@code oauth}. */
  static String accessorName(String apiClassName) {
    String base = apiClassName.endsWith("Api") ? apiClassName.substring(0, apiClassName.length() - 3) : apiClassName;
    for (Map.Entry<String, String> word : ACCESSOR_WORDS.entrySet()) {
      base = base.replace(word.getKey(), word.getValue());
    }
    if (base.isEmpty()) {
      return "api";
    }
    // Lower-case a leading acronym as one word: "NFTTokens" -> "nftTokens".
    int upper = 0;
    while (upper < base.length() && Character.isUpperCase(base.charAt(upper))) {
      upper++;
    }
    int cut = upper > 1 && upper < base.length() ? upper - 1 : Math.max(upper, 1);
    return base.substring(0, cut).toLowerCase(Locale.ROOT) + base.substring(cut);
  }

  private String uniqueAccessor(String classname, Set<String> taken) {
    String name = accessorName(classname);
    if (isReservedWord(name) || name.equals("getClass") || name.equals("hashCode") || name.equals("toString")) {
      name = name + "Api";
    }
    String unique = name;
    for (int i = 2; !taken.add(unique); i++) {
      unique = name + i;
    }
    return unique;
  }

  private static CodegenParameter queryParam(CodegenOperation op, String baseName) {
    for (CodegenParameter p : op.queryParams) {
      if (p.baseName.equals(baseName)) {
        return p;
      }
    }
    return null;
  }

  private static CodegenProperty property(CodegenModel model, String baseName) {
    List<CodegenProperty> vars = new ArrayList<>(model.allVars.isEmpty() ? model.vars : model.allVars);
    for (CodegenProperty p : vars) {
      if (p.baseName.equals(baseName)) {
        return p;
      }
    }
    return null;
  }
}
