package dev.waasj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.waasj.client.CoboClient;
import dev.waasj.errors.CoboException;
import dev.waasj.portal.UserInfoTokenVerifier;
import dev.waasj.store.jdbc.JdbcTokenStore;
import dev.waasj.store.redis.RedisTokenStore;
import dev.waasj.testkit.CoboEmulator;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the published artifacts say about what is inside them. Bouncy Castle lives inside sdk-auth, relocated, so
 * the POM users resolve no longer names it: sdk-auth's SBOM must, with its real coordinates and the version the
 * parent POM pins, marked as shaded into sdk-auth; the jar must carry its pom.xml and pom.properties for jar
 * scanners; and the sources jar must match the binary. Reads the artifacts this build put on the class path (jars
 * under {@code mvn verify}; under {@code mvn test} they are class folders and have no SBOM yet, so this skips).
 */
class SupplyChainTest {
  static final String PINNED = System.getProperty("waasj.bouncycastle.version", "");
  /** Maven's offline flag ({@code -o}), as the POM passes it. */
  static final boolean OFFLINE = Boolean.getBoolean("waasj.offline");
  static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  static Stream<Arguments> published() {
    return Stream.of(
        Arguments.of(CoboException.class, "sdk-generated"),
        Arguments.of(CoboClient.class, "sdk-auth"),
        Arguments.of(CoboEmulator.class, "sdk-testkit"),
        Arguments.of(JdbcTokenStore.class, "sdk-store-jdbc"),
        Arguments.of(RedisTokenStore.class, "sdk-store-redis"),
        Arguments.of(UserInfoTokenVerifier.class, "sdk-portal"));
  }

  @ParameterizedTest
  @MethodSource("published")
  void everyPublishedJarHasACycloneDxSbomDescribingIt(Class<?> member, String artifactId) throws Exception {
    Path jar = packagedJar(member);
    for (String format : new String[] {"json", "xml"}) {
      assertThat(sbomOf(jar, format)).as("SBOM beside %s", jar).isRegularFile();
    }
    Map<String, Object> bom = json(sbomOf(jar, "json"));
    assertThat(bom.get("bomFormat")).isEqualTo("CycloneDX");
    Map<String, Object> component = map(map(bom.get("metadata")).get("component"));
    assertThat(component.get("group")).isEqualTo("dev.waasj");
    assertThat(component.get("name")).isEqualTo(artifactId);
    assertThat((String) component.get("purl")).startsWith("pkg:maven/dev.waasj/" + artifactId + "@");
  }

