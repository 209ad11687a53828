package dev.waasj.buildtools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Ancestors;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Pedigree;
import org.cyclonedx.model.Property;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.Parser;
import org.cyclonedx.parsers.XmlParser;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Tells the truth, in a module's CycloneDX SBOM, about a dependency that maven-shade-plugin copied into the module's
 * jar under another package. cyclonedx-maven-plugin lists it as an ordinary dependency, and the published
 * (dependency-reduced) POM no longer names it, so nothing else says that it is inside.
 *
 * <p>The component keeps its real coordinates and purl, so tools that match advisories by purl (OSV-Scanner,
 * Dependency-Track, Grype, Trivy) still find it, and gains:
 * <ul>
 *   <li>the properties {@value #SHADED_INTO} (the purl of the jar that carries it), {@value #RELOCATED_FROM},
 *       {@value #RELOCATED_TO} and {@value #RELOCATED_CLASSES} (how many of its classes that jar holds);</li>
 *   <li>a pedigree: the original artifact with its hashes as the ancestor (the relocated classes are not that jar
 *       byte for byte, so the component itself carries no hash), and a note saying what was done.</li>
 * </ul>
 * The count comes from the shaded jar itself, and the build fails when the jar holds no relocated class or still
 * holds one under the original package: the SBOM cannot claim a shading that did not happen.
 *
 * <p>Arguments: {@code [--missing-sbom=fail|warn] JAR GROUP:ARTIFACT FROM_PACKAGE TO_PACKAGE SBOM...}, each SBOM a
 * CycloneDX file in JSON or XML, rewritten in place and validated against its schema version. An SBOM file that does
 * not exist fails the build ({@code fail}, the default, what a release build uses), or is left unmarked with a
 * warning ({@code warn}): cyclonedx-maven-plugin's {@code makeBom} declares that it requires online mode, so Maven
 * skips it under {@code -o} and an offline build has no SBOM to mark. The jar is checked either way.
 */
public final class ShadedSbom {
  /** Property naming the purl of the artifact whose jar carries the component's classes. */
  public static final String SHADED_INTO = "waasj:shaded-into";
  /** Property naming the component's original package. */
  public static final String RELOCATED_FROM = "waasj:relocated-from";
  /** Property naming the package its classes were moved to. */
  public static final String RELOCATED_TO = "waasj:relocated-to";
  /** Property counting the component's classes in the carrying jar. */
  public static final String RELOCATED_CLASSES = "waasj:relocated-classes";

  private static final String MISSING_SBOM = "--missing-sbom=";

  private ShadedSbom() {}

  /**
   * Marks the component in every SBOM given.
   *
   * @param args {@code [--missing-sbom=fail|warn] JAR GROUP:ARTIFACT FROM_PACKAGE TO_PACKAGE SBOM...}
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    boolean missingFails = true;
    int first = 0;
    if (args.length > 0 && args[0].startsWith(MISSING_SBOM)) {
      String mode = args[0].substring(MISSING_SBOM.length());
      if (!mode.equals("fail") && !mode.equals("warn")) {
        throw usage(args);
      }
      missingFails = mode.equals("fail");
      first = 1;
    }
    if (args.length - first < 5 || args[first + 1].split(":").length != 2) {
      throw usage(args);
    }
    Path jar = Path.of(args[first]);
    String[] coordinates = args[first + 1].split(":");
    String from = args[first + 2];
    String to = args[first + 3];
    int classes = relocatedClasses(jar, from, to);
    for (int i = first + 4; i < args.length; i++) {
      Path sbom = Path.of(args[i]);
      if (Files.exists(sbom)) {
        mark(sbom, coordinates[0], coordinates[1], from, to, classes);
      } else if (missingFails) {
        throw new IllegalStateException(sbom + ": no such file, so " + coordinates[0] + ":" + coordinates[1]
            + " cannot be marked as shaded in it. cyclonedx-maven-plugin skips makeBom when Maven runs offline (-o):"
            + " build a release online.");
      } else {
        // Standard error, as the warning reaches the build log through exec-maven-plugin unchanged.
        System.err.println("[WARNING] [sbom] " + sbom + " does not exist (cyclonedx-maven-plugin skips makeBom "
            + "when Maven runs offline): " + coordinates[0] + ":" + coordinates[1] + " not marked as shaded in it."
            + " A release build fails here instead.");
      }
    }
  }

  private static IllegalArgumentException usage(String[] args) {
    return new IllegalArgumentException("usage: ShadedSbom [--missing-sbom=fail|warn] JAR GROUP:ARTIFACT "
        + "FROM_PACKAGE TO_PACKAGE SBOM... (got " + List.of(args) + ")");
  }

  /**
   * Counts the classes under {@code to} in the jar.
   *
   * @throws IllegalStateException when there is none, or when a class is still under {@code from}
   */
  static int relocatedClasses(Path jar, String from, String to) throws IOException {
    String fromPath = from.replace('.', '/') + '/';
    String toPath = to.replace('.', '/') + '/';
    int relocated = 0;
    List<String> left = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        String name = entry.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        if (name.startsWith(toPath)) {
          relocated++;
        } else if (name.startsWith(fromPath)) {
          left.add(name);
        }
      }
    }
    if (!left.isEmpty()) {
      throw new IllegalStateException(jar + " still holds " + left.size() + " classes under " + from
          + " (first: " + left.get(0) + "): the relocation did not apply");
    }
    if (relocated == 0) {
      throw new IllegalStateException(jar + " holds no class under " + to
          + ": nothing was shaded, so the SBOM must not say so");
    }
    return relocated;
  }

  /** Rewrites one SBOM file with the component marked, then validates it. */
  static void mark(Path sbom, String group, String artifact, String from, String to, int classes)
      throws IOException {
    boolean json = sbom.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    Parser parser = json ? new JsonParser() : new XmlParser();
    Bom bom;
    try {
      bom = parser.parse(sbom.toFile());
    } catch (ParseException e) {
      throw new IllegalStateException(sbom + " is not a CycloneDX SBOM: " + e.getMessage(), e);
    }
    // The parser stamps a document without metadata.timestamp with the current time; cyclonedx-maven-plugin leaves
    // it out when the build is reproducible (project.build.outputTimestamp), so it must stay out.
    if (bom.getMetadata() != null && !hasTimestamp(sbom, json)) {
      bom.getMetadata().setTimestamp(null);
    }
    Version version = version(bom, sbom);
    Component host = bom.getMetadata() == null ? null : bom.getMetadata().getComponent();
    if (host == null || host.getPurl() == null) {
      throw new IllegalStateException(sbom + " describes no component (metadata.component)");
    }
    Component shaded = find(bom, group, artifact);
    if (shaded == null) {
      throw new IllegalStateException(sbom + " lists no " + group + ":" + artifact
          + ": is it still a dependency of " + host.getGroup() + ":" + host.getName() + "?");
    }

    if (shaded.getPedigree() == null || shaded.getPedigree().getAncestors() == null) {
      Component original = new Component();
      original.setType(shaded.getType());
      original.setGroup(shaded.getGroup());
      original.setName(shaded.getName());
      original.setVersion(shaded.getVersion());
      original.setPurl(shaded.getPurl());
      original.setHashes(shaded.getHashes());
      Ancestors ancestors = new Ancestors();
      ancestors.addComponent(original);
      Pedigree pedigree = new Pedigree();
      pedigree.setAncestors(ancestors);
      shaded.setPedigree(pedigree);
      shaded.setHashes(null);
    }
    shaded.getPedigree().setNotes("Shaded into " + host.getGroup() + ":" + host.getName() + ":" + host.getVersion()
        + " by maven-shade-plugin: the " + classes + " classes it uses, relocated from " + from + " to " + to
        + ", ship inside that jar with this component's licence. It is not a separate jar on the class path: a fixed "
        + "version reaches users only in a new release of " + host.getGroup() + ":" + host.getName() + ".");
    List<Property> properties = new ArrayList<>();
    if (shaded.getProperties() != null) {
      shaded.getProperties().stream().filter(p -> !p.getName().startsWith("waasj:")).forEach(properties::add);
    }
    properties.add(property(SHADED_INTO, host.getPurl()));
    properties.add(property(RELOCATED_FROM, from));
    properties.add(property(RELOCATED_TO, to));
    properties.add(property(RELOCATED_CLASSES, Integer.toString(classes)));
    shaded.setProperties(properties);

    String text;
    try {
      text = json ? BomGeneratorFactory.createJson(version, bom).toJsonString()
          : BomGeneratorFactory.createXml(version, bom).toXmlString();
    } catch (GeneratorException e) {
      throw new IllegalStateException("cannot write " + sbom + ": " + e.getMessage(), e);
    }
    Files.writeString(sbom, text, StandardCharsets.UTF_8);
    File file = sbom.toFile();
    List<ParseException> problems = parser.validate(file, version);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(sbom + " no longer validates against CycloneDX " + version.getVersionString()
          + ": " + problems.get(0).getMessage());
    }
    System.out.println("[sbom] " + sbom.getFileName() + ": " + group + ":" + artifact + ":" + shaded.getVersion()
        + " marked as shaded into " + host.getPurl() + " (" + classes + " classes under " + to + ")");
  }

  private static boolean hasTimestamp(Path sbom, boolean json) throws IOException {
    if (json) {
      return new ObjectMapper().readTree(sbom.toFile()).path("metadata").has("timestamp");
    }
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Element root = factory.newDocumentBuilder().parse(sbom.toFile()).getDocumentElement();
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if ("metadata".equals(n.getLocalName())) {
          for (Node m = n.getFirstChild(); m != null; m = m.getNextSibling()) {
            if ("timestamp".equals(m.getLocalName())) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException(sbom + " is not XML: " + e.getMessage(), e);
    }
  }

  private static Version version(Bom bom, Path sbom) {
    for (Version v : Version.values()) {
      if (v.getVersionString().equals(bom.getSpecVersion())) {
        return v;
      }
    }
    throw new IllegalStateException(sbom + " has an unknown CycloneDX version " + bom.getSpecVersion());
  }

  private static Component find(Bom bom, String group, String artifact) {
    if (bom.getComponents() == null) {
      return null;
    }
    for (Component c : bom.getComponents()) {
      if (group.equals(c.getGroup()) && artifact.equals(c.getName())) {
        return c;
      }
    }
    return null;
  }

  private static Property property(String name, String value) {
    Property p = new Property();
    p.setName(name);
    p.setValue(value);
    return p;
  }
}
