package dev.waasj.internal.call;

/**
 * Creates implementations of generated API interfaces. The SDK's client is one: its implementations sign, verify,
 * retry and, when an organization is configured, carry the org access token.
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
