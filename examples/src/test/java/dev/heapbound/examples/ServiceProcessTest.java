package dev.heapbound.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Child JVMs started from this JVM's class path, which under Surefire is its test class path. */
class ServiceProcessTest {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void awaitPort_returnsPortOfListeningService() throws IOException {
    try (ServiceProcess service =
        ServiceProcess.start("leaking", LeakingReportService.class, "64m", List.of())) {
      int port = service.awaitPort(STARTUP_TIMEOUT);

      assertThat(port).isBetween(1, 65535);
      assertThat(service.isAlive()).isTrue();
    }
  }

  @Test
  void close_endsChildJvm() throws IOException {
    ServiceProcess service =
        ServiceProcess.start("bounded", BoundedReportService.class, "64m", List.of("8MB"));
    service.awaitPort(STARTUP_TIMEOUT);

    service.close();

    assertThat(service.isAlive()).isFalse();
  }

  @Test
  void awaitPort_failsWhenJvmExitsBeforeListening() throws IOException {
    try (ServiceProcess service =
        ServiceProcess.start("leaking", LeakingReportService.class, "1k", List.of())) {
      assertThatThrownBy(() -> service.awaitPort(STARTUP_TIMEOUT))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("leaking exited before it started listening; its output: ")
          .hasMessageContaining("Too small maximum heap");
    }
  }
}
