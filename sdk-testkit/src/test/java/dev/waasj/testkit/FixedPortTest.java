package dev.waasj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A chosen port, for running the emulator as a standalone server other processes can find. */
class FixedPortTest {
  @Test
  void bindsTheRequestedPort() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    try (CoboEmulator emulator = CoboEmulator.builder().port(free).start()) {
      assertThat(emulator.port()).isEqualTo(free);
      assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + free + "/v2");
    }
  }

  @Test
  void rejectsImpossiblePorts() {
    assertThatThrownBy(() -> CoboEmulator.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
  }
}
