package dev.waasj.buildtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Property;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadedSbomTest {
  static final String SHA256 = "12d2d3dd82a9ec15e92ec7c7943ee64f6097c6dc12c07e984f1693b77565b9aa";
  static final String SBOM = """
      {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
        "version": 1,
        "metadata": {
          "component": {
            "type": "library", "bom-ref": "pkg:maven/dev.waasj/host@1.0?type=jar", "group": "dev.waasj",
            "name": "host", "version": "1.0", "purl": "pkg:maven/dev.waasj/host@1.0?type=jar"
          }
        },
        "components": [
          {
            "type": "library", "bom-ref": "pkg:maven/org.example/lib@2.0?type=jar", "group": "org.example",
            "name": "lib", "version": "2.0", "scope": "required",
            "hashes": [ { "alg": "SHA-256", "content": "%s" } ],
            "purl": "pkg:maven/org.example/lib@2.0?type=jar"
          },
          {
            "type": "library", "bom-ref": "pkg:maven/org.example/other@3.0?type=jar", "group": "org.example",
            "name": "other", "version": "3.0", "scope": "required", "purl": "pkg:maven/org.example/other@3.0?type=jar"
          }
        ],
        "dependencies": [
          { "ref": "pkg:maven/dev.waasj/host@1.0?type=jar", "dependsOn": [ "pkg:maven/org.example/lib@2.0?type=jar" ] },
          { "ref": "pkg:maven/org.example/lib@2.0?type=jar", "dependsOn": [] },
          { "ref": "pkg:maven/org.example/other@3.0?type=jar", "dependsOn": [] }
        ]
      }
      """.formatted(SHA256);

  @TempDir Path dir;

  @Test
  void marksTheComponentInJsonAndXmlWithItsRealCoordinatesAndTheCountFromTheJar() throws Exception {
    Path jar = jar("dev/waasj/Host.class", "shaded/lib/A.class", "shaded/lib/sub/B.class", "shaded/lib/C.txt");
    Path json = Files.writeString(dir.resolve("host-cyclonedx.json"), SBOM);
    Path xml = Files.writeString(dir.resolve("host-cyclonedx.xml"),
        BomGeneratorFactory.createXml(Version.VERSION_16, bomWithoutTimestamp(json)).toXmlString());

    ShadedSbom.main(new String[] {jar.toString(), "org.example:lib", "org.example.lib", "shaded.lib",
        json.toString(), xml.toString()});

    for (Bom bom : new Bom[] {new JsonParser().parse(json.toFile()), new XmlParser().parse(xml.toFile())}) {
      Component lib = component(bom, "lib");
      assertThat(lib.getVersion()).isEqualTo("2.0");
      assertThat(lib.getPurl()).isEqualTo("pkg:maven/org.example/lib@2.0?type=jar");
      assertThat(lib.getHashes()).as("the relocated classes are not the original jar").isNullOrEmpty();
      assertThat(properties(lib)).containsExactlyInAnyOrderEntriesOf(Map.of(
          ShadedSbom.SHADED_INTO, "pkg:maven/dev.waasj/host@1.0?type=jar",
          ShadedSbom.RELOCATED_FROM, "org.example.lib",
          ShadedSbom.RELOCATED_TO, "shaded.lib",
          ShadedSbom.RELOCATED_CLASSES, "2"));
      Component original = lib.getPedigree().getAncestors().getComponents().get(0);
      assertThat(original.getPurl()).isEqualTo(lib.getPurl());
      assertThat(original.getHashes()).singleElement().satisfies(h -> assertThat(h.getValue()).isEqualTo(SHA256));
      assertThat(lib.getPedigree().getNotes()).contains("dev.waasj:host:1.0", "2 classes", "shaded.lib");
      assertThat(component(bom, "other").getProperties()).as("other components untouched").isNullOrEmpty();
      assertThat(bom.getDependencies()).hasSize(3);
    }
    assertThat(new JsonParser().validate(json.toFile(), Version.VERSION_16)).isEmpty();
    assertThat(new XmlParser().validate(xml.toFile(), Version.VERSION_16)).isEmpty();
  }

  @Test
  void aReproducibleSbomStaysWithoutATimestampAndAStampedOneKeepsItsOwn() throws Exception {
    Path jar = jar("shaded/lib/A.class");
    Path json = Files.writeString(dir.resolve("host-cyclonedx.json"), SBOM);
    Path xml = Files.writeString(dir.resolve("host-cyclonedx.xml"),
        BomGeneratorFactory.createXml(Version.VERSION_16, bomWithoutTimestamp(json)).toXmlString());
    ShadedSbom.main(new String[] {jar.toString(), "org.example:lib", "org.example.lib", "shaded.lib",
        json.toString(), xml.toString()});
    assertThat(Files.readString(json)).doesNotContain("timestamp");
    assertThat(Files.readString(xml)).doesNotContain("timestamp");

    Path stamped = Files.writeString(dir.resolve("stamped-cyclonedx.json"),
        SBOM.replace("\"metadata\": {", "\"metadata\": { \"timestamp\": \"2020-01-02T03:04:05Z\","));
    ShadedSbom.main(new String[] {jar.toString(), "org.example:lib", "org.example.lib", "shaded.lib",
        stamped.toString()});
    assertThat(Files.readString(stamped)).contains("2020-01-02T03:04:05Z");
  }

  @Test
  void markingTwiceGivesTheSameFile() throws Exception {
    Path jar = jar("shaded/lib/A.class");
    Path json = Files.writeString(dir.resolve("host-cyclonedx.json"), SBOM);
    String[] args = {jar.toString(), "org.example:lib", "org.example.lib", "shaded.lib", json.toString()};
    ShadedSbom.main(args);
    String once = Files.readString(json);
    ShadedSbom.main(args);
    assertThat(Files.readString(json)).isEqualTo(once);
  }

  @Test
  void aJarWithoutRelocatedClassesFailsAndLeavesTheSbomAlone() throws Exception {
    Path jar = jar("dev/waasj/Host.class");
    Path json = Files.writeString(dir.resolve("host-cyclonedx.json"), SBOM);
    assertThatThrownBy(() -> ShadedSbom.main(
        new String[] {jar.toString(), "org.example:lib", "org.example.lib", "shaded.lib", json.toString()}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no class under shaded.lib");
    assertThat(Files.readString(json)).isEqualTo(SBOM);
  }

  @Test
  void aClassLeftUnderTheOriginalPackageFails() throws Exception {
    Path jar = jar("shaded/lib/A.class", "org/example/lib/B.class");
    Path json = Files.writeString(dir.resolve("host-cyclonedx.json"), SBOM);
    assertThatThrownBy(() -> ShadedSbom.main(
        new String[] {jar.toString(), "org.example:lib", "org.example.lib", "shaded.lib", json.toString()}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("org/example/lib/B.class");
  }

  @Test
  void anSbomWithoutTheComponentFails() throws Exception {
    Path jar = jar("shaded/lib/A.class");
    Path json = Files.writeString(dir.resolve("host-cyclonedx.json"), SBOM);
    assertThatThrownBy(() -> ShadedSbom.main(
        new String[] {jar.toString(), "org.example:absent", "org.example.lib", "shaded.lib", json.toString()}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("lists no org.example:absent");
  }

  @Test
  void outsideAReleaseAMissingSbomIsSkippedWithAWarningAndThePresentOnesAreStillMarked() throws Exception {
    Path jar = jar("shaded/lib/A.class");
    Path json = Files.writeString(dir.resolve("host-cyclonedx.json"), SBOM);
    Path missing = dir.resolve("host-cyclonedx.xml");
    String printed = stderrOf(() -> ShadedSbom.main(new String[] {"--missing-sbom=warn", jar.toString(),
        "org.example:lib", "org.example.lib", "shaded.lib", json.toString(), missing.toString()}));
    assertThat(printed).contains("[WARNING]", missing.toString(), "not marked");
    assertThat(Files.exists(missing)).as("nothing is made up in its place").isFalse();
    assertThat(properties(component(new JsonParser().parse(json.toFile()), "lib")))
        .containsEntry(ShadedSbom.RELOCATED_CLASSES, "1");
  }

  @Test
  void outsideAReleaseTheJarIsStillCheckedWhenNoSbomIsThere() throws Exception {
    Path jar = jar("shaded/lib/A.class", "org/example/lib/B.class");
    assertThatThrownBy(() -> ShadedSbom.main(new String[] {"--missing-sbom=warn", jar.toString(), "org.example:lib",
        "org.example.lib", "shaded.lib", dir.resolve("absent-cyclonedx.json").toString()}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("org/example/lib/B.class");
  }

  @Test
  void inAReleaseAMissingSbomFailsAndSaysWhy() throws Exception {
    Path jar = jar("shaded/lib/A.class");
    Path missing = dir.resolve("host-cyclonedx.json");
    assertThatThrownBy(() -> ShadedSbom.main(new String[] {"--missing-sbom=fail", jar.toString(), "org.example:lib",
        "org.example.lib", "shaded.lib", missing.toString()}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("offline");
  }

  @Test
  void withoutTheOptionAMissingSbomFails() throws Exception {
    Path jar = jar("shaded/lib/A.class");
    assertThatThrownBy(() -> ShadedSbom.main(new String[] {jar.toString(), "org.example:lib", "org.example.lib",
        "shaded.lib", dir.resolve("host-cyclonedx.json").toString()}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no such file");
  }

  @Test
  void anUnknownMissingSbomModeSaysHowToCallIt() {
    assertThatThrownBy(() -> ShadedSbom.main(
        new String[] {"--missing-sbom=ignore", "a.jar", "org.example:lib", "x", "y", "z.json"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("usage:");
  }

  @Test
  void badArgumentsSayHowToCallIt() {
    assertThatThrownBy(() -> ShadedSbom.main(new String[] {"a.jar", "no-colon", "x", "y", "z.json"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("usage:");
  }

  /** What the action prints on standard error (where the warning goes, as Maven's own do). */
  private static String stderrOf(ThrowingRunnable action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static Bom bomWithoutTimestamp(Path json) throws Exception {
    Bom bom = new JsonParser().parse(json.toFile());
    bom.getMetadata().setTimestamp(null);
    return bom;
  }

  private Path jar(String... entries) throws IOException {
    Path jar = dir.resolve("host.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      for (String name : entries) {
        zip.putNextEntry(new JarEntry(name));
        zip.write(new byte[] {1});
        zip.closeEntry();
      }
    }
    return jar;
  }

  private static Component component(Bom bom, String name) {
    return bom.getComponents().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, String> properties(Component c) {
    return c.getProperties().stream().collect(Collectors.toMap(Property::getName, Property::getValue));
  }
}
