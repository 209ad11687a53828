package dev.waasj.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.client.CoboClient;
import dev.waasj.client.CoboEnvironment;
import dev.waasj.generated.CoboApis;
import dev.waasj.micrometer.MicrometerListener;
import dev.waasj.micrometer.WebhookMetrics;
import dev.waasj.testkit.TestKeyPair;
import dev.waasj.webhooks.CoboWebhooks;
import dev.waasj.webhooks.EventDeduplicator;
import dev.waasj.webhooks.EventHandler;
import dev.waasj.webhooks.InMemoryEventDeduplicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the starter defines, and how each backs off when the application defines its own. No network. */
class BackOffTest {
  static final String SECRET = TestKeyPair.generate().seedHex();

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CoboAutoConfiguration.class))
      .withPropertyValues("cobo.environment=dev", "cobo.api-secret=" + SECRET);

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    @Bean
    CoboClient myClient() {
      return CoboClient.builder().environment(CoboEnvironment.PROD).apiSecret(SECRET).build();
    }
  }

  /** A token manager of the application's own, for app "app" and organization "org". */
  @Configuration(proxyBeanMethods = false)
  static class OwnTokenManager {
    @Bean(destroyMethod = "")
    OrgTokenManager myTokenManager() {
      return CoboClient.builder().environment(CoboEnvironment.DEV).apiSecret(SECRET).clientId("app").orgId("org")
          .build().tokens();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnWebhooks {
    @Bean
    CoboWebhooks myWebhooks() {
      return CoboWebhooks.builder().environment(CoboEnvironment.PROD).build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnDeduplicator {
    @Bean
    EventDeduplicator myDeduplicator() {
      return new InMemoryEventDeduplicator(1234); // told apart from the default by its capacity
    }
  }

  @Test
  void fromPropertiesTheClientItsApisAndTheReceiverButNoTokenManagerWithoutAnOrganization() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(CoboClient.class).hasSingleBean(CoboApis.class)
          .hasSingleBean(CoboWebhooks.class).doesNotHaveBean(OrgTokenManager.class)
          .hasSingleBean(MicrometerListener.class).hasSingleBean(WebhookMetrics.class);
      assertThat(context.getBean(CoboClient.class).baseUrl()).isEqualTo(CoboEnvironment.DEV.baseUrl());
      assertThat(context.getBean(CoboApis.class)).isSameAs(context.getBean(CoboClient.class).apis());
    });
  }

  @Test
  void anOrganizationAddsTheTokenManager() {
    runner.withPropertyValues("cobo.client-id=app", "cobo.org-id=org").run(context -> {
      assertThat(context).hasSingleBean(OrgTokenManager.class);
      assertThat(context.getBean(OrgTokenManager.class)).isSameAs(context.getBean(CoboClient.class).tokens());
      assertThat(context.getBean(OrgTokenManager.class).orgId()).isEqualTo("org");
    });
  }

  @Test
  void theApplicationsOwnTokenManagerIsTheOneTheClientUses() {
    runner.withUserConfiguration(OwnTokenManager.class).run(context -> {
      assertThat(context).hasSingleBean(OrgTokenManager.class).hasBean("myTokenManager");
      assertThat(context.getBean(CoboClient.class).tokens()).isSameAs(context.getBean(OrgTokenManager.class));
    });
    runner.withUserConfiguration(OwnTokenManager.class).withPropertyValues("cobo.client-id=app", "cobo.org-id=org")
        .run(context -> assertThat(context.getBean(CoboClient.class).tokens())
            .isSameAs(context.getBean("myTokenManager")));
  }

  @Test
  void anApplicationsTokenManagerForAnotherOrganizationFailsStartUpNamingTheProperty() {
    runner.withUserConfiguration(OwnTokenManager.class).withPropertyValues("cobo.client-id=app", "cobo.org-id=other")
        .run(context -> assertThat(context).hasFailed().getFailure()
            .hasRootCauseInstanceOf(CoboConfigurationException.class)
            .rootCause().hasMessageContaining("cobo.org-id").hasMessageNotContaining(SECRET));
  }

  @Test
  void blankPropertiesFromUnsetVariablesMeanUnset() {
    // cobo.org-id=${COBO_ORG_ID:} and the like, with the variables unset
    runner.withPropertyValues("cobo.client-id=", "cobo.org-id=", "cobo.api-key-type=", "cobo.base-url=",
            "cobo.server-public-key=", "cobo.user-agent=")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CoboClient.class)
            .doesNotHaveBean(OrgTokenManager.class));
  }

  @Test
  void theApplicationsOwnClientWinsAndItsApisAreServed() {
    runner.withUserConfiguration(OwnClient.class).run(context -> {
      assertThat(context).hasSingleBean(CoboClient.class).hasBean("myClient");
      assertThat(context.getBean(CoboClient.class).baseUrl()).isEqualTo(CoboEnvironment.PROD.baseUrl());
      assertThat(context.getBean(CoboApis.class)).isSameAs(context.getBean(CoboClient.class).apis());
    });
  }

  @Test
  void theApplicationsOwnReceiverWins() {
    runner.withUserConfiguration(OwnWebhooks.class).run(context ->
        assertThat(context).hasSingleBean(CoboWebhooks.class).hasBean("myWebhooks"));
  }

  @Test
  void theApplicationsDeduplicatorIsTheReceiversStore() {
    runner.withUserConfiguration(OwnDeduplicator.class).run(context ->
        assertThat(context.getBean(CoboWebhooks.class).toString()).contains("of 1234"));
  }

  @Test
  void anApplicationWithItsOwnClientAndNoCoboPropertiesStartsWithoutAReceiver() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CoboAutoConfiguration.class))
        .withUserConfiguration(OwnClient.class)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CoboWebhooks.class));
  }

  @Test
  void switchedOffNothingIsDefined() {
    runner.withPropertyValues("cobo.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(CoboClient.class).doesNotHaveBean(CoboWebhooks.class));
  }

  @Test
  void metricsCanBeSwitchedOff() {
    runner.withPropertyValues("cobo.metrics.enabled=false").run(context ->
        assertThat(context).hasSingleBean(CoboClient.class).doesNotHaveBean(MicrometerListener.class)
            .doesNotHaveBean(WebhookMetrics.class));
  }

  @Test
  void theWebhookEndpointIsOptIn() {
    WebApplicationContextRunner web = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CoboAutoConfiguration.class,
            CoboWebhookEndpointAutoConfiguration.class))
        .withPropertyValues("cobo.environment=dev", "cobo.api-secret=" + SECRET)
        .withBean(EventHandler.class, () -> event -> {});
    web.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServletRegistrationBean.class));
    web.withPropertyValues("cobo.webhooks.path=", "cobo.callbacks.path= ")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServletRegistrationBean.class));
    web.withPropertyValues("cobo.webhooks.path=/hooks/cobo").run(context -> {
      ServletRegistrationBean<?> endpoint = context.getBean("coboWebhookEndpoint", ServletRegistrationBean.class);
      assertThat(endpoint.getUrlMappings()).containsExactly("/hooks/cobo");
      assertThat(context).doesNotHaveBean("coboCallbackEndpoint");
    });
  }
}
