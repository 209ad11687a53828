package dev.waasj.spring;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Guards {@code cobo.portal.paths}: a request without a valid User Info Token gets 401 (403 for a user whose
 * organization has not installed the app, 503 while no JWKS keys can be had) and goes no further.
 */
final class PortalUserFilter implements Filter {
  private final PortalAuthentication authentication;

  PortalUserFilter(PortalAuthentication authentication) {
    this.authentication = authentication;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out) {
      PortalAuthentication.Refusal refusal = authentication.authenticate(http);
      if (refusal != null) {
        refusal.send(out);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
