package dev.waasj.client;

import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.generated.CoboApis;
import java.util.function.Function;

/**
 * One organization's view of a {@link CoboClient} built for a Portal app: the same {@link #apis()} and {@link
 * #api(Class)} as the client, every call carrying this organization's access token. Get one with {@link
 * CoboClient#organization(String)}, per request if you like: it costs no I/O and a few small objects, and shares
 * everything that belongs to the app (connection pool, dispatcher, nonces, retries, listeners, the parsed service
 * methods). Its calls never carry another organization's token, and another organization's failures never reach
 * it. Thread-safe.
 */
public final class CoboOrganization {
  private final String orgId;
  private final Organizations organizations;
  private final CoboView view;

  CoboOrganization(String orgId, Organizations organizations, Function<Class<?>, Object> shared) {
    this(orgId, organizations, new CoboView(CallContext.organization(orgId), shared));
  }

  private CoboOrganization(String orgId, Organizations organizations, CoboView view) {
    this.orgId = orgId;
    this.organizations = organizations;
    this.view = view;
  }

  /**
   * This organization's view with {@code options} over the ones it has (each field set replaces; query parameters
   * add up): e.g. {@code cobo.organization(orgId).withOptions(fast).apis()...}. Costs no I/O.
   */
  public CoboOrganization withOptions(RequestOptions options) {
    return new CoboOrganization(orgId, organizations, view.withOptions(options));
  }

  /** The options this view's calls use over the client's. */
  public RequestOptions options() {
    return view.options();
  }

  /** The organization this view acts for. */
  public String orgId() {
    return orgId;
  }

  /** Every operation of the spec, one accessor per tag, as {@link CoboClient#apis()}, for this organization. */
  public CoboApis apis() {
    return view.apis();
  }

  /** Any Retrofit interface, as {@link CoboClient#api(Class)}, for this organization. */
  public <T> T api(Class<T> service) {
    return view.api(service);
  }

  /** This organization's token manager, shared by every view of it on the client. */
  public OrgTokenManager tokens() {
    return organizations.manager(orgId);
  }

  @Override
  public String toString() {
    return "CoboOrganization{orgId=" + orgId + '}';
  }
}
