package dev.waasj.auth.verification;

import dev.waasj.errors.ResponseSignatureException;
import dev.waasj.internal.call.FailureCarrier;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Rejects every response that {@link ResponseVerifier} cannot prove came from Cobo.
 *
 * <p>Install it as an <em>application</em> interceptor, so it sees the final response with its body already
 * decompressed (Cobo signs the plain body):
 *
 * <pre>{@code
 * OkHttpClient client = new OkHttpClient.Builder()
 *     .addInterceptor(new ResponseVerificationInterceptor(ResponseVerifier.create(coboPublicKeyHex)))
 *     .addNetworkInterceptor(signingInterceptor)
 *     .build();
 * }</pre>
 *
 * <p>It reads the whole body (up to a limit, 16 MiB by default), verifies it and hands on a response whose body is
 * the buffered bytes. On failure it closes the response and throws a {@link FailureCarrier} wrapping a {@link
 * ResponseSignatureException}, so the body never reaches the caller. Bodies over the limit are rejected as {@link
 * ResponseSignatureException.Reason#MALFORMED}: they cannot be verified without holding them in memory.
 *
 * <p>Reads {@code BIZ_TIMESTAMP}/{@code BIZ_RESP_SIGNATURE} and, if absent, {@code BIZ-TIMESTAMP}/{@code
 * BIZ-RESP-SIGNATURE}; header names are case-insensitive.
 */
public final class ResponseVerificationInterceptor implements Interceptor {
  /** The default largest response body accepted, in bytes: 16 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final ResponseVerifier verifier;
  private final long maxBodyBytes;

  /** Verifies with {@code verifier}, accepting bodies up to {@link #DEFAULT_MAX_BODY_BYTES}. */
  public ResponseVerificationInterceptor(ResponseVerifier verifier) {
    this(verifier, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * Verifies with {@code verifier}, accepting bodies up to {@code maxBodyBytes}.
   *
   * @throws IllegalArgumentException if {@code maxBodyBytes} is negative
   */
  public ResponseVerificationInterceptor(ResponseVerifier verifier, long maxBodyBytes) {
    if (maxBodyBytes < 0 || maxBodyBytes == Long.MAX_VALUE) {
      throw new IllegalArgumentException("maxBodyBytes must be between 0 and Long.MAX_VALUE - 1");
    }
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    int code = response.code();
    String timestamp = header(response, "BIZ_TIMESTAMP", "BIZ-TIMESTAMP");
    String signature = header(response, "BIZ_RESP_SIGNATURE", "BIZ-RESP-SIGNATURE");
    if (timestamp == null && signature == null && ResponseVerifier.isUnsignedProxyStatus(code)) {
      return response; // nothing to verify: no need to buffer a proxy's error page
    }

    ResponseBody body = response.body();
    byte[] bytes;
    try (body) {
      bytes = readBounded(body, code);
      verifier.verify(code, bytes, timestamp, signature);
    } catch (ResponseSignatureException e) {
      response.close();
      throw new FailureCarrier(e);
    }
    return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
  }

  private byte[] readBounded(ResponseBody body, int code) throws IOException {
    if (body.contentLength() > maxBodyBytes) {
      throw tooLarge(code);
    }
    BufferedSource source = body.source();
    // request(n) buffers at most n bytes and reports whether that many exist: one byte over the limit is enough.
    if (source.request(maxBodyBytes + 1)) {
      throw tooLarge(code);
    }
    return source.readByteArray();
  }

  private ResponseSignatureException tooLarge(int code) {
    return new ResponseSignatureException(
        ResponseSignatureException.Reason.MALFORMED,
        code,
        "Response body exceeds " + maxBodyBytes + " bytes, too large to verify (HTTP " + code + ")");
  }

  private static @Nullable String header(Response response, String name, String alternative) {
    String value = response.header(name);
    return value != null ? value : response.header(alternative);
  }
}
