package dev.waasj.benchmarks;

import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.generated.api.OAuthApi;
import dev.waasj.generated.model.GetToken200Response;
import dev.waasj.generated.model.RefreshToken200Response;
import dev.waasj.generated.model.RefreshTokenRequest;
import java.util.concurrent.CompletableFuture;
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
 * OAuth API is a stub that is called once in setup; the benchmark measures only the cached read.
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
        OrgTokenManager.builder().oauth(new OneTokenApi()).clientId("app").orgId("org").build();
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
  static final class OneTokenApi implements OAuthApi {
    @Override
    public GetToken200Response getToken(String clientId, String orgId, String grantType) {
      return GetToken200Response.builder()
          .accessToken("AT-bench")
          .tokenType("Bearer")
          .expiresIn(86_400L)
          .refreshToken("RT-bench")
          .build();
    }

    @Override
    public CompletableFuture<GetToken200Response> getTokenAsync(String clientId, String orgId, String grantType) {
      return CompletableFuture.completedFuture(getToken(clientId, orgId, grantType));
    }

    @Override
    public RefreshToken200Response refreshToken(RefreshTokenRequest request) {
      throw new UnsupportedOperationException("not refreshed in this benchmark");
    }

    @Override
    public CompletableFuture<RefreshToken200Response> refreshTokenAsync(RefreshTokenRequest request) {
      throw new UnsupportedOperationException("not refreshed in this benchmark");
    }
  }
}
