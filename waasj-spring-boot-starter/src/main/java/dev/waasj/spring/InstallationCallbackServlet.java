package dev.waasj.spring;

import dev.waasj.portal.InstallationAnswer;
import dev.waasj.portal.InstallationCallbackHandler;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code cobo.portal.callback-path}: Cobo's installation callback, a GET, answered as the handler decides. */
final class InstallationCallbackServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient InstallationCallbackHandler handler;

  InstallationCallbackServlet(InstallationCallbackHandler handler) {
    this.handler = handler;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    InstallationAnswer answer = handler.handleQuery(request.getQueryString());
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
