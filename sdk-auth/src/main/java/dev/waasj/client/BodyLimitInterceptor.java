package dev.waasj.client;

import dev.waasj.errors.MalformedResponseException;
import dev.waasj.internal.call.FailureCarrier;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Bounds the bodies nothing else bounds: with response verification on, signed bodies are already buffered up to
 * the limit; with it off, this interceptor stops a body at the limit while it is read, so no answer can exhaust
 * memory either way.
 */
final class BodyLimitInterceptor implements Interceptor {
  private final long maxBytes;

  BodyLimitInterceptor(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    if (body.contentLength() > maxBytes) {
      response.close();
      throw tooLarge();
    }
    ForwardingSource bounded =
        new ForwardingSource(body.source()) {
          private long read;

          @Override
          public long read(Buffer sink, long byteCount) throws IOException {
            long n = super.read(sink, byteCount);
            if (n > 0 && (read += n) > maxBytes) {
              throw tooLarge();
            }
            return n;
          }
        };
    return response.newBuilder()
        .body(ResponseBody.create(Okio.buffer(bounded), body.contentType(), body.contentLength()))
        .build();
  }

  private FailureCarrier tooLarge() {
    return new FailureCarrier(
        new MalformedResponseException("Response body exceeds the limit of " + maxBytes + " bytes", null));
  }
}
