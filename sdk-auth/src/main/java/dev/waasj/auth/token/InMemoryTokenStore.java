package dev.waasj.auth.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Keeps tokens in this process only: the default store. */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<String, OrgToken> tokens = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryTokenStore() {}

  @Override
  public @Nullable OrgToken load(String clientId, String orgId) {
    return tokens.get(key(clientId, orgId));
  }

  @Override
  public void save(OrgToken token) {
    tokens.put(key(token.clientId(), token.orgId()), token);
  }

  @Override
  public void delete(String clientId, String orgId) {
    tokens.remove(key(clientId, orgId));
  }

  private static String key(String clientId, String orgId) {
    return clientId + '\n' + orgId;
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore{size=" + tokens.size() + '}';
  }
}
