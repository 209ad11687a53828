package dev.waasj.testkit;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a served spec, with what the emulator derives from the spec's conventions rather than from its
 * names: whether it is the token endpoint, whether it lists in pages ({@code limit}/{@code before}/{@code after} in,
 * {@code pagination} out) and where the items are, whether its body carries a {@code request_id}, and its success
 * status, schema and example.
 */
final class SpecOperation {
  final String method;
  final String template;
  final Pattern pattern;
  final List<String> pathParameterNames;
  final int pathParameterCount;
  final String operationId;
  final List<Parameter> parameters;
  final boolean tokenEndpoint;
  final @Nullable ListShape list;
  final boolean requestIdBody;
  final int successStatus;
  final @Nullable Schema<?> successSchema;
  final @Nullable Object successExample;
  final @Nullable Schema<?> requestSchema;

  /** How a list operation pages. */
  record ListShape(
      String itemsProperty,
      @Nullable Schema<?> itemSchema,
      String paginationProperty,
      boolean hasBefore,
      int defaultLimit,
      int minLimit,
      int maxLimit) {}

  private SpecOperation(
      String method,
      String template,
      Pattern pattern,
      List<String> pathParameterNames,
      String operationId,
      List<Parameter> parameters,
      @Nullable ListShape list,
      boolean requestIdBody,
      int successStatus,
      @Nullable Schema<?> successSchema,
      @Nullable Object successExample,
      @Nullable Schema<?> requestSchema) {
    this.method = method;
    this.template = template;
    this.pattern = pattern;
    this.pathParameterNames = List.copyOf(pathParameterNames);
    this.pathParameterCount = pathParameterNames.size();
    this.operationId = operationId;
    this.parameters = parameters;
    this.tokenEndpoint = template.endsWith("/oauth/token");
    this.list = list;
    this.requestIdBody = requestIdBody;
    this.successStatus = successStatus;
    this.successSchema = successSchema;
    this.successExample = successExample;
    this.requestSchema = requestSchema;
  }

  static SpecOperation of(SpecModel spec, String method, String template, PathItem item, Operation op) {
    List<String> names = new ArrayList<>();
    Pattern pattern = SpecModel.pattern(template, names);
    List<Parameter> parameters = SpecModel.parameters(item, op);
    int status = 200;
    Schema<?> schema = null;
    Object example = null;
    if (op.getResponses() != null) {
      for (Map.Entry<String, ApiResponse> response : op.getResponses().entrySet()) {
        String code = response.getKey();
        if (code.startsWith("2")) {
          status = code.equals("2XX") || code.equals("2xx") ? 200 : parseStatus(code);
          MediaType json = json(response.getValue().getContent());
          if (json != null) {
            schema = json.getSchema();
            example = json.getExample();
          }
          break;
        }
      }
    }
    String operationId = op.getOperationId() != null ? op.getOperationId() : method + " " + template;
    return new SpecOperation(
        method,
        template,
        pattern,
        names,
        operationId,
        parameters,
        listShape(spec, parameters, schema),
        hasRequestId(spec, op),
        status,
        schema,
        example,
        op.getRequestBody() == null || json(op.getRequestBody().getContent()) == null
            ? null
            : json(op.getRequestBody().getContent()).getSchema());
  }

  private static int parseStatus(String code) {
    try {
      return Integer.parseInt(code);
    } catch (NumberFormatException e) {
      return 200;
    }
  }

  static @Nullable MediaType json(@Nullable Map<String, MediaType> content) {
    if (content == null) {
      return null;
    }
    for (Map.Entry<String, MediaType> e : content.entrySet()) {
      if (e.getKey().contains("json")) {
        return e.getValue();
      }
    }
    return null;
  }

  @SuppressWarnings("rawtypes") // swagger-models' property maps are raw
  private static @Nullable ListShape listShape(SpecModel spec, List<Parameter> parameters, @Nullable Schema<?> schema) {
    Parameter limit = query(parameters, "limit");
    Parameter after = query(parameters, "after");
    if (limit == null || after == null || schema == null) {
      return null;
    }
    Map<String, Schema> properties = Synthesizer.properties(spec, schema);
    if (!properties.containsKey("pagination")) {
      return null;
    }
    String items = null;
    if (properties.containsKey("data") && "array".equals(spec.resolve(properties.get("data")).getType())) {
      items = "data";
    } else {
      for (Map.Entry<String, Schema> p : properties.entrySet()) {
        if ("array".equals(spec.resolve(p.getValue()).getType())) {
          if (items != null) {
            items = null; // several lists under one cursor: each page is one item of the walk
            break;
          }
          items = p.getKey();
        }
      }
    }
    Schema<?> limitSchema = limit.getSchema() == null ? new Schema<>() : spec.resolve(limit.getSchema());
    int max = limitSchema.getMaximum() != null ? limitSchema.getMaximum().intValue() : 50;
    int min = limitSchema.getMinimum() != null ? Math.max(1, limitSchema.getMinimum().intValue()) : 1;
    int defaultLimit = limitSchema.getDefault() instanceof Number ? ((Number) limitSchema.getDefault()).intValue() : 10;
    Schema<?> itemSchema = items == null ? null : spec.resolve(properties.get(items)).getItems();
    return new ListShape(
        items == null ? "" : items,
        itemSchema,
        "pagination",
        query(parameters, "before") != null,
        Math.max(min, Math.min(defaultLimit, max)),
        min,
        max);
  }

  @SuppressWarnings("rawtypes")
  private static boolean hasRequestId(SpecModel spec, Operation op) {
    if (op.getRequestBody() == null) {
      return false;
    }
    MediaType json = json(op.getRequestBody().getContent());
    return json != null && json.getSchema() != null && Synthesizer.properties(spec, json.getSchema()).containsKey("request_id");
  }

  static @Nullable Parameter query(List<Parameter> parameters, String name) {
    for (Parameter p : parameters) {
      if ("query".equals(p.getIn()) && name.equals(p.getName())) {
        return p;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return method + " " + template + " (" + operationId + ")";
  }
}
