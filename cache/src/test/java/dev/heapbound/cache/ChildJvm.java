package dev.heapbound.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test classpath in a child JVM with a heap of its own. */
final class ChildJvm {

  /** What a finished child JVM returned. */
  record Result(int exitCode, String output) {
    /** Returns the value of the first output line of the form {@code key=value}. */
    String value(String key) {
      for (String line : output.split("\n")) {
        if (line.startsWith(key + "=")) {
          return line.substring(key.length() + 1).trim();
        }
      }
      throw new AssertionError("child printed no '" + key + "=' line; output:\n" + output);
    }
  }

  private ChildJvm() {}

  /** Runs {@code main} with the given maximum heap and the serial collector. */
  static Result run(String maxHeap, Class<?> main, String... arguments)
      throws IOException, InterruptedException {
    return run(List.of("-Xmx" + maxHeap, "-XX:+UseSerialGC"), main, arguments);
  }

  static Result run(List<String> jvmOptions, Class<?> main, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(arguments));
    // A file rather than a pipe, so that a child that logs a lot cannot block on a full pipe.
    Path output = Files.createTempFile("heapbound-child-", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        throw new AssertionError("child JVM " + main.getName() + " timed out after 120 s");
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }
}
