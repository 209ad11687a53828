package dev.waasj.benchmarks.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start, whole processes: each run is a fresh JVM that starts, builds a client, gets one verified answer from
 * the emulator (running in its own process, started once) and exits. Candidates run alternately, so drift on the
 * machine hits all alike; each figure is the median of the runs. Wall time is measured here around the process; CPU
 * (user + system) and peak memory come from the OS through {@code /usr/bin/time}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.waasj.benchmarks.coldstart.ColdStart [--runs 9]
 *     NAME=CLASSPATH[|JVM_FLAG...] ...
 * </pre>
 *
 * <p>Each candidate is a class path holding {@link ColdStartProbe} and an SDK, optionally followed by JVM flags
 * separated by {@code |} (e.g. {@code -XX:SharedArchiveFile=app.jsa|-XX:TieredStopAtLevel=1}). The first candidate
 * is the reference the others are compared with. {@code benchmarks/cold-start.sh} builds the usual candidates.
 */
public final class ColdStart {
  private ColdStart() {}

  record Candidate(String name, String classPath, List<String> flags) {}

  record Run(double wallMs, double cpuMs, long peakKb) {}

  /** Runs the comparison and prints a table. */
  public static void main(String[] args) throws Exception {
    int runs = 9;
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        runs = Integer.parseInt(args[++i]);
      } else {
        int eq = args[i].indexOf('=');
        String[] parts = args[i].substring(eq + 1).split("\\|");
        candidates.add(new Candidate(args[i].substring(0, eq), parts[0], List.of(parts).subList(1, parts.length)));
      }
    }
    if (candidates.isEmpty()) {
      System.err.println("usage: ColdStart [--runs N] NAME=CLASSPATH[|JVM_FLAG...] ...");
      System.exit(2);
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process emulator = startEmulator(java);
    try {
      Map<String, String> env = readExports(emulator);
      Map<Candidate, List<Run>> results = new LinkedHashMap<>();
      candidates.forEach(c -> results.put(c, new ArrayList<>()));
      for (Candidate c : candidates) {
        once(java, c, env); // a first, unmeasured run of each: file caches warm for all alike
      }
      for (int i = 0; i < runs; i++) {
        List<Candidate> order = new ArrayList<>(candidates);
        if (i % 2 == 1) {
          Collections.reverse(order);
        }
        for (Candidate c : order) {
          results.get(c).add(once(java, c, env));
        }
      }
      print(results, runs);
    } finally {
      emulator.destroy();
    }
  }

  private static Process startEmulator(String java) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.waasj.testkit.EmulatorMain", "0");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  /** The {@code export COBO_...=} lines the emulator prints, as variables for the probe. */
  private static Map<String, String> readExports(Process emulator) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("export ")) {
        String assignment = line.substring("export ".length()).split("\\s+#")[0].trim();
        int eq = assignment.indexOf('=');
        env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
      }
      if (env.containsKey("COBO_ORG_ID")) {
        return env;
      }
    }
    throw new IOException("the emulator printed no COBO_ORG_ID");
  }

  private static Run once(String java, Candidate c, Map<String, String> env) throws Exception {
    Path times = Files.createTempFile("coldstart", ".time");
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%U %S %M", java));
    command.addAll(c.flags());
    command.addAll(List.of("-cp", c.classPath(), ColdStartProbe.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    int exit = pb.start().waitFor();
    double wallMs = (System.nanoTime() - start) / 1e6;
    if (exit != 0) {
      throw new IllegalStateException(c.name() + ": the probe exited with " + exit);
    }
    String[] fields = Files.readString(times).trim().split("\\s+");
    Files.delete(times);
    double cpuMs = (Double.parseDouble(fields[0]) + Double.parseDouble(fields[1])) * 1000;
    return new Run(wallMs, cpuMs, Long.parseLong(fields[2]));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void print(Map<Candidate, List<Run>> results, int runs) {
    System.out.printf(Locale.ROOT, "%d runs each, medians; ratios against %s%n", runs,
        results.keySet().iterator().next().name());
    System.out.printf(Locale.ROOT, "%-28s %10s %10s %12s %8s %8s %8s%n",
        "candidate", "wall ms", "cpu ms", "peak RSS MB", "wall x", "cpu x", "RSS x");
    double[] reference = null;
    for (Map.Entry<Candidate, List<Run>> e : results.entrySet()) {
      List<Run> r = e.getValue();
      double wall = median(r.stream().mapToDouble(Run::wallMs).toArray());
      double cpu = median(r.stream().mapToDouble(Run::cpuMs).toArray());
      double peak = median(r.stream().mapToDouble(x -> x.peakKb() / 1024.0).toArray());
      if (reference == null) {
        reference = new double[] {wall, cpu, peak};
      }
      System.out.printf(Locale.ROOT, "%-28s %10.0f %10.0f %12.1f %8.2f %8.2f %8.2f%n", e.getKey().name(), wall, cpu,
          peak, wall / reference[0], cpu / reference[1], peak / reference[2]);
    }
  }
}
