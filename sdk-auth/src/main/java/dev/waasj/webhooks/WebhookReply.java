package dev.waasj.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to answer Cobo: a status, {@code text/plain}, and a short body. Write exactly these three; for a callback
 * the body is exactly {@code ok} or {@code deny}, which is all Cobo reads. Immutable.
 */
public final class WebhookReply {
  private final int status;
  private final String body;
  private final @Nullable Throwable failure;

  WebhookReply(int status, String body) {
    this(status, body, null);
  }

  WebhookReply(int status, String body, @Nullable Throwable failure) {
    this.status = status;
    this.body = body;
    this.failure = failure;
  }

  /** The HTTP status: 200 for a handled event or a decided callback. */
  public int status() {
    return status;
  }

  /** The content type, always {@code text/plain; charset=utf-8}. */
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  /** The body: {@code ok} or {@code deny} for a callback, a short reason otherwise. */
  public String body() {
    return body;
  }

  /** The body as UTF-8 bytes. */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * What the handler threw, when this reply answers a handler's failure: the exception itself, cause chain and
   * all, for the application to log or report. It never reaches Cobo.
   */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
