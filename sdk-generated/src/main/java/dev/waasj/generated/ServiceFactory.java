package dev.waasj.generated;

/**
 * Creates implementations of API interfaces, generated or not: what {@link CoboApis} and the token manager's own
 * endpoint are built on. The SDK's client is one ({@code cobo::api}): its implementations sign, verify, retry and,
 * when an organization is configured, carry the org access token.
 */
@FunctionalInterface
public interface ServiceFactory {
  /**
   * Returns an implementation of {@code service}, a generated API interface.
   *
   * @param service the interface
   * @param <T> its type
   * @return an implementation; may be shared between calls
   */
  <T> T create(Class<T> service);
}
