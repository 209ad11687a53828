package dev.waasj.client;

import dev.waasj.auth.signing.KeyType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads the {@code COBO_*} variables into a builder, for {@link CoboClient.Builder#environmentVariables}. */
final class EnvironmentVariables {
  private EnvironmentVariables() {}

  static void apply(Map<String, String> env, CoboClient.Builder b) {
    String envName = blankToNull(env.get("COBO_ENV"));
    String url = blankToNull(env.get("COBO_BASE_URL"));
    String secret = blankToNull(env.get("COBO_API_SECRET"));
    String type = blankToNull(env.get("COBO_API_KEY_TYPE"));
    String serverKey = blankToNull(env.get("COBO_SERVER_PUBLIC_KEY"));
    String app = blankToNull(env.get("COBO_CLIENT_ID"));
    String org = blankToNull(env.get("COBO_ORG_ID"));
    String slot = blankToNull(env.get("COBO_NONCE_SLOT"));
    if (slot != null) {
      String[] parts = slot.split("/", -1);
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException("not SLOT/SLOTS");
        }
        b.nonceSlot(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("COBO_NONCE_SLOT must be SLOT/SLOTS with 0 <= SLOT < SLOTS <= 1000");
      }
    }
    if (app != null) {
      b.clientId(app);
    }
    if (org != null) {
      b.orgId(org);
    }
    if (envName != null) {
      b.environment(CoboEnvironment.parse(envName));
    }
    if (url != null) {
      b.baseUrl(url);
    }
    if (serverKey != null) {
      b.serverPublicKey(serverKey);
    }
    if (type != null) {
      b.apiKeyType(KeyType.parse(type));
    }
    if (secret == null) {
      throw new IllegalArgumentException("COBO_API_SECRET is not set");
    }
    b.apiSecret(secret);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
