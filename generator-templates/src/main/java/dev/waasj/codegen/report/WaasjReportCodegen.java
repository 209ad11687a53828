package dev.waasj.codegen.report;

import dev.waasj.codegen.WaasjJavaCodegen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * The build's generator, {@link WaasjJavaCodegen}, unchanged except that it keeps what it decided: the models, the
 * operations of each API interface, and each interface's {@code CoboApis} accessor. The regeneration report reads
 * Java names from here, so a naming change in the generator changes the report with it.
 *
 * <p>Public with a public constructor because openapi-generator instantiates a generator from its class name.
 */
public final class WaasjReportCodegen extends WaasjJavaCodegen {
  private final Map<String, CodegenModel> models = new LinkedHashMap<>();
  private final List<Map.Entry<String, CodegenOperation>> operations = new ArrayList<>();
  private final Map<String, String> accessors = new HashMap<>();

  /** Creates the generator, configured like the build's by openapi-generator's configurator. */
  public WaasjReportCodegen() {
    super();
  }

  @Override
  public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> all) {
    Map<String, ModelsMap> result = super.postProcessAllModels(all);
    for (ModelsMap modelsMap : result.values()) {
      for (ModelMap modelMap : modelsMap.getModels()) {
        CodegenModel model = modelMap.getModel();
        models.put(model.name, model);
      }
    }
    return result;
  }

  @Override
  public Map<String, Object> postProcessSupportingFileData(Map<String, Object> objs) {
    Map<String, Object> result = super.postProcessSupportingFileData(objs);
    Object apiInfo = result.get("apiInfo");
    Object apis = apiInfo instanceof Map ? ((Map<?, ?>) apiInfo).get("apis") : null;
    if (apis instanceof List) {
      for (Object api : (List<?>) apis) {
        if (api instanceof OperationsMap) {
          // The finished interfaces: class name, accessor and operations as the CoboApis and API templates see them.
          OperationsMap map = (OperationsMap) api;
          String classname = String.valueOf(map.get("classname"));
          accessors.put(classname, String.valueOf(map.get("x-waasj-accessor")));
          for (CodegenOperation op : map.getOperations().getOperation()) {
            operations.add(Map.entry(classname, op));
          }
        }
      }
    }
    return result;
  }

  /** Nothing: the stock one prints a banner to standard output, which would land in the middle of the report's. */
  @Override
  public void postProcess() {}

  /** The spec as the generator read (and normalized) it. */
  io.swagger.v3.oas.models.OpenAPI spec() {
    return openAPI;
  }

  /** The models, by schema name, in the generator's order. */
  Map<String, CodegenModel> recordedModels() {
    return models;
  }

  /** Each operation with the class name of the API interface that declares it. */
  List<Map.Entry<String, CodegenOperation>> recordedOperations() {
    return operations;
  }

  /** API interface class name to its {@code CoboApis} accessor. */
  Map<String, String> recordedAccessors() {
    return accessors;
  }
}
