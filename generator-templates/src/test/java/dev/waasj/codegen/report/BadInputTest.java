package dev.waasj.codegen.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user gets for input the report cannot use: one line on standard error, a non-zero status, no trace. */
class BadInputTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void aPathThatDoesNotExist() throws IOException {
    Path spec = write("spec.yaml", ChangeKindsTest.base());

    assertThat(run("--previous", dir.resolve("missing.yaml").toString(), "--spec", spec.toString())).isEqualTo(2);
    assertOneLine("regeneration report: no such file: " + dir.resolve("missing.yaml"));
  }

  @Test
  void aFileThatIsNotASpec() throws IOException {
    Path spec = write("spec.yaml", ChangeKindsTest.base());
    Path notes = write("notes.yaml", "shopping:\n  - milk\n  - eggs\n");

    assertThat(run("--previous", notes.toString(), "--spec", spec.toString())).isEqualTo(2);
    assertOneLine("regeneration report: not an OpenAPI 3 spec: " + notes + " (attribute openapi is missing)");
  }

  @Test
  void aFileThatIsNotYamlAtAll() throws IOException {
    Path spec = write("spec.yaml", ChangeKindsTest.base());
    Path binary = Files.write(dir.resolve("blob.bin"), new byte[] {0, (byte) 0xff, 0x7f, '{', ':', ']'});

    assertThat(run("--previous", spec.toString(), "--spec", binary.toString())).isEqualTo(2);
    assertOneLine("regeneration report: not an OpenAPI 3 spec: " + binary + " (not UTF-8 text)");
  }

  @Test
  void twoIdenticalPaths() throws IOException {
    Path spec = write("spec.yaml", ChangeKindsTest.base());

    assertThat(run("--previous", spec.toString(), "--spec", spec.toString())).isEqualTo(2);
    assertThat(stderr()).startsWith("regeneration report: the previous and the new spec are the same file: " + spec);
    assertNoTrace();
  }

  @Test
  void anUnknownArgumentShowsTheUsage() {
    assertThat(run("--previus", "a.yaml")).isEqualTo(2);
    assertThat(stderr()).startsWith("regeneration report: unknown argument --previus\nusage: RegenerationReport");
    assertNoTrace();
  }

  @Test
  void theGateFailsOnABreakingChangeAndStillWritesTheReport() throws IOException {
    String base = ChangeKindsTest.base();
    Path before = write("before.yaml", base);
    Path after = write("after.yaml", base.replace("enum: [Active, Archived]", "enum: [Active]"));
    Path reports = dir.resolve("reports");

    assertThat(run("--previous", before.toString(), "--spec", after.toString(), "--out", reports.toString(),
        "--fail-on-breaking")).isEqualTo(1);
    assertThat(stderr()).startsWith("regeneration report: 1 change(s) break callers of before.yaml");
    assertThat(reports.resolve("regeneration-report.md")).content().contains("gone: constant `WalletStatus.ARCHIVED`");
    assertThat(reports.resolve("regeneration-report.json")).content().contains("\"sourceCompatible\" : false");
  }

  @Test
  void theGatePassesACompatibleChange() throws IOException {
    String base = ChangeKindsTest.base();
    Path before = write("before.yaml", base);
    Path after = write("after.yaml", base.replace("enum: [Active, Archived]", "enum: [Active, Archived, Frozen]"));

    assertThat(run("--previous", before.toString(), "--spec", after.toString(), "--out", dir.toString(),
        "--fail-on-breaking")).isZero();
    assertThat(stdout()).contains("1 enum value added. Code that compiled against before.yaml still compiles");
    assertThat(dir.resolve("regeneration-report.json")).content().contains("\"sourceCompatible\" : true");
  }

  private int run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--templates";
    all[args.length + 1] = "java";
    if (args.length > 0 && args[0].startsWith("--previus")) {
      all = args;
    }
    return RegenerationReport.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private void assertOneLine(String expected) {
    assertThat(stderr()).isEqualTo(expected + System.lineSeparator());
  }

  private void assertNoTrace() {
    assertThat(stderr()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
