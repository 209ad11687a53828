package dev.waasj.spring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a request whose controller wanted a Portal user and got none: the refusal, as the filter sends it. */
@RestControllerAdvice
class PortalExceptionHandler {
  @ExceptionHandler(PortalAuthentication.Refused.class)
  void refused(PortalAuthentication.Refused refused, HttpServletResponse response) throws IOException {
    refused.refusal.send(response);
  }
}
