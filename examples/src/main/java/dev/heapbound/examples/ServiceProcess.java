package dev.heapbound.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;

/**
 * A report service running in a child JVM of its own, started with the running JVM's {@code java}
 * executable and class path.
 *
 * <p>The child runs with {@code -XX:+ExitOnOutOfMemoryError}, so its first {@link OutOfMemoryError}
 * ends it at once with exit code {@value #OUT_OF_MEMORY_EXIT_CODE} and the line {@code Terminating
 * due to java.lang.OutOfMemoryError: ...} on its output, instead of leaving a half-working server
 * behind. Standard output and standard error are merged and read on a daemon thread, which keeps
 * the last {@value #OUTPUT_TAIL_LINES} lines for error reports.
 *
 * <p>{@link #close()} ends the child and waits for it; callers close every instance in a {@code
 * finally} block or a try-with-resources statement.
 */
final class ServiceProcess implements AutoCloseable {

  /** The exit code of a HotSpot JVM that {@code -XX:+ExitOnOutOfMemoryError} ended. */
  static final int OUT_OF_MEMORY_EXIT_CODE = 3;

  private static final int OUTPUT_TAIL_LINES = 40;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final Process process;
  private final Deque<String> outputTail = new ArrayDeque<>();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private volatile boolean outOfMemoryReported;

  private ServiceProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    Thread reader = new Thread(this::readOutput, name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code mainClass} in a child JVM with the maximum heap {@code maxHeap}, a value of
   * {@code -Xmx} such as {@code 192m}.
   */
  static ServiceProcess start(String name, Class<?> mainClass, String maxHeap, List<String> args)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command(mainClass, maxHeap, args));
    builder.redirectErrorStream(true);
    return new ServiceProcess(name, builder.start());
  }

  /** Returns the command line that starts {@code mainClass} in a child JVM. */
  static List<String> command(Class<?> mainClass, String maxHeap, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    return command;
  }

  /** Returns the name that identifies this service in output and errors. */
  String name() {
    return name;
  }

  /**
   * Waits until the service prints the port it listens on.
   *
   * @throws IOException if the child exits first or does not print the port in time
   */
  int awaitPort(Duration timeout) throws IOException {
    try {
      return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException(
          name + " did not start within " + timeout.toSeconds() + " s; its output: " + tail(), e);
    } catch (ExecutionException e) {
      throw new IOException(name + " exited before it started listening; its output: " + tail());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + name + " to start", e);
    }
  }

  /** Waits up to {@code timeout} for the child to exit and returns its exit code if it did. */
  OptionalInt awaitExit(Duration timeout) {
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return OptionalInt.of(process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OptionalInt.empty();
  }

  /** Returns whether the child is still running. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** Returns whether the child printed that it ran out of memory. */
  boolean reportedOutOfMemory() {
    return outOfMemoryReported;
  }

  /** Returns the last lines of the child's output, joined with " | ". */
  String tail() {
    synchronized (outputTail) {
      return String.join(" | ", outputTail);
    }
  }

  /** Ends the child if it is still running and waits for it to exit, forcibly if it must. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      if (awaitExit(STOP_TIMEOUT).isEmpty()) {
        process.destroyForcibly();
        awaitExit(STOP_TIMEOUT);
      }
    }
  }

  /** Ends the child without waiting, for a shutdown hook that runs when the caller cannot. */
  void destroyForcibly() {
    process.destroyForcibly();
  }

  private void readOutput() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        record(line);
      }
    } catch (IOException e) {
      // The stream closes when the child is destroyed; what was read stays in the tail.
      record("(output no longer readable: " + e.getMessage() + ")");
    } finally {
      port.completeExceptionally(new IOException(name + " closed its output"));
    }
  }

  private void record(String line) {
    if (line.contains("OutOfMemoryError")) {
      outOfMemoryReported = true;
    }
    Matcher listening = ReportHttpServer.LISTENING_LINE.matcher(line);
    if (listening.matches()) {
      port.complete(Integer.parseInt(listening.group(1)));
    }
    synchronized (outputTail) {
      if (outputTail.size() == OUTPUT_TAIL_LINES) {
        outputTail.removeFirst();
      }
      outputTail.addLast(line);
    }
  }
}
