package dev.waasj.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.waasj.testkit.TestKeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Configuration that cannot work stops the application at start-up with Spring Boot's failure report, naming the
 * property, and the secret appears nowhere: not in the report, the log, or any exception's message.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationTest {
  static final String SECRET = TestKeyPair.generate().seedHex();
  static final String SERVER_KEY = TestKeyPair.generate().publicKeyHex();

  /** The starter alone, without a web server: start-up fails where the client is built. */
  @SpringBootConfiguration
  @ImportAutoConfiguration(CoboAutoConfiguration.class)
  static class App {}

  @Test
  void aMissingSecretNamesTheProperty(CapturedOutput output) {
    CoboConfigurationException failure = start("cobo.environment=dev");

    assertThat(failure.property()).isEqualTo("cobo.api-secret");
    assertThat(output).contains("APPLICATION FAILED TO START").contains("cobo.api-secret")
        .contains("Set or correct cobo.api-secret");
  }

  @Test
  void aMalformedSecretNamesThePropertyAndNeverShowsTheSecret(CapturedOutput output) {
    String malformed = SECRET.substring(0, 60) + "wxyz"; // 64 characters, not hex: a typo in a real secret
    Throwable failure = startRaw("cobo.environment=dev", "cobo.api-secret=" + malformed);

    assertThat(coboFailure(failure).property()).isEqualTo("cobo.api-secret");
    assertThat(output).contains("APPLICATION FAILED TO START").contains("cobo.api-secret");
    assertNowhere(malformed, failure, output);
  }

  @Test
  void aSecretThatIsNoKeyAtAllIsRefusedWithoutEchoingIt(CapturedOutput output) {
    String pasted = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI" + SECRET.substring(0, 20) + "\n"
        + "-----END PRIVATE KEY-----";
    Throwable failure = startRaw("cobo.environment=dev", "cobo.api-secret=" + pasted);

    assertThat(coboFailure(failure).property()).isEqualTo("cobo.api-secret");
    assertNowhere(SECRET.substring(0, 20), failure, output);
  }

  @Test
  void plainHttpToAPublicHostIsRefused(CapturedOutput output) {
    Throwable failure = startRaw("cobo.base-url=http://api.example.com/v2", "cobo.server-public-key=" + SERVER_KEY,
        "cobo.api-secret=" + SECRET);

    CoboConfigurationException cobo = coboFailure(failure);
    assertThat(cobo.property()).isEqualTo("cobo.base-url");
    assertThat(cobo.getMessage()).contains("api.example.com").contains("https");
    assertNowhere(SECRET, failure, output);
  }

  @Test
  void aMalformedServerKeyNamesTheProperty(CapturedOutput output) {
    Throwable failure = startRaw("cobo.base-url=http://127.0.0.1:9/v2", "cobo.server-public-key=abc",
        "cobo.api-secret=" + SECRET);

    assertThat(coboFailure(failure).property()).isEqualTo("cobo.server-public-key");
    assertNowhere(SECRET, failure, output);
  }

  @Test
  void anOrganizationWithoutItsAppNamesTheMissingProperty(CapturedOutput output) {
    Throwable failure = startRaw("cobo.environment=dev", "cobo.api-secret=" + SECRET, "cobo.org-id=org");

    assertThat(coboFailure(failure).property()).isEqualTo("cobo.client-id");
    assertNowhere(SECRET, failure, output);
  }

  @Test
  void aWebhookPathWithoutAHandlerBeanNamesThePath() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CoboAutoConfiguration.class,
            CoboWebhookEndpointAutoConfiguration.class))
        .withPropertyValues("cobo.environment=dev", "cobo.api-secret=" + SECRET, "cobo.webhooks.path=/cobo/webhooks")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(coboFailure(context.getStartupFailure()).property()).isEqualTo("cobo.webhooks.path");
        });
  }

  private static CoboConfigurationException start(String... properties) {
    return coboFailure(startRaw(properties));
  }

  private static Throwable startRaw(String... properties) {
    Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(App.class)
        .web(WebApplicationType.NONE)
        .properties("spring.main.banner-mode=off")
        .properties(properties)
        .run()
        .close());
    assertThat(failure).as("start-up fails").isNotNull();
    return failure;
  }

  private static CoboConfigurationException coboFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CoboConfigurationException) {
        return (CoboConfigurationException) t;
      }
    }
    throw new AssertionError("no CoboConfigurationException in the failure", failure);
  }

  private static void assertNowhere(String secret, Throwable failure, CapturedOutput output) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
      messages.add(t.toString());
    }
    assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain(secret));
    assertThat(output.getAll()).doesNotContain(secret);
  }
}
