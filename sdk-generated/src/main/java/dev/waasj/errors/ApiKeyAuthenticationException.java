package dev.waasj.errors;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code error_code} 2024: the API key is not registered in the environment the request went to. Cobo's dev and
 * prod environments keep separate keys, so a key made in one is unknown to the other. The message names the
 * environment that refused the key. Not a signature problem: the signature was never checked.
 */
public class WrongEnvironmentException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  private static final Map<String, String> ENVIRONMENTS =
      Map.of("api.dev.cobo.com", "dev", "api.cobo.com", "prod", "api.sandbox.cobo.com", "sandbox");

  /** Creates the exception; prefer {@link CoboApiException#of}. */
  public WrongEnvironmentException(ApiError error) {
    super(error, explain(error));
  }

  /** Cobo's environment the key was sent to ({@code dev}, {@code prod}, {@code sandbox}), or null for another host. */
  public @Nullable String environment() {
    String host = error().host();
    return host == null ? null : ENVIRONMENTS.get(host);
  }

  private static String explain(ApiError error) {
    String host = error.host();
    String env = host == null ? null : ENVIRONMENTS.get(host);
    String where = env != null ? "Cobo's " + env + " environment (" + host + ")" : host != null ? host : "this server";
    return error.describe() + ": the API key is not registered in " + where
        + "; dev and prod keys are separate, so check that the key and the environment match";
  }
}
