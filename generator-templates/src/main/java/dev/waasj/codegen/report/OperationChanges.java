package dev.waasj.codegen.report;

import dev.waasj.codegen.report.Change.Kind;
import dev.waasj.codegen.report.Change.Verdict;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Operation changes: which operations and parameters the spec added, removed, deprecated or changed (from
 * openapi-diff, matched by method and path, since operation IDs drift), each told in the Java names the generator
 * gave both sides; the Java-only changes (a method renamed, a type changed) from comparing those names.
 */
final class OperationChanges {
  private final JavaApi previous;
  private final JavaApi current;
  private final List<Change> changes = new ArrayList<>();

  private OperationChanges(JavaApi previous, JavaApi current) {
    this.previous = previous;
    this.current = current;
  }

  static List<Change> of(ChangedOpenApi diff, JavaApi previous, JavaApi current) {
    OperationChanges out = new OperationChanges(previous, current);
    out.collect(diff);
    return out.changes;
  }

  private void collect(ChangedOpenApi diff) {
    for (Endpoint e : diff.getNewEndpoints()) {
      JavaApi.Operation op = find(current, e.getMethod().name(), e.getPathUrl());
      add(op, e.getMethod().name(), e.getPathUrl(), Kind.OPERATION_ADDED, Verdict.COMPATIBLE,
          describe(e.getMethod().name(), e.getPathUrl(), op), op == null ? "not generated" : "new " + methods(op));
    }
    for (Endpoint e : diff.getMissingEndpoints()) {
      JavaApi.Operation op = find(previous, e.getMethod().name(), e.getPathUrl());
      add(op, e.getMethod().name(), e.getPathUrl(), Kind.OPERATION_REMOVED, Verdict.BREAKING,
          describe(e.getMethod().name(), e.getPathUrl(), op), op == null ? "not generated" : "gone: " + methods(op));
    }
    Map<String, ChangedOperation> changed = new HashMap<>();
    for (ChangedOperation co : diff.getChangedOperations()) {
      changed.put(normalized(co.getHttpMethod().name(), co.getPathUrl()), co);
    }
    Map<String, JavaApi.Operation> before = byNormalizedKey(previous);
    for (Map.Entry<String, JavaApi.Operation> entry : byNormalizedKey(current).entrySet()) {
      JavaApi.Operation old = before.get(entry.getKey());
      if (old != null) {
        compare(old, entry.getValue(), changed.get(entry.getKey()));
      }
    }
  }

  private void compare(JavaApi.Operation old, JavaApi.Operation now, ChangedOperation co) {
    String where = describe(now.method(), now.path(), now);
    if (co != null && co.isDeprecated()) {
      add(now, Kind.OPERATION_DEPRECATED, Verdict.COMPATIBLE, where + " is now deprecated",
          methods(now) + " now carry @Deprecated (a build with -Xlint:deprecation -Werror stops on its calls)");
    }
    if (!old.accessor().equals(now.accessor()) || !old.javaMethod().equals(now.javaMethod())) {
      String why = !old.operationId().equals(now.operationId())
          ? "operation ID " + old.operationId() + " is now " + now.operationId()
          : "tag " + old.tag() + " is now " + now.tag();
      add(now, Kind.METHOD_RENAMED, Verdict.BREAKING, where + ": " + why,
          "`" + old.qualified() + "` is now `" + now.qualified() + "` (and its twins)");
    }
    if (!old.returnType().equals(now.returnType())) {
      add(now, Kind.RETURN_TYPE_CHANGED, Verdict.BREAKING, where + ": another response schema",
          "`" + now.qualified() + "` returns `" + now.returnType() + "`, was `" + old.returnType() + "`");
    }
    if (old.pager() != now.pager()) {
      add(now, Kind.PAGER_CHANGED, now.pager() ? Verdict.COMPATIBLE : Verdict.BREAKING,
          where + (now.pager() ? " is now a cursor-paged list" : " is no longer a cursor-paged list"),
          (now.pager() ? "new `" : "gone: `") + now.qualified() + "All`");
    }
    parameterObject(old, now, where);
    parameters(old, now, co, where);
  }

  private void parameterObject(JavaApi.Operation old, JavaApi.Operation now, String where) {
    if (old.paramsClass() == null || old.paramsClass().equals(now.paramsClass())) {
      return;
    }
    if (now.paramsClass() == null) {
      add(now, Kind.PARAMETER_OBJECT_CHANGED, Verdict.BREAKING, where + " has no optional parameter left",
          "gone: `" + old.paramsClass() + "` and the `" + now.qualified() + "(" + old.paramsClass() + ")` overloads");
    } else {
      add(now, Kind.PARAMETER_OBJECT_CHANGED, Verdict.BREAKING, where + ": its parameter object has another name",
          "`" + old.paramsClass() + "` is now `" + now.paramsClass() + "`");
    }
  }

