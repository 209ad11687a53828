package dev.waasj.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Delivers signed webhook events and callbacks the way Cobo does: a POST of the JSON body, signed like an API
 * response, no redirects followed, answered within the timeout or tried again after a growing wait, up to the
 * attempt limit.
 */
final class Deliverer {
  private final ResponseSigner signer;
  /** Built on the first delivery: an HttpClient starts a selector thread, which most emulators never need. */
  private @Nullable HttpClient http;

  Deliverer(ResponseSigner signer) {
    this.signer = signer;
  }

  Delivery deliver(String kind, URI url, String body, DeliveryOptions options) {
    int max = options.maxAttempts != null ? options.maxAttempts : kind.equals("callback") ? 30 : 10;
    List<DeliveryAttempt> attempts = new ArrayList<>();
    Duration wait = options.backoff;
    Duration waited = Duration.ZERO;
    for (int i = 0; i < max; i++) {
      DeliveryAttempt attempt = post(url, body, options, waited);
      attempts.add(attempt);
      if (answeredRight(kind, attempt)) {
        return new Delivery(kind, body, attempts, true);
      }
      if (i + 1 < max && !sleep(wait)) {
        break;
      }
      waited = wait;
      wait = min(wait.multipliedBy(2), options.maxBackoff);
    }
    return new Delivery(kind, body, attempts, false);
  }

  /** A webhook wants 200 or 201; a callback also exactly {@code ok} or {@code deny}, as plain text. */
  static boolean answeredRight(String kind, DeliveryAttempt attempt) {
    boolean status = attempt.status() == 200 || attempt.status() == 201;
    if (!kind.equals("callback")) {
      return status;
    }
    return status && (attempt.body().equals("ok") || attempt.body().equals("deny"));
  }

  private synchronized HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(2))
              .build();
    }
    return http;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) > 0 ? b : a;
  }

  private DeliveryAttempt post(URI url, String body, DeliveryOptions options, Duration waited) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(options.timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    signer.signatureHeaders(body, options.forgeSignature).forEach(request::header);
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> sent =
        http().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    try {
      // A hard deadline on top of the request's own timeout: the JDK client has been seen to miss its timeout and
      // wait forever on a receiver that stopped mid-answer.
      HttpResponse<String> response = sent.get(options.timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      return new DeliveryAttempt(
          waited,
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body(),
          Duration.ofNanos(System.nanoTime() - start),
          null);
    } catch (TimeoutException e) {
      sent.cancel(true);
      return failed(waited, start, "timed out after " + options.timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return cause instanceof HttpTimeoutException
          ? failed(waited, start, "timed out after " + options.timeout.toMillis() + " ms")
          : failed(waited, start, String.valueOf(cause));
    } catch (InterruptedException e) {
      sent.cancel(true);
      Thread.currentThread().interrupt();
      return failed(waited, start, "interrupted");
    }
  }

  private static DeliveryAttempt failed(Duration waited, long start, String why) {
    return new DeliveryAttempt(waited, -1, null, "", Duration.ofNanos(System.nanoTime() - start), why);
  }

  private static boolean sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
