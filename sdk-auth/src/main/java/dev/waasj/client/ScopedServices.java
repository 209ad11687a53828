package dev.waasj.client;

import dev.waasj.generated.ServiceFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * API implementations for a view: a small proxy per interface that runs each method of the client's shared
 * implementation (the one Retrofit proxy per interface, with its parsed service methods) inside the view's {@link
 * CallScope}. Default methods (pagers, parameter-object overloads) run on the view's proxy, so every page a pager
 * fetches later goes through the view too. Nothing here is per organization but the proxy object itself.
 */
final class ScopedServices implements ServiceFactory {
  private final Function<Class<?>, Object> shared;
  private final CallContext context;

  /**
   * @param shared the client's implementation of each interface
   * @param context what the view's calls carry
   */
  ScopedServices(Function<Class<?>, Object> shared, CallContext context) {
    this.shared = shared;
    this.context = context;
  }

  @Override
  public <T> T create(Class<T> service) {
    Object target = shared.apply(service);
    // The JDK caches the proxy class and its constructor per interface: this allocates the proxy and its handler.
    return service.cast(
        Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] {service}, new Scoped(target, context)));
  }

  /** Runs each call in the view's scope on the shared implementation. */
  private static final class Scoped implements InvocationHandler {
    private final Object target;
    /** The shared proxy's own handler, called directly: no reflective access check, so any interface works. */
    private final InvocationHandler targetHandler;
    private final CallContext context;

    Scoped(Object target, CallContext context) {
      this.target = target;
      this.targetHandler = Proxy.getInvocationHandler(target);
      this.context = context;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return objectMethod(proxy, method, args);
      }
      CallContext previous = CallScope.enter(context);
      try {
        if (method.isDefault()) {
          return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return targetHandler.invoke(target, method, args);
      } finally {
        CallScope.exit(previous);
      }
    }

    private @Nullable Object objectMethod(Object proxy, Method method, @Nullable Object[] args) {
      switch (method.getName()) {
        case "equals":
          return args != null && proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return target + " for " + context;
      }
    }
  }
}
