package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What a store written before {@link TokenStore#organizations} existed gets from the interface's default. */
class TokenStoreDefaultsTest {
  /** A store as an application may have written one: load, save and delete only. */
  private static final class OlderStore implements TokenStore {
    @Override
    public @Nullable OrgToken load(String clientId, String orgId) {
      return null;
    }

    @Override
    public void save(OrgToken token) {}

    @Override
    public void delete(String clientId, String orgId) {}
  }

  @Test
  void anOlderStoreSaysItCannotListAndNamesItself() {
    assertThatThrownBy(() -> new OlderStore().organizations("app"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(OlderStore.class.getName() + " does not list the organizations it holds tokens for");
  }

  @Test
  void aMissingClientIdIsRefusedFirst() {
    assertThatThrownBy(() -> new OlderStore().organizations(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientId must not be null or blank");
  }
}
