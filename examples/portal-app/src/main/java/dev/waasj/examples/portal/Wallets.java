package dev.waasj.examples.portal;

import java.util.Map;
import retrofit2.http.GET;
import retrofit2.http.Path;

/** Two wallet operations bound by hand, so the example reads the same against any spec's names. */
public interface Wallets {
  /** The organization's wallets. */
  @GET("wallets")
  Map<String, Object> listWallets();

  /** One wallet of the organization. */
  @GET("wallets/{wallet_id}")
  Map<String, Object> getWallet(@Path("wallet_id") String walletId);
}
