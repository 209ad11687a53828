package dev.waasj.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waasj.testing.TestApi;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** {@code User-Agent} names the version the build produced, not one written into the code. */
class UserAgentTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void userAgentCarriesTheBuildsVersionAfterTheCallersProduct() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    try (CoboClient client =
        CoboClient.builder()
            .baseUrl(server.url("/v2").toString())
            .apiSecret("16d559d2d7b063d7dd182c823e860d1c6fc1ff282da1358f68b1b1efe6049b64")
            .disableResponseVerification()
            .userAgent("treasury-bot/2.1")
            .build()) {
      client.api(TestApi.class).listWallets();
    }
    String expected = System.getProperty("waasj.expected.version");

    assertThat(expected).isNotBlank();
    assertThat(server.takeRequest().getHeaders().get("User-Agent"))
        .isEqualTo("treasury-bot/2.1 waasj/" + expected + " (Java " + Runtime.version().feature() + ")");
  }
}
