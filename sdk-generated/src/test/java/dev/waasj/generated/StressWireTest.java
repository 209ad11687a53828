package dev.waasj.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waasj.errors.BadRequestException;
import dev.waasj.errors.CoboApiException;
import dev.waasj.errors.NotFoundException;
import dev.waasj.errors.ServerException;
import dev.waasj.stress.api.DefaultApi;
import dev.waasj.stress.model.Event;
import dev.waasj.stress.model.InfoNotice;
import dev.waasj.stress.model.RefundEvent;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.ByteString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stress spec's operations over loopback HTTP: response ranges, polymorphic bodies, binary and multipart. */
class StressWireTest {
  @StartStop final MockWebServer server = new MockWebServer();
  DefaultApi api;

  @BeforeEach
  void setUp() {
    api = TestRetrofit.against(server).create(DefaultApi.class);
  }

  @Test
  void any2xxIsSuccessForA2XXRange() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).body("{\"kind\":\"refund\",\"event_id\":\"e1\"}").build());

    Event stored = api.publishEvent(InfoNotice.builder().level("info").text("hi").build());

    assertThat(stored).isInstanceOf(RefundEvent.class);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getBody().utf8()).isEqualTo("{\"kind\":\"notice\",\"level\":\"info\",\"text\":\"hi\"}");
  }

  @Test
  void the4XXAnd5XXRangesBecomeTheTypedErrors() {
    server.enqueue(
        new MockResponse.Builder().code(422).body("{\"error_code\":3001,\"error_message\":\"bad kind\"}").build());
    server.enqueue(new MockResponse.Builder().code(400).body("{\"error_code\":3002}").build());
    server.enqueue(new MockResponse.Builder().code(503).body("{\"error_code\":1000}").build());
    Event event = new Event.Unknown(Map.of("kind", "x"));

    CoboApiException unprocessable = catchThrowableOfType(CoboApiException.class, () -> api.publishEvent(event));
    CoboApiException badRequest = catchThrowableOfType(CoboApiException.class, () -> api.publishEvent(event));
    CoboApiException unavailable = catchThrowableOfType(CoboApiException.class, () -> api.publishEvent(event));

    assertThat(unprocessable.statusCode()).isEqualTo(422);
    assertThat(unprocessable.errorCode()).isEqualTo(3001);
    assertThat(unprocessable.errorMessage()).isEqualTo("bad kind");
    assertThat(badRequest).isInstanceOf(BadRequestException.class);
    assertThat(unavailable).isInstanceOf(ServerException.class);
    assertThat(unavailable.errorCode()).isEqualTo(1000);
  }

  @Test
  void asyncErrorsCompleteExceptionallyWithTheSameTypes() {
    server.enqueue(new MockResponse.Builder().code(404).body("{\"error_code\":404}").build());

    ExecutionException e =
        catchThrowableOfType(
            ExecutionException.class, () -> api.downloadReportAsync("r-1").get(10, TimeUnit.SECONDS));

    assertThat(e.getCause()).isInstanceOf(NotFoundException.class);
  }

  @Test
  void binaryResponseIsTheRawBody() throws Exception {
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    server.enqueue(
        new MockResponse.Builder()
            .setHeader("Content-Type", "application/octet-stream")
            .body(new okio.Buffer().write(bytes))
            .build());

    try (ResponseBody body = api.downloadReport("r-1")) {
      assertThat(body.bytes()).containsExactly(bytes);
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/v2/reports/r-1");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/octet-stream, application/json");
  }

  @Test
  void binaryRequestIsSentAsGiven() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    ByteString bytes = ByteString.of((byte) 0xca, (byte) 0xfe);

    api.uploadReport("r-2", RequestBody.create(bytes, MediaType.get("application/octet-stream")));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(request.getBody()).isEqualTo(bytes);
  }

  @Test
  void multipartFormSendsTheFilePartAndOptionalFields() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    MultipartBody.Part file =
        MultipartBody.Part.createFormData(
            "file", "report.csv", RequestBody.create("a,b\n1,2\n", MediaType.get("text/csv")));

    api.submitReport(file, RequestBody.create("quarterly", MediaType.get("text/plain")));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(request.getBody().utf8())
        .contains("Content-Disposition: form-data; name=\"file\"; filename=\"report.csv\"")
        .contains("a,b\n1,2\n")
        .contains("Content-Disposition: form-data; name=\"note\"")
        .contains("quarterly");
  }

  @Test
  void aBodyTheSpecMakesOptionalIsStillRequiredBeforeSending() {
    assertThatThrownBy(() -> api.putLedger("L-1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("putLedger")
        .hasMessageContaining("must not be null");
    assertThat(server.getRequestCount()).isZero();
  }
}
