package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store keeps tokens across restarts, privately, and never leaves a torn file behind. */
class FileTokenStoreTest {
  @TempDir Path dir;

  static OrgToken token(String access, String refresh) {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    return OrgToken.builder()
        .clientId("app")
        .orgId("org")
        .accessToken(access)
        .refreshToken(refresh)
        .obtainedAt(now)
        .expiresAt(now.plusSeconds(43199))
        .build();
  }

  @Test
  void aNewStoreOnTheSameDirectoryReadsWhatTheOldOneWrote() {
    Path tokens = dir.resolve("tokens");
    new FileTokenStore(tokens).save(token("AT-1", "RT-1"));

    OrgToken loaded = new FileTokenStore(tokens).load("app", "org");

    assertThat(loaded).isEqualTo(token("AT-1", "RT-1"));
    assertThat(loaded.refreshExpiresAt()).isEqualTo(Instant.parse("2026-12-25T10:00:00Z"));
  }

  @Test
  void fileAndDirectoryAreReadableByTheOwnerOnly() throws Exception {
    Path tokens = dir.resolve("tokens");
    FileTokenStore store = new FileTokenStore(tokens);
    store.save(token("AT-1", "RT-1"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileFor("app", "org"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rwx------");
  }

  @Test
  void replacingKeepsOneFileWithTheNewestToken() throws Exception {
    FileTokenStore store = new FileTokenStore(dir);
    store.save(token("AT-1", "RT-1"));
    store.save(token("AT-2", "RT-2"));

    assertThat(store.load("app", "org").refreshToken()).isEqualTo("RT-2");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void aWriteInterruptedBeforeTheRenameLeavesThePreviousTokenIntact() throws Exception {
    FileTokenStore store = new FileTokenStore(dir);
    store.save(token("AT-1", "RT-1"));
    // What a crash mid-save leaves behind: a partly written temporary file next to the real one.
    Files.writeString(dir.resolve(".org-token-123.tmp"), "{\"client_id\":\"app\",\"access_tok", StandardCharsets.UTF_8);

    assertThat(new FileTokenStore(dir).load("app", "org")).isEqualTo(token("AT-1", "RT-1"));
  }

  @Test
  void aCorruptFileIsIgnoredWithoutEchoingItsContent() throws Exception {
    FileTokenStore store = new FileTokenStore(dir);
    Files.writeString(store.fileFor("app", "org"), "{\"access_token\":\"AT-secret\"", StandardCharsets.UTF_8);

    assertThat(store.load("app", "org")).isNull();
  }

  @Test
  void tokensOfAnotherAppOrOrgAreNotConfused() {
    FileTokenStore store = new FileTokenStore(dir);
    store.save(token("AT-1", "RT-1"));

    assertThat(store.load("app", "other-org")).isNull();
    assertThat(store.fileFor("app", "org")).isNotEqualTo(store.fileFor("app", "other-org"));
  }
}
