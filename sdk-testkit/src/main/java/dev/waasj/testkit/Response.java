package dev.waasj.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A response the emulator is about to send, before signing. Immutable. */
final class Response {
  private static final String JSON = "application/json";

  final int status;
  final String contentType;
  final String body;
  final boolean signed;
  final Map<String, String> extraHeaders;
  final @Nullable Integer errorCode;
  final @Nullable String oauthError;

  private Response(
      int status,
      String contentType,
      String body,
      boolean signed,
      Map<String, String> extraHeaders,
      @Nullable Integer errorCode,
      @Nullable String oauthError) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.signed = signed;
    this.extraHeaders = Map.copyOf(extraHeaders);
    this.errorCode = errorCode;
    this.oauthError = oauthError;
  }

  /** A signed JSON response. */
  static Response json(int status, String json) {
    return new Response(status, JSON, json, true, Map.of(), null, null);
  }

  /** A signed Cobo error: {@code {"error_code","error_message","error_id"}} with a fresh error_id. */
  static Response coboError(int status, int errorCode, String message) {
    String errorId = UUID.randomUUID().toString().replace("-", "");
    String body = "{\"error_code\":" + errorCode + ",\"error_message\":" + Json.quote(message)
        + ",\"error_id\":" + Json.quote(errorId) + "}";
    return new Response(status, JSON, body, true, Map.of(), errorCode, null);
  }

  /** A signed OAuth error with HTTP 400: {@code {"error","error_description"}}. */
  static Response oauthError(OAuthError error) {
    String body = "{\"error\":" + Json.quote(error.error()) + ",\"error_description\":"
        + Json.quote(error.description()) + "}";
    return new Response(400, JSON, body, true, Map.of(), null, error.error());
  }

  /**
   * A signed 401 refusing the org access token, in RFC 6750's terms: {@code {"error":"invalid_token",...}} and
   * {@code WWW-Authenticate: Bearer error="invalid_token"}. No {@code error_code}: Cobo's 2022-2024 are about the
   * request's signature and API key, which were fine.
   */
  static Response invalidBearer(String description) {
    String body = "{\"error\":\"invalid_token\",\"error_description\":" + Json.quote(description) + "}";
    return new Response(401, JSON, body, true, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), null,
        "invalid_token");
  }

  /** An unsigned HTML error page such as nginx serves. */
  static Response htmlPage(int status) {
    String title = status + " " + reasonPhrase(status);
    String body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    return new Response(status, "text/html", body, false, Map.of(), null, null);
  }

  Response unsigned() {
    return new Response(status, contentType, body, false, extraHeaders, errorCode, oauthError);
  }

  Response withHeader(String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put(name, value);
    return new Response(status, contentType, body, signed, headers, errorCode, oauthError);
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Not Allowed";
      case 413 -> "Request Entity Too Large";
      case 414 -> "Request-URI Too Large";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Temporarily Unavailable";
      case 504 -> "Gateway Time-out";
      default -> status < 500 ? "Client Error" : "Server Error";
    };
  }
}
