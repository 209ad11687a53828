package dev.waasj.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NonceSourceTest {
  @Test
  void firstNonceIsTheClockInMillis() {
    NonceSource nonces = new NonceSource(Clock.fixed(Instant.ofEpochMilli(1795629356741L), ZoneOffset.UTC));
    assertThat(nonces.next()).isEqualTo(1795629356741L);
  }

  @Test
  void sourcesInDifferentSlotsNeverIssueTheSameNonceOnOneClock() {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(1_000_003), ZoneOffset.UTC);
    Set<Long> seen = new HashSet<>();
    for (int slot = 0; slot < 4; slot++) {
      NonceSource nonces = new NonceSource(clock, slot, 4);
      long previous = 0;
      for (int i = 0; i < 500; i++) {
        long n = nonces.next();
        assertThat(n % 4).isEqualTo(slot);
        assertThat(n).isGreaterThan(previous).isGreaterThanOrEqualTo(1_000_003L);
        assertThat(seen.add(n)).as("nonce %d issued twice", n).isTrue();
        previous = n;
      }
    }
    assertThat(seen).hasSize(2_000);
  }

  @Test
  void aSlottedSourceStaysWithinItsSlotOfTheClock() {
    NonceSource nonces = new NonceSource(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC), 3, 4);
    assertThat(List.of(nonces.next(), nonces.next())).containsExactly(1_003L, 1_007L);
  }

  @Test
  void aSlotOutsideItsRangeIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NonceSource(Clock.systemUTC(), 4, 4))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NonceSource(Clock.systemUTC(), 0, 1001))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonceAdvancesPastAFrozenClock() {
    NonceSource nonces = new NonceSource(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));
    assertThat(List.of(nonces.next(), nonces.next(), nonces.next())).containsExactly(1_000L, 1_001L, 1_002L);
  }

  @Test
  void nonceNeverRepeatsWhenTheClockStepsBack() {
    SettableClock clock = new SettableClock(5_000);
    NonceSource nonces = new NonceSource(clock);
    long before = nonces.next();
    clock.set(1_000);
    assertThat(nonces.next()).isGreaterThan(before);
  }

  @Test
  void nonceFollowsTheClockWhenItIsAhead() {
    SettableClock clock = new SettableClock(5_000);
    NonceSource nonces = new NonceSource(clock);
    nonces.next();
    clock.set(9_000);
    assertThat(nonces.next()).isEqualTo(9_000);
  }

  @Test
  void concurrentNoncesAreDistinctAndIncreasingPerThread() throws Exception {
    NonceSource nonces = new NonceSource(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));
    int threads = 16;
    int perThread = 10_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          long[] taken = new long[perThread];
          for (int i = 0; i < perThread; i++) {
            taken[i] = nonces.next();
          }
          return taken;
        }));
      }
      start.countDown();
      Set<Long> all = new HashSet<>();
      for (Future<long[]> future : futures) {
        long[] taken = future.get();
        for (int i = 0; i < taken.length; i++) {
          if (i > 0) {
            assertThat(taken[i]).isGreaterThan(taken[i - 1]);
          }
          all.add(taken[i]);
        }
      }
      assertThat(all).hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sourcesForOneApiKeyOnOneClockShareOneSequence() {
    String apiKey = "ab" + System.nanoTime() + "-shared";
    Clock frozen = Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC);
    NonceSource first = NonceSource.forApiKey(apiKey, frozen);
    NonceSource second = NonceSource.forApiKey(apiKey.toUpperCase(), frozen);
    NonceSource equalClock = NonceSource.forApiKey(apiKey, Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));

    assertThat(List.of(first.next(), second.next(), equalClock.next(), first.next()))
        .containsExactly(1_000L, 1_001L, 1_002L, 1_003L);
  }

  @Test
  void onTheSystemClockEverySourceForAKeySharesOneSequenceWhateverItsZone() {
    String apiKey = "cd" + System.nanoTime() + "-system";
    List<NonceSource> sources =
        List.of(
            NonceSource.forApiKey(apiKey),
            NonceSource.forApiKey(apiKey, Clock.systemUTC()),
            NonceSource.forApiKey(apiKey, Clock.system(ZoneId.of("Asia/Singapore"))));
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < 3_000; i++) {
      long nonce = sources.get(i % 3).next();
      assertThat(nonce).isGreaterThan(previous);
      previous = nonce;
    }
  }

  @Test
  void aTestClockBehindTheSequenceOfAnotherClockKeepsItsOwnTime() {
    // As when each test of a class starts its own clock at one instant and moves it hours ahead, with one key.
    String apiKey = "ef" + System.nanoTime() + "-tests";
    SettableClock earlierTest = new SettableClock(5_000);
    NonceSource earlier = NonceSource.forApiKey(apiKey, earlierTest);
    earlier.next();
    earlierTest.set(3_600_000);
    earlier.next();

    assertThat(NonceSource.forApiKey(apiKey, new SettableClock(5_000)).next()).isEqualTo(5_000L);
  }

  @Test
  void otherKeysAndConstructedSourcesHaveSequencesOfTheirOwn() {
    Clock frozen = Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC);
    NonceSource one = NonceSource.forApiKey("key-one-" + System.nanoTime(), frozen);
    NonceSource two = NonceSource.forApiKey("key-two-" + System.nanoTime(), frozen);

    assertThat(List.of(one.next(), two.next(), new NonceSource(frozen).next()))
        .containsExactly(1_000L, 1_000L, 1_000L);
  }

  /** A clock the test moves by hand. */
  private static final class SettableClock extends Clock {
    private final AtomicLong millis;

    SettableClock(long millis) {
      this.millis = new AtomicLong(millis);
    }

    void set(long value) {
      millis.set(value);
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
