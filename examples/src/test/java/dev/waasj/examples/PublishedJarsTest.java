package dev.waasj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.client.CoboClient;
import dev.waasj.errors.CoboException;
import dev.waasj.portal.UserInfoTokenVerifier;
import dev.waasj.store.jdbc.JdbcTokenStore;
import dev.waasj.store.redis.RedisTokenStore;
import dev.waasj.testkit.CoboEmulator;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Arguments.of(CoboEmulator.class, "dev.waasj.testkit", Set.of("dev.waasj.testkit")),
        Arguments.of(JdbcTokenStore.class, "dev.waasj.store.jdbc", Set.of("dev.waasj.store.jdbc")),
        Arguments.of(RedisTokenStore.class, "dev.waasj.store.redis", Set.of("dev.waasj.store.redis")),
        Arguments.of(UserInfoTokenVerifier.class, "dev.waasj.portal", Set.of("dev.waasj.portal")));
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

  /**
   * No public or protected signature of an API class names an internal type: not a parameter, return, exception,
   * field, supertype or type bound, however deep in a generic type. Such a type would make the internal package
   * API in all but name.
   */
  @ParameterizedTest
  @MethodSource("artifacts")
  void noApiSignatureMentionsAnInternalType(Class<?> member, String moduleName, Set<String> api) throws Exception {
    Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> leaks = new TreeSet<>();
    for (String name : allClassNames(location)) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      if (!api.contains(type.getPackageName()) || !isVisible(type)) {
        continue;
      }
      Map<String, Type> mentioned = new LinkedHashMap<>();
      mentioned.put("extends", type.getGenericSuperclass());
      for (Type t : type.getGenericInterfaces()) {
        mentioned.put("implements " + t.getTypeName(), t);
      }
      for (TypeVariable<?> v : type.getTypeParameters()) {
        for (Type bound : v.getBounds()) {
          mentioned.put("type parameter " + v, bound);
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (isVisible(c.getModifiers())) {
          signature(c.toGenericString(), c.getGenericParameterTypes(), c.getGenericExceptionTypes(), mentioned);
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (isVisible(m.getModifiers()) && !m.isSynthetic()) {
          mentioned.put(m.toGenericString(), m.getGenericReturnType());
          signature(m.toGenericString(), m.getGenericParameterTypes(), m.getGenericExceptionTypes(), mentioned);
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (isVisible(f.getModifiers()) && !f.isSynthetic()) {
          mentioned.put(f.toGenericString(), f.getGenericType());
        }
      }
      mentioned.forEach(
          (where, t) -> {
            Set<String> internal = new TreeSet<>();
            internalTypes(t, internal, new java.util.HashSet<>());
            internal.forEach(i -> leaks.add(name + ": " + where + " -> " + i));
          });
    }
    assertThat(leaks).as("API signatures that name internal types").isEmpty();
  }

  private static void signature(String where, Type[] parameters, Type[] exceptions, Map<String, Type> into) {
    for (int i = 0; i < parameters.length; i++) {
      into.put(where + " parameter " + i, parameters[i]);
    }
    for (int i = 0; i < exceptions.length; i++) {
      into.put(where + " throws " + i, exceptions[i]);
    }
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) && !(c != type && Modifier.isProtected(c.getModifiers()))) {
        return false;
      }
    }
    return !type.isAnonymousClass() && !type.isSynthetic();
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Every internal class {@code t} names, walking generic arguments, bounds and array components. */
  private static void internalTypes(Type t, Set<String> found, Set<Type> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (c.getPackageName().startsWith("dev.waasj.internal")) {
        found.add(c.getName());
      }
    } else if (t instanceof ParameterizedType p) {
      internalTypes(p.getRawType(), found, seen);
      for (Type a : p.getActualTypeArguments()) {
        internalTypes(a, found, seen);
      }
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        internalTypes(b, found, seen);
      }
      for (Type b : w.getLowerBounds()) {
        internalTypes(b, found, seen);
      }
    } else if (t instanceof GenericArrayType g) {
      internalTypes(g.getGenericComponentType(), found, seen);
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        internalTypes(b, found, seen);
      }
    }
  }

  /** Top-level and nested classes alike. */
  private static List<String> allClassNames(Path location) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isRegularFile(location)) {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")
            && !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
            .forEach(n -> names.add(n.replace('/', '.').substring(0, n.length() - ".class".length())));
      }
    } else {
      try (Stream<Path> walk = Files.walk(location)) {
        walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("package-info.class"))
            .forEach(p -> {
              String relative = location.relativize(p).toString();
              names.add(relative.replace(java.io.File.separatorChar, '.').substring(0, relative.length() - 6));
            });
      }
    }
    return names;
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
