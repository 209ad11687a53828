package dev.waasj.codegen.report;

import dev.waasj.codegen.report.Change.Kind;
import dev.waasj.codegen.report.Change.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * What regenerating from {@code current} instead of {@code previous} changes for callers.
 *
 * @param previousPath the previous spec's file
 * @param currentPath the new spec's file
 * @param previous what the previous spec generates
 * @param current what the new spec generates
 * @param changes every change, breaking ones first
 */
record Report(Path previousPath, Path currentPath, JavaApi previous, JavaApi current, List<Change> changes) {

  /** Reads both specs, compares them and names every change in Java. */
  static Report compare(Path previousPath, Path currentPath, Path templates) throws java.io.IOException {
    SpecFiles.check(previousPath, currentPath);
    ChangedOpenApi diff = OpenApiCompare.fromSpecifications(SpecFiles.read(previousPath), SpecFiles.read(currentPath));
    JavaApiReader reader = new JavaApiReader(templates);
    JavaApi previous = reader.read(previousPath);
    JavaApi current = reader.read(currentPath);
    List<Change> changes = new ArrayList<>(OperationChanges.of(diff, previous, current));
    changes.addAll(ModelChanges.of(previous, current));
    changes.sort(Comparator.comparing(Change::verdict)
        .thenComparing(Change::group)
        .thenComparing(Change::kind)
        .thenComparing(c -> c.path() == null ? "" : c.path())
        .thenComparing(c -> c.method() == null ? "" : c.method())
        .thenComparing(c -> c.model() == null ? "" : c.model())
        .thenComparing(Change::java));
    return new Report(previousPath, currentPath, previous, current, List.copyOf(changes));
  }

  /** Whether code that compiled against the previous spec compiles against the new one. */
  boolean sourceCompatible() {
    return changes.stream().noneMatch(c -> c.verdict() == Verdict.BREAKING);
  }

  /** Whether it does when every call with optional parameters goes through its parameter object. */
  boolean sourceCompatibleWithParameterObjects() {
    return changes.stream().noneMatch(c -> c.verdict() == Verdict.BREAKING && !c.positionalOnly());
  }

  List<Change> of(Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  Map<Kind, Integer> countsByKind() {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Change c : changes) {
      counts.merge(c.kind(), 1, Integer::sum);
    }
    return counts;
  }

  long count(Verdict verdict) {
    return changes.stream().filter(c -> c.verdict() == verdict).count();
  }

  /** One line: counts per kind, and whether old code still compiles. */
  String summary() {
    StringBuilder out = new StringBuilder();
    Map<Kind, Integer> counts = countsByKind();
    if (counts.isEmpty()) {
      out.append("no change");
    } else {
      List<String> parts = new ArrayList<>();
      counts.forEach((kind, n) -> parts.add(kind.counted(n)));
      out.append(String.join(", ", parts));
    }
    String from = fromLabel();
    String to = toLabel();
    if (sourceCompatible()) {
      out.append(". Code that compiled against ").append(from).append(" still compiles against ").append(to);
    } else {
      long breaking = count(Verdict.BREAKING);
      long positional = changes.stream().filter(c -> c.verdict() == Verdict.BREAKING && c.positionalOnly()).count();
      out.append(". Code that compiled against ").append(from).append(" does NOT compile against ").append(to)
          .append(" (").append(breaking).append(" breaking change").append(breaking == 1 ? "" : "s");
      if (positional > 0) {
        out.append(", ").append(positional).append(" of them only for positional calls");
      }
      out.append(")");
    }
    long behaviour = count(Verdict.BEHAVIOUR);
    if (behaviour > 0) {
      out.append("; ").append(behaviour).append(" change").append(behaviour == 1 ? "" : "s")
          .append(" of behaviour");
    }
    return out.append('.').toString();
  }

  /** The previous spec's name in sentences: its {@code info.version}, or its file name when that says nothing. */
  String fromLabel() {
    return versionsTell() ? previous.version() : previousPath.getFileName().toString();
  }

  /** The new spec's name in sentences. */
  String toLabel() {
    return versionsTell() ? current.version() : currentPath.getFileName().toString();
  }

  /** Cobo's releases all say {@code version: 1.0.0}; then only the file names tell them apart. */
  private boolean versionsTell() {
    return !previous.version().isBlank() && !previous.version().equals(current.version());
  }
}
