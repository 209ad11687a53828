package dev.waasj.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.client.CoboClient;
import dev.waasj.testkit.CoboEmulator;
import dev.waasj.testkit.TestKeyPair;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import retrofit2.http.GET;

/**
 * The same observations, through Micrometer Tracing's OpenTelemetry bridge, are OpenTelemetry spans: named after
 * the operation, tagged like the metrics, children of the application's span where the call started.
 */
class OpenTelemetrySpansTest {
  interface Wallets {
    @GET("wallets")
    Map<String, Object> listWallets();
  }

  @Test
  void aCallIsASpanNamedAfterItsOperationUnderTheCallersSpan() {
    TestKeyPair key = TestKeyPair.generate();
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    OtelTracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {});
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));

    try (CoboEmulator cobo = CoboEmulator.builder().registerApp("app", "org", key.publicKeyHex()).start();
        CoboClient client = CoboClient.builder()
            .baseUrl(cobo.baseUrl()).serverPublicKey(cobo.serverPublicKeyHex()).apiSecret(key.seedHex())
            .clientId("app").orgId("org")
            .listener(MicrometerListener.create(observations, new SimpleMeterRegistry()))
            .build()) {
      Observation checkout = Observation.start("checkout", observations);
      checkout.scoped(() -> {
        client.api(Wallets.class).listWallets();
      });
      checkout.stop();
    }
    List<SpanData> finished = spans.getFinishedSpanItems(); // before close(), which clears the exporter
    provider.close();
    assertThat(finished).extracting(SpanData::getName)
        .contains("checkout", "cobo Wallets.listWallets", "cobo TokenService.getToken");
    SpanData parent = finished.stream().filter(s -> s.getName().equals("checkout")).findFirst().orElseThrow();
    SpanData call = finished.stream().filter(s -> s.getName().equals("cobo Wallets.listWallets")).findFirst()
        .orElseThrow();
    SpanData grant = finished.stream().filter(s -> s.getName().equals("cobo TokenService.getToken")).findFirst()
        .orElseThrow();
    assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanId());
    assertThat(call.getTraceId()).isEqualTo(parent.getTraceId());
    assertThat(grant.getTraceId()).isEqualTo(parent.getTraceId());
    assertThat(call.getAttributes().get(AttributeKey.stringKey("operation"))).isEqualTo("Wallets.listWallets");
    assertThat(call.getAttributes().get(AttributeKey.stringKey("outcome"))).isEqualTo("success");
    assertThat(call.getAttributes().get(AttributeKey.stringKey("status"))).isEqualTo("200");
    assertThat(call.getAttributes().get(AttributeKey.stringKey("cobo.attempts"))).isEqualTo("1");
    assertThat(call.getAttributes().asMap().values()).allSatisfy(v ->
        assertThat(String.valueOf(v)).doesNotContain(key.seedHex()).doesNotContain("127.0.0.1"));
  }
}
