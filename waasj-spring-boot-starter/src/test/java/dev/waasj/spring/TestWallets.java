package dev.waasj.spring;

import java.util.Map;
import retrofit2.http.GET;

/** An org-scoped operation bound by hand, so the tests do not depend on names a spec decides. */
public interface TestWallets {
  @GET("wallets")
  Map<String, Object> listWallets();
}
