package dev.waasj.internal.auth;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Reads Cobo's {@code error_code} from an error response without consuming its body, for interceptors that decide
 * by code (rate limits, the expired-token 500).
 *
 * <p>Not API: {@code dev.waasj.internal} packages may change in any release.
 */
public final class ErrorCodes {
  /** {@code "error_code": N} or {@code "error_code": "N"}; error bodies are small, flat objects. */
  private static final Pattern ERROR_CODE = Pattern.compile("\"error_code\"\\s*:\\s*\"?(\\d{1,9})");

  private static final long PEEKED_BYTES = 4096;

  private ErrorCodes() {}

  /**
   * Whether {@code code} says the request's own authentication failed: 2022 (signature headers missing), 2023
   * (signature validation failed, a stale or replayed nonce included) or 2024 (API key authentication failed: a key
   * unknown or inactive in this environment, or used from an address outside its allow-list). No org token fixes
   * these.
   */
  public static boolean isRequestAuthentication(int code) {
    return code == 2022 || code == 2023 || code == 2024;
  }

  /** The response's {@code error_code}, or null when it has none (or is no error). */
  public static @Nullable Integer peek(Response response) {
    if (response.code() < 400) {
      return null;
    }
    try {
      Matcher m = ERROR_CODE.matcher(response.peekBody(PEEKED_BYTES).string());
      return m.find() ? Integer.valueOf(m.group(1)) : null;
    } catch (IOException | RuntimeException e) {
      return null; // an unreadable body has no code
    }
  }
}
