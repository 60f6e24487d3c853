package dev.heapbound.examples;

import dev.heapbound.core.DataSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of a {@link ReportDemo} run.
 *
 * @param maxHeap the maximum heap of each service's JVM, as the value of {@code -Xmx}
 * @param requests the number of {@code /report} requests sent to each service, one per id
 * @param budget the byte budget of the bounded service's cache
 * @param sampleEvery the number of requests between two {@code /stats} samples
 * @param outputDirectory the directory that receives the CSV series, the SVG chart and the heap
 *     reports
 * @param requestTimeout the time limit of each request, body included
 * @param deadline the time after which the demo stops sending requests and fails
 * @param idPrefix the text before the number in every report id, empty for ids {@code 1}, {@code
 *     2}, ...
 */
public record DemoOptions(
    String maxHeap,
    int requests,
    DataSize budget,
    int sampleEvery,
    Path outputDirectory,
    Duration requestTimeout,
    Duration deadline,
    String idPrefix) {

  /** The help text of the command line. */
  public static final String USAGE =
      String.join(
          "\n",
          "usage: ReportDemo [options]",
          "  --heap SIZE             maximum heap of each service's JVM, as for -Xmx (default 192m)",
          "  --requests N            report requests sent to each service (default 1000)",
          "  --budget SIZE           byte budget of the bounded cache, such as 24MB (default 24MB)",
          "  --sample-every N        report requests between two heap samples (default 20)",
          "  --out DIR               directory for the files the demo writes (default target/demo)",
          "  --timeout SECONDS       time limit of each request (default 10)",
          "  --deadline SECONDS      time after which the demo stops and fails (default 110)",
          "  --id-prefix TEXT        text before the number in every report id, such as R-"
              + " (default none)");

  private static final Pattern HEAP =
      Pattern.compile("(\\d{1,9})([kmg])", Pattern.CASE_INSENSITIVE);
  private static final int MAX_REQUESTS = 100_000;

  /** Leaves room for the request number within the 64 characters that a service accepts. */
  private static final Pattern ID_PREFIX = Pattern.compile("[A-Za-z0-9-]{0,40}");

  /** Returns the settings of the full demo. */
  public static DemoOptions defaults() {
    return new DemoOptions(
        "192m",
        1000,
        DataSize.ofMegabytes(24),
        20,
        Path.of("target", "demo"),
        Duration.ofSeconds(10),
        Duration.ofSeconds(110),
        "");
  }

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException naming the option, the value and the range, if a setting is
   *     out of range or the budget is not below the heap
   */
  public DemoOptions {
    long heapBytes = heapBytes(maxHeap);
    maxHeap = maxHeap.toLowerCase(Locale.ROOT);
    requireRange("--requests", requests, 1, MAX_REQUESTS);
    requireRange("--sample-every", sampleEvery, 1, MAX_REQUESTS);
    if (budget.toBytes() <= 0 || budget.toBytes() >= heapBytes) {
      throw new IllegalArgumentException(
          "invalid value for --budget: "
              + budget
              + "; it must be above 0 and below --heap "
              + maxHeap
              + ", or the bounded service cannot hold it");
    }
    requirePositive("--timeout", requestTimeout);
    requirePositive("--deadline", deadline);
    if (idPrefix == null || !ID_PREFIX.matcher(idPrefix).matches()) {
      throw new IllegalArgumentException(
          "invalid value for --id-prefix: '"
              + idPrefix
              + "'; use at most 40 letters, digits or '-', such as R-");
    }
  }

  /**
   * Parses command-line options such as {@code --heap 64m --requests 200}, in {@code --name value}
   * or {@code --name=value} form, over {@link #defaults()}.
   *
   * @throws IllegalArgumentException naming the option and the value, if an option is unknown,
   *     lacks a value or has an invalid one
   */
  public static DemoOptions parse(String... args) {
    DemoOptions defaults = defaults();
    String maxHeap = defaults.maxHeap;
    int requests = defaults.requests;
    DataSize budget = defaults.budget;
    int sampleEvery = defaults.sampleEvery;
    Path outputDirectory = defaults.outputDirectory;
    Duration requestTimeout = defaults.requestTimeout;
    Duration deadline = defaults.deadline;
    String idPrefix = defaults.idPrefix;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value;
      int equals = name.indexOf('=');
      if (equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("missing value for option " + name + "\n" + USAGE);
      }
      switch (name) {
        case "--heap" -> maxHeap = value;
        case "--requests" -> requests = integer(name, value);
        case "--budget" -> budget = dataSize(value);
        case "--sample-every" -> sampleEvery = integer(name, value);
        case "--out" -> outputDirectory = Path.of(value);
        case "--timeout" -> requestTimeout = Duration.ofSeconds(integer(name, value));
        case "--deadline" -> deadline = Duration.ofSeconds(integer(name, value));
        case "--id-prefix" -> idPrefix = value;
        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
      }
    }
    return new DemoOptions(
        maxHeap,
        requests,
        budget,
        sampleEvery,
        outputDirectory,
        requestTimeout,
        deadline,
        idPrefix);
  }

  /** Returns the maximum heap of each service's JVM in bytes. */
  public long maxHeapBytes() {
    return heapBytes(maxHeap);
  }

  private static long heapBytes(String maxHeap) {
    Matcher matcher = HEAP.matcher(maxHeap == null ? "" : maxHeap);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "invalid value for --heap: '"
              + maxHeap
              + "'; write a whole number and k, m or g, as for -Xmx, such as 192m");
    }
    long amount = Long.parseLong(matcher.group(1));
    int shift =
        switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
          case "k" -> 10;
          case "m" -> 20;
          default -> 30;
        };
    return amount << shift;
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid value for " + name + ": '" + value + "'; expected a whole number", e);
    }
  }

  private static DataSize dataSize(String value) {
    try {
      return DataSize.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid value for --budget: '" + value + "'; write a size such as 24MB", e);
    }
  }

  private static void requireRange(String name, int value, int minimum, int maximum) {
    if (value < minimum || value > maximum) {
      throw new IllegalArgumentException(
          "invalid value for "
              + name
              + ": "
              + value
              + "; expected a whole number from "
              + minimum
              + " to "
              + maximum);
    }
  }

  private static void requirePositive(String name, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(
          "invalid value for "
              + name
              + ": "
              + duration.toSeconds()
              + "; expected at least 1 second");
    }
  }
}
