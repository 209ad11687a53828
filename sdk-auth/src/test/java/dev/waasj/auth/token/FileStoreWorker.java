package dev.waasj.auth.token;

import dev.waasj.client.CoboClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker process of {@link FileTokenStoreProcessesTest}: several threads asking for the org token for a while,
 * its tokens in a directory it shares with the other workers. Prints {@code reads errors lastAccessToken}.
 *
 * <p>It reads tokens rather than making org-scoped calls: processes sharing one API key send millisecond nonces
 * that can coincide, which the emulator rejects as replays; token requests are serialized by the store's lock.
 */
public final class FileStoreWorker {
  private FileStoreWorker() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    String serverKey = args[1];
    String seedHex = args[2];
    Path directory = Path.of(args[3]);
    long millis = Long.parseLong(args[4]);
    int threads = Integer.parseInt(args[5]);
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    try (CoboClient cobo =
        CoboClient.builder()
            .baseUrl(baseUrl)
            .serverPublicKey(serverKey)
            .apiSecret(seedHex)
            .clientId("app")
            .orgId("org")
            .tokenStore(new FileTokenStore(directory))
            .build()) {
      long end = System.nanoTime() + millis * 1_000_000;
      List<Thread> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread thread =
            new Thread(
                () -> {
                  while (System.nanoTime() < end) {
                    try {
                      cobo.tokens().accessToken();
                      calls.incrementAndGet();
                      Thread.sleep(1);
                    } catch (RuntimeException e) {
                      errors.incrementAndGet();
                      System.err.println(e);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
        thread.start();
        running.add(thread);
      }
      for (Thread thread : running) {
        thread.join();
      }
      System.out.println(calls.get() + " " + errors.get() + " " + cobo.tokens().accessToken());
    }
  }
}
