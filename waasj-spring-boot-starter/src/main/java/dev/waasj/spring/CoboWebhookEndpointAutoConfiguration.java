package dev.waasj.spring;

import dev.waasj.webhooks.CallbackHandler;
import dev.waasj.webhooks.CoboWebhooks;
import dev.waasj.webhooks.EventHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Opt-in endpoints on the servlet stack: {@code cobo.webhooks.path} receives webhook events for the application's
 * {@link EventHandler} bean, {@code cobo.callbacks.path} approval callbacks for its {@link CallbackHandler} bean.
 * Each verifies the raw body with {@link CoboWebhooks}, runs an event's handler once per {@code event_id}, and
 * answers exactly as Cobo expects. Plain servlets, outside Spring MVC; a security filter chain must let Cobo's POSTs
 * through (no CSRF token, no session).
 */
@AutoConfiguration(after = CoboAutoConfiguration.class)
@ConditionalOnProperty(prefix = "cobo", name = "enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.servlet.http.HttpServlet")
public class CoboWebhookEndpointAutoConfiguration {
  /** Created by Spring. */
  public CoboWebhookEndpointAutoConfiguration() {}

  @Bean
  @Conditional(PropertiesSetCondition.WebhooksPath.class)
  ServletRegistrationBean<WebhookServlet> coboWebhookEndpoint(
      CoboProperties properties,
      ObjectProvider<CoboWebhooks> webhooks,
      ObjectProvider<EventHandler> handler) {
    String path = path("cobo.webhooks.path", properties.getWebhooks().getPath());
    CoboWebhooks receiver = receiver(webhooks.getIfUnique(), "cobo.webhooks.path");
    EventHandler app = handler.getIfUnique();
    if (app == null) {
      throw new CoboConfigurationException(
          "cobo.webhooks.path", "is set but the application defines no single EventHandler bean to run events");
    }
    return registration("coboWebhooks", path,
        new WebhookServlet((body, headers) -> receiver.handleEvent(body, headers, app)));
  }

  @Bean
  @Conditional(PropertiesSetCondition.CallbacksPath.class)
  ServletRegistrationBean<WebhookServlet> coboCallbackEndpoint(
      CoboProperties properties,
      ObjectProvider<CoboWebhooks> webhooks,
      ObjectProvider<CallbackHandler> handler) {
    String path = path("cobo.callbacks.path", properties.getCallbacks().getPath());
    CoboWebhooks receiver = receiver(webhooks.getIfUnique(), "cobo.callbacks.path");
    CallbackHandler app = handler.getIfUnique();
    if (app == null) {
      throw new CoboConfigurationException(
          "cobo.callbacks.path",
          "is set but the application defines no single CallbackHandler bean to decide callbacks");
    }
    return registration("coboCallbacks", path,
        new WebhookServlet((body, headers) -> receiver.handleCallback(body, headers, app)));
  }

  private static CoboWebhooks receiver(@Nullable CoboWebhooks webhooks, String property) {
    if (webhooks == null) {
      throw new CoboConfigurationException(
          property, "is set but there is no CoboWebhooks: set cobo.environment or cobo.server-public-key");
    }
    return webhooks;
  }

  private static String path(String property, @Nullable String path) {
    String p = path == null ? "" : path.trim();
    if (!p.startsWith("/") || p.contains("*") || p.contains("?") || p.contains("#")) {
      throw new CoboConfigurationException(property, "must be a path starting with /, such as /cobo/webhooks");
    }
    return p;
  }

  private static ServletRegistrationBean<WebhookServlet> registration(
      String name, String path, WebhookServlet servlet) {
    ServletRegistrationBean<WebhookServlet> registration = new ServletRegistrationBean<>(servlet, path);
    registration.setName(name);
    registration.setLoadOnStartup(1);
    return registration;
  }
}
