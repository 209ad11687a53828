package dev.waasj.spring;

import dev.waasj.client.CoboOrganization;
import dev.waasj.generated.CoboApis;
import dev.waasj.portal.PortalUser;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method the request's verified {@link PortalUser}, its organization's {@link CoboOrganization},
 * or that organization's {@link CoboApis}: nothing else, so no controller can pick an organization. Verifies the token
 * if no filter did; without a valid one the method is not called (see {@link PortalExceptionHandler}).
 */
final class PortalArgumentResolver implements HandlerMethodArgumentResolver {
  private final PortalAuthentication authentication;

  PortalArgumentResolver(PortalAuthentication authentication) {
    this.authentication = authentication;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    Class<?> type = parameter.getParameterType();
    return type == PortalUser.class || type == CoboOrganization.class || type == CoboApis.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      @Nullable WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    if (request == null) {
      throw new IllegalStateException("A PortalUser needs a servlet request");
    }
    PortalUser user = authentication.user(request);
    Class<?> type = parameter.getParameterType();
    if (type == PortalUser.class) {
      return user;
    }
    CoboOrganization organization = authentication.organizations().organization(user);
    return type == CoboOrganization.class ? organization : organization.apis();
  }
}
