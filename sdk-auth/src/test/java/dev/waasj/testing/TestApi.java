package dev.waasj.testing;

import dev.waasj.auth.token.TokenResponse;
import dev.waasj.paging.Pager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Query;

/**
 * A hand-written Retrofit binding for tests of hand-written behaviour, so they do not depend on the names any
 * spec generates: the token endpoint's two calls and one org-scoped call.
 */
@NullMarked
public interface TestApi {
  @GET("oauth/token")
  TokenResponse getToken(
      @Query("client_id") String clientId, @Query("org_id") String orgId, @Query("grant_type") String grantType);

  @GET("oauth/token")
  CompletableFuture<TokenResponse> getTokenAsync(
      @Query("client_id") String clientId, @Query("org_id") String orgId, @Query("grant_type") String grantType);

  @POST("oauth/token")
  TokenResponse refreshToken(@Body Map<String, String> body);

  /** A page of at most {@code limit} wallets after {@code after}. */
  @GET("wallets")
  Map<String, Object> listWalletsAfter(@Query("limit") int limit, @Query("after") @Nullable String after);

  /** A page of wallets after {@code after}, asynchronously. */
  @GET("wallets")
  CompletableFuture<Map<String, Object>> listWalletsAfterAsync(
      @Query("limit") int limit, @Query("after") @Nullable String after);

  /** Wallets, asynchronously, with a header naming the call (the emulator records it). */
  @GET("wallets")
  CompletableFuture<Map<String, Object>> listWalletsTagged(@Header("X-Test-Call") String call);

  /** Every wallet, {@code limit} a page: a default method, as the generated pagers are. */
  @SuppressWarnings("unchecked")
  default Pager<Object> listWalletsAll(int limit) {
    return Pager.of(
        null,
        after -> listWalletsAfter(limit, after),
        after -> listWalletsAfterAsync(limit, after),
        page -> (List<Object>) page.get("data"),
        page -> (String) ((Map<String, Object>) page.get("pagination")).get("after"));
  }

  /** One wallet; the emulator answers only for a wallet of the bearer's organization. */
  @GET("wallets/{wallet_id}")
  Map<String, Object> getWallet(@retrofit2.http.Path("wallet_id") String walletId);

  /** An org-scoped call: needs the org access token. */
  @GET("wallets")
  Map<String, Object> listWallets();

  /** An org-scoped call, asynchronously. */
  @GET("wallets")
  CompletableFuture<Map<String, Object>> listWalletsAsync();

  /** An org-scoped call, asynchronously, told apart from others by {@code n}. */
  @GET("wallets")
  CompletableFuture<Map<String, Object>> listWalletsAsync(@retrofit2.http.Query("n") int n);

  /** A create the server deduplicates by {@code request_id}, as generated code marks such operations. */
  @dev.waasj.internal.call.Deduplicated(field = "request_id")
  @POST("transactions/transfer")
  Map<String, Object> createTransfer(@Body Map<String, Object> body);

  /** An operation that declares no response body. */
  @retrofit2.http.DELETE("wallets/w-1")
  Void deleteWallet();

  /** The body of a refresh with {@code refreshToken}. */
  static Map<String, String> refreshBody(String clientId, String refreshToken) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("client_id", clientId);
    body.put("grant_type", "refresh_token");
    body.put("refresh_token", refreshToken);
    return body;
  }
}
