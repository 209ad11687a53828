package dev.waasj.store.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/** A real Redis server (the binary the embedded-redis artifact carries) on a free loopback port, for one test class. */
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

  @Override
  public void close() {
    stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
