package dev.waasj.codegen.report;

import dev.waasj.codegen.report.Change.Kind;
import dev.waasj.codegen.report.Change.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model changes, compared on the classes the generator made of each schema (after it flattened {@code allOf} and
 * named inline schemas), since that is what callers compile against: a property of a shared base schema changes
 * every class that inherits it.
 */
final class ModelChanges {
  private static final String GROUP = "models";

  private final List<Change> changes = new ArrayList<>();

  private ModelChanges() {}

  static List<Change> of(JavaApi previous, JavaApi current) {
    ModelChanges out = new ModelChanges();
    for (JavaApi.Model now : current.models().values()) {
      JavaApi.Model old = previous.models().get(now.schema());
      if (old == null) {
        out.add(now, Kind.MODEL_ADDED, Verdict.COMPATIBLE, "new schema `" + now.schema() + "`",
            "new class `" + now.className() + "`");
      } else {
        out.compare(old, now);
      }
    }
    for (JavaApi.Model old : previous.models().values()) {
      if (!current.models().containsKey(old.schema())) {
        out.add(old, Kind.MODEL_REMOVED, Verdict.BREAKING, "schema `" + old.schema() + "` is gone",
            "gone: class `" + old.className() + "`");
      }
    }
    return out.changes;
  }

  private void compare(JavaApi.Model old, JavaApi.Model now) {
    if (!old.className().equals(now.className())) {
      add(now, Kind.MODEL_RENAMED, Verdict.BREAKING, "schema `" + now.schema() + "` generates another class",
          "`" + old.className() + "` is now `" + now.className() + "`");
    }
    fields(old, now);
    enumValues(now, now.className(), "`" + now.schema() + "`", old.enumValues(), now.enumValues());
    for (String variant : now.oneOf()) {
      if (!old.oneOf().contains(variant)) {
        add(now, Kind.ONEOF_VARIANT_ADDED, now.inResponses() ? Verdict.BEHAVIOUR : Verdict.COMPATIBLE,
            "`" + now.schema() + "`: new oneOf member",
            "`" + variant + "` now implements `" + now.className() + "`"
                + (now.inResponses() ? "; JSON of that shape read as `" + now.className() + ".Unknown` before" : ""));
      }
    }
    for (String variant : old.oneOf()) {
      if (!now.oneOf().contains(variant)) {
        add(now, Kind.ONEOF_VARIANT_REMOVED, Verdict.BREAKING, "`" + now.schema() + "`: oneOf member removed",
            "`" + variant + "` no longer implements `" + now.className() + "`");
      }
    }
  }

  private void fields(JavaApi.Model old, JavaApi.Model now) {
    Map<String, JavaApi.Field> added = new LinkedHashMap<>(now.fields());
    added.keySet().removeAll(old.fields().keySet());
    Map<String, JavaApi.Field> removed = new LinkedHashMap<>(old.fields());
    removed.keySet().removeAll(now.fields().keySet());
    renames(now, added, removed);
    for (JavaApi.Field f : added.values()) {
      boolean required = f.required() && now.inRequests();
      add(now, Kind.FIELD_ADDED, required ? Verdict.BEHAVIOUR : Verdict.COMPATIBLE,
          "`" + now.schema() + "`: new " + (f.required() ? "required" : "optional") + " property `" + f.name() + "`",
          "new `" + now.className() + "." + f.javaName() + "()` and builder method (`" + f.type() + "`)"
              + (required ? "; `" + now.className() + ".Builder.build()` now refuses a builder without it" : ""));
    }
    for (JavaApi.Field f : removed.values()) {
      add(now, Kind.FIELD_REMOVED, Verdict.BREAKING, "`" + now.schema() + "`: property `" + f.name() + "` is gone",
          "gone: `" + now.className() + "." + f.javaName() + "()` and its builder method");
    }
    for (JavaApi.Field after : now.fields().values()) {
      JavaApi.Field before = old.fields().get(after.name());
      if (before != null) {
        field(now, before, after);
      }
    }
  }

