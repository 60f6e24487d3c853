package dev.heapbound.cache;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Captures what heapbound logs while a test runs, for asserts on level and message. */
final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    appender.start();
    logger.addAppender(appender);
  }

  static LogCapture heapbound() {
    return new LogCapture("dev.heapbound");
  }

  List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** Returns the formatted messages logged at {@code level}. */
  List<String> messages(Level level) {
    return events().stream()
        .filter(event -> event.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.toList());
  }

  /** Returns every message and throwable message, for searches for planted markers. */
  String everything() {
    StringBuilder text = new StringBuilder();
    for (ILoggingEvent event : events()) {
      text.append(event.getFormattedMessage()).append('\n');
      for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
        text.append(proxy.getClassName()).append(": ").append(proxy.getMessage()).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
