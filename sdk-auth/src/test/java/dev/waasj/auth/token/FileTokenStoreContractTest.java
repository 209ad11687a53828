package dev.waasj.auth.token;

import dev.waasj.fixtures.TokenStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store keeps the contract every store keeps; what is particular to files (permissions, torn writes,
 * separate processes) is in {@link FileTokenStoreTest} and {@link FileTokenStoreProcessesTest}.
 */
class FileTokenStoreContractTest extends TokenStoreContract {
  @TempDir Path dir;

  @Override
  protected TokenStore newEmptyStore() {
    return new FileTokenStore(dir.resolve("tokens"));
  }
}
