package dev.waasj.codegen.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.waasj.codegen.report.Change.Kind;
import dev.waasj.codegen.report.Change.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a {@link Report} as Markdown for people and JSON for tools. */
final class ReportWriter {
  private ReportWriter() {}

  static String markdown(Report report) {
    StringBuilder out = new StringBuilder();
    String from = report.fromLabel();
    String to = report.toLabel();
    out.append("# Regenerating ").append(report.current().title().isBlank() ? "the SDK" : report.current().title())
        .append(": ").append(from).append(" → ").append(to).append("\n\n");
    out.append("Previous spec: `").append(report.previousPath()).append("`  \n");
    out.append("New spec: `").append(report.currentPath()).append("`\n\n");
    out.append("**Summary:** ").append(report.summary()).append("\n\n");
    if (report.changes().isEmpty()) {
      return out.toString();
    }
    out.append("Verdicts: **breaking**: code that compiled against ").append(from)
        .append(" no longer compiles; **behaviour**: it compiles, but calls or data behave differently; ")
        .append("**compatible**: nothing to change.\n");
    // Groups with a breaking change first, then by name; the models last.
    Map<String, List<Change>> groups = new TreeMap<>(
        Comparator.comparing((String g) -> g.equals("models"))
            .thenComparing(g -> report.changes().stream()
                .noneMatch(c -> c.group().equals(g) && c.verdict() == Verdict.BREAKING))
            .thenComparing(Comparator.naturalOrder()));
    for (Change c : report.changes()) {
      groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
    }
    for (Map.Entry<String, List<Change>> group : groups.entrySet()) {
      out.append("\n## ").append(group.getKey().equals("models") ? "Models" : "`" + group.getKey() + "`")
          .append("\n");
      for (Verdict verdict : Verdict.values()) {
        List<Change> these = group.getValue().stream().filter(c -> c.verdict() == verdict).toList();
        if (these.isEmpty()) {
          continue;
        }
        out.append("\n### ").append(capitalized(verdict.label)).append(" (").append(these.size()).append(")\n\n");
        for (Change c : these) {
          out.append("- **").append(c.kind().label).append("** ").append(c.spec()).append(" → ").append(c.java())
              .append('\n');
        }
      }
    }
    return out.toString();
  }

  static Map<String, Object> json(Report report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("previous", spec(report.previous(), report.previousPath()));
    root.put("current", spec(report.current(), report.currentPath()));
    root.put("sourceCompatible", report.sourceCompatible());
    root.put("sourceCompatibleWithParameterObjects", report.sourceCompatibleWithParameterObjects());
    root.put("summary", report.summary());
    Map<String, Object> counts = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      counts.put(kind.jsonName(), report.countsByKind().getOrDefault(kind, 0));
    }
    root.put("counts", counts);
    Map<String, Object> verdicts = new LinkedHashMap<>();
    for (Verdict verdict : Verdict.values()) {
      verdicts.put(verdict.label, report.count(verdict));
    }
    root.put("verdicts", verdicts);
    root.put("operationsAdded", operations(report.of(Kind.OPERATION_ADDED), report.current()));
    root.put("operationsRemoved", operations(report.of(Kind.OPERATION_REMOVED), report.previous()));
    root.put("operationsDeprecated", operations(report.of(Kind.OPERATION_DEPRECATED), report.current()));
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Change c : report.changes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", c.kind().jsonName());
      m.put("verdict", c.verdict().label);
      m.put("group", c.group());
      putIfSet(m, "method", c.method());
      putIfSet(m, "path", c.path());
      putIfSet(m, "model", c.model());
      m.put("spec", c.spec());
      m.put("java", c.java());
      if (c.positionalOnly()) {
        m.put("positionalOnly", true);
      }
      changes.add(m);
    }
    root.put("changes", changes);
    return root;
  }

  /** Writes {@code regeneration-report.md} and {@code regeneration-report.json} into {@code directory}. */
  static void write(Report report, Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("regeneration-report.md"), markdown(report));
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(directory.resolve("regeneration-report.json"),
        mapper.writeValueAsString(json(report)) + "\n");
  }

  private static Map<String, Object> spec(JavaApi api, Path path) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path.toString());
    m.put("title", api.title());
    m.put("version", api.version());
    m.put("operations", api.operations().size());
    m.put("models", api.models().size());
    return m;
  }

  private static List<Map<String, Object>> operations(List<Change> changes, JavaApi api) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Change c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", c.method());
      m.put("path", c.path());
      JavaApi.Operation op = api.operations().get(JavaApi.key(c.method(), c.path()));
      if (op != null) {
        m.put("operationId", op.operationId());
        m.put("tag", op.tag());
        m.put("javaMethods", op.javaMethods());
      }
      out.add(m);
    }
    return out;
  }

  private static void putIfSet(Map<String, Object> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
