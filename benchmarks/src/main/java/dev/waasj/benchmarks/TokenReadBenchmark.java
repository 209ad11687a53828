package dev.waasj.benchmarks;

import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.auth.token.TokenEndpoint;
import dev.waasj.auth.token.TokenResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The token manager's hot path: reading a cached, valid org access token, which every org-scoped call does. The
 * token endpoint is a stub that is called once in setup; the benchmark measures only the cached read.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class TokenReadBenchmark {
  private OrgTokenManager tokens;

  /** Fetches the one token every iteration then reads from memory. */
  @Setup
  public void setUp() {
    tokens =
        OrgTokenManager.builder().endpoint(new OneTokenEndpoint()).clientId("app").orgId("org").build();
    tokens.accessToken();
  }

  /** One thread reading the cached token. */
  @Benchmark
  public String cachedAccessToken() {
    return tokens.accessToken();
  }

  /** Both cores reading the same cached token at once: the read takes no lock. */
  @Benchmark
  @Threads(2)
  public String cachedAccessTokenTwoThreads() {
    return tokens.accessToken();
  }

  /** Issues one long-lived token; refreshing is not part of this benchmark. */
  static final class OneTokenEndpoint implements TokenEndpoint {
    @Override
    public TokenResponse orgImplicit(String clientId, String orgId) {
      return new TokenResponse("AT-bench", "RT-bench", "Bearer", "", Duration.ofDays(1));
    }

    @Override
    public TokenResponse refresh(String clientId, String refreshToken) {
      throw new UnsupportedOperationException("not refreshed in this benchmark");
    }
  }
}
