package dev.waasj.codegen.report;

import java.util.Locale;

/**
 * One change a regeneration makes for callers.
 *
 * @param group the {@code CoboApis} accessor the change is under ({@code wallets()}), or {@code models}
 * @param kind what changed
 * @param verdict what it means for code that compiled against the previous spec
 * @param method the operation's HTTP method, or null for a model change
 * @param path the operation's path, or null for a model change
 * @param model the model's Java class, or null for an operation change
 * @param spec the change in the spec's terms
 * @param java the change in the SDK's Java names
 * @param positionalOnly for a breaking parameter change: only calls of the positional form break, calls with the
 *     operation's parameter object keep compiling
 */
record Change(
    String group,
    Kind kind,
    Verdict verdict,
    String method,
    String path,
    String model,
    String spec,
    String java,
    boolean positionalOnly) {

  /** What a change means for callers. */
  enum Verdict {
    /** Code that compiled against the previous spec does not compile against the new one. */
    BREAKING("breaking"),
    /** It still compiles, but calls or data behave differently at run time. */
    BEHAVIOUR("behaviour"),
    /** Additions and changes that leave existing code compiling and working. */
    COMPATIBLE("compatible");

    final String label;

    Verdict(String label) {
      this.label = label;
    }
  }

  /** The kinds of change, in the order the summary counts them. */
  enum Kind {
    OPERATION_ADDED("operation added"),
    OPERATION_REMOVED("operation removed"),
    OPERATION_DEPRECATED("operation deprecated"),
    METHOD_RENAMED("method renamed"),
    RETURN_TYPE_CHANGED("return type changed"),
    PAGER_CHANGED("pager twin changed"),
    PARAMETER_OBJECT_CHANGED("parameter object changed"),
    PARAMETER_ADDED("parameter added"),
    PARAMETER_REMOVED("parameter removed"),
    PARAMETER_TYPE_CHANGED("parameter type changed"),
    PARAMETER_REQUIREMENT_CHANGED("parameter requirement changed"),
    MODEL_ADDED("model added"),
    MODEL_REMOVED("model removed"),
    MODEL_RENAMED("model renamed"),
    FIELD_ADDED("field added"),
    FIELD_REMOVED("field removed"),
    FIELD_RENAMED("field renamed"),
    FIELD_TYPE_CHANGED("field type changed"),
    FIELD_REQUIREMENT_CHANGED("field requirement changed"),
    ENUM_VALUE_ADDED("enum value added"),
    ENUM_VALUE_REMOVED("enum value removed"),
    ONEOF_VARIANT_ADDED("oneOf variant added"),
    ONEOF_VARIANT_REMOVED("oneOf variant removed");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The label for a count: {@code 2 operations added}, {@code 1 operation added}. */
    String counted(int n) {
      int space = label.lastIndexOf(' ');
      return n + " " + (n == 1 ? label : label.substring(0, space) + "s" + label.substring(space));
    }

    /** The JSON name, e.g. {@code parameterAdded}. */
    String jsonName() {
      StringBuilder out = new StringBuilder();
      boolean upper = false;
      for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
        if (c == '_') {
          upper = true;
        } else {
          out.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return out.toString();
    }
  }
}
