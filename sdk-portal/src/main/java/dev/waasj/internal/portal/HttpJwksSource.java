package dev.waasj.internal.portal;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** Fetches a JWKS over HTTP: a GET, 200 only, at most {@link #MAX_BYTES}, parsed by Nimbus. */
public final class HttpJwksSource implements JwksCache.Source {
  /** A JWKS larger than this is refused: Cobo's holds a few keys of well under a kilobyte each. */
  public static final int MAX_BYTES = 64 * 1024;

  private final OkHttpClient http;
  private final String url;

  /** Fetches {@code url} with {@code http}. */
  public HttpJwksSource(OkHttpClient http, String url) {
    this.http = http;
    this.url = url;
  }

  @Override
  public JWKSet fetch() throws Exception {
    Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IOException("the JWKS endpoint answered HTTP " + response.code());
      }
      ResponseBody body = response.body();
      BufferedSource source = body.source();
      if (source.request(MAX_BYTES + 1L)) {
        throw new IOException("the JWKS is larger than " + MAX_BYTES + " bytes");
      }
      return JWKSet.parse(source.getBuffer().readString(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String toString() {
    return "HttpJwksSource{" + url + '}';
  }
}
