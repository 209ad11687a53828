package dev.waasj.errors;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code error_code} 2024: Cobo's API key authentication failed. Cobo documents three causes, and its answer does not
 * say which: the key is not registered in the environment the request went to (dev and prod keep separate keys),
 * it is registered but not active yet, or it is a permanent key sent from an IP address outside its allow-list. The
 * message names the host that refused the key. No org token can fix it, so the SDK never refreshes one for it.
 */
public class ApiKeyAuthenticationException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  private static final Map<String, String> ENVIRONMENTS =
      Map.of("api.dev.cobo.com", "dev", "api.cobo.com", "prod", "api.sandbox.cobo.com", "sandbox");

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public ApiKeyAuthenticationException(ApiError error) {
    super(error, explain(error));
  }

  /** Cobo's environment that refused the key ({@code dev}, {@code prod}, {@code sandbox}), or null for another host. */
  public @Nullable String environment() {
    String host = error().host();
    return host == null ? null : ENVIRONMENTS.get(host);
  }

  private static String explain(ApiError error) {
    String host = error.host();
    String env = host == null ? null : ENVIRONMENTS.get(host);
    String where = env != null ? "Cobo's " + env + " environment (" + host + ")" : host != null ? host : "the server";
    return error.describe() + ": " + where + " refused the API key: it is not registered there (dev and prod keys"
        + " are separate), not active yet, or a permanent key sent from an IP address outside its allow-list";
  }
}
