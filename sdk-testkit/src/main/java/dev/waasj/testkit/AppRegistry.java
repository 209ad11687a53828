package dev.waasj.testkit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The Portal apps the emulator knows: which API key signs for which client_id, installed in which orgs. An app
 * registered for any organization holds no per-organization object: only the organizations that uninstalled it are
 * kept (a set of small records), so thousands of organizations cost nothing until they get a token.
 */
final class AppRegistry {
  private record Client(String apiKey, String clientId) {}

  private record Installation(String apiKey, String clientId, String orgId) {}

  /** A registered API key: verifies request signatures made with its private key. */
  interface AppKey {
    /** Whether {@code signatureHex} signs {@code digest}; false for any malformed signature. */
    boolean verify(byte[] digest, String signatureHex);
  }

  private record Ed25519Key(PublicKey key) implements AppKey {
    @Override
    public boolean verify(byte[] digest, String signatureHex) {
      return Hex.isLowerHex(signatureHex, 2 * Ed25519.SIGNATURE_BYTES)
          && Ed25519.verify(key, digest, Hex.decode(signatureHex, Ed25519.SIGNATURE_BYTES, "signature"));
    }
  }

  private record Secp256k1Key(Secp256k1.Point key) implements AppKey {
    @Override
    public boolean verify(byte[] digest, String signatureHex) {
      int length = signatureHex.length();
      return length % 2 == 0 && length <= 144 && Hex.isLowerHex(signatureHex, length)
          && Secp256k1.verify(key, digest, Hex.decode(signatureHex, length / 2, "signature"));
    }
  }

  private final ConcurrentMap<String, AppKey> keys = new ConcurrentHashMap<>();
  private final Set<String> directKeys = ConcurrentHashMap.newKeySet();
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final Set<Installation> installations = ConcurrentHashMap.newKeySet();
  /** Apps installed in every organization but those in {@link #uninstalled}. */
  private final Set<Client> anyOrganization = ConcurrentHashMap.newKeySet();
  private final Set<Installation> uninstalled = ConcurrentHashMap.newKeySet();

  void register(String clientId, String orgId, String apiKeyHex) {
    AppKey key = checkRegistration(clientId, orgId, apiKeyHex);
    // The key goes in last: a concurrent request must not find the key but miss its client.
    Installation installation = new Installation(apiKeyHex, clientId, orgId);
    installations.add(installation);
    uninstalled.remove(installation);
    clients.add(new Client(apiKeyHex, clientId));
    keys.putIfAbsent(apiKeyHex, key);
  }

  /** Registers an app installed in every organization (until one {@linkplain #uninstall uninstalls} it). */
  void registerForAnyOrganization(String clientId, String apiKeyHex) {
    AppKey key = checkRegistration(clientId, "any", apiKeyHex);
    Client client = new Client(apiKeyHex, clientId);
    anyOrganization.add(client);
    clients.add(client);
    keys.putIfAbsent(apiKeyHex, key);
  }

  /**
   * Installs a registered app in {@code orgId} again, or for the first time, with every key it was registered with.
   *
   * @throws IllegalArgumentException if an id is blank or no app has this client_id
   */
  void install(String clientId, String orgId) {
    for (Client client : clientsOf(clientId, orgId)) {
      Installation installation = new Installation(client.apiKey(), clientId, orgId);
      if (!anyOrganization.contains(client)) {
        installations.add(installation);
      }
      uninstalled.remove(installation);
    }
  }

  /**
   * Removes a registered app from {@code orgId}: it is refused there from now on, for every key of the app.
   *
   * @throws IllegalArgumentException if an id is blank or no app has this client_id
   */
  void uninstall(String clientId, String orgId) {
    for (Client client : clientsOf(clientId, orgId)) {
      Installation installation = new Installation(client.apiKey(), clientId, orgId);
      uninstalled.add(installation); // first: a grant racing this call is refused as soon as either is seen
      installations.remove(installation);
    }
  }

  private List<Client> clientsOf(String clientId, String orgId) {
    requireText(clientId, "clientId");
    requireText(orgId, "orgId");
    List<Client> found = new ArrayList<>();
    for (Client client : clients) {
      if (client.clientId().equals(clientId)) {
        found.add(client);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("No app is registered with this clientId: register it first");
    }
    return found;
  }

  /**
   * Validates a registration without making it.
   *
   * @return the decoded API key
   * @throws IllegalArgumentException if an id is blank or the key is neither an Ed25519 key (64 lower-case hex
   *     characters) nor a compressed secp256k1 point (66, starting 02 or 03)
   */
  static AppKey checkRegistration(String clientId, String orgId, String apiKeyHex) {
    requireText(clientId, "clientId");
    requireText(orgId, "orgId");
    Objects.requireNonNull(apiKeyHex, "appPublicKeyHex");
    if (apiKeyHex.length() == 2 * Secp256k1.COMPRESSED_KEY_BYTES) {
      byte[] compressed = Hex.decode(apiKeyHex, Secp256k1.COMPRESSED_KEY_BYTES, "appPublicKeyHex");
      return new Secp256k1Key(Secp256k1.decompress(compressed));
    }
    if (apiKeyHex.length() != 2 * Ed25519.KEY_BYTES) {
      throw new IllegalArgumentException(
          "appPublicKeyHex must be an Ed25519 key (64 lower-case hex characters) or a compressed secp256k1 key (66)");
    }
    return new Ed25519Key(Ed25519.publicKey(Hex.decode(apiKeyHex, Ed25519.KEY_BYTES, "appPublicKeyHex")));
  }

  /**
   * Registers an API key of the organization itself (no Portal app): its calls need no org access token.
   *
   * @throws IllegalArgumentException if the key is malformed
   */
  void registerDirect(String apiKeyHex) {
    AppKey key = checkRegistration("direct", "direct", apiKeyHex);
    directKeys.add(apiKeyHex);
    keys.putIfAbsent(apiKeyHex, key);
  }

  /** Whether {@code apiKey} was registered as the organization's own key, not a Portal app's. */
  boolean isDirect(String apiKey) {
    return directKeys.contains(apiKey);
  }

  /** The registered key sent as {@code apiKey} (case-sensitive, as Cobo compares it), or null. */
  @Nullable AppKey key(String apiKey) {
    return apiKey.equals(apiKey.toLowerCase(Locale.ROOT)) ? keys.get(apiKey) : null;
  }

  boolean hasClient(String apiKey, String clientId) {
    return clients.contains(new Client(apiKey, clientId));
  }

  boolean isInstalled(String apiKey, String clientId, String orgId) {
    Installation installation = new Installation(apiKey, clientId, orgId);
    return !uninstalled.contains(installation)
        && (installations.contains(installation) || anyOrganization.contains(new Client(apiKey, clientId)));
  }

  private static void requireText(@Nullable String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
