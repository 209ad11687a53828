package dev.waasj.testkit;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/** The Portal apps the emulator knows: which API key signs for which client_id, installed in which orgs. */
final class AppRegistry {
  private record Client(String apiKey, String clientId) {}

  private record Installation(String apiKey, String clientId, String orgId) {}

  private final ConcurrentMap<String, PublicKey> keys = new ConcurrentHashMap<>();
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final Set<Installation> installations = ConcurrentHashMap.newKeySet();

  void register(String clientId, String orgId, String apiKeyHex) {
    PublicKey key = checkRegistration(clientId, orgId, apiKeyHex);
    // The key goes in last: a concurrent request must not find the key but miss its client.
    installations.add(new Installation(apiKeyHex, clientId, orgId));
    clients.add(new Client(apiKeyHex, clientId));
    keys.putIfAbsent(apiKeyHex, key);
  }

  /**
   * Validates a registration without making it.
   *
   * @return the decoded public key
   * @throws IllegalArgumentException if an id is blank or the key is not 64 lower-case hex characters
   */
  static PublicKey checkRegistration(String clientId, String orgId, String apiKeyHex) {
    requireText(clientId, "clientId");
    requireText(orgId, "orgId");
    Objects.requireNonNull(apiKeyHex, "appPublicKeyHex");
    return Ed25519.publicKey(Hex.decode(apiKeyHex, Ed25519.KEY_BYTES, "appPublicKeyHex"));
  }

  @Nullable PublicKey publicKey(String apiKey) {
    return keys.get(apiKey);
  }

  boolean hasClient(String apiKey, String clientId) {
    return clients.contains(new Client(apiKey, clientId));
  }

  boolean isInstalled(String apiKey, String clientId, String orgId) {
    return installations.contains(new Installation(apiKey, clientId, orgId));
  }

  private static void requireText(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
