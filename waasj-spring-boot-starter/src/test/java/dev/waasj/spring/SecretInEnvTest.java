package dev.waasj.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.TestKeyPair;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * The API secret given the two ways that put it inside another property's value: on the command line (the JVM copies
 * the arguments into the {@code sun.java.command} system property) and in {@code SPRING_APPLICATION_JSON} (the
 * variable stays in the environment beside the properties Boot reads from it). A real application on a random port,
 * {@code env} and {@code configprops} set to show values: neither shows the secret, hex or PEM, nor a run of it, nor
 * an org token the client holds.
 */
class SecretInEnvTest {
  static final TestKeyPair KEY = TestKeyPair.generate();
  static final CoboEmulator COBO = CoboEmulator.builder().registerApp("app", "org", KEY.publicKeyHex()).start();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Moshi MOSHI = new Moshi.Builder().build();

  /** How the secret is written: as hex, or as the PKCS#8 PEM the Portal hands out. */
  enum Form {
    HEX {
      @Override
      String secret() {
        return KEY.seedHex();
      }
    },
    PEM {
      @Override
      String secret() {
        return pem(KEY.seedHex());
      }
    };

    abstract String secret();
  }

  /** Where the secret is given. */
  enum Route {
    COMMAND_LINE,
    SPRING_APPLICATION_JSON
  }

  @AfterAll
  static void stopEmulator() {
    COBO.close();
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void aSecretOnTheCommandLineIsMaskedInsideSunJavaCommand(Form form) throws Exception {
    String secret = form.secret();
    String argument = "--cobo.api-secret=" + secret;
    String launched = System.getProperty("sun.java.command");
    System.setProperty("sun.java.command", "com.example.PaymentsApplication --server.port=0 " + argument);
    try (ConfigurableApplicationContext app = start(new StandardServletEnvironment(), argument)) {
      Map<String, Object> env = json(get(app, "/actuator/env"));

      assertThat(value(env, "systemProperties", "sun.java.command")).isEqualTo("******");
      assertThat(value(env, "commandLineArgs", "cobo.api-secret")).isEqualTo("******");
      assertNoRunOf(secret, get(app, "/actuator/env"), get(app, "/actuator/configprops"),
          get(app, "/actuator/env/sun.java.command"));
    } finally {
      if (launched == null) {
        System.clearProperty("sun.java.command");
      } else {
        System.setProperty("sun.java.command", launched);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void aSecretInSpringApplicationJsonIsMaskedInsideTheVariable(Form form) throws Exception {
    String secret = form.secret();
    String variable = MOSHI.adapter(Object.class).toJson(Map.of("cobo", Map.of("api-secret", secret)));
    try (ConfigurableApplicationContext app = start(withVariable("SPRING_APPLICATION_JSON", variable))) {
      Map<String, Object> env = json(get(app, "/actuator/env"));

      assertThat(value(env, "systemEnvironment", "SPRING_APPLICATION_JSON")).isEqualTo("******");
      assertThat(value(env, "spring.application.json", "cobo.api-secret")).isEqualTo("******");
      assertNoRunOf(secret, get(app, "/actuator/env"), get(app, "/actuator/configprops"));
    }
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aPropertyHoldingAnOrgTokenTheClientHoldsIsMasked(Route route) throws Exception {
    String argument = "--cobo.api-secret=" + KEY.seedHex();
    ConfigurableEnvironment environment = route == Route.COMMAND_LINE ? new StandardServletEnvironment()
        : withVariable("SPRING_APPLICATION_JSON",
            MOSHI.adapter(Object.class).toJson(Map.of("cobo", Map.of("api-secret", KEY.seedHex()))));
    try (ConfigurableApplicationContext app =
        start(environment, route == Route.COMMAND_LINE ? new String[] {argument} : new String[0])) {
      OrgTokenManager tokens = app.getBean(OrgTokenManager.class);
      String access = tokens.accessToken();
      String refresh = tokens.peek().refreshToken();
      app.getEnvironment().getPropertySources().addFirst(new MapPropertySource("debugging",
          Map.of("app.last-authorization", "Bearer " + access, "app.last-refresh", "refresh_token=" + refresh)));

      String env = get(app, "/actuator/env");

      assertThat(value(json(env), "debugging", "app.last-authorization")).isEqualTo("******");
      assertThat(value(json(env), "debugging", "app.last-refresh")).isEqualTo("******");
      assertThat(env).doesNotContain(access).doesNotContain(refresh);
    }
  }

  private static ConfigurableApplicationContext start(ConfigurableEnvironment environment, String... args) {
    SpringApplication application = new SpringApplication(TestApplication.class);
    application.setEnvironment(environment);
    application.setDefaultProperties(Map.of(
        "server.port", "0",
        "cobo.base-url", COBO.baseUrl(),
        "cobo.server-public-key", COBO.serverPublicKeyHex(),
        "cobo.client-id", "app",
        "cobo.org-id", "org",
        "management.endpoints.web.exposure.include", "env,configprops",
        "management.endpoint.env.show-values", "always",
        "management.endpoint.configprops.show-values", "always"));
    return application.run(args);
  }

  /** A servlet environment whose process environment holds one more variable, as if the shell had exported it. */
  private static ConfigurableEnvironment withVariable(String name, String value) {
    StandardServletEnvironment environment = new StandardServletEnvironment();
    Map<String, Object> variables = new HashMap<>(environment.getSystemEnvironment());
    variables.put(name, value);
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return environment;
  }

  /**
   * No response holds the secret or a run of 16 of its characters: hex in any case; for a PEM secret its base64
   * body, however the lines are broken (real line breaks, JSON's {@code \n}, or none).
   */
  private static void assertNoRunOf(String secret, String... responses) {
    boolean pem = secret.contains("-----BEGIN");
    String material = pem ? secret.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "") : secret.toLowerCase();
    List<String> runs = new ArrayList<>();
    for (int i = 0; i + 16 <= material.length(); i += 4) {
      runs.add(material.substring(i, i + 16));
    }
    for (String response : responses) {
      String flat = response.replace("\\n", "").replace("\\r", "").replaceAll("\\s", "");
      String text = pem ? flat : flat.toLowerCase();
      assertThat(runs).allSatisfy(run -> assertThat(text).doesNotContain(run));
    }
  }

  /** The value /actuator/env shows for {@code key} in the property source named {@code source}. */
  @SuppressWarnings("unchecked") // the endpoint's JSON: objects and arrays
  private static Object value(Map<String, Object> env, String source, String key) {
    for (Object s : (List<Object>) env.get("propertySources")) {
      Map<String, Object> named = (Map<String, Object>) s;
      if (String.valueOf(named.get("name")).contains(source)) {
        Map<String, Object> properties = (Map<String, Object>) named.get("properties");
        Map<String, Object> property = (Map<String, Object>) properties.get(key);
        if (property != null) {
          return property.get("value");
        }
      }
    }
    throw new AssertionError("/actuator/env shows no " + key + " in " + source);
  }

  @SuppressWarnings("unchecked") // an object at the top
  private static Map<String, Object> json(String body) throws IOException {
    return (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(body);
  }

  private static String get(ConfigurableApplicationContext app, String path) throws Exception {
    String port = app.getEnvironment().getProperty("local.server.port");
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  /** The Ed25519 seed as the PKCS#8 PEM text the Portal and openssl write, lines of 64. */
  static String pem(String seedHex) {
    byte[] der = HexFormat.of().parseHex("302e020100300506032b657004220420" + seedHex);
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }
}
