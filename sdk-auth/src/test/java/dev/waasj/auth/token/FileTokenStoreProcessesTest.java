package dev.waasj.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.RecordedExchange;
import dev.waasj.testkit.TestKeyPair;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVM processes sharing one {@link FileTokenStore} directory coordinate through its file lock: one grant
 * for all of them, every refresh token spent once (the emulator revokes the whole token family when one is spent
 * twice), and each process ends with a token the server still accepts.
 */
class FileTokenStoreProcessesTest {
  static final TestKeyPair APP = TestKeyPair.generate();
  static final int PROCESSES = 3;

  @TempDir Path directory;

  @Test
  void processesSharingADirectoryMakeOneGrantAndSpendEachRefreshTokenOnce() throws Exception {
    try (CoboEmulator cobo =
        CoboEmulator.builder()
            .registerApp("app", "org", APP.publicKeyHex())
            .accessTokenLifetime(Duration.ofSeconds(3)) // refreshed every 1.5 s: half the lifetime
            .revokeFamilyOnRefreshReuse(true)
            .start()) {
      List<Process> workers = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        workers.add(
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    FileStoreWorker.class.getName(),
                    cobo.baseUrl(),
                    cobo.serverPublicKeyHex(),
                    APP.seedHex(),
                    directory.toString(),
                    "5000",
                    "2")
                .redirectError(new File(directory.toFile(), "worker-" + i + ".err"))
                .start());
      }
      List<String> finalTokens = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        Process worker = workers.get(i);
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = Files.readString(directory.resolve("worker-" + i + ".err"));
        assertThat(worker.exitValue()).as(err).isZero();
        String[] fields = out.split(" ");
        assertThat(Long.parseLong(fields[0])).as("calls").isPositive();
        assertThat(Long.parseLong(fields[1])).as("errors: " + err).isZero();
        finalTokens.add(fields[2]);
      }

      for (String token : finalTokens) {
        assertThat(cobo.isAccessTokenValid(token)).isTrue();
      }
      List<RecordedExchange> tokenCalls =
          cobo.requests().stream().filter(r -> r.path().endsWith("/oauth/token")).toList();
      assertThat(tokenCalls).filteredOn(r -> r.method().equals("GET")).hasSize(1);
      assertThat(tokenCalls).filteredOn(r -> r.method().equals("POST")).isNotEmpty();
      assertThat(tokenCalls).allSatisfy(r -> assertThat(r.status()).hasValue(200)); // no invalid_grant, ever
    }
  }
}
