package dev.waasj.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An app's endpoint on the JDK's HTTP server, for the emulator to deliver to: {@code /events} and {@code /callback}
 * answer through {@link CoboWebhooks} the way a real app would, {@code /raw} answers whatever the test says.
 */
final class TestReceiver implements AutoCloseable {
  /** Answers a raw delivery: status, content type, body. */
  record RawAnswer(int status, String contentType, String body) {}

  /** Decides a raw answer. */
  interface RawEndpoint {
    RawAnswer answer(byte[] body) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private volatile EventHandler onEvent = e -> {};
  private volatile CallbackHandler onCallback = c -> CallbackDecision.DENY;
  private volatile RawEndpoint raw = body -> new RawAnswer(200, "text/plain", "ok");

  TestReceiver(CoboWebhooks webhooks) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/events", exchange -> {
      WebhookReply reply =
          webhooks.handleEvent(read(exchange), exchange.getRequestHeaders()::getFirst, e -> onEvent.handle(e));
      write(exchange, reply.status(), reply.contentType(), reply.body());
    });
    server.createContext("/callback", exchange -> {
      WebhookReply reply =
          webhooks.handleCallback(read(exchange), exchange.getRequestHeaders()::getFirst, c -> onCallback.decide(c));
      write(exchange, reply.status(), reply.contentType(), reply.body());
    });
    server.createContext("/raw", exchange -> {
      RawAnswer answer;
      try {
        answer = raw.answer(read(exchange));
      } catch (Exception e) {
        answer = new RawAnswer(500, "text/plain", e.toString());
      }
      if (answer.status() / 100 == 3) {
        exchange.getResponseHeaders().set("Location", "/events");
      }
      write(exchange, answer.status(), answer.contentType(), answer.body());
    });
    server.start();
  }

  URI events() {
    return url("/events");
  }

  URI callback() {
    return url("/callback");
  }

  URI raw() {
    return url("/raw");
  }

  TestReceiver onEvent(EventHandler handler) {
    this.onEvent = handler;
    return this;
  }

  TestReceiver onCallback(CallbackHandler handler) {
    this.onCallback = handler;
    return this;
  }

  TestReceiver onRaw(RawEndpoint endpoint) {
    this.raw = endpoint;
    return this;
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static byte[] read(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  private static void write(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    try {
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // the emulator gave up on this attempt (its 2-second timeout) and closed the connection
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
