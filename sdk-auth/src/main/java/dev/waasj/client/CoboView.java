package dev.waasj.client;

import dev.waasj.generated.CoboApis;
import dev.waasj.internal.auth.Checks;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A view of a {@link CoboClient} whose calls use {@link RequestOptions} over the client's settings; get one with
 * {@link CoboClient#withOptions}. The same {@link #apis()} and {@link #api(Class)} as the client, sharing its pool,
 * threads, signing, token and parsed services; costs no I/O. Thread-safe.
 */
public final class CoboView {
  private final CallContext context;
  private final Function<Class<?>, Object> shared;
  private @Nullable CoboApis apis; // made on first use; a race makes two equal facades, which is harmless

  CoboView(CallContext context, Function<Class<?>, Object> shared) {
    this.context = context;
    this.shared = shared;
  }

  /** Every operation of the spec, as {@link CoboClient#apis()}, with this view's options. */
  public CoboApis apis() {
    CoboApis facade = apis;
    if (facade == null) {
      facade = new CoboApis(new ScopedServices(shared, context));
      apis = facade;
    }
    return facade;
  }

  /** Any Retrofit interface, as {@link CoboClient#api(Class)}, with this view's options. */
  public <T> T api(Class<T> service) {
    Checks.notNull(service, "service");
    return new ScopedServices(shared, context).create(service);
  }

  /** This view with {@code options} over its own (each field set replaces; query parameters add up). */
  public CoboView withOptions(RequestOptions options) {
    Checks.notNull(options, "options");
    return new CoboView(context.withOptions(options), shared);
  }

  /** The options this view's calls use over the client's. */
  public RequestOptions options() {
    return context.options();
  }

  @Override
  public String toString() {
    return "CoboView{" + context.options() + '}';
  }
}