  private void parameters(JavaApi.Operation old, JavaApi.Operation now, ChangedOperation co, String where) {
    Set<String> reported = new HashSet<>();
    ChangedParameters params = co == null ? null : co.getParameters();
    if (params != null) {
      for (Parameter p : params.getIncreased()) {
        JavaApi.Param param = now.param(p.getIn(), p.getName());
        if (param != null && reported.add(p.getIn() + p.getName())) {
          added(old, now, param, where);
        }
      }
      for (Parameter p : params.getMissing()) {
        JavaApi.Param param = old.param(p.getIn(), p.getName());
        if (param != null && reported.add(p.getIn() + p.getName())) {
          removed(old, now, param, where);
        }
      }
      for (ChangedParameter p : params.getChanged()) {
        JavaApi.Param before = old.param(p.getIn(), p.getName());
        JavaApi.Param after = now.param(p.getIn(), p.getName());
        if (p.isChangeRequired() && before != null && after != null) {
          requiredness(old, now, before, after, where);
        }
      }
    }
    // The request body is a Java parameter too; the generator says whether it came or went.
    JavaApi.Param oldBody = old.param("body", "body");
    JavaApi.Param newBody = now.param("body", "body");
    if (oldBody == null && newBody != null) {
      added(old, now, newBody, where);
    } else if (oldBody != null && newBody == null) {
      removed(old, now, oldBody, where);
    } else if (oldBody != null && oldBody.required() != newBody.required()) {
      requiredness(old, now, oldBody, newBody, where);
    }
    for (JavaApi.Param after : now.params()) {
      JavaApi.Param before = old.param(after.location(), after.name());
      if (before != null && !before.type().equals(after.type())) {
        add(now, Kind.PARAMETER_TYPE_CHANGED, Verdict.BREAKING,
            where + ": " + label(after) + " has another schema",
            "`" + now.qualified() + "` takes `" + after.javaName() + "` as `" + after.type() + "`, was `"
                + before.type() + "`");
      }
    }
  }

  private void added(JavaApi.Operation old, JavaApi.Operation now, JavaApi.Param param, String where) {
    String spec = where + ": new " + (param.required() ? "required " : "optional ") + label(param);
    String positional = "the positional `" + now.qualified() + "(...)` gains the argument `" + param.javaName() + "`";
    if (param.required()) {
      add(now, Kind.PARAMETER_ADDED, Verdict.BREAKING, spec, positional
          + (now.paramsClass() == null ? "" : "; `" + now.paramsClass() + "` requires it when built"), false);
    } else if (old.paramsClass() != null) {
      add(now, Kind.PARAMETER_ADDED, Verdict.BREAKING, spec, "new builder method `" + now.paramsClass()
          + ".Builder." + param.javaName() + "(" + param.type() + ")`; " + positional + " (calls with `"
          + old.paramsClass() + "` keep compiling)", true);
    } else {
      add(now, Kind.PARAMETER_ADDED, Verdict.BREAKING, spec, positional + "; new parameter object `"
          + now.paramsClass() + "` with the builder method `" + param.javaName() + "(" + param.type() + ")`", false);
    }
  }

  private void removed(JavaApi.Operation old, JavaApi.Operation now, JavaApi.Param param, String where) {
    add(now, Kind.PARAMETER_REMOVED, Verdict.BREAKING, where + ": " + label(param) + " is gone",
        "the positional `" + now.qualified() + "(...)` loses the argument `" + param.javaName() + "`"
            + (old.paramsClass() == null || param.required() ? ""
                : "; gone: `" + old.paramsClass() + ".Builder." + param.javaName() + "(...)`"), false);
  }

  private void requiredness(
      JavaApi.Operation old, JavaApi.Operation now, JavaApi.Param before, JavaApi.Param after, String where) {
    if (after.required()) {
      add(now, Kind.PARAMETER_REQUIREMENT_CHANGED, Verdict.BEHAVIOUR, where + ": " + label(after)
          + " is now required", "still compiles; a call of `" + now.qualified() + "` without `" + after.javaName()
          + "` is now refused before anything is sent");
    } else {
      add(now, Kind.PARAMETER_REQUIREMENT_CHANGED, Verdict.COMPATIBLE, where + ": " + label(after)
          + " is now optional", "`" + after.javaName() + "` of `" + now.qualified() + "` may be null"
          + (old.paramsClass() == null && now.paramsClass() != null
              ? "; new parameter object `" + now.paramsClass() + "`" : ""));
    }
  }

  private static String label(JavaApi.Param p) {
    return p.location().equals("body") ? "request body" : p.location() + " parameter `" + p.name() + "`";
  }

  private static String describe(String method, String path, JavaApi.Operation op) {
    return "`" + method + " " + path + "`" + (op == null ? "" : " (" + op.operationId() + ")");
  }

  private static String methods(JavaApi.Operation op) {
    return "`" + String.join("`, `", op.javaMethods()) + "`";
  }

  private void add(JavaApi.Operation op, Kind kind, Verdict verdict, String spec, String java) {
    add(op, kind, verdict, spec, java, false);
  }

  private void add(JavaApi.Operation op, Kind kind, Verdict verdict, String spec, String java, boolean positional) {
    changes.add(new Change(op.accessor() + "()", kind, verdict, op.method(), op.path(), null, spec, java, positional));
  }

  private void add(
      JavaApi.Operation op, String method, String path, Kind kind, Verdict verdict, String spec, String java) {
    String group = op == null ? "default()" : op.accessor() + "()";
    changes.add(new Change(group, kind, verdict, method, path, null, spec, java, false));
  }

  private static JavaApi.Operation find(JavaApi api, String method, String path) {
    JavaApi.Operation exact = api.operations().get(JavaApi.key(method, path));
    return exact != null ? exact : byNormalizedKey(api).get(normalized(method, path));
  }

  /** openapi-diff matches paths whatever their parameters are called ({@code /a/{id}} and {@code /a/{a_id}}). */
  private static String normalized(String method, String path) {
    return JavaApi.key(method, path.replaceAll("\\{[^}]*}", "{}"));
  }

  private static Map<String, JavaApi.Operation> byNormalizedKey(JavaApi api) {
    Map<String, JavaApi.Operation> out = new HashMap<>();
    for (JavaApi.Operation op : api.operations().values()) {
      out.put(normalized(op.method(), op.path()), op);
    }
    return out;
  }
}
