package dev.waasj.spring;

import dev.waasj.webhooks.HeaderLookup;
import dev.waasj.webhooks.WebhookReply;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * One endpoint Cobo POSTs to: reads the raw body (never a parsed and re-serialized one, which would no longer
 * verify), hands it to the receiver, and writes back exactly its reply: status, {@code text/plain}, body. A plain
 * servlet, so no message converter, filter of Spring MVC or content negotiation can alter either side.
 */
final class WebhookServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Reads one delivery into a reply; CoboWebhooks' handleEvent or handleCallback with the application's bean. */
  @FunctionalInterface
  interface Receiver {
    WebhookReply receive(byte[] body, HeaderLookup headers);
  }

  /** CoboWebhooks refuses bodies over 4 MiB; a byte more is enough to let it say so. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024 + 1;

  private final transient Receiver receiver;

  WebhookServlet(Receiver receiver) {
    this.receiver = receiver;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES);
    }
    WebhookReply reply = receiver.receive(body, request::getHeader);
    byte[] bytes = reply.bodyBytes();
    response.setStatus(reply.status());
    response.setContentType(reply.contentType());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
