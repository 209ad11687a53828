package dev.waasj.auth.signing;

import dev.waasj.errors.RequestSigningException;
import dev.waasj.internal.call.FailureCarrier;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Signs every request with Cobo's {@code BIZ-API-KEY}, {@code BIZ-API-NONCE} and {@code BIZ-API-SIGNATURE}
 * headers.
 *
 * <p>Install it as a <em>network</em> interceptor:
 *
 * <pre>{@code
 * OkHttpClient client = new OkHttpClient.Builder()
 *     .addNetworkInterceptor(new SigningInterceptor(Ed25519RequestSigner.fromHexSecret(secret)))
 *     .build();
 * }</pre>
 *
 * <p>As a network interceptor it runs once per attempt on the wire, so OkHttp's silent retries after a connection
 * failure and its redirect follow-ups each get a fresh nonce and signature, and it signs the body bytes exactly as
 * sent (after any compressing application interceptor).
 *
 * <p>Per attempt it:
 *
 * <ul>
 *   <li>rewrites the query into form encoding ({@code A-Z a-z 0-9 - _ . ~} literal, space as {@code +}, all else
 *       {@code %XX}), keeping parameter order, and signs those same bytes;
 *   <li>buffers the body and sends the buffered bytes it signed (duplex bodies are refused);
 *   <li>replaces any caller-set {@code BIZ-API-*} headers with fresh ones.
 * </ul>
 *
 * <p>It refuses to sign a request whose scheme, host or port differ from the call's original request, e.g. a
 * redirect to another host: a fresh, unused signature must not be handed to a third party, which could replay it
 * against Cobo. Every refusal, and a failing signer, reaches the caller as a {@link RequestSigningException} (carried
 * through OkHttp by a {@link FailureCarrier}) and is never retried.
 *
 * <p>Thread-safe. Interceptors for one API key must share one nonce sequence ({@link NonceSource#forApiKey}, as
 * the one-argument constructor does): Cobo refuses a nonce the key has used before.
 */
public final class SigningInterceptor implements Interceptor {
  /** Header carrying {@link RequestSigner#apiKey()}. */
  public static final String API_KEY_HEADER = "BIZ-API-KEY";
  /** Header carrying the nonce. */
  public static final String NONCE_HEADER = "BIZ-API-NONCE";
  /** Header carrying the signature, 128 lower-case hex characters. */
  public static final String SIGNATURE_HEADER = "BIZ-API-SIGNATURE";

  private static final byte[] NO_BODY = new byte[0];

  private final RequestSigner signer;
  private final NonceSource nonces;

  /**
   * Signs with {@code signer}, taking nonces on the system clock from {@link NonceSource#forApiKey the sequence of
   * its API key}, which every other client in this JVM signing for that key shares.
   */
  public SigningInterceptor(RequestSigner signer) {
    this(signer, NonceSource.forApiKey(Objects.requireNonNull(signer, "signer").apiKey()));
  }

  /** Signs with {@code signer}, taking nonces from {@code nonces}. */
  public SigningInterceptor(RequestSigner signer, NonceSource nonces) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.nonces = Objects.requireNonNull(nonces, "nonces");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    checkSameOrigin(chain.call().request().url(), url);
    Request.Builder signed = request.newBuilder();

    String params = "";
    String encodedQuery = url.encodedQuery();
    if (encodedQuery != null) {
      params = FormQuery.canonicalize(encodedQuery);
      if (!params.equals(encodedQuery)) {
        url = url.newBuilder().encodedQuery(params.isEmpty() ? null : params).build();
        // HttpUrl must not re-encode what we sign; if it ever did, the server would reject every such request.
        if (!params.equals(Objects.requireNonNullElse(url.encodedQuery(), ""))) {
          throw refused(
              "The query cannot be sent exactly as it would be signed, so the request was not sent; report this"
                  + " with the parameter names (not values) to the SDK's maintainers");
        }
        signed.url(url);
      }
    }

    byte[] body = NO_BODY;
    RequestBody requestBody = request.body();
    if (requestBody != null) {
      if (requestBody.isDuplex()) {
        throw refused("A duplex request body cannot be signed, so the request was not sent: send a plain body");
      }
      Buffer buffer = new Buffer();
      requestBody.writeTo(buffer);
      body = buffer.readByteArray();
      // Send exactly the bytes that were signed, even if the original body would write different ones next time.
      signed.method(request.method(), RequestBody.create(body, requestBody.contentType()));
      if (request.header("Content-Length") != null) {
        signed.header("Content-Length", Integer.toString(body.length));
      }
    }

    Headers headers = request.headers();
    for (int i = 0, size = headers.size(); i < size; i++) {
      String name = headers.name(i);
      if (name.regionMatches(true, 0, "BIZ-API-", 0, 8) || name.regionMatches(true, 0, "BIZ_API_", 0, 8)) {
        signed.removeHeader(name);
      }
    }

    String nonce = Long.toString(nonces.next());
    String signature;
    try {
      signature = RequestSignatures.sign(signer, request.method(), url.encodedPath(), nonce, params, body);
    } catch (RuntimeException e) {
      // An IOException keeps a failing (e.g. remote HSM) signer from killing OkHttp's dispatcher thread.
      throw new FailureCarrier(
          new RequestSigningException(
              "The RequestSigner failed (" + e.getClass().getName() + "), so the request was not sent", e));
    }
    signed
        .header(API_KEY_HEADER, signer.apiKey())
        .header(NONCE_HEADER, nonce)
        .header(SIGNATURE_HEADER, signature);
    return chain.proceed(signed.build());
  }

  private static void checkSameOrigin(HttpUrl original, HttpUrl current) throws IOException {
    if (original.port() != current.port()
        || !original.host().equals(current.host())
        || !original.scheme().equals(current.scheme())) {
      throw refused(
          "The server redirected the call from " + origin(original) + " to " + origin(current) + "; a signature"
              + " is never handed to another origin, so the request was not sent there. If that is the API's real"
              + " address, configure it as the client's base URL");
    }
  }

  private static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /** Interceptors may only throw IOException; the carrier brings the typed refusal to the caller, unretried. */
  private static FailureCarrier refused(String message) {
    return new FailureCarrier(new RequestSigningException(message, null));
  }

  @Override
  public String toString() {
    return "SigningInterceptor{apiKey=" + signer.apiKey() + "}";
  }
}
