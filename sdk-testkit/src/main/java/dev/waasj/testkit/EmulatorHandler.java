package dev.waasj.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Serves every request: takes the next queued fault, authenticates, dispatches to the endpoints, signs, records.
 * Holds no per-request state, so one instance serves all handler threads.
 */
final class EmulatorHandler implements HttpHandler {
  private static final String MALFORMED_JSON_BODY = "{\"data\":[{\"id\":\"truncated";

  private final Clock clock;
  private final FaultQueue faults;
  private final RequestAuthenticator authenticator;
  private final Endpoints endpoints;
  private final ResponseSigner signer;
  private static final System.Logger LOG = System.getLogger(CoboEmulator.class.getName());

  private final Queue<RecordedExchange> recorded = new ConcurrentLinkedQueue<>();
  private final AtomicInteger recordedCount = new AtomicInteger();
  private final int maxRecorded;
  /** For the emulator's own tests: thrown inside the endpoint, as a bug there would be. */
  volatile @Nullable RuntimeException endpointFailure;

  EmulatorHandler(
      Clock clock,
      FaultQueue faults,
      RequestAuthenticator authenticator,
      Endpoints endpoints,
      ResponseSigner signer,
      int maxRecorded) {
    this.clock = clock;
    this.faults = faults;
    this.authenticator = authenticator;
    this.endpoints = endpoints;
    this.signer = signer;
    this.maxRecorded = maxRecorded;
  }

  @org.jspecify.annotations.Nullable SpecEndpoints specEndpoints() {
    return endpoints.specEndpoints();
  }

  List<RecordedExchange> recorded() {
    return List.copyOf(recorded);
  }

  void clearRecorded() {
    recorded.clear();
    recordedCount.set(0);
  }

  /** Keeps the newest {@code maxRecorded}: a long-running emulator does not grow. */
  private void record(RecordedExchange exchange) {
    recorded.add(exchange);
    if (recordedCount.incrementAndGet() > maxRecorded && recorded.poll() != null) {
      recordedCount.decrementAndGet();
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    // close() before any response header was sent closes the connection without a response: that is the drop.
    try {
      serve(exchange);
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    Instant receivedAt = clock.instant();
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Headers requestHeaders = exchange.getRequestHeaders();
    @Nullable Fault fault = faults.take(method, path);

    if (fault != null && fault.kind() == Fault.Kind.LATENCY && !sleep(fault)) {
      return; // interrupted: the emulator is closing
    }
    Verdict verdict;
    @Nullable Response response; // null only for a dropped connection
    if (fault != null && fault.standsIn()) {
      verdict = Verdict.NOT_VERIFIED;
      response = standIn(fault);
    } else {
      verdict = authenticator.authenticate(method, path, query, body, requestHeaders);
      response =
          verdict.isAccepted()
              ? serveSafely(method, path, query, body, requestHeaders)
              : Response.coboError(401, verdict.errorCode().orElseThrow(), verdict.description());
    }
    // Recorded before the response goes out, so a client that has its answer always finds the record.
    record(
        new RecordedExchange(
            receivedAt,
            method,
            path,
            query,
            requestHeaders,
            body,
            verdict,
            fault,
            response == null ? -1 : response.status,
            response == null ? null : response.errorCode,
            response == null ? null : response.oauthError));
    if (response != null && (fault == null || fault.kind() != Fault.Kind.DROP_RESPONSE)) {
      send(exchange, response, fault);
    }
  }

  /**
   * The endpoint's answer; an exception inside it (an emulator bug, a spec it cannot serve) is a signed 500 that
   * says so, and a log line, never a dropped connection that a client would take for a network fault and resend.
   */
  private Response serveSafely(String method, String path, String query, String body, Headers headers) {
    try {
      RuntimeException failure = endpointFailure;
      if (failure != null) {
        throw failure;
      }
      return endpoints.serve(
          method,
          path,
          query,
          body,
          Objects.requireNonNull(headers.getFirst(RequestAuthenticator.API_KEY)),
          headers.getFirst("Authorization"),
          headers.getFirst("Content-Type"));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "The emulator failed serving " + method + " " + path, e);
      return Response.coboError(
          500, 1000, "the emulator failed serving " + method + " " + path + ": " + e.getClass().getName());
    }
  }

  /** The response a stand-in fault gives instead of the API; null for a dropped connection. */
  private static @Nullable Response standIn(Fault fault) {
    return switch (fault.kind()) {
      case RATE_LIMITED -> Response.coboError(429, 2010, "too many requests")
          .unsigned()
          .withHeader("Retry-After", Long.toString(fault.retryAfterSeconds()));
      case SERVER_ERROR -> Response.coboError(fault.status(), 1000, "internal server error (injected fault)");
      case HTML_ERROR_PAGE -> Response.htmlPage(fault.status());
      case MALFORMED_JSON -> Response.json(200, MALFORMED_JSON_BODY);
      case DROP_CONNECTION -> null;
      case LATENCY, UNSIGNED, WRONG_KEY_SIGNATURE, TAMPERED_BODY, DROP_RESPONSE ->
          throw new IllegalArgumentException("not a stand-in fault: " + fault);
    };
  }

  private void send(HttpExchange exchange, Response response, @Nullable Fault fault) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", response.contentType);
    response.extraHeaders.forEach(headers::set);
    Fault.Kind kind = fault == null ? null : fault.kind();
    String body = response.body;
    if (response.signed && kind != Fault.Kind.UNSIGNED) {
      signer.sign(headers, body, kind == Fault.Kind.WRONG_KEY_SIGNATURE);
      if (kind == Fault.Kind.TAMPERED_BODY) {
        body = body + " ";
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean noBody = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status, noBody ? -1 : bytes.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static boolean sleep(Fault fault) {
    try {
      Thread.sleep(fault.delay().toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