  /** A property removed and one added with the same type and description: the spec renamed it. */
  private void renames(JavaApi.Model now, Map<String, JavaApi.Field> added, Map<String, JavaApi.Field> removed) {
    for (JavaApi.Field gone : List.copyOf(removed.values())) {
      if (gone.description() == null || gone.description().isBlank()) {
        continue;
      }
      List<JavaApi.Field> same = new ArrayList<>();
      for (JavaApi.Field f : added.values()) {
        if (f.type().equals(gone.type()) && gone.description().equals(f.description())) {
          same.add(f);
        }
      }
      if (same.size() == 1) {
        JavaApi.Field renamed = same.get(0);
        added.remove(renamed.name());
        removed.remove(gone.name());
        add(now, Kind.FIELD_RENAMED, Verdict.BREAKING,
            "`" + now.schema() + "`: property `" + gone.name() + "` is now `" + renamed.name() + "`",
            "`" + now.className() + "." + gone.javaName() + "()` is now `" + now.className() + "."
                + renamed.javaName() + "()` (builder method too)");
      }
    }
  }

  private void field(JavaApi.Model model, JavaApi.Field before, JavaApi.Field after) {
    String where = "`" + model.schema() + "`: property `" + after.name() + "`";
    String getter = "`" + model.className() + "." + after.javaName() + "()`";
    if (!before.javaName().equals(after.javaName())) {
      add(model, Kind.FIELD_RENAMED, Verdict.BREAKING, where + " generates another name",
          "`" + model.className() + "." + before.javaName() + "()` is now " + getter);
    }
    if (!before.type().equals(after.type())) {
      add(model, Kind.FIELD_TYPE_CHANGED, Verdict.BREAKING, where + " has another schema",
          getter + " is `" + after.type() + "`, was `" + before.type() + "`");
    }
    if (before.required() != after.required()) {
      if (after.required()) {
        add(model, Kind.FIELD_REQUIREMENT_CHANGED, model.inRequests() ? Verdict.BEHAVIOUR : Verdict.COMPATIBLE,
            where + " is now required", model.inRequests()
                ? "still compiles; `" + model.className() + ".Builder.build()` now refuses a builder without it"
                : getter + " is no longer @Nullable");
      } else {
        add(model, Kind.FIELD_REQUIREMENT_CHANGED, model.inResponses() ? Verdict.BEHAVIOUR : Verdict.COMPATIBLE,
            where + " is now optional", getter + " is now @Nullable"
                + (model.inResponses() ? ": a response can leave it out, and code that assumed a value must check" : ""));
      }
    }
    if (before.enumClass() != null && after.enumClass() != null) {
      // An inline enum that came or went is a type change, reported above.
      enumValues(model, model.className() + "." + after.enumClass(), where, before.enumValues(), after.enumValues());
    }
  }

  private void enumValues(
      JavaApi.Model model, String enumClass, String where, Map<String, String> before, Map<String, String> after) {
    for (Map.Entry<String, String> value : after.entrySet()) {
      if (!before.containsKey(value.getKey())) {
        add(model, Kind.ENUM_VALUE_ADDED, Verdict.COMPATIBLE, where + ": new enum value `" + value.getKey() + "`",
            "new constant `" + enumClass + "." + value.getValue() + "`"
                + (model.inResponses()
                    ? "; not breaking: our enums are open, so an SDK built from the previous spec reads it as an"
                        + " unknown value (an exhaustive switch over `Known` needs a case)"
                    : ""));
      }
    }
    for (Map.Entry<String, String> value : before.entrySet()) {
      if (!after.containsKey(value.getKey())) {
        add(model, Kind.ENUM_VALUE_REMOVED, Verdict.BREAKING, where + ": enum value `" + value.getKey() + "` is gone",
            "gone: constant `" + enumClass + "." + value.getValue() + "`");
      }
    }
  }

  private void add(JavaApi.Model model, Kind kind, Verdict verdict, String spec, String java) {
    changes.add(new Change(GROUP, kind, verdict, null, null, model.className(), spec, java, false));
  }
}
