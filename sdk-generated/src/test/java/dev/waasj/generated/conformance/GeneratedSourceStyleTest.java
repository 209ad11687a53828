package dev.waasj.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every source generated from whatever spec this build used (our own, or Cobo's 859 files) reads like hand-written
 * code: no import it does not need, no line over 120 columns, no HTML entities Mustache left in Javadoc, no
 * arithmetic where a constant belongs. Checked over all files rather than a sample, with rules written here and not
 * shared with the generator's tidying step.
 */
class GeneratedSourceStyleTest {
  static final Path GENERATED = Path.of("target", "generated-sources", "openapi", "src", "main", "java");
  static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)\\.(\\w+);$");
  static final Pattern ENTITY = Pattern.compile("&#39;|&quot;|&#x60;|&#x3D;|\\\\\"");

  static List<Path> files;

  @BeforeAll
  static void listGeneratedSources() throws IOException {
    try (Stream<Path> walk = Files.walk(GENERATED)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(files).as("generated sources under %s", GENERATED.toAbsolutePath()).hasSizeGreaterThan(10);
  }

  @Test
  void everyImportIsUsedOnceAndFromAnotherPackage() {
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = read(file);
      String pkg = lines.stream().filter(l -> l.startsWith("package ")).findFirst().orElseThrow()
          .replace("package ", "").replace(";", "");
      StringBuilder rest = new StringBuilder();
      lines.stream().filter(l -> !l.startsWith("import ")).forEach(l -> rest.append(l).append('\n'));
      Set<String> seen = new HashSet<>();
      for (String line : lines) {
        Matcher m = IMPORT.matcher(line);
        if (!m.matches()) {
          continue;
        }
        String name = m.group(3);
        if (!seen.add(line)) {
          problems.add(file.getFileName() + ": repeated " + line);
        } else if (m.group(1) == null && m.group(2).equals(pkg)) {
          problems.add(file.getFileName() + ": same package " + line);
        } else if (!Pattern.compile("(?<![\\w.])" + name + "\\b").matcher(rest).find()) {
          problems.add(file.getFileName() + ": unused " + line);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void noLineIsLongerThan120ButOneHoldingASingleUrl() {
    List<String> problems = new ArrayList<>();
    int urlLines = 0;
    for (Path file : files) {
      List<String> lines = read(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.length() <= 120) {
          continue;
        }
        // A URL cannot be broken; the comment wraps around it, so it stands alone on its line.
        String text = line.strip().replaceFirst("^\\*\\s*", "");
        if (line.strip().startsWith("*") && !text.contains(" ") && text.contains("://")) {
          urlLines++;
          continue;
        }
        problems.add(file.getFileName() + ":" + (i + 1) + " (" + line.length() + "): " + line.strip());
      }
    }
    assertThat(problems).isEmpty();
    assertThat(urlLines).as("lines that are one long URL").isLessThan(files.size() / 10 + 1);
  }

  @Test
  void javadocCarriesNoMustacheEntitiesOrEscapedQuotes() {
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      for (String line : read(file)) {
        String s = line.strip();
        if ((s.startsWith("*") || s.startsWith("/**")) && ENTITY.matcher(s).find()) {
          problems.add(file.getFileName() + ": " + s);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void switchLabelsAreConstantsAndErrorDocsAreLabelled() {
    List<String> problems = new ArrayList<>();
    Pattern arithmetic = Pattern.compile("case \\d+ [-+] \\d+:");
    for (Path file : files) {
      for (String line : read(file)) {
        if (arithmetic.matcher(line).find() || line.contains("error status {@code")) {
          problems.add(file.getFileName() + ": " + line.strip());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
