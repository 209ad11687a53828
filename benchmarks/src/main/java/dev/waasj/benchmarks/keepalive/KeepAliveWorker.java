package dev.waasj.benchmarks.keepalive;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.waasj.auth.token.KeepAliveOutcome;
import dev.waasj.auth.token.TokenRequestOutcome;
import dev.waasj.client.CoboClient;
import dev.waasj.client.CoboListener;
import dev.waasj.store.jdbc.JdbcTokenStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One process of the keep-alive soak: a client of the app on the shared PostgreSQL store, keep-alive on, making no
 * call of its own for {@code SECONDS}. Then prints one line per token request it made: {@code grant|refresh|failed
 * EPOCH_MS ORG [ERROR]}.
 */
public final class KeepAliveWorker {
  private KeepAliveWorker() {}

  /** Arguments: JDBC_URL BASE_URL SERVER_KEY SECRET_HEX OLDER_THAN_S CHECK_EVERY_S SECONDS NONCE_SLOT. */
  public static void main(String[] args) throws Exception {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(args[0]);
    pool.setMaximumPoolSize(4);
    pool.setConnectionTimeout(2_000);
    HikariDataSource db = new HikariDataSource(pool);
    ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    CoboListener listener =
        new CoboListener() {
          @Override
          public void tokenRequestFinished(TokenRequestOutcome outcome) {
            String kind =
                !outcome.succeeded()
                    ? "failed"
                    : outcome.grant() == TokenRequestOutcome.Grant.REFRESH_TOKEN ? "refresh" : "grant";
            events.add(kind + " " + System.currentTimeMillis() + " " + outcome.orgId()
                + outcome.error().map(e -> " " + e).orElse(""));
          }

          @Override
          public void keepAliveFinished(KeepAliveOutcome outcome) {
            if (outcome.result() == KeepAliveOutcome.Result.FAILED
                || outcome.result() == KeepAliveOutcome.Result.REAUTHORIZATION_REQUIRED) {
              events.add("keepalive_" + outcome.result().name().toLowerCase(java.util.Locale.ROOT) + " "
                  + System.currentTimeMillis() + " " + outcome.orgId());
            }
          }
        };
    try (CoboClient cobo =
        CoboClient.builder()
            .environmentVariables(
                Map.of(
                    "COBO_BASE_URL", args[1],
                    "COBO_SERVER_PUBLIC_KEY", args[2],
                    "COBO_API_SECRET", args[3],
                    "COBO_CLIENT_ID", KeepAliveSoak.CLIENT_ID,
                    "COBO_NONCE_SLOT", args[7]))
            .tokenStore(JdbcTokenStore.create(db))
            .keepOrganizationsAlive(
                Duration.ofSeconds(Long.parseLong(args[4])), Duration.ofSeconds(Long.parseLong(args[5])))
            .listener(listener)
            .build()) {
      System.err.println("keep-alive worker up: " + cobo.tokenManagers().clientId());
      Thread.sleep(Long.parseLong(args[6]) * 1000);
    }
    db.close();
    StringBuilder out = new StringBuilder();
    for (String e : events) {
      out.append(e).append('\n');
    }
    System.out.print(out);
    System.out.flush();
  }
}
