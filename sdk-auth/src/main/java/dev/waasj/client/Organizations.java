package dev.waasj.client;

import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.auth.token.OrgTokenManagers;
import dev.waasj.internal.auth.Checks;
import java.util.function.Function;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Which organization's token manager serves a request: the one of the view it was made through (its {@link
 * CallContext}), else the client's own organization, else none (an app-level call). Backed by a registry of one
 * manager per organization, or by a single manager the application supplied.
 */
final class Organizations {
  private final @Nullable OrgTokenManagers registry;
  private final @Nullable OrgTokenManager single;
  private final @Nullable String defaultOrgId;

  private Organizations(
      @Nullable OrgTokenManagers registry, @Nullable OrgTokenManager single, @Nullable String defaultOrgId) {
    this.registry = registry;
    this.single = single;
    this.defaultOrgId = defaultOrgId;
  }

  /** No app configured: no tokens. */
  static Organizations none() {
    return new Organizations(null, null, null);
  }

  /** Every organization of the registry's app; {@code defaultOrgId}'s for calls outside any view. */
  static Organizations of(OrgTokenManagers registry, @Nullable String defaultOrgId) {
    return new Organizations(registry, null, defaultOrgId);
  }

  /** Just the organization of {@code manager}, which the application supplied. */
  static Organizations single(OrgTokenManager manager) {
    return new Organizations(null, manager, manager.orgId());
  }

  boolean enabled() {
    return registry != null || single != null;
  }

  @Nullable OrgTokenManagers registry() {
    return registry;
  }

  @Nullable OrgTokenManager single() {
    return single;
  }

  @Nullable String defaultOrgId() {
    return defaultOrgId;
  }

  /** The manager for {@code request}, or null to send no token. */
  @Nullable OrgTokenManager forRequest(Request request) {
    CallContext context = CallScope.of(request);
    String orgId = context != null && context.orgId() != null ? context.orgId() : defaultOrgId;
    return orgId == null ? null : manager(orgId);
  }

  /** The client's own organization's manager, for {@link CoboClient#tokens()}. */
  OrgTokenManager defaultManager() {
    if (defaultOrgId == null) {
      throw new IllegalStateException(
          registry != null
              ? "This client serves many organizations of app " + registry.clientId()
                  + ": use organization(orgId).tokens(), or set orgId(...) for one"
              : "No org token manager: set clientId(...) and orgId(...) (COBO_CLIENT_ID, COBO_ORG_ID)");
    }
    return manager(defaultOrgId);
  }

  OrgTokenManager manager(String orgId) {
    if (single != null) {
      return single; // views of another organization are refused when made
    }
    if (registry == null) {
      throw new IllegalStateException("No org token manager: set clientId(...)");
    }
    return registry.manager(orgId);
  }

  /**
   * A view of {@code orgId}.
   *
   * @throws IllegalArgumentException if the ID is null, blank, too long or has control characters
   * @throws IllegalStateException if the client has no app, or was built for another organization
   */
  CoboOrganization view(@Nullable String orgId, Function<Class<?>, Object> shared) {
    String id = Checks.organizationId(orgId);
    if (!enabled()) {
      throw new IllegalStateException(
          "Organization views need the app's clientId(...) (COBO_CLIENT_ID): none was set");
    }
    if (defaultOrgId != null && !defaultOrgId.equals(id)) {
      throw new IllegalStateException(
          "This client was built for organization " + defaultOrgId + " (orgId(...) or a shared token manager),"
              + " not " + id + ": build it with clientId(...) and no orgId to serve many organizations");
    }
    return new CoboOrganization(id, this, shared);
  }
}
