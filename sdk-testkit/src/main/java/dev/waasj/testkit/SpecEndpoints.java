package dev.waasj.testkit;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Answers every operation of a spec other than the token endpoint, by the spec's conventions rather than by
 * operation: validates the request against the operation (Cobo's error 2003 for something missing, 2006 for
 * something wrong, HTTP 400), then answers with a body the success schema accepts. List operations page through a
 * deterministic data set; a body with {@code request_id} is accepted once per organization and refused as a
 * duplicate (12009) after that, and what it created can be found again by lists filtered by {@code request_id}; path
 * parameters and request fields show up in the answer where it has members of the same names.
 */
final class SpecEndpoints {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String WALLET_ID = "wallet_id";
  private static final String ORG_ID = "org_id";

  private final SpecModel spec;
  private final Synthesizer synthesizer;
  private final Synthesizer requests;
  private final int listSize;
  /** Organization (or direct API key) -> request_id -> what the create made, as flat JSON. */
  private final ConcurrentMap<String, ConcurrentMap<String, ObjectNode>> created = new ConcurrentHashMap<>();
  /** Whether each operation's example validates against its own schema; decided once per operation. */
  private final ConcurrentMap<SpecOperation, Boolean> exampleValid = new ConcurrentHashMap<>();

  SpecEndpoints(SpecModel spec, long seed, int listSize) {
    this.spec = spec;
    this.synthesizer = new Synthesizer(spec, seed, false);
    this.requests = new Synthesizer(spec, seed, true);
    this.listSize = listSize;
  }

  /**
   * Serves one authenticated request.
   *
   * @param tenant whose data it sees: the organization of its org token, or the API key itself
   * @param orgId the organization of its org token; null for the organization's own API key
   */
  Response serve(
      SpecModel.Match match,
      String method,
      String rawPath,
      String rawQuery,
      String body,
      @Nullable String contentType,
      String tenant,
      @Nullable String orgId) {
    SpecOperation op = match.operation();
    Map<String, List<String>> query = parseQuery(rawQuery);
    Response invalid = validate(method, rawPath, query, body, contentType);
    if (invalid != null) {
      return invalid;
    }
    String walletId = match.pathParameters().get(WALLET_ID);
    if (orgId != null && walletId != null && OrgScope.belongsToAnotherOrganization(walletId, orgId)) {
      // As Cobo scopes every read to the caller's organization: another one's wallet does not exist for it.
      return Response.coboError(404, 2028, "no wallet " + walletId + " in this organization");
    }
    if (op.list != null) {
      return list(op, query, tenant, orgId);
    }
    ObjectNode fields = NODES.objectNode();
    match.pathParameters().forEach(fields::put);
    JsonNode request = parse(body);
    if (request != null && request.isObject()) {
      scalars((ObjectNode) request, fields);
    }
    String requestId = op.requestIdBody && request != null && request.path("request_id").isTextual()
        ? request.path("request_id").asText()
        : null;
    if (requestId != null && !requestId.isEmpty()) {
      ConcurrentMap<String, ObjectNode> mine = created.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
      if (mine.putIfAbsent(requestId, fields) != null) {
        return Response.coboError(400, 12009, "request_id has already been used: " + requestId);
      }
    } else {
      // A read by ID: what a create made under that ID shows through.
      ObjectNode record = findByField(tenant, match.pathParameters());
      if (record != null) {
        record.properties().forEach(e -> fields.putIfAbsent(e.getKey(), e.getValue()));
      }
    }
    JsonNode answer = answer(op, rawPath, method, op.operationId + ":" + requestId + ":" + match.pathParameters(), fields);
    if (answer == null) {
      return Response.json(op.successStatus, "");
    }
    overlay(answer, op.successSchema, fields);
    scope(answer, op.successSchema, fields, orgId);
    if (requestId != null && !requestId.isEmpty() && answer.isObject()) {
      scalars((ObjectNode) answer, created.get(tenant).get(requestId)); // the record learns the IDs it was given
    }
    return Response.json(op.successStatus, write(answer));
  }

