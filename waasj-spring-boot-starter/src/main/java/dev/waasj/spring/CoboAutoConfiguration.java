package dev.waasj.spring;

import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.auth.token.TokenStore;
import dev.waasj.client.CoboClient;
import dev.waasj.client.CoboListener;
import dev.waasj.generated.CoboApis;
import dev.waasj.micrometer.MicrometerListener;
import dev.waasj.micrometer.WebhookMetrics;
import dev.waasj.webhooks.CoboWebhooks;
import dev.waasj.webhooks.EventDeduplicator;
import dev.waasj.webhooks.WebhookListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The SDK from {@code cobo.*} properties: {@link CoboClient}, {@link CoboApis}, {@link OrgTokenManager} when
 * {@code cobo.client-id} and {@code cobo.org-id} are set, and {@link CoboWebhooks}; each backs off when the
 * application defines its own. The client uses the application's {@link TokenStore} bean (a database store, say)
 * and reports to every {@link CoboListener} bean, the receiver to every {@link WebhookListener} bean. With Micrometer
 * present, a {@link MicrometerListener} and a {@link WebhookMetrics} are among them; with the actuator, a {@code cobo} health indicator reports without calling Cobo, and the {@code env} and
 * {@code configprops} endpoints never show the API secret. {@code cobo.enabled=false} turns all of it off.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
    })
@ConditionalOnProperty(prefix = "cobo", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(CoboProperties.class)
public class CoboAutoConfiguration {
  private static final String OWN_TOKEN_MANAGER = "coboOrgTokenManager";

  /** Created by Spring. */
  public CoboAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  CoboActivity coboActivity() {
    return new CoboActivity(Clock.systemUTC());
  }

  /**
   * The client, from the properties; fails start-up with a {@link CoboConfigurationException} naming the property
   * when they cannot work. An {@link OrgTokenManager} the application defines is the one the client uses, so one
   * organization never has two managers (and two grants) in one application.
   */
  @Bean
  @ConditionalOnMissingBean
  CoboClient coboClient(
      CoboProperties properties,
      ObjectProvider<TokenStore> tokenStore,
      ObjectProvider<CoboListener> listeners,
      ListableBeanFactory beans) {
    List<CoboListener> all = new ArrayList<>();
    listeners.orderedStream().forEach(all::add);
    return ClientFactory.client(
        properties, tokenStore.getIfUnique(), CompositeListener.of(all), applicationsTokenManager(beans));
  }

  /**
   * The application's own token manager, if it defines exactly one. Ours is left out by name: it is made from the
   * client, so asking for it here would be a cycle.
   */
  private static @Nullable OrgTokenManager applicationsTokenManager(ListableBeanFactory beans) {
    List<String> names = new ArrayList<>(List.of(beans.getBeanNamesForType(OrgTokenManager.class, false, false)));
    names.remove(OWN_TOKEN_MANAGER);
    return names.size() == 1 ? beans.getBean(names.get(0), OrgTokenManager.class) : null;
  }

  /** Every operation of the spec, one accessor per tag. */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  CoboApis coboApis(CoboClient client) {
    return client.apis();
  }

  /** The client's org token manager. */
  @Bean(name = OWN_TOKEN_MANAGER, destroyMethod = "")
  @ConditionalOnMissingBean
  @Conditional(PropertiesSetCondition.Organization.class)
  OrgTokenManager coboOrgTokenManager(CoboClient client) {
    return client.tokens();
  }

  /** The webhook and callback receiver, verifying with the environment's or the configured server key. */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(PropertiesSetCondition.Endpoint.class)
  CoboWebhooks coboWebhooks(
      CoboProperties properties,
      ObjectProvider<EventDeduplicator> deduplicator,
      ObjectProvider<WebhookListener> listeners) {
    return ClientFactory.webhooks(
        properties, deduplicator.getIfUnique(), listeners.orderedStream().collect(Collectors.toList()));
  }

  /** The Micrometer listener and webhook counters, when Micrometer and sdk-micrometer are on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {"io.micrometer.core.instrument.MeterRegistry", "dev.waasj.micrometer.MicrometerListener"})
  @ConditionalOnProperty(prefix = "cobo.metrics", name = "enabled", matchIfMissing = true)
  static class MetricsConfiguration {
    @Bean
    @ConditionalOnMissingBean
    MicrometerListener coboMicrometerListener(
        ObjectProvider<ObservationRegistry> observations, ObjectProvider<MeterRegistry> meters) {
      return MicrometerListener.create(
          observations.getIfUnique(() -> ObservationRegistry.NOOP), meters.getIfUnique(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookMetrics coboWebhookMetrics(ObjectProvider<MeterRegistry> meters) {
      return new WebhookMetrics(meters.getIfUnique(() -> Metrics.globalRegistry));
    }
  }

  /** The actuator's {@code env} and {@code configprops} endpoints mask the API secret and the org tokens held. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
  static class SanitizerConfiguration {
    @Bean
    SecretSanitizer coboSecretSanitizer(CoboProperties properties, ObjectProvider<OrgTokenManager> tokens) {
      return new SecretSanitizer(properties, tokens::getIfUnique);
    }
  }

  /** The {@code cobo} health indicator on Spring Boot 3. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.springframework.boot.actuate.health.HealthIndicator",
        "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator"
      })
  @org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator("cobo")
  static class Boot3HealthConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "coboHealthIndicator")
    org.springframework.boot.actuate.health.HealthIndicator coboHealthIndicator(
        CoboActivity activity, ObjectProvider<OrgTokenManager> tokens) {
      return () -> {
        CoboActivity.Snapshot s = activity.snapshot(tokens.getIfUnique());
        return org.springframework.boot.actuate.health.Health.status(s.status()).withDetails(s.details()).build();
      };
    }
  }

  /** The {@code cobo} health indicator on Spring Boot 4, where health contributors moved. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator("cobo")
  static class Boot4HealthConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "coboHealthIndicator")
    org.springframework.boot.health.contributor.HealthIndicator coboHealthIndicator(
        CoboActivity activity, ObjectProvider<OrgTokenManager> tokens) {
      return () -> {
        CoboActivity.Snapshot s = activity.snapshot(tokens.getIfUnique());
        return org.springframework.boot.health.contributor.Health.status(s.status()).withDetails(s.details()).build();
      };
    }
  }
}
