package dev.waasj.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Logs each attempt on the wire, after it is signed, with every secret redacted. A network interceptor, so OkHttp's
 * own retries are logged too.
 */
final class LoggingInterceptor implements Interceptor {
  private static final long MAX_LOGGED_BODY = 64 * 1024;

  private final HttpLogLevel level;
  private final Consumer<String> sink;

  LoggingInterceptor(HttpLogLevel level, Consumer<String> sink) {
    this.level = level;
    this.sink = sink;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == HttpLogLevel.NONE) {
      return chain.proceed(request);
    }
    StringBuilder out = new StringBuilder("--> ").append(request.method()).append(' ')
        .append(Redactor.url(request.url()));
    if (level != HttpLogLevel.BASIC) {
      appendHeaders(out, request.headers());
    }
    if (level == HttpLogLevel.BODY) {
      appendBody(out, request.body());
    }
    sink.accept(out.toString());

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      sink.accept("<-- HTTP FAILED: " + e.getClass().getSimpleName());
      throw e;
    }
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    StringBuilder in = new StringBuilder("<-- ").append(response.code()).append(' ')
        .append(Redactor.url(response.request().url())).append(" (").append(tookMs).append("ms)");
    if (level != HttpLogLevel.BASIC) {
      appendHeaders(in, response.headers());
    }
    if (level == HttpLogLevel.BODY) {
      appendBody(in, response);
    }
    sink.accept(in.toString());
    return response;
  }

  private static void appendHeaders(StringBuilder out, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      out.append('\n').append(headers.name(i)).append(": ")
          .append(Redactor.header(headers.name(i), headers.value(i)));
    }
  }

  private static void appendBody(StringBuilder out, @Nullable RequestBody body) throws IOException {
    if (body == null) {
      return;
    }
    long length = body.contentLength();
    if (!isJson(body.contentType()) || body.isOneShot() || length > MAX_LOGGED_BODY) {
      out.append("\n(").append(length).append("-byte body not logged)");
      return;
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    out.append('\n').append(Redactor.json(buffer.readUtf8()));
  }

  private static void appendBody(StringBuilder out, Response response) throws IOException {
    ResponseBody body = response.body();
    if (!isJson(body.contentType()) || response.header("Content-Encoding") != null) {
      out.append("\n(body not logged)");
      return;
    }
    BufferedSource source = body.source();
    source.request(MAX_LOGGED_BODY + 1);
    Buffer buffer = source.getBuffer();
    if (buffer.size() > MAX_LOGGED_BODY) {
      out.append("\n(body over ").append(MAX_LOGGED_BODY).append(" bytes not logged)");
      return;
    }
    out.append('\n').append(Redactor.json(buffer.clone().readUtf8()));
  }

  private static boolean isJson(@Nullable MediaType type) {
    return type != null && type.subtype().toLowerCase(java.util.Locale.ROOT).contains("json");
  }
}
