package dev.waasj.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The example runs offline as the README says: start, call, receive, report, exit 0; bad configuration exits 2. */
@ExtendWith(OutputCaptureExtension.class)
class ExampleApplicationTest {
  @Test
  void offlineItCallsReceivesReportsAndExitsZero(CapturedOutput output) {
    int status = ExampleApplication.run(Map.of());

    assertThat(status).isZero();
    assertThat(output.getOut())
        .contains("waasj spring example: embedded emulator at http://127.0.0.1:")
        .contains("answered 200 and 200, handled 1 time(s)")
        .contains("callback  answered ok")
        .contains("\"status\":\"UP\"")
        .contains("OK");
  }

  /**
   * Spring's spring-jcl is the Commons Logging API here; a commons-logging jar beside it (the emulator's spec parser
   * brought one) makes the first run print "Standard Commons Logging discovery in action with spring-jcl: please
   * remove commons-logging.jar from classpath", twice.
   */
  @Test
  void commonsLoggingComesFromSpringJclAloneSoTheFirstRunPrintsNoWarning() {
    assertThat(ClassLoader.getSystemResource("org/apache/commons/logging/impl/LogFactoryImpl.class"))
        .as("a class only commons-logging.jar has").isNull();
    assertThat(org.apache.commons.logging.LogFactory.class.getProtectionDomain().getCodeSource().getLocation())
        .asString().contains("spring-jcl");
  }

  @Test
  void aBadConfigurationExitsTwoNamingTheProperty(CapturedOutput output) {
    int status = ExampleApplication.run(Map.of("COBO_ENV", "dev"), "--cobo.environment=dev", "--server.port=0");

    assertThat(status).isEqualTo(2);
    assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("cobo.api-secret");
  }
}
