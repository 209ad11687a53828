package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waasj.errors.TokenStoreException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The polling loop every store without a blocking lock shares: tries, gives up, stops on interrupt. */
class RefreshLeasePollTest {
  private final TokenStore store = new InMemoryTokenStore();
  private final RefreshLease free = RefreshLease.unguarded(store, "client", "org");

  @Test
  void triesAgainUntilTheLeaseIsFree() {
    AtomicInteger tries = new AtomicInteger();

    RefreshLease lease =
        RefreshLease.poll("org o1", Duration.ofSeconds(10), () -> tries.incrementAndGet() < 4 ? null : free);

    assertThat(lease).isSameAs(free);
    assertThat(tries).hasValue(4);
  }

  @Test
  void triesOnceWithNoTimeToWaitAndNamesWhatItWaitedFor() {
    AtomicInteger tries = new AtomicInteger();

    assertThatThrownBy(() -> RefreshLease.poll("org o1", Duration.ZERO, () -> {
          tries.incrementAndGet();
          return null;
        }))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("held the refresh lease of org o1")
        .hasMessageContaining("PT0S");
    assertThat(tries).hasValue(1);
  }

  @Test
  void waitsWithGrowingPausesThatEndAtTheDeadline() {
    AtomicInteger tries = new AtomicInteger();
    long start = System.nanoTime();

    assertThatThrownBy(() -> RefreshLease.poll("org o1", Duration.ofMillis(300), () -> {
          tries.incrementAndGet();
          return null;
        }))
        .isInstanceOf(TokenStoreException.class);

    // Pauses of 5, 10, 20, 40, 80, then 100 ms fill 300 ms in at most 7 tries: a loop that did not back off would
    // try hundreds of times, one that overslept would not have returned before its deadline.
    assertThat(tries.get()).isBetween(2, 8);
    // It gives up once less than a millisecond is left.
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(299).toNanos());
  }

  @Test
  void anInterruptEndsTheWaitAndStaysSet() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> RefreshLease.poll("org o1", Duration.ofSeconds(10), () -> null))
          .isInstanceOf(TokenStoreException.class)
          .hasMessageContaining("Interrupted")
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aStoreFailurePassesThroughAtOnce() {
    AtomicInteger tries = new AtomicInteger();
    TokenStoreException down = new TokenStoreException("store down");

    assertThatThrownBy(() -> RefreshLease.poll("org o1", Duration.ofSeconds(10), () -> {
          tries.incrementAndGet();
          throw down;
        }))
        .isSameAs(down);
    assertThat(tries).hasValue(1);
  }
}
