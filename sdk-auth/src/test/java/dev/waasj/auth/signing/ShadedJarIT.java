package dev.waasj.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.client.CoboClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Runs only in failsafe's pass over this module's tests (integration-test phase), and proves that pass is what it
 * claims: the SDK's classes come from the shaded jar, Bouncy Castle's from inside that jar under the relocated
 * package, and the original Bouncy Castle is not on the class path. Without this, a build change could quietly run
 * the second pass against target/classes and the original jar again.
 */
class ShadedJarIT {
  static final String RELOCATED = System.getProperty("waasj.shaded.package", "dev.waasj.internal.bouncycastle");

  @Test
  void theSdkRunsFromTheShadedJarWithBouncyCastleInsideItAndNowhereElse() throws Exception {
    Path sdkAuth = Path.of(CoboClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(sdkAuth).as("sdk-auth as packaged").isRegularFile();
    assertThat(sdkAuth.getFileName().toString()).endsWith(".jar").doesNotStartWith("original-");
    try (JarFile jar = new JarFile(sdkAuth.toFile())) {
      assertThat(jar.stream().filter(e -> e.getName().startsWith(RELOCATED.replace('.', '/') + "/"))).isNotEmpty();
    }

    Class<?> ed25519 = Class.forName(RELOCATED + ".math.ec.rfc8032.Ed25519");
    assertThat(Path.of(ed25519.getProtectionDomain().getCodeSource().getLocation().toURI())).isEqualTo(sdkAuth);
    assertThatThrownBy(() -> Class.forName("org.bouncycastle.math.ec.rfc8032.Ed25519"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(System.getProperty("java.class.path")).doesNotContain("bcprov");
    assertThat(Files.exists(sdkAuth)).isTrue();
  }
}
