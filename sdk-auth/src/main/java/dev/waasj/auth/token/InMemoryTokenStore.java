package dev.waasj.auth.token;

import dev.waasj.internal.auth.Checks;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Keeps tokens in this process only: the default store. Its refresh lease coordinates every manager in this
 * process that shares the store instance; a holder cannot die without its process, so {@code ttl} plays no part.
 */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<String, OrgToken> tokens = new ConcurrentHashMap<>();
  private final LocalLeases leases = new LocalLeases();

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

  /** Reads every token this store holds: a few microseconds per thousand. */
  @Override
  public Set<String> organizations(String clientId) {
    Checks.notBlankArgument(clientId, "clientId");
    Set<String> orgs = new HashSet<>();
    for (OrgToken token : tokens.values()) {
      if (token.clientId().equals(clientId)) {
        orgs.add(token.orgId());
      }
    }
    return Set.copyOf(orgs);
  }

  @Override
  public RefreshLease acquireRefreshLease(String clientId, String orgId, Duration ttl, Duration maxWait) {
    Semaphore permit = leases.acquire(key(clientId, orgId), maxWait, "org " + orgId);
    RefreshLease direct = RefreshLease.unguarded(this, clientId, orgId);
    return new RefreshLease() {
      private boolean released;

      @Override
      public @Nullable OrgToken load() {
        return direct.load();
      }

      @Override
      public void save(OrgToken token) {
        direct.save(token);
      }

      @Override
      public void close() {
        if (!released) {
          released = true;
          permit.release();
        }
      }
    };
  }

  private static String key(String clientId, String orgId) {
    return clientId + '\n' + orgId;
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore{size=" + tokens.size() + '}';
  }
}
