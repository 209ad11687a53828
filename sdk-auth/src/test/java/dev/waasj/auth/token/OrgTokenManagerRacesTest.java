package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.waasj.errors.ApiError;
import dev.waasj.errors.CoboApiException;
import dev.waasj.errors.CoboTransportException;
import dev.waasj.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The token manager's races, each forced into the order that used to go wrong by a scripted token endpoint that
 * pauses where the test says: no timing, only latches.
 */
class OrgTokenManagerRacesTest {
  final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T00:00:00Z"));

  /** A token endpoint whose every answer the test scripts; counts the requests. */
  static class ScriptedEndpoint implements TokenEndpoint {
    final AtomicInteger grants = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    volatile Function<Integer, TokenResponse> onRefresh = n -> response("AT-R" + n, "RT-R" + n);

    @Override
    public TokenResponse orgImplicit(String clientId, String orgId) {
      int n = grants.incrementAndGet();
      return response("AT-G" + n, "RT-G" + n);
    }

    @Override
    public TokenResponse refresh(String clientId, String refreshToken) {
      return onRefresh.apply(refreshes.incrementAndGet());
    }
  }

  static TokenResponse response(String access, String refresh) {
    return new TokenResponse(access, refresh, "Bearer", "", Duration.ofHours(1));
  }

  OrgTokenManager manager(TokenEndpoint endpoint, TokenStore store) {
    return OrgTokenManager.builder()
        .endpoint(endpoint)
        .clientId("app")
        .orgId("org")
        .store(store)
        .clock(clock)
        .build();
  }

  @Test
  void anInvalidationDuringATransientRefreshFailureIsNotUndone() throws Exception {
    ScriptedEndpoint endpoint = new ScriptedEndpoint();
    OrgTokenManager tokens = manager(endpoint, new InMemoryTokenStore());
    String first = tokens.accessToken();
    clock.advance(Duration.ofMinutes(56)); // inside the refresh margin, still valid: refreshed on the next ask

    CountDownLatch refreshing = new CountDownLatch(1);
    CountDownLatch refused = new CountDownLatch(1);
    endpoint.onRefresh =
        n -> {
          refreshing.countDown();
          await(refused);
          throw new CoboApiException(ApiError.builder().statusCode(503).build()); // transient
        };
    CompletableFuture<Throwable> leader = CompletableFuture.supplyAsync(() -> catchThrowable(tokens::accessToken));
    assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();
    tokens.invalidate(first); // meanwhile the server refused the current token
    refused.countDown();

    // The leader does not fall back to the refused token: it reports the failure instead.
    assertThat(leader.get(10, TimeUnit.SECONDS)).isInstanceOf(CoboApiException.class);
    endpoint.onRefresh = n -> response("AT-new", "RT-new");
    assertThat(tokens.accessToken()).isEqualTo("AT-new");
    assertThat(tokens.peek().accessToken()).isNotEqualTo(first);
  }

  @Test
  void aRefusedTokenInTheStoreIsNeverAdopted() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    ScriptedEndpoint endpoint = new ScriptedEndpoint();
    OrgTokenManager tokens = manager(endpoint, store);
    String first = tokens.accessToken();

    tokens.invalidate(first);
    // Another worker writes the refused token back (a stale copy): adopting it would serve a refused token.
    OrgToken stale = store.load("app", "org");
    store.save(
        OrgToken.builder()
            .clientId("app")
            .orgId("org")
            .accessToken(first)
            .refreshToken("RT-other")
            .tokenType("Bearer")
            .obtainedAt(stale.obtainedAt())
            .expiresAt(stale.expiresAt())
            .build());

    assertThat(tokens.accessToken()).isNotEqualTo(first);
  }

  @Test
  void anErrorInTheLeaderCompletesEveryWaiter() throws Exception {
    CountDownLatch leading = new CountDownLatch(1);
    CountDownLatch waiterWaiting = new CountDownLatch(1);
    TokenEndpoint broken =
        new ScriptedEndpoint() {
          @Override
          public TokenResponse orgImplicit(String clientId, String orgId) {
            leading.countDown();
            await(waiterWaiting);
            throw new StackOverflowError("a broken custom endpoint");
          }
        };
    OrgTokenManager tokens = manager(broken, new InMemoryTokenStore());

    CompletableFuture<Throwable> leader = CompletableFuture.supplyAsync(() -> catchThrowable(tokens::accessToken));
    assertThat(leading.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Throwable> waiter =
        CompletableFuture.supplyAsync(
            () -> {
              waiterWaiting.countDown();
              return catchThrowable(tokens::accessToken);
            });

    assertThat(leader.get(10, TimeUnit.SECONDS)).isInstanceOf(StackOverflowError.class);
    Throwable waited = waiter.get(10, TimeUnit.SECONDS); // before the fix: hung forever on the in-flight future
    assertThat(waited).isNotNull();
  }

  @Test
  void aWaiterGivesUpAtItsDeadline() throws Exception {
    CountDownLatch leading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TokenEndpoint slow =
        new ScriptedEndpoint() {
          @Override
          public TokenResponse orgImplicit(String clientId, String orgId) {
            leading.countDown();
            await(release);
            return response("AT-slow", "RT-slow");
          }
        };
    OrgTokenManager tokens = manager(slow, new InMemoryTokenStore());
    CompletableFuture<String> leader = CompletableFuture.supplyAsync(tokens::accessToken);
    assertThat(leading.await(10, TimeUnit.SECONDS)).isTrue();

    Throwable gaveUp = catchThrowable(() -> tokens.token(Duration.ofMillis(50)));

    assertThat(gaveUp).isInstanceOf(CoboTransportException.class).hasMessageContaining("deadline");
    release.countDown();
    assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo("AT-slow");
  }

  @Test
  void managersSharingAStoreInOneProcessMakeOneGrant() throws Exception {
    InMemoryTokenStore store = new InMemoryTokenStore();
    ScriptedEndpoint endpoint = new ScriptedEndpoint();
    List<OrgTokenManager> managers =
        List.of(manager(endpoint, store), manager(endpoint, store), manager(endpoint, store));
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> runs =
        managers.stream()
            .map(
                m ->
                    CompletableFuture.runAsync(
                        () -> {
                          await(start);
                          seen.add(m.accessToken());
                        }))
            .toList();
    start.countDown();
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

    assertThat(endpoint.grants.get()).isEqualTo(1);
    assertThat(seen).containsOnly("AT-G1");

    clock.advance(Duration.ofMinutes(58)); // every manager's token is due
    for (OrgTokenManager m : managers) {
      assertThat(m.accessToken()).isEqualTo("AT-R1");
    }
    assertThat(endpoint.refreshes.get()).isEqualTo(1); // the others adopted the stored token under the lease
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
