package dev.waasj.benchmarks.manyhosts;

import dev.waasj.auth.token.OrgToken;
import dev.waasj.auth.token.RefreshLease;
import dev.waasj.auth.token.TokenStore;
import dev.waasj.client.CoboClient;
import dev.waasj.store.jdbc.JdbcTokenStore;
import dev.waasj.store.redis.RedisTokenStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import redis.clients.jedis.RedisClient;

/**
 * One host of the soak: org-scoped calls from several threads for a fixed time, its token state in the shared
 * store. Prints {@code calls errors} when done. A victim ({@code VICTIM=1}) announces {@code HOLDING_LEASE} once it
 * holds a refresh lease after its arming time and then stops making progress, so the orchestrator can kill it
 * there.
 */
public final class ManyHostsWorker {
  private ManyHostsWorker() {}

  /** Arguments: STORE STORE_URL BASE_URL SERVER_KEY APP_SECRET MILLIS THREADS LEASE_TTL_MS NONCE_SLOT. */
  public static void main(String[] args) throws Exception {
    String storeKind = args[0];
    String storeUrl = args[1];
    long millis = Long.parseLong(args[5]);
    int threads = Integer.parseInt(args[6]);
    Duration leaseTtl = Duration.ofMillis(Long.parseLong(args[7]));
    boolean victim = "1".equals(System.getenv("VICTIM"));
    RedisClient redis = null;
    TokenStore store;
    if (storeKind.equals("postgres")) {
      PGSimpleDataSource db = new PGSimpleDataSource();
      db.setURL(storeUrl);
      store = JdbcTokenStore.create(db);
    } else {
      redis = RedisClient.create(java.net.URI.create(storeUrl));
      store = RedisTokenStore.create(redis);
    }
    if (victim) {
      store = new StallingStore(store, System.nanoTime() + millis * 1_000_000 / 3);
    }
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    try (CoboClient cobo =
        CoboClient.builder()
            .environmentVariables(
                Map.of(
                    "COBO_BASE_URL", args[2],
                    "COBO_SERVER_PUBLIC_KEY", args[3],
                    "COBO_API_SECRET", args[4],
                    "COBO_CLIENT_ID", ManyHosts.CLIENT_ID,
                    "COBO_ORG_ID", ManyHosts.ORG_ID,
                    "COBO_NONCE_SLOT", args[8]))
            .tokenStore(store)
            .tokenRefreshLeaseTtl(leaseTtl)
            .build()) {
      long end = System.nanoTime() + millis * 1_000_000;
      List<Thread> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread thread =
            new Thread(
                () -> {
                  while (System.nanoTime() < end) {
                    try {
                      cobo.api(Wallets.class).listWallets();
                      calls.incrementAndGet();
                    } catch (RuntimeException e) {
                      if (errors.incrementAndGet() <= 5) {
                        System.err.println(e);
                      }
                    }
                  }
                });
        thread.start();
        running.add(thread);
      }
      for (Thread thread : running) {
        thread.join();
      }
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
    System.out.println(calls.get() + " " + errors.get());
  }

  /** An org-scoped operation of every spec: the token endpoint aside, the one the soak calls. */
  interface Wallets {
    @retrofit2.http.GET("wallets")
    Map<String, Object> listWallets();
  }

  /** Stalls forever in the first refresh lease it holds after {@code armedAt}, as a paused or dying holder would. */
  private static final class StallingStore implements TokenStore {
    private final TokenStore delegate;
    private final long armedAt;

    StallingStore(TokenStore delegate, long armedAt) {
      this.delegate = delegate;
      this.armedAt = armedAt;
    }

    @Override
    public @Nullable OrgToken load(String clientId, String orgId) {
      return delegate.load(clientId, orgId);
    }

    @Override
    public void save(OrgToken token) {
      delegate.save(token);
    }

    @Override
    public void delete(String clientId, String orgId) {
      delegate.delete(clientId, orgId);
    }

    @Override
    public RefreshLease acquireRefreshLease(String clientId, String orgId, Duration ttl, Duration maxWait) {
      RefreshLease lease = delegate.acquireRefreshLease(clientId, orgId, ttl, maxWait);
      if (System.nanoTime() >= armedAt) {
        System.out.println("HOLDING_LEASE");
        System.out.flush();
        while (true) {
          try {
            Thread.sleep(60_000); // killed here
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lease;
          }
        }
      }
      return lease;
    }
  }
}
