package dev.waasj.auth.token;

import dev.waasj.fixtures.TokenStoreContract;

/** The in-memory store keeps the contract every store keeps (threads and clients of one process share it). */
class InMemoryTokenStoreTest extends TokenStoreContract {
  @Override
  protected TokenStore newEmptyStore() {
    return new InMemoryTokenStore();
  }
}
