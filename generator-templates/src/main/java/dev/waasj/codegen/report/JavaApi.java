package dev.waasj.codegen.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one spec generates, in the names callers see: every operation by method and path, and every model by its
 * schema name, as {@link WaasjReportCodegen} (the build's generator, recording) named them.
 *
 * @param title the spec's {@code info.title}
 * @param version the spec's {@code info.version}
 * @param operations by {@code "METHOD /path"}
 * @param models by schema name (the component name, or the generator's name for an inline schema)
 */
record JavaApi(String title, String version, Map<String, Operation> operations, Map<String, Model> models) {

  /** Key of an operation: upper-case method, a space, the path as the spec writes it. */
  static String key(String method, String path) {
    return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
  }

  /**
   * One operation's Java face.
   *
   * @param method HTTP method, upper case
   * @param path the spec's path
   * @param operationId the spec's operation ID
   * @param tag the spec's first tag (or {@code default})
   * @param accessor the {@code CoboApis} accessor of its interface, e.g. {@code wallets}
   * @param javaMethod the method name, e.g. {@code listWallets}
   * @param paramsClass the parameter object's class, or null when the operation has no optional parameter
   * @param pager whether a {@code ...All} pager twin is generated
   * @param deprecated whether the spec marks it deprecated
   * @param returnType the Java type the call returns ({@code Void} when none)
   * @param params its parameters in signature order
   */
  record Operation(
      String method,
      String path,
      String operationId,
      String tag,
      String accessor,
      String javaMethod,
      String paramsClass,
      boolean pager,
      boolean deprecated,
      String returnType,
      List<Param> params) {

    /** {@code wallets().listWallets}. */
    String qualified() {
      return accessor + "()." + javaMethod;
    }

    /** Every Java method this operation generates: the call, its async twin, and the pager twin of a list. */
    List<String> javaMethods() {
      String base = qualified();
      return pager ? List.of(base, base + "Async", base + "All") : List.of(base, base + "Async");
    }

    Param param(String location, String name) {
      for (Param p : params) {
        if (p.location().equals(location) && p.name().equals(name)) {
          return p;
        }
      }
      return null;
    }
  }

  /**
   * One parameter.
   *
   * @param location {@code path}, {@code query}, {@code header}, {@code cookie}, {@code form} or {@code body}
   * @param name the spec's name ({@code body} for a request body)
   * @param javaName the Java parameter name, also the parameter object's builder method
   * @param type the Java type
   * @param required whether the spec requires it
   */
  record Param(String location, String name, String javaName, String type, boolean required) {}

  /**
   * One model class.
   *
   * @param schema the schema name
   * @param className the Java class (or interface) name
   * @param fields by JSON property name, in declaration order
   * @param enumValues JSON value to Java constant, for an enum schema (empty otherwise)
   * @param oneOf the Java classes of its {@code oneOf} members (empty unless it is one)
   * @param inRequests whether some request sends it (directly or nested)
   * @param inResponses whether some response carries it (directly or nested)
   */
  record Model(
      String schema,
      String className,
      Map<String, Field> fields,
      Map<String, String> enumValues,
      Set<String> oneOf,
      boolean inRequests,
      boolean inResponses) {}

  /**
   * One field of a model.
   *
   * @param name the JSON property name
   * @param javaName the getter (and builder method) name
   * @param type the Java type
   * @param required whether the schema requires it
   * @param description the spec's description, or null
   * @param enumClass for a field with an inline enum, the Java name of that enum, else null
   * @param enumValues JSON value to Java constant of that inline enum (empty otherwise)
   */
  record Field(
      String name,
      String javaName,
      String type,
      boolean required,
      String description,
      String enumClass,
      Map<String, String> enumValues) {}
}
