package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.auth.verification.ResponseVerificationInterceptor;
import dev.waasj.generated.CoboApis;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * {@code cobo.apis()} over whatever spec was generated: its class name is fixed, its accessors are the spec's tags,
 * and each hands out the client's own wired implementation. Written against the facade's shape only, so it holds
 * for every spec.
 */
class ApisFacadeTest {
  static final String SECRET = "16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64";

  static List<Method> accessors() {
    List<Method> accessors = new ArrayList<>();
    for (Method m : CoboApis.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType().isInterface()) {
        accessors.add(m);
      }
    }
    return accessors;
  }

  @Test
  void everyTagHasAnAccessorThatReturnsTheClientsCachedImplementation() throws Exception {
    try (CoboClient client =
        CoboClient.builder().environment(CoboEnvironment.DEV).apiSecret(SECRET).clientId("a").orgId("o").build()) {
      CoboApis apis = client.apis();
      assertThat(client.apis()).isSameAs(apis);
      assertThat(accessors()).isNotEmpty();
      for (Method accessor : accessors()) {
        Object api = accessor.invoke(apis);
        assertThat(Proxy.isProxyClass(api.getClass())).as(accessor.getName()).isTrue();
        assertThat(api).as(accessor.getName()).isInstanceOf(accessor.getReturnType());
        assertThat(accessor.invoke(apis)).isSameAs(api);
        assertThat(client.api(accessor.getReturnType())).isSameAs(api);
      }
    }
  }

  @Test
  void everyAccessorReturnsAGeneratedApiWithSyncAndAsyncMethods() {
    for (Method accessor : accessors()) {
      Class<?> api = accessor.getReturnType();
      assertThat(api.getPackageName()).isEqualTo("dev.waasj.generated.api");
      long async = java.util.Arrays.stream(api.getMethods()).filter(m -> m.getName().endsWith("Async")).count();
      assertThat(async).as(api.getSimpleName()).isPositive();
    }
  }

  @Test
  void newBuilderSharesPoolAndThreadsAndTheOriginalOwnsThem() {
    CoboClient original = CoboClient.builder().environment(CoboEnvironment.DEV).apiSecret(SECRET).build();
    CoboClient derived = original.newBuilder().userAgent("batch-job/1").clientId("a").orgId("o").build();
    OkHttpClient a = original.httpClient();
    OkHttpClient b = derived.httpClient();

    assertThat(b.connectionPool()).isSameAs(a.connectionPool());
    assertThat(b.dispatcher()).isSameAs(a.dispatcher());
    assertThat(derived.apiKey()).isEqualTo(original.apiKey());
    assertThat(derived.baseUrl()).isEqualTo(original.baseUrl());
    // One set of the SDK's interceptors each: the derived client does not stack its own on the original's.
    assertThat(b.networkInterceptors()).hasSameSizeAs(a.networkInterceptors());
    assertThat(b.interceptors()).hasSize(a.interceptors().size() + 1); // + the org token

    derived.close();
    assertThat(a.dispatcher().executorService().isShutdown()).isFalse();
    original.close();
    assertThat(a.dispatcher().executorService().isShutdown()).isTrue();
  }

  @Test
  void theOrgClientAndTheTokenEndpointShareOneConnectionPool() {
    try (CoboClient client =
        CoboClient.builder().environment(CoboEnvironment.DEV).apiSecret(SECRET).clientId("a").orgId("o").build()) {
      OkHttpClient http = client.httpClient();
      assertThat(http.interceptors().get(0).getClass().getSimpleName()).isEqualTo("BearerTokenInterceptor");
      assertThat(http.interceptors().stream().filter(i -> i instanceof ResponseVerificationInterceptor)).hasSize(1);
    }
  }
}
