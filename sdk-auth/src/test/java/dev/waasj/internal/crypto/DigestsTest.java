package dev.waasj.internal.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DigestsTest {
  // From /work/shared/reference/signing-vectors.json, request[0] ("getToken, GET with query").
  private static final String STRING_TO_SIGN =
      "GET|/v2/oauth/token|1795629356741|client_id=pvSwS8iFrfK0oZrB0ugG54XPDOLEv0Ij"
          + "&org_id=e3986401-4aec-480a-973d-e775a4518413&grant_type=org_implicit|";
  private static final String DIGEST = "9663432f98ccbb31c8a9c73da7fc709d7995102708c87d3249bc0566113b9d66";

  @Test
  void doubleSha256MatchesVector() {
    assertThat(JdkEd25519.hex(Digests.doubleSha256(STRING_TO_SIGN.getBytes(UTF_8)))).isEqualTo(DIGEST);
  }

  @Test
  void doubleSha256OfEmptyInputMatchesJdk() {
    assertThat(Digests.doubleSha256(new byte[0])).isEqualTo(JdkEd25519.doubleSha256(new byte[0]));
  }

  @Test
  void repeatedCallsOnOneThreadDoNotShareState() {
    byte[] first = Digests.doubleSha256("a".getBytes(UTF_8));
    Digests.doubleSha256("b".getBytes(UTF_8));
    assertThat(Digests.doubleSha256("a".getBytes(UTF_8))).isEqualTo(first);
  }

  @Test
  void concurrentCallsAllMatchTheJdk() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        byte[] input = ("message " + i).repeat(i % 50 + 1).getBytes(UTF_8);
        results.add(pool.submit(() -> Arrays.equals(
            Digests.doubleSha256(input), JdkEd25519.doubleSha256(input))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
