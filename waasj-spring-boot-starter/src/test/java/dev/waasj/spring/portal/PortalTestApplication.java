package dev.waasj.spring.portal;

import dev.waasj.auth.token.InMemoryTokenStore;
import dev.waasj.client.CoboOrganization;
import dev.waasj.portal.InstallationListener;
import dev.waasj.portal.PortalUser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import retrofit2.http.GET;

/** A Portal app's backend as a user writes one: controllers taking the Portal user and its organization. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PortalTestApplication.Api.class)
public class PortalTestApplication {
  /** An org-scoped operation bound by hand, so the test does not depend on names a spec decides. */
  public interface Wallets {
    @GET("wallets")
    Map<String, Object> listWallets();
  }

  /** The app's controllers; {@link #calls} counts the calls that reached one. */
  @RestController
  public static class Api {
    final AtomicInteger calls = new AtomicInteger();

    @GetMapping("/api/me")
    public Map<String, Object> me(PortalUser user) {
      calls.incrementAndGet();
      return Map.of("org", user.orgId(), "user", user.userId(), "roles", user.roleNames());
    }

    @GetMapping("/api/wallets")
    public Map<String, Object> wallets(CoboOrganization organization) {
      calls.incrementAndGet();
      return Map.of("org", organization.orgId(), "wallets", organization.api(Wallets.class).listWallets());
    }

    @GetMapping("/api/nothing-portal")
    public String unguardedByArguments() {
      calls.incrementAndGet(); // takes no Portal argument: only the filter guards it
      return "reached";
    }

    @GetMapping("/open/me")
    public String open(PortalUser user) {
      calls.incrementAndGet(); // outside cobo.portal.paths: the argument resolver guards it
      return user.orgId();
    }
  }

  /** Hears installations. */
  public static final class Installs implements InstallationListener {
    final List<String> installed = new CopyOnWriteArrayList<>();

    @Override
    public void installed(String orgId, boolean firstTime) {
      installed.add(orgId);
    }
  }

  @Bean
  Installs installs() {
    return new Installs();
  }

  @Bean
  InMemoryTokenStore applicationTokenStore() {
    return new InMemoryTokenStore();
  }
}
