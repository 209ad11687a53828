package dev.waasj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.client.CoboClient;
import dev.waasj.errors.CoboException;
import dev.waasj.testkit.CoboEmulator;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What users get from the repository: in each published artifact, every public class lives in a package that is
 * API (the ones the README documents) or in an {@code internal} one, and each jar names its module. Reads the
 * artifacts this build put on the class path: jars under {@code mvn verify}, class folders under {@code mvn test}
 * (which have no manifest to check).
 */
class PublishedJarsTest {
  static Stream<Arguments> artifacts() {
    return Stream.of(
        Arguments.of(CoboException.class, "dev.waasj.generated",
            Set.of("dev.waasj.errors", "dev.waasj.paging", "dev.waasj.json", "dev.waasj.generated",
                "dev.waasj.generated.api", "dev.waasj.generated.model")),
        Arguments.of(CoboClient.class, "dev.waasj.auth",
            Set.of("dev.waasj.auth.signing", "dev.waasj.auth.token", "dev.waasj.auth.verification",
                "dev.waasj.client", "dev.waasj.webhooks")),
        Arguments.of(CoboEmulator.class, "dev.waasj.testkit", Set.of("dev.waasj.testkit")));
  }

  @ParameterizedTest
  @MethodSource("artifacts")
  void publicClassesLiveInApiOrInternalPackagesAndTheJarNamesItsModule(
      Class<?> member, String moduleName, Set<String> api) throws Exception {
    Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> classes = classNames(location);
    Set<String> outside = new TreeSet<>();
    Set<String> internalPackages = new TreeSet<>();
    for (String name : classes) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      if (!Modifier.isPublic(type.getModifiers()) || type.getEnclosingClass() != null) {
        continue;
      }
      String pkg = type.getPackageName();
      if (pkg.startsWith("dev.waasj.internal.") || pkg.equals("dev.waasj.internal")) {
        internalPackages.add(pkg);
      } else if (!api.contains(pkg)) {
        outside.add(name);
      }
    }

    assertThat(classes).as("classes in %s", location).isNotEmpty();
    assertThat(outside).as("public classes outside API and internal packages").isEmpty();
    if (Files.isRegularFile(location)) {
      try (JarFile jar = new JarFile(location.toFile())) {
        assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo(moduleName);
      }
    }
    // Internal packages may exist, but no API package may hide inside one by name only.
    assertThat(internalPackages).allSatisfy(p -> assertThat(api).doesNotContain(p));
  }

  private static List<String> classNames(Path location) throws IOException, URISyntaxException {
    List<String> names = new ArrayList<>();
    if (Files.isRegularFile(location)) {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.contains("$")
            && !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
            .forEach(n -> names.add(n.replace('/', '.').substring(0, n.length() - ".class".length())));
      }
    } else {
      try (Stream<Path> walk = Files.walk(location)) {
        walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")
            && !p.getFileName().toString().equals("package-info.class"))
            .forEach(p -> {
              String relative = location.relativize(p).toString();
              names.add(relative.replace(java.io.File.separatorChar, '.').substring(0, relative.length() - 6));
            });
      }
    }
    return names;
  }
}
