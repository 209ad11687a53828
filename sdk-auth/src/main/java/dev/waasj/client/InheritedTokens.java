package dev.waasj.client;

import dev.waasj.auth.token.OrgTokenManager;
import dev.waasj.auth.token.OrgTokenManagers;
import dev.waasj.auth.token.TokenStore;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The token managers a builder from {@link CoboClient#newBuilder()} reuses while it still describes the same app,
 * key, endpoint and store (and, for a single manager the application supplied, the same organization), so deriving a
 * client never causes a second grant. A derived client of an app may name any of its organizations.
 */
record InheritedTokens(
    Organizations organizations,
    String apiKey,
    HttpUrl baseUrl,
    @Nullable TokenStore store,
    Duration refreshMargin) {
  /** The organizations the derived client gets, or null if they do not fit it. */
  @Nullable Organizations fitting(
      @Nullable String clientId,
      @Nullable String orgId,
      @Nullable TokenStore store,
      Duration refreshMargin,
      String apiKey,
      HttpUrl baseUrl) {
    boolean sameEndpoint =
        this.apiKey.equals(apiKey)
            && this.baseUrl.equals(baseUrl)
            && this.store == store
            && this.refreshMargin.equals(refreshMargin);
    if (!sameEndpoint) {
      return null;
    }
    OrgTokenManager single = organizations.single();
    if (single != null) {
      return single.clientId().equals(clientId) && single.orgId().equals(orgId) ? organizations : null;
    }
    OrgTokenManagers registry = organizations.registry();
    return registry != null && registry.clientId().equals(clientId) ? Organizations.of(registry, orgId) : null;
  }
}
