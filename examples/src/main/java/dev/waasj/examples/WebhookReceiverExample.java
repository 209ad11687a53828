package dev.waasj.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.waasj.webhooks.CallbackDecision;
import dev.waasj.webhooks.CoboWebhooks;
import dev.waasj.webhooks.VerifiedMessage;
import dev.waasj.webhooks.WebhookReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook and callback receiver on the JDK's own HTTP server: no framework. Webhook events are POSTed to any path,
 * approval callbacks to {@code /callback}. Each is verified against Cobo's key before anything reads it, each event
 * is handled once however often it is delivered, and each callback is answered exactly {@code ok} or {@code deny}.
 *
 * <p>Run: {@code java -cp "examples/target/lib/*:examples/target/waasj-examples.jar"
 * dev.waasj.examples.WebhookReceiverExample [PORT]} with {@code COBO_SERVER_PUBLIC_KEY} (hex, e.g. the emulator's)
 * or {@code COBO_ENV} ({@code dev}, {@code prod}) set. Port 0, the default, takes any free port. It prints its URL
 * first, then one line per event it handles: the {@code event_id} and the {@code type}. Callbacks are denied unless
 * {@code APPROVE_CALLBACKS=true}; decisions go to standard error.
 */
public final class WebhookReceiverExample implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;

  private WebhookReceiverExample(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Starts a receiver on loopback.
   *
   * @param port the port, 0 for any free one
   * @param webhooks verifies, deduplicates and answers
   * @param approveCallbacks whether callbacks are approved; denied otherwise
   * @param out where the handled events' lines go
   * @param err where the callbacks' decisions go
   */
  public static WebhookReceiverExample start(
      int port, CoboWebhooks webhooks, boolean approveCallbacks, PrintStream out, PrintStream err) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, 405, "POST only");
        return;
      }
      byte[] body = read(exchange);
      // The raw bytes and the headers as they came: the signature covers those exact bytes.
      WebhookReply reply = exchange.getRequestURI().getPath().equals("/callback")
          ? webhooks.handleCallback(body, exchange.getRequestHeaders()::getFirst, callback -> {
            CallbackDecision decision = approveCallbacks ? CallbackDecision.APPROVE : CallbackDecision.DENY;
            // callback.as(Transaction.class) reads the whole transaction into the generated model
            err.println("callback " + callback.member("transaction_id") + " " + decision.reply());
            return decision;
          })
          : webhooks.handleEvent(body, exchange.getRequestHeaders()::getFirst, event -> handle(event, out));
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      answer(exchange, reply.status(), reply.body());
    });
    server.start();
    return new WebhookReceiverExample(server, threads);
  }

  /**
   * What the app does with an event: here, one line. {@code event.as(WebhookEvent.class)} reads it into the generated
   * model, with {@code data} on its {@code oneOf} shape (e.g. {@code TransactionWebhookEventData}) and unknown event
   * types kept.
   */
  static void handle(VerifiedMessage event, PrintStream out) {
    out.println(event.eventId() + " " + event.type());
    out.flush();
  }

  /** Where events go; callbacks go to {@code url().resolve("/callback")}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** Starts the receiver on the port given as the only argument (0 or none: any free port) and runs until killed. */
  public static void main(String[] args) throws IOException {
    int port;
    CoboWebhooks webhooks;
    try {
      if (args.length > 1) {
        throw new IllegalArgumentException("usage: WebhookReceiverExample [PORT]");
      }
      port = args.length == 0 ? 0 : Integer.parseInt(args[0]);
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("PORT must be 0 to 65535");
      }
      webhooks = CoboWebhooks.builder().environmentVariables(System.getenv()).build();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Map<String, String> env = System.getenv();
    WebhookReceiverExample receiver =
        start(port, webhooks, "true".equalsIgnoreCase(env.get("APPROVE_CALLBACKS")), System.out, System.err);
    System.out.println(receiver.url());
    System.out.flush();
  }

  private static byte[] read(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readNBytes(4 * 1024 * 1024 + 1); // one byte more than CoboWebhooks accepts, so it can refuse
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } finally {
      exchange.close();
    }
  }
}
