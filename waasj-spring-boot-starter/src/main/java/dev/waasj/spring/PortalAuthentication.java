package dev.waasj.spring;

import dev.waasj.portal.OrganizationNotInstalledException;
import dev.waasj.portal.PortalOrganizations;
import dev.waasj.portal.PortalUser;
import dev.waasj.portal.UserInfoTokenException;
import dev.waasj.portal.UserInfoTokenVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Who a request comes from, once per request: the User Info Token of the configured header, verified, and the user's
 * organization checked to be installed. The result is kept as a request attribute for the argument resolver.
 */
final class PortalAuthentication {
  /** The request attribute holding the verified {@link PortalUser}. */
  static final String USER_ATTRIBUTE = PortalUser.class.getName();

  /** Why a request was refused: the HTTP status and a JSON body naming no token. */
  record Refusal(int status, String error, String reason) {
    void send(HttpServletResponse response) throws IOException {
      response.setStatus(status);
      response.setContentType("application/json");
      if (status == 401) {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      } else if (status == 503) {
        response.setHeader("Retry-After", "30");
      }
      byte[] body = ("{\"error\":\"" + error + "\",\"reason\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  /** Thrown where no filter answered for us (the argument resolver): the refusal to send. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient Refusal refusal;

    Refused(Refusal refusal) {
      super(refusal.error + ": " + refusal.reason, null, false, false);
      this.refusal = refusal;
    }
  }

  private final UserInfoTokenVerifier verifier;
  private final PortalOrganizations organizations;
  private final String header;

  PortalAuthentication(UserInfoTokenVerifier verifier, PortalOrganizations organizations, String header) {
    this.verifier = verifier;
    this.organizations = organizations;
    this.header = header;
  }

  PortalOrganizations organizations() {
    return organizations;
  }

  /** The request's verified user, or null with the refusal to send. */
  @Nullable Refusal authenticate(HttpServletRequest request) {
    if (request.getAttribute(USER_ATTRIBUTE) instanceof PortalUser) {
      return null;
    }
    PortalUser user;
    try {
      user = verifier.verify(token(request));
    } catch (UserInfoTokenException e) {
      String reason = e.reason().name().toLowerCase(Locale.ROOT);
      return e.reason() == UserInfoTokenException.Reason.KEYS_UNAVAILABLE
          ? new Refusal(503, "temporarily_unavailable", reason)
          : new Refusal(401, "invalid_token", reason);
    }
    try {
      organizations.organization(user);
    } catch (OrganizationNotInstalledException e) {
      return new Refusal(403, "organization_not_installed", "the user's organization has not installed the app");
    }
    request.setAttribute(USER_ATTRIBUTE, user);
    return null;
  }

  /** The request's user, verifying it if no filter did; throws {@link Refused} if there is none. */
  PortalUser user(HttpServletRequest request) {
    Refusal refusal = authenticate(request);
    if (refusal != null) {
      throw new Refused(refusal);
    }
    return (PortalUser) request.getAttribute(USER_ATTRIBUTE);
  }

  /** The header's one value; for Authorization, what follows "Bearer ". Null when absent, repeated or not Bearer. */
  private @Nullable String token(HttpServletRequest request) {
    List<String> values = Collections.list(request.getHeaders(header));
    if (values.size() != 1) {
      return null;
    }
    String value = values.get(0).trim();
    if (header.equalsIgnoreCase("Authorization")) {
      if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return null;
      }
      value = value.substring(7).trim();
    }
    return value;
  }
}
