package dev.heapbound.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ScopeTest {

  private static final String MARKER = "MARKER-7f3e-personal-data";
  private static final List<Object> ESCAPED = new CopyOnWriteArrayList<>();

  private final List<LeakReport> reports = new CopyOnWriteArrayList<>();
  private final LeakDetector detector =
      LeakDetector.builder().samplingInterval(1).listener(reports::add).build();

  @AfterEach
  void clearEscaped() {
    ESCAPED.clear();
  }

  @Test
  void close_releasesInReverseOrder() {
    List<String> released = new ArrayList<>();

    try (Scope scope = detector.open("request")) {
      scope.register(() -> released.add("first"));
      scope.onClose(() -> released.add("second"));
      scope.register(() -> released.add("third"));
    }

    assertThat(released).containsExactly("third", "second", "first");
  }

  @Test
  void close_failureDoesNotStopTheRest() {
    List<String> released = new ArrayList<>();
    Scope scope = detector.open("request");
    scope.register(() -> released.add("first"));
    scope.register(new FailingResource("disk full"));
    scope.register(() -> released.add("third"));
    scope.register(new FailingResource("socket reset"));

    assertThatThrownBy(scope::close)
        .isInstanceOf(ScopeCloseException.class)
        .hasMessage(
            "scope 'request' failed to release 2 of 4 resources"
                + " (dev.heapbound.core.ScopeTest$FailingResource,"
                + " dev.heapbound.core.ScopeTest$FailingResource); the others were released, and"
                + " the first failure is the cause")
        .hasCauseInstanceOf(IOException.class)
        .satisfies(
            thrown -> {
              assertThat(thrown.getCause()).hasMessage("socket reset");
              assertThat(thrown.getSuppressed()).hasSize(1);
              assertThat(thrown.getSuppressed()[0]).hasMessage("disk full");
            });
    assertThat(released).containsExactly("third", "first");
  }

  @Test
  void close_twiceReleasesOnce() {
    List<String> released = new ArrayList<>();
    Scope scope = detector.open("job");
    scope.onClose(() -> released.add("action"));

    scope.close();
    scope.close();

    assertThat(released).containsExactly("action");
    assertThat(scope.isClosed()).isTrue();
  }

  @Test
  void register_afterCloseRejected() {
    Scope scope = detector.open("job");
    scope.close();

    assertThatThrownBy(() -> scope.onClose(() -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scope 'job' is closed; register and track only while the scope is open");
  }

  @Test
  void open_blankNameRejected() {
    assertThatThrownBy(() -> detector.open(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scope name must not be blank: ' '; name the scope after the lifetime it stands for,"
                + " such as 'request'");
  }

  @Test
  void open_recordsCreationSite() {
    try (Scope scope = detector.open("request")) {
      assertThat(scope.creationSite().className()).isEqualTo(ScopeTest.class.getName());
      assertThat(scope.creationSite().methodName()).isEqualTo("open_recordsCreationSite");
      assertThat(scope.creationSite().lineNumber()).isPositive();
    }
  }

  @Test
  void open_samplesCreationSites() {
    LeakDetector sampling = LeakDetector.builder().samplingInterval(3).listener(r -> {}).build();
    List<Boolean> sampled = new ArrayList<>();

    for (int i = 0; i < 6; i++) {
      try (Scope scope = sampling.open("request")) {
        sampled.add(scope.creationSite() != null);
      }
    }

    assertThat(sampled).containsExactly(true, false, false, true, false, false);
  }

  @Test
  void samplingInterval_zeroRejected() {
    assertThatThrownBy(() -> LeakDetector.builder().samplingInterval(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "samplingInterval must be positive: 0; use 1 to record the creation site of every"
                + " scope");
  }

  @Test
  void track_escapeReported() {
    escapeOneValue("request");

    awaitReports(1);

    LeakReport report = reports.get(0);
    assertThat(report.kind()).isEqualTo(LeakReport.Kind.SCOPE_ESCAPE);
    assertThat(report.tag()).isEqualTo("SCOPE_ESCAPE");
    assertThat(report.scopeName()).isEqualTo("request");
    assertThat(report.types()).containsExactly(Secret.class.getName());
    assertThat(report.creationSite().methodName()).isEqualTo("escapeOneValue");
    assertThat(report.estimatedBytes()).isGreaterThanOrEqualTo(1024);
    assertThat(report.fingerprint())
        .isEqualTo(
            LeakReport.fingerprint(
                LeakReport.Kind.SCOPE_ESCAPE, "request", List.of(Secret.class.getName())));
    assertThat(report.describe())
        .startsWith("LEAK SCOPE_ESCAPE fingerprint=" + report.fingerprint() + ": a ")
        .contains("tracked in scope 'request' is still reachable after the scope closed")
        .contains("the scope was opened at " + ScopeTest.class.getName() + ".escapeOneValue(")
        .doesNotContain(MARKER);
  }

  @Test
  void track_repeatedEscapeReportedOnce() {
    escapeOneValue("request");
    escapeOneValue("request");

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              System.gc();
              return detector.finishedEscapeChecks() == 2;
            });

    assertThat(reports).hasSize(1);
  }

  @Test
  void track_collectedValueNotReported() {
    try (Scope scope = detector.open("request")) {
      scope.track(new Secret(MARKER));
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              System.gc();
              return detector.finishedEscapeChecks() == 1;
            });

    assertThat(reports).isEmpty();
  }

  @Test
  void open_missedCloseReported() {
    openAndForget("job");

    awaitReports(1);

    LeakReport report = reports.get(0);
    assertThat(report.kind()).isEqualTo(LeakReport.Kind.SCOPE_NOT_CLOSED);
    assertThat(report.scopeName()).isEqualTo("job");
    assertThat(report.types()).containsExactly(FailingResource.class.getName());
    assertThat(report.creationSite().methodName()).isEqualTo("openAndForget");
    assertThat(report.describe())
        .isEqualTo(
            "LEAK SCOPE_NOT_CLOSED fingerprint="
                + report.fingerprint()
                + ": scope 'job' was garbage-collected without close(), so its resources were"
                + " never released ("
                + FailingResource.class.getName()
                + "); the scope was opened at "
                + report.creationSite()
                + "; close the scope in a try-with-resources block");
  }

  @Test
  void slf4jListener_logsReportAtWarn() {
    Logger logger = (Logger) LoggerFactory.getLogger(LeakListener.LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      LeakDetector logging = LeakDetector.builder().samplingInterval(1).build();
      try (Scope scope = logging.open("request")) {
        ESCAPED.add(scope.track(new Secret(MARKER)));
      }

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                System.gc();
                return !appender.list.isEmpty();
              });

      ILoggingEvent event = appender.list.get(0);
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).startsWith("LEAK SCOPE_ESCAPE fingerprint=");
      assertThat(event.getFormattedMessage()).doesNotContain(MARKER);
    } finally {
      logger.detachAppender(appender);
    }
  }

  private void escapeOneValue(String name) {
    try (Scope scope = detector.open(name)) {
      ESCAPED.add(scope.track(new Secret(MARKER)));
    }
  }

  private void openAndForget(String name) {
    detector.open(name).register(new FailingResource("never closed"));
  }

  private void awaitReports(int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              System.gc();
              return reports.size() >= count;
            });
  }

  /** A value whose text is personal data, which no report may show. */
  private static final class Secret {
    private final String text;
    private final byte[] payload = new byte[1024];

    Secret(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static final class FailingResource implements AutoCloseable {
    private final String message;

    FailingResource(String message) {
      this.message = message;
    }

    @Override
    public void close() throws IOException {
      throw new IOException(message);
    }
  }
}