  /** Arguments the operation accepts: its required parameters and, if it takes one, a body. */
  OperationSample sample(SpecOperation op) {
    Map<String, String> path = new LinkedHashMap<>();
    Map<String, String> query = new LinkedHashMap<>();
    for (io.swagger.v3.oas.models.parameters.Parameter p : op.parameters) {
      if (!Boolean.TRUE.equals(p.getRequired()) && !"path".equals(p.getIn())) {
        continue;
      }
      JsonNode value = p.getSchema() == null ? NODES.textNode("x") : requests.value(p.getSchema(), op.operationId + "?" + p.getName());
      String text = value.isValueNode() ? value.asText() : write(value);
      if ("path".equals(p.getIn())) {
        path.put(p.getName(), text);
      } else if ("query".equals(p.getIn())) {
        query.put(p.getName(), text);
      }
    }
    String body = null;
    if (op.requestSchema != null) {
      body = write(requests.value(op.requestSchema, op.operationId + "!body"));
    }
    return new OperationSample(path, query, body);
  }

  private final AtomicLong messages = new AtomicLong();

  /** The {@code data_type} values the spec's {@code WebhookEventData} discriminator maps. */
  List<String> webhookDataTypes() {
    Discriminator d = webhookDataDiscriminator();
    return d == null || d.getMapping() == null ? List.of() : List.copyOf(d.getMapping().keySet());
  }

  private @Nullable Discriminator webhookDataDiscriminator() {
    Schema<?> data = required("WebhookEventData");
    Discriminator d = spec.discriminators.get(spec.resolve(data));
    return d != null ? d : data.getDiscriminator();
  }

  /** A new webhook event carrying data of {@code dataType}, from the spec's {@code WebhookEvent} schema. */
  String webhookEvent(String dataType) {
    String key = "event#" + messages.incrementAndGet();
    ObjectNode event = (ObjectNode) synthesizer.value(required("WebhookEvent"), key);
    Discriminator d = webhookDataDiscriminator();
    String property = d == null ? "data_type" : d.getPropertyName();
    event.set("data", synthesizer.value(required("WebhookEventData"), key + "/data", Map.of(property, dataType)));
    Schema<?> types = spec.component("WebhookEventType");
    if (types != null && types.getEnum() != null) {
      String word = dataType.toLowerCase(Locale.ROOT);
      for (Object type : types.getEnum()) {
        if (type != null && type.toString().replace("_", "").contains(word)) {
          event.put("type", type.toString());
          break;
        }
      }
    }
    return write(event);
  }

  /** A new callback body: a transaction, from the spec's {@code Transaction} schema. */
  String callbackTransaction() {
    return write(synthesizer.value(required("Transaction"), "callback#" + messages.incrementAndGet()));
  }

  private Schema<?> required(String schema) {
    Schema<?> s = spec.component(schema);
    if (s == null) {
      throw new IllegalStateException("The served spec has no " + schema + " schema");
    }
    return s;
  }

