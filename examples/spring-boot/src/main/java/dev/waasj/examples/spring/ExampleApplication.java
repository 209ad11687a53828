package dev.waasj.examples.spring;

import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.TestKeyPair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A Spring Boot service whose Cobo client, webhook endpoint ({@code /cobo/webhooks}), callback endpoint ({@code
 * /cobo/callbacks}), health indicator and metrics all come from the starter and {@code application.properties}.
 *
 * <p>With {@code COBO_ENV} or {@code COBO_BASE_URL} set (and {@code COBO_API_SECRET}, {@code COBO_CLIENT_ID}, {@code
 * COBO_ORG_ID}; {@code COBO_SERVER_PUBLIC_KEY} for a custom URL), it lists the organization's wallets once and
 * serves Cobo's deliveries on {@code PORT} (8080). With neither, it runs offline: an embedded emulator with a fresh
 * app key, the wallets listed, a signed event and callback delivered over HTTP to its own endpoints, its health and
 * metrics printed, then it exits 0 ({@code --serve} keeps it serving). Exit status 2 when the configuration is wrong.
 *
 * <pre>
 * mvn -q -B package -DskipTests -pl examples-spring -am
 * java -jar examples-spring/target/waasj-examples-spring.jar
 * </pre>
 */
@SpringBootApplication
public class ExampleApplication {
  static final String DEMO_CLIENT_ID = "demo-app";
  static final String DEMO_ORG_ID = "demo-org";

  /** Created by Spring. */
  public ExampleApplication() {}

  /** Runs the service; exits when the offline demo is done, serves otherwise. */
  public static void main(String[] args) {
    int status = run(System.getenv(), args);
    if (status >= 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the service with {@code env} as the process environment.
   *
   * @return the exit status once the offline demo is done (0) or start-up failed (2); -1 while it serves
   */
  public static int run(Map<String, String> env, String... args) {
    boolean offline = blank(env.get("COBO_ENV")) && blank(env.get("COBO_BASE_URL"));
    boolean serve = !offline || Arrays.asList(args).contains("--serve");
    CoboEmulator emulator = null;
    SpringApplication app = new SpringApplication(ExampleApplication.class);
    if (offline) {
      TestKeyPair appKey = TestKeyPair.generate();
      emulator = CoboEmulator.builder().registerApp(DEMO_CLIENT_ID, DEMO_ORG_ID, appKey.publicKeyHex()).start();
      CoboEmulator cobo = emulator;
      Map<String, Object> embedded = new LinkedHashMap<>();
      embedded.put("cobo.base-url", cobo.baseUrl());
      embedded.put("cobo.server-public-key", cobo.serverPublicKeyHex());
      embedded.put("cobo.api-secret", appKey.seedHex());
      embedded.put("cobo.client-id", DEMO_CLIENT_ID);
      embedded.put("cobo.org-id", DEMO_ORG_ID);
      embedded.put("example.approve-callbacks", "true");
      if (!serve) {
        embedded.put("server.port", "0");
        // The demo's lines only; set before logging starts, which the listener below comes too late for.
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "warn"));
      }
      // Above application.properties, whose ${COBO_*:} placeholders are empty here.
      app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event ->
          event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedCobo", embedded)));
      app.addInitializers(context -> context.getBeanFactory().registerSingleton("embeddedCobo", cobo));
    }
    try {
      ConfigurableApplicationContext context = app.run(args);
      if (serve) {
        return -1;
      }
      return SpringApplication.exit(context);
    } catch (RuntimeException e) {
      return 2; // Spring Boot has printed why, naming the property
    } finally {
      if (emulator != null && !serve) {
        emulator.close();
      }
    }
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
