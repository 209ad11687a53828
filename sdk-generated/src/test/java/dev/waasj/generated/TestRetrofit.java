package dev.waasj.generated;

import dev.waasj.internal.call.CoboCallAdapterFactory;
import dev.waasj.internal.json.JsonSupport;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/** Builds a Retrofit wired exactly as the SDK wires it (minus signing), pointed at a loopback server's /v2/. */
public final class TestRetrofit {
  private TestRetrofit() {}

  /** A Retrofit for {@code server}, with the SDK's converter and call adapter. */
  public static Retrofit against(MockWebServer server) {
    return new Retrofit.Builder()
        .baseUrl(server.url("/v2/"))
        .client(new OkHttpClient())
        .addConverterFactory(MoshiConverterFactory.create(JsonSupport.moshi()))
        .addCallAdapterFactory(CoboCallAdapterFactory.create(JsonSupport.moshi()))
        .build();
  }
}