  /** A page of the operation's data set: {@code listSize} items, cursors, {@code total_count}. */
  private Response list(SpecOperation op, Map<String, List<String>> query, String tenant, @Nullable String orgId) {
    SpecOperation.ListShape shape = op.list;
    String before = first(query, "before");
    String after = first(query, "after");
    if (before != null && !before.isEmpty() && after != null && !after.isEmpty()) {
      return Response.coboError(400, 2006, "before and after cannot be used together");
    }
    int limit = shape.defaultLimit();
    String limitText = first(query, "limit");
    if (limitText != null && !limitText.isEmpty()) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        return Response.coboError(400, 2006, "limit must be an integer");
      }
      if (limit < shape.minLimit() || limit > shape.maxLimit()) {
        return Response.coboError(
            400, 2006, "limit must be between " + shape.minLimit() + " and " + shape.maxLimit());
      }
    }
    List<ObjectNode> overlays = new ArrayList<>();
    String requestId = first(query, "request_id");
    if (requestId != null && !requestId.isEmpty()) {
      ObjectNode record = created.getOrDefault(tenant, new ConcurrentHashMap<>()).get(requestId);
      if (record != null) {
        overlays.add(record);
      }
    } else {
      for (int i = 0; i < listSize; i++) {
        overlays.add(filters(query));
      }
    }
    int total = overlays.size();
    int from;
    int to;
    try {
      if (before != null && !before.isEmpty()) {
        to = before.equals("infinity") ? total : cursorIndex(before, total);
        from = Math.max(0, to - limit);
      } else {
        from = after == null || after.isEmpty() ? 0 : cursorIndex(after, total) + 1;
        to = Math.min(total, from + limit);
      }
    } catch (IllegalArgumentException e) {
      return Response.coboError(400, 2006, e.getMessage());
    }
    ObjectNode page =
        op.successSchema == null ? NODES.objectNode() : (ObjectNode) synthesizer.value(op.successSchema, op.operationId + "/page");
    ArrayNode items = NODES.arrayNode();
    for (int i = from; i < to; i++) {
      if (shape.itemSchema() != null) {
        ObjectNode fields = overlays.get(i);
        Map<String, String> hints = new LinkedHashMap<>();
        fields.properties().forEach(e -> hints.put(e.getKey(), e.getValue().asText()));
        JsonNode item =
            synthesizer.value(shape.itemSchema(), op.operationId + "#" + (requestId != null ? requestId : i), hints);
        overlay(item, shape.itemSchema(), fields);
        scope(item, shape.itemSchema(), fields, orgId);
        items.add(item);
      }
    }
    if (!shape.itemsProperty().isEmpty()) {
      page.set(shape.itemsProperty(), items);
    }
    ObjectNode pagination = NODES.objectNode();
    pagination.put("before", from > 0 && from < total ? cursor(from) : "");
    pagination.put("after", to < total ? cursor(to - 1) : "");
    pagination.put("total_count", total);
    page.set(shape.paginationProperty(), pagination);
    return Response.json(op.successStatus, write(page));
  }

  /** The query's filters that can show in items: {@code wallet_type=MPC} makes every item an MPC wallet. */
  private static ObjectNode filters(Map<String, List<String>> query) {
    ObjectNode filters = NODES.objectNode();
    query.forEach(
        (name, values) -> {
          if (!values.isEmpty() && !name.equals("limit") && !name.equals("before") && !name.equals("after")
              && !values.get(0).contains(",")) {
            filters.put(name, values.get(0));
          }
        });
    return filters;
  }

  /** The success body: the spec's example when it validates, else one synthesized; null for none. */
  private @Nullable JsonNode answer(SpecOperation op, String rawPath, String method, String key, ObjectNode fields) {
    if (op.successSchema == null) {
      return null;
    }
    if (op.successExample != null) {
      JsonNode example = JSON.valueToTree(op.successExample);
      boolean valid =
          exampleValid.computeIfAbsent(op, o -> validResponse(rawPath, method, o.successStatus, write(example)));
      if (valid) {
        return example.deepCopy();
      }
    }
    Map<String, String> hints = new LinkedHashMap<>();
    fields.properties().forEach(e -> hints.put(e.getKey(), e.getValue().asText()));
    return synthesizer.value(op.successSchema, key, hints);
  }

  /** Whether {@code body} is a valid answer to the operation, as the validator sees it. */
  boolean validResponse(String rawPath, String method, int status, String body) {
    ValidationReport report =
        spec.validator()
            .validateResponse(
                rawPath,
                Request.Method.valueOf(method),
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build());
    return !report.hasErrors();
  }

  /** A 400 with Cobo's error body when the request breaks the operation, else null. */
  private @Nullable Response validate(
      String method, String rawPath, Map<String, List<String>> query, String body, @Nullable String contentType) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, rawPath);
    query.forEach((name, values) -> request.withQueryParam(name, values));
    if (!body.isEmpty()) {
      request.withBody(body).withContentType(contentType == null ? "application/json" : contentType);
    }
    ValidationReport report = spec.validator().validateRequest(request.build());
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        String key = message.getKey();
        int code = key.endsWith(".missing") || key.endsWith(".required") ? 2003 : 2006;
        return Response.coboError(400, code, message.getMessage());
      }
    }
    return null;
  }

  /** Sets members of {@code target} that the schema declares from same-named scalars of {@code fields}. */
  @SuppressWarnings("rawtypes")
  private void overlay(JsonNode target, @Nullable Schema<?> schema, ObjectNode fields) {
    if (!target.isObject() || schema == null || fields.isEmpty()) {
      return;
    }
    Map<String, Schema> properties = Synthesizer.properties(spec, schema);
    ObjectNode object = (ObjectNode) target;
    for (Map.Entry<String, JsonNode> field : fields.properties()) {
      Schema<?> property = properties.get(field.getKey());
      if (property != null && fits(spec.resolve(property), field.getValue())) {
        object.set(field.getKey(), field.getValue());
      }
    }
  }

  /**
   * Makes an answer for an org token say whose it is: a synthesized top-level {@code wallet_id} (not one the request
   * named) becomes {@linkplain OrgScope#walletId org-scoped}, and an {@code org_id} the schema declares is the
   * caller's organization.
   */
  @SuppressWarnings("rawtypes")
  private void scope(JsonNode target, @Nullable Schema<?> schema, ObjectNode fields, @Nullable String orgId) {
    if (orgId == null || !target.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) target;
    JsonNode walletId = object.get(WALLET_ID);
    if (walletId != null && walletId.isTextual() && !fields.has(WALLET_ID)) {
      object.put(WALLET_ID, OrgScope.walletId(orgId, walletId.asText()));
    }
    Schema<?> orgIdSchema = Synthesizer.properties(spec, schema).get(ORG_ID);
    if (orgIdSchema != null && fits(spec.resolve(orgIdSchema), NODES.textNode(orgId))) {
      object.put(ORG_ID, orgId);
    }
  }

  /** Whether a scalar can stand as a value of {@code schema}: type, enum and uuid format respected. */
  private static boolean fits(Schema<?> schema, JsonNode value) {
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return schema.getEnum().stream().anyMatch(e -> e != null && e.toString().equals(value.asText()));
    }
    String type = schema.getType();
    if (type == null) {
      return false;
    }
    switch (type) {
      case "string":
        return value.isTextual()
            && (!"uuid".equals(schema.getFormat()) || value.asText().matches("[0-9a-fA-F-]{36}"));
      case "integer":
        return value.isIntegralNumber();
      case "number":
        return value.isNumber();
      case "boolean":
        return value.isBoolean();
      default:
        return false;
    }
  }

  private @Nullable ObjectNode findByField(String tenant, Map<String, String> pathParameters) {
    Map<String, ObjectNode> mine = created.get(tenant);
    if (mine == null || pathParameters.isEmpty()) {
      return null;
    }
    for (ObjectNode record : mine.values()) {
      for (Map.Entry<String, String> p : pathParameters.entrySet()) {
        if (p.getValue().equals(record.path(p.getKey()).asText(null))) {
          return record;
        }
      }
    }
    return null;
  }

  private static void scalars(ObjectNode from, ObjectNode into) {
    from.properties().forEach(e -> {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        into.set(e.getKey(), e.getValue());
      }
    });
  }

  private static String cursor(int index) {
    return "cur_" + Integer.toString(index, 36) + "_" + Integer.toHexString(Integer.hashCode(index * 7919));
  }

  private static int cursorIndex(String cursor, int total) {
    try {
      if (cursor.startsWith("cur_")) {
        String[] parts = cursor.split("_");
        int index = Integer.parseInt(parts[1], 36);
        if (index >= 0 && index < total && cursor.equals(cursor(index))) {
          return index;
        }
      }
    } catch (RuntimeException e) {
      // fall through: not one of ours
    }
    throw new IllegalArgumentException("the cursor is not valid for this list");
  }

  private static @Nullable JsonNode parse(String body) {
    if (body.isEmpty()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON the emulator built cannot be written", e);
    }
  }

  private static @Nullable String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
