package dev.heapbound.testsupport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails any test of this module during which a log line contains {@link #MARKER}, the prefix that
 * tests give to keys and values standing in for patient data. Registered for every test through the
 * JUnit extension service file, so no test can opt out.
 *
 * <p>Events from every thread count, and each goes to the innermost test that is running, so a test
 * that runs other tests through the engine test kit is not blamed for what they log.
 */
public final class MarkerAudit implements BeforeEachCallback, AfterEachCallback {

  /** The prefix of every planted key or value that must never be logged. */
  public static final String MARKER = "PATIENT-";

  private static final Deque<List<ILoggingEvent>> RUNNING = new ArrayDeque<>();
  private static boolean attached;

  @Override
  public void beforeEach(ExtensionContext context) {
    synchronized (RUNNING) {
      if (!attached) {
        Recorder recorder = new Recorder();
        recorder.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(recorder);
        attached = true;
      }
      RUNNING.push(new ArrayList<>());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<ILoggingEvent> events;
    synchronized (RUNNING) {
      events = RUNNING.pop();
    }
    for (ILoggingEvent event : events) {
      String text = event.getFormattedMessage() + throwableText(event.getThrowableProxy());
      if (text.contains(MARKER)) {
        throw new AssertionError(
            "a log line of " + event.getLoggerName() + " contains a planted key or value: " + text);
      }
    }
  }

  private static String throwableText(IThrowableProxy proxy) {
    StringBuilder text = new StringBuilder();
    for (int depth = 0; proxy != null && depth < 16; depth++, proxy = proxy.getCause()) {
      text.append(' ').append(proxy.getClassName()).append(": ").append(proxy.getMessage());
    }
    return text.toString();
  }

  /** Hands each event to the innermost running test. */
  private static final class Recorder extends AppenderBase<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
      synchronized (RUNNING) {
        List<ILoggingEvent> innermost = RUNNING.peek();
        if (innermost != null) {
          innermost.add(event);
        }
      }
    }
  }
}