  @Test
  void sdkAuthsSbomListsTheRelocatedBouncyCastleAtThePinnedVersionMarkedAsShadedIntoIt() throws Exception {
    assertThat(PINNED).as("the parent's bouncycastle.version, passed by the POM").isNotBlank();
    Path jar = packagedJar(CoboClient.class);
    Map<String, Object> bom = json(sbomOf(jar, "json"));
    String sdkAuth = (String) map(map(bom.get("metadata")).get("component")).get("purl");

    Map<String, Object> bc = list(bom.get("components")).stream().map(SupplyChainTest::map)
        .filter(c -> "org.bouncycastle".equals(c.get("group")) && "bcprov-jdk18on".equals(c.get("name")))
        .findFirst().orElseThrow(() -> new AssertionError("no org.bouncycastle:bcprov-jdk18on in " + jar));
    assertThat(bc.get("version")).isEqualTo(PINNED);
    assertThat((String) bc.get("purl")).startsWith("pkg:maven/org.bouncycastle/bcprov-jdk18on@" + PINNED);
    Map<String, String> properties = list(bc.get("properties")).stream().map(SupplyChainTest::map)
        .collect(Collectors.toMap(p -> (String) p.get("name"), p -> (String) p.get("value")));
    assertThat(properties).containsEntry("waasj:shaded-into", sdkAuth)
        .containsEntry("waasj:relocated-from", "org.bouncycastle");

    // What the SBOM claims is what the jar holds.
    String relocated = properties.get("waasj:relocated-to");
    try (JarFile binary = new JarFile(jar.toFile())) {
      long classes = binary.stream().filter(e -> e.getName().startsWith(relocated.replace('.', '/') + "/")
          && e.getName().endsWith(".class")).count();
      assertThat(classes).isPositive();
      assertThat(properties).containsEntry("waasj:relocated-classes", Long.toString(classes));
      Properties pom = new Properties();
      try (InputStream in = binary.getInputStream(
          binary.getEntry("META-INF/maven/org.bouncycastle/bcprov-jdk18on/pom.properties"))) {
        pom.load(in);
      }
      assertThat(pom).containsEntry("groupId", "org.bouncycastle").containsEntry("artifactId", "bcprov-jdk18on")
          .containsEntry("version", PINNED);
      try (InputStream in = binary.getInputStream(
          binary.getEntry("META-INF/maven/org.bouncycastle/bcprov-jdk18on/pom.xml"))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .contains("<artifactId>bcprov-jdk18on</artifactId>", "<version>" + PINNED + "</version>");
      }
    }

    // The original it was made from, by hash: the very jar this reactor resolves for Bouncy Castle, when it has it.
    Map<String, Object> original = map(list(map(bc.get("pedigree")).get("ancestors")).get(0));
    assertThat(original.get("purl")).isEqualTo(bc.get("purl"));
    assertThat(bc.get("hashes")).as("the relocated classes are not the original jar").isNull();
    Path bcprov = classPathEntry("bcprov-jdk18on-" + PINNED + ".jar");
    if (bcprov != null) {
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bcprov)));
      assertThat(list(original.get("hashes")).stream().map(SupplyChainTest::map))
          .anySatisfy(h -> assertThat(h).containsEntry("alg", "SHA-256").containsEntry("content", sha256));
    }
    assertThat(Files.readString(sbomOf(jar, "xml"), StandardCharsets.UTF_8))
        .contains("waasj:shaded-into", "bcprov-jdk18on", PINNED);
  }

  /**
   * What sdk-auth brings into an application is exactly the closure the README lists, at the versions it lists: a
   * dependency added to the core, or a version moved, fails here until the README says so.
   */
  @Test
  void sdkAuthsRuntimeClosureIsTheOneTheReadmeLists() throws Exception {
    Map<String, Object> bom = json(sbomOf(packagedJar(CoboClient.class), "json"));
    Map<String, String> inSbom = new TreeMap<>();
    for (Object o : list(bom.get("components"))) {
      Map<String, Object> c = map(o);
      String version = (String) c.get("version");
      inSbom.put(c.get("group") + ":" + c.get("name"), "dev.waasj".equals(c.get("group")) ? "ours" : version);
    }
    inSbom.remove("org.bouncycastle:bcprov-jdk18on"); // inside sdk-auth, relocated: the README's sdk-auth row says so

    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    String table = readme.substring(readme.indexOf("**Runtime closure**"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("|---")));
    Map<String, String> inReadme = new TreeMap<>();
    Matcher row = Pattern.compile("^\\| ([\\w.-]+:[\\w.-]+)[^|]*\\| ([^|]+) \\|", Pattern.MULTILINE).matcher(table);
    while (row.find()) {
      inReadme.put(row.group(1), row.group(1).startsWith("dev.waasj:") ? "ours" : row.group(2).trim());
    }
    inReadme.remove("dev.waasj:sdk-auth"); // the artifact itself, not a dependency

    assertThat(inSbom).as("sdk-auth's runtime dependencies").isNotEmpty().isEqualTo(inReadme);
  }

  /**
   * The BOM pins exactly the modules that are published: every module of the reactor not marked
   * {@code waasj.unpublished} (those are never deployed, so a BOM entry would name an artifact that does not exist),
   * the BOM itself aside. A new published module left out of the BOM, or a build or test module put in, fails here.
   */
  @Test
  void theBomPinsEveryPublishedModuleAndNothingElse() throws IOException {
    Path root = Path.of("..");
    String parent = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
    Set<String> published = new TreeSet<>();
    Set<String> unpublished = new TreeSet<>();
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
    while (module.find()) {
      String pom = Files.readString(root.resolve(module.group(1)).resolve("pom.xml"), StandardCharsets.UTF_8);
      Matcher artifact = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
      String artifactId = artifact.find() ? artifact.group(1) : firstArtifactId(pom);
      (pom.contains("<waasj.unpublished>true</waasj.unpublished>") ? unpublished : published).add(artifactId);
    }
    published.remove("waasj-bom");

    String bom = Files.readString(root.resolve("waasj-bom/pom.xml"), StandardCharsets.UTF_8);
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
    Set<String> pinned = new TreeSet<>();
    Matcher dependency = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(managed);
    while (dependency.find()) {
      pinned.add(dependency.group(1));
    }

    // The build's own tools and the test-only reruns stay out, like the examples and the benchmarks.
    assertThat(unpublished).as("modules marked waasj.unpublished")
        .contains("waasj-build-tools", "spring-boot4-tests", "examples", "benchmarks");
    assertThat(pinned).as("the BOM's artifacts").isEqualTo(published);
  }

  private static String firstArtifactId(String pom) {
    Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(pom);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void sdkAuthsSourcesJarMatchesItsBinary() throws Exception {
    Path jar = packagedJar(CoboClient.class);
    Path sources = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-sources.jar"));
    Assumptions.assumeTrue(Files.isRegularFile(sources), "sources jars are built by -Prelease");
    // The relocated Bouncy Castle classes are Bouncy Castle's own, renamed; their source is its sources jar.
    String relocated = "dev/waasj/internal/bouncycastle/";
    Set<String> classes = new TreeSet<>();
    try (JarFile binary = new JarFile(jar.toFile())) {
      binary.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.contains("$")
          && !n.endsWith("module-info.class") && !n.startsWith(relocated))
          .forEach(n -> classes.add(n.replace(".class", ".java")));
    }
    assertThat(classes).as("sdk-auth's own classes").isNotEmpty();
    Set<String> missing = new TreeSet<>(classes);
    List<String> originalImports = new ArrayList<>();
    try (JarFile source = new JarFile(sources.toFile())) {
      missing.removeIf(n -> source.getEntry(n) != null);
      assertThat(source.getEntry("META-INF/LICENSE-bouncycastle.md")).as("Bouncy Castle's licence").isNotNull();
      for (var entry : source.stream().filter(e -> e.getName().endsWith(".java")).toList()) {
        try (InputStream in = source.getInputStream(entry)) {
          if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("org.bouncycastle.")) {
            originalImports.add(entry.getName());
          }
        }
      }
    }
    assertThat(missing).as("classes in the binary without their source").isEmpty();
    assertThat(originalImports).as("sources naming the original package, which the binary does not have").isEmpty();
  }

  private static Path packagedJar(Class<?> member) throws URISyntaxException {
    Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    Assumptions.assumeTrue(Files.isRegularFile(location),
        "a class folder here (mvn test): SBOMs are made when the jars are, checked under mvn verify");
    return location;
  }

  /**
   * Beside the jar, in target/ and in a repository alike: ARTIFACT-VERSION-cyclonedx.FORMAT. Skips the test in an
   * offline build, which makes no SBOM (cyclonedx-maven-plugin's makeBom requires online mode; see the README).
   */
  private static Path sbomOf(Path jar, String format) {
    Assumptions.assumeFalse(OFFLINE, "offline build (mvn -o): Maven skipped makeBom, which requires online mode");
    return jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "-cyclonedx." + format));
  }

  private static Path classPathEntry(String fileName) {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Path.of(entry).getFileName().toString().equals(fileName)) {
        return Path.of(entry);
      }
    }
    return null;
  }

  private static Map<String, Object> json(Path file) throws IOException {
    return map(JSON.fromJson(Files.readString(file, StandardCharsets.UTF_8)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  private static List<?> list(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<?>) o;
  }
}
