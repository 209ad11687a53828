package dev.waasj.spring;

import dev.waasj.client.CoboClient;
import dev.waasj.portal.InstallationCallbackHandler;
import dev.waasj.portal.InstallationListener;
import dev.waasj.portal.PortalOrganizations;
import dev.waasj.portal.UserInfoTokenVerifier;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A Cobo Portal app's backend, when sdk-portal is on the class path and the client is an app's ({@code
 * cobo.client-id} set, {@code cobo.org-id} not): a {@link UserInfoTokenVerifier}, {@link PortalOrganizations} and an
 * {@link InstallationCallbackHandler} (hearing the application's {@link InstallationListener} bean, if any); on the
 * servlet stack, the installation callback at {@code cobo.portal.callback-path}, a filter refusing requests to {@code
 * cobo.portal.paths} without a valid User Info Token, and controller arguments: {@code PortalUser}, {@code
 * CoboOrganization}, {@code CoboApis}, all of the token's organization.
 */
@AutoConfiguration(after = CoboAutoConfiguration.class)
@ConditionalOnProperty(prefix = "cobo", name = "enabled", matchIfMissing = true)
@ConditionalOnClass(name = "dev.waasj.portal.UserInfoTokenVerifier")
@Conditional(CoboPortalAutoConfiguration.PortalApp.class)
public class CoboPortalAutoConfiguration {
  /** Created by Spring. */
  public CoboPortalAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  UserInfoTokenVerifier coboUserInfoTokenVerifier(CoboClient cobo, CoboProperties properties) {
    PortalProperties p = properties.getPortal();
    UserInfoTokenVerifier.Builder b = UserInfoTokenVerifier.builder(cobo);
    try {
      if (p.getIssuer() != null && !p.getIssuer().isBlank()) {
        b.issuer(p.getIssuer());
      }
      if (p.getJwksUrl() != null && !p.getJwksUrl().isBlank()) {
        b.jwksUrl(p.getJwksUrl());
      }
      b.jwksCacheTtl(p.getJwksCacheTtl()).jwksMinRefetchInterval(p.getJwksMinRefetchInterval())
          .clockSkew(p.getClockSkew());
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CoboConfigurationException("cobo.portal", e.getMessage());
    }
  }

  @Bean
  @ConditionalOnMissingBean
  PortalOrganizations coboPortalOrganizations(CoboClient cobo) {
    return PortalOrganizations.of(cobo);
  }

  @Bean
  @ConditionalOnMissingBean
  InstallationCallbackHandler coboInstallationCallbackHandler(
      CoboClient cobo, ObjectProvider<InstallationListener> listener) {
    InstallationCallbackHandler.Builder b = InstallationCallbackHandler.builder(cobo);
    InstallationListener app = listener.getIfUnique();
    if (app != null) {
      b.listener(app);
    }
    return b.build();
  }

  /** The servlet side: the callback endpoint, the filter, the controller arguments. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.http.HttpServlet")
  static class Servlet {
    @Bean
    PortalAuthentication coboPortalAuthentication(
        UserInfoTokenVerifier verifier, PortalOrganizations organizations, CoboProperties properties) {
      String header = properties.getPortal().getTokenHeader();
      if (header == null || header.isBlank() || !header.matches("[A-Za-z0-9-]+")) {
        throw new CoboConfigurationException("cobo.portal.token-header", "must be an HTTP header name");
      }
      return new PortalAuthentication(verifier, organizations, header.trim());
    }

    @Bean
    @Conditional(PortalCallbackPath.class)
    ServletRegistrationBean<InstallationCallbackServlet> coboInstallationCallbackEndpoint(
        InstallationCallbackHandler handler, CoboProperties properties) {
      String path = path("cobo.portal.callback-path", properties.getPortal().getCallbackPath());
      ServletRegistrationBean<InstallationCallbackServlet> registration =
          new ServletRegistrationBean<>(new InstallationCallbackServlet(handler), path);
      registration.setName("coboInstallationCallback");
      registration.setLoadOnStartup(1);
      return registration;
    }

    @Bean
    @Conditional(PortalPaths.class)
    FilterRegistrationBean<PortalUserFilter> coboPortalUserFilter(
        PortalAuthentication authentication, CoboProperties properties) {
      List<String> paths = properties.getPortal().getPaths();
      for (String p : paths) {
        if (p == null || !p.startsWith("/")) {
          throw new CoboConfigurationException("cobo.portal.paths", "must be URL patterns starting with /");
        }
      }
      FilterRegistrationBean<PortalUserFilter> registration =
          new FilterRegistrationBean<>(new PortalUserFilter(authentication));
      registration.setName("coboPortalUserFilter");
      registration.setUrlPatterns(paths);
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100); // after Spring's own request filters
      return registration;
    }

    /** Controller arguments, with Spring MVC. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
    static class Mvc {
      @Bean
      WebMvcConfigurer coboPortalArguments(PortalAuthentication authentication) {
        return new WebMvcConfigurer() {
          @Override
          public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new PortalArgumentResolver(authentication));
          }
        };
      }

      @Bean
      PortalExceptionHandler coboPortalExceptionHandler() {
        return new PortalExceptionHandler();
      }
    }

    private static String path(String property, String path) {
      String p = path == null ? "" : path.trim();
      if (!p.startsWith("/") || p.contains("*") || p.contains("?") || p.contains("#")) {
        throw new CoboConfigurationException(property, "must be a path starting with /, such as /cobo/installed");
      }
      return p;
    }
  }

  /** {@code cobo.client-id} set and {@code cobo.org-id} not: a client for an app of many organizations. */
  static final class PortalApp extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String clientId = context.getEnvironment().getProperty("cobo.client-id");
      String orgId = context.getEnvironment().getProperty("cobo.org-id");
      boolean app = clientId != null && !clientId.isBlank() && (orgId == null || orgId.isBlank());
      return app ? ConditionOutcome.match("cobo.client-id set, cobo.org-id not")
          : ConditionOutcome.noMatch("not a Portal app's client (cobo.client-id unset, or cobo.org-id set)");
    }
  }

  /** {@code cobo.portal.callback-path} set. */
  static final class PortalCallbackPath extends PropertiesSetCondition {
    PortalCallbackPath() {
      super(true, "cobo.portal.callback-path");
    }
  }

  /** {@code cobo.portal.paths} set. */
  static final class PortalPaths extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String[] paths = context.getEnvironment().getProperty("cobo.portal.paths", String[].class);
      String first = context.getEnvironment().getProperty("cobo.portal.paths[0]");
      boolean set = (paths != null && paths.length > 0 && !paths[0].isBlank()) || (first != null && !first.isBlank());
      return set ? ConditionOutcome.match("cobo.portal.paths set") : ConditionOutcome.noMatch("no cobo.portal.paths");
    }
  }
}
