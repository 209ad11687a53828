package dev.waasj.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/** A real Redis server (the binary the embedded-redis artifact carries) on a free loopback port. */
final class EmbeddedRedis implements AutoCloseable {
  final int port;
  private final RedisServer server;

  EmbeddedRedis() {
    try {
      port = freePort();
      server = new RedisServer(port);
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RedisClient client() {
    return RedisClient.create("127.0.0.1", port);
  }

  void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the stopped server again on the same port. */
  void restart() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * One server and client for a test class, as a JUnit extension: {@code @RegisterExtension static final
   * EmbeddedRedis.PerClass REDIS = new EmbeddedRedis.PerClass();} starts them before the class's first test and
   * stops them after its last.
   */
  static final class PerClass implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedRedis server;
    private RedisClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
      server = new EmbeddedRedis();
      client = server.client();
    }

    @Override
    public void afterAll(ExtensionContext context) {
      client.close();
      server.stop();
    }

    /** The client of this class's server. */
    RedisClient client() {
      return client;
    }
  }
}
