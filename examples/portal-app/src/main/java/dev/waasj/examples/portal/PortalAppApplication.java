package dev.waasj.examples.portal;

import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.InstallationDelivery;
import dev.waasj.testkit.TestKeyPair;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A Cobo Portal app's backend: the starter serves the installation callback ({@code /cobo/installed}) and verifies
 * the User Info Token of every {@code /api} request; {@link WalletController} answers with the token's organization.
 *
 * <p>With {@code COBO_ENV} or {@code COBO_BASE_URL} set (and {@code COBO_API_SECRET}, {@code COBO_CLIENT_ID}), it
 * serves on {@code PORT} (8080). With neither, it runs offline: an embedded emulator plays Cobo and Cobo Portal, two
 * organizations install the app through the callback, a user of each lists its wallets, a user of the first asks
 * for the second's and is refused; it prints each exchange and exits 0 ({@code --serve} keeps it serving).
 *
 * <pre>
 * mvn -q -B package -DskipTests -pl examples/portal-app -am
 * java -jar examples/portal-app/target/waasj-examples-portal-app.jar
 * </pre>
 */
@SpringBootApplication
public class PortalAppApplication {
  static final String DEMO_CLIENT_ID = "demo-portal-app";

  /** Created by Spring. */
  public PortalAppApplication() {}

  /** Runs the backend; exits when the offline demo is done, serves otherwise. */
  public static void main(String[] args) {
    int status = run(System.getenv(), System.out, args);
    if (status >= 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the backend with {@code env} as the process environment, the offline demo printing to {@code out}.
   *
   * @return 0 once the offline demo succeeded, 1 if it did not, 2 if start-up failed; -1 while it serves
   */
  public static int run(Map<String, String> env, PrintStream out, String... args) {
    boolean offline = blank(env.get("COBO_ENV")) && blank(env.get("COBO_BASE_URL"));
    boolean serve = !offline || Arrays.asList(args).contains("--serve");
    CoboEmulator emulator = null;
    SpringApplication app = new SpringApplication(PortalAppApplication.class);
    if (offline) {
      TestKeyPair appKey = TestKeyPair.generate();
      // Installed nowhere yet: organizations arrive through the installation callback.
      emulator = CoboEmulator.builder().registerApp(DEMO_CLIENT_ID, "nobody-yet", appKey.publicKeyHex()).start();
      Map<String, Object> embedded = new LinkedHashMap<>();
      embedded.put("cobo.base-url", emulator.baseUrl());
      embedded.put("cobo.server-public-key", emulator.serverPublicKeyHex());
      embedded.put("cobo.api-secret", appKey.seedHex());
      embedded.put("cobo.client-id", DEMO_CLIENT_ID);
      embedded.put("cobo.portal.issuer", emulator.portal().issuer());
      if (!serve) {
        embedded.put("server.port", "0");
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "warn"));
      }
      app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event ->
          event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedCobo", embedded)));
    }
    ConfigurableApplicationContext context;
    try {
      context = app.run(args);
    } catch (RuntimeException e) {
      if (emulator != null) {
        emulator.close();
      }
      return 2; // Spring Boot has printed why, naming the property
    }
    if (emulator == null) {
      return -1;
    }
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    try {
      boolean ok = demo(emulator, port, out);
      if (serve) {
        out.println("serving on http://127.0.0.1:" + port + " (the emulator at " + emulator.baseUrl() + ")");
        return -1;
      }
      return ok ? 0 : 1;
    } finally {
      if (!serve) {
        SpringApplication.exit(context);
        emulator.close();
      }
    }
  }

  /** Two organizations install the app; a user of each asks for wallets, one of them for the other's. */
  static boolean demo(CoboEmulator cobo, int port, PrintStream out) {
    String base = "http://127.0.0.1:" + port;
    URI callback = URI.create(base + "/cobo/installed");
    boolean ok = true;
    for (String org : new String[] {"org-a", "org-b"}) {
      InstallationDelivery installed = cobo.portal().install(DEMO_CLIENT_ID, org, callback);
      out.println("Cobo -> GET /cobo/installed?org_id=" + org + "&approval_result=1: " + installed.status() + " "
          + installed.body());
      ok &= installed.status() == 200;
    }
    String ann = cobo.portal().userInfoToken(DEMO_CLIENT_ID, "org-a", "ann", "ann@example.com", "Viewer");
    String bob = cobo.portal().userInfoToken(DEMO_CLIENT_ID, "org-b", "bob", "bob@example.com", "Admin");
    ok &= show(out, base, "ann (org-a)", "/api/wallets", ann) == 200;
    ok &= show(out, base, "bob (org-b)", "/api/wallets", bob) == 200;
    ok &= show(out, base, "ann (org-a)", "/api/organizations/org-b/wallets", ann) == 403;
    ok &= show(out, base, "nobody", "/api/wallets", null) == 401;
    return ok;
  }

  private static int show(PrintStream out, String base, String who, String path, @Nullable String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      out.println(who + " -> GET " + path + ": " + response.statusCode() + " " + response.body());
      return response.statusCode();
    } catch (IOException e) {
      out.println(who + " -> GET " + path + ": failed (" + e.getClass().getSimpleName() + ")");
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
