package dev.waasj.codegen.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two releases of a spec and reports what regenerating the SDK from the new one changes for callers, in
 * the spec's terms and in the SDK's Java names: {@code regeneration-report.md} and {@code
 * regeneration-report.json} in the output directory.
 *
 * <pre>
 * java dev.waasj.codegen.report.RegenerationReport --previous OLD.yaml --spec NEW.yaml
 *     [--out DIR] [--templates generator-templates/java] [--fail-on-breaking[=true|false]]
 * </pre>
 *
 * <p>Exit status: 0 when the report is written, 1 when {@code --fail-on-breaking} is given and a change breaks code
 * that compiled against the previous spec, 2 for unusable input (one line on standard error, no stack trace).
 */
public final class RegenerationReport {
  static final int OK = 0;
  static final int BREAKING = 1;
  static final int BAD_INPUT = 2;
  static final int FAILED = 3;

  private static final String USAGE = "usage: RegenerationReport --previous OLD.yaml --spec NEW.yaml [--out DIR]"
      + " [--templates DIR] [--fail-on-breaking]";

  private RegenerationReport() {}

  /**
   * Runs the report and exits with its status.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) {
    // The generator logs every spec it reads at INFO; only warnings matter here (slf4j-simple reads this once).
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    int status = run(args, System.out, System.err);
    if (status != OK) {
      System.exit(status);
    }
  }

  /** The whole command, with its output streams given; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Path previous = null;
    Path current = null;
    Path outDir = Path.of("target");
    Path templates = Path.of("generator-templates", "java");
    boolean failOnBreaking = false;
    List<String> rest = new ArrayList<>(List.of(args));
    try {
      while (!rest.isEmpty()) {
        String arg = rest.remove(0);
        switch (arg) {
          case "--previous" -> previous = path(value(arg, rest));
          case "--spec" -> current = path(value(arg, rest));
          case "--out" -> outDir = path(value(arg, rest));
          case "--templates" -> templates = path(value(arg, rest));
          case "--fail-on-breaking", "--fail-on-breaking=true" -> failOnBreaking = true;
          case "--fail-on-breaking=false" -> failOnBreaking = false;
          default -> throw new ReportInputException("unknown argument " + arg + "\n" + USAGE);
        }
      }
      if (previous == null || current == null) {
        throw new ReportInputException("both --previous and --spec are needed\n" + USAGE);
      }
      if (!java.nio.file.Files.isRegularFile(templates.resolve("generator-config.yaml"))) {
        throw new ReportInputException("no generator-config.yaml in " + templates
            + " (pass --templates, the generator-templates/java directory)");
      }
      Report report = Report.compare(previous, current, templates);
      ReportWriter.write(report, outDir);
      out.println("Regeneration report: " + report.summary());
      out.println("Written: " + outDir.resolve("regeneration-report.md") + " and "
          + outDir.resolve("regeneration-report.json"));
      if (failOnBreaking && !report.sourceCompatible()) {
        err.println("regeneration report: " + report.count(Change.Verdict.BREAKING) + " change(s) break callers of "
            + report.fromLabel() + " (see " + outDir.resolve("regeneration-report.md")
            + "); failing as asked (fail on breaking)");
        return BREAKING;
      }
      return OK;
    } catch (ReportInputException e) {
      err.println("regeneration report: " + e.getMessage());
      return BAD_INPUT;
    } catch (java.io.IOException | RuntimeException e) {
      // Not the user's input: say what failed in one line; the stack trace helps no caller of this command.
      err.println("regeneration report: the comparison failed: " + e);
      return FAILED;
    }
  }

  private static String value(String option, List<String> rest) {
    if (rest.isEmpty()) {
      throw new ReportInputException(option + " needs a value\n" + USAGE);
    }
    return rest.remove(0);
  }

  private static Path path(String value) {
    try {
      return Path.of(value).toAbsolutePath().normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new ReportInputException("not a path: " + value);
    }
  }
}
