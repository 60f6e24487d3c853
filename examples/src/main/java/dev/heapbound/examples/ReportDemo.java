package dev.heapbound.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The main demo: the leaking and the bounded report service side by side, under the same heap and
 * the same requests.
 *
 * <p>Each service runs in a child JVM of its own with the same {@code -Xmx}. The demo sends both
 * the requests {@code /report?id=1}, {@code id=2}, ... over loopback, one to each service in turn,
 * and samples {@code /stats}, which reports the heap used after a full GC, at the start, every
 * {@code --sample-every} requests and at the end. With each sample it also fetches the service's
 * {@code /heap-report}, as {@link ServiceDriver} describes, and keeps the latest full report of
 * each service, which for the leaking service is one taken shortly before it ran out of memory.
 *
 * <p>It prints a side-by-side table, then both heap reports under the heading {@value
 * DemoDiagnosis#HEADING}. It writes the samples to {@code series.csv}, a chart to {@code heap.svg}
 * and the reports to {@code heap-report-leaking.txt} and {@code heap-report-bounded.txt} in the
 * output directory. It exits with 0 only if the leaking service ran out of memory and the bounded
 * one served every request within its budget. Otherwise it prints one line saying why and exits
 * with 1; invalid options exit with 2. A missing heap report is explained under the heading but
 * does not change the exit code.
 *
 * <p>Both child JVMs are destroyed when the run ends, whether it succeeded or failed, and by a
 * shutdown hook if the demo's own JVM is stopped first.
 */
public final class ReportDemo {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private ReportDemo() {}

  /** Runs the demo with the options that {@link DemoOptions#USAGE} lists. */
  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.println(DemoOptions.USAGE);
      return;
    }
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(runAndReport(options, System.out));
  }

  /**
   * Runs the demo, prints the table and the paths of the files it wrote, and returns the exit code:
   * 0 if the leak reproduced and the fix held, 1 otherwise.
   */
  static int runAndReport(DemoOptions options, PrintStream out) {
    try {
      return report(run(options, out), out);
    } catch (IOException e) {
      out.println("demo failed: " + e.getMessage());
      return 1;
    }
  }

  /**
   * Prints the table of a finished run, writes its files, and returns the exit code: 0 if the leak
   * reproduced and the fix held, 1 otherwise, with the reason on the last line.
   *
   * @throws IOException if a file cannot be written
   */
  static int report(DemoResult result, PrintStream out) throws IOException {
    List<Path> files =
        new ArrayList<>(SeriesFiles.write(result, result.options().outputDirectory()));
    files.addAll(DemoDiagnosis.write(result, result.options().outputDirectory()));
    out.println();
    out.print(DemoTable.format(result));
    out.println();
    out.print(DemoDiagnosis.format(result));
    for (Path file : files) {
      out.println("wrote " + file.toAbsolutePath());
    }
    if (result.failureReason().isPresent()) {
      out.println("demo failed: " + result.failureReason().get());
      return 1;
    }
    out.printf(
        Locale.ROOT,
        "leak reproduced, fix held, in %.1f s%n",
        result.elapsed().toMillis() / 1000.0);
    return 0;
  }

  /**
   * Starts both services, sends them the requests, samples their figures and destroys them.
   *
   * @throws IOException if a service's JVM cannot be started or does not start listening
   */
  public static DemoResult run(DemoOptions options, PrintStream out) throws IOException {
    long started = System.nanoTime();
    List<ServiceProcess> processes = new CopyOnWriteArrayList<>();
    Thread destroyer =
        new Thread(() -> processes.forEach(ServiceProcess::destroyForcibly), "demo-cleanup");
    Runtime.getRuntime().addShutdownHook(destroyer);
    try {
      ServiceProcess leaking =
          ServiceProcess.start("leaking", LeakingReportService.class, options.maxHeap(), List.of());
      processes.add(leaking);
      ServiceProcess bounded =
          ServiceProcess.start(
              "bounded",
              BoundedReportService.class,
              options.maxHeap(),
              List.of(String.valueOf(options.budget().toBytes())));
      processes.add(bounded);
      out.println(
          "starting both services with -Xmx"
              + options.maxHeap()
              + "; the bounded cache's budget is "
              + options.budget());

      ReportClient client = new ReportClient(options.requestTimeout());
      ServiceDriver leakingDriver =
          new ServiceDriver(
              leaking, leaking.awaitPort(STARTUP_TIMEOUT), client, options.idPrefix());
      ServiceDriver boundedDriver =
          new ServiceDriver(
              bounded, bounded.awaitPort(STARTUP_TIMEOUT), client, options.idPrefix());
      sendRequests(options, out, started, leakingDriver, boundedDriver);
      return new DemoResult(
          options,
          leakingDriver.finish(),
          boundedDriver.finish(),
          Duration.ofNanos(System.nanoTime() - started));
    } finally {
      for (ServiceProcess process : processes) {
        process.close();
      }
      removeShutdownHook(destroyer);
    }
  }

  /**
   * Sends request 1, 2, ... to both services in turn and samples both every {@code sampleEvery}
   * requests. A progress line appears about ten times per run, and at once when a service stops.
   */
  private static void sendRequests(
      DemoOptions options,
      PrintStream out,
      long started,
      ServiceDriver leaking,
      ServiceDriver bounded) {
    long deadline = started + options.deadline().toNanos();
    int progressEvery =
        options.sampleEvery() * Math.max(1, options.requests() / (10 * options.sampleEvery()));
    sampleBoth(leaking, bounded, false);
    printProgress(out, 0, leaking, bounded);
    for (int request = 1; request <= options.requests(); request++) {
      if (System.nanoTime() - deadline > 0) {
        out.println("the deadline of " + options.deadline().toSeconds() + " s passed");
        leaking.stopAtDeadline();
        bounded.stopAtDeadline();
        return;
      }
      int running = runningCount(leaking, bounded);
      leaking.sendReportRequest(request);
      bounded.sendReportRequest(request);
      boolean last = request == options.requests();
      boolean sampled = request % options.sampleEvery() == 0 || last;
      if (sampled) {
        sampleBoth(leaking, bounded, last);
      }
      if (runningCount(leaking, bounded) < running
          || (sampled && request % progressEvery == 0)
          || request == options.requests()) {
        printProgress(out, request, leaking, bounded);
      }
    }
  }

  private static void sampleBoth(ServiceDriver leaking, ServiceDriver bounded, boolean last) {
    leaking.sample(last);
    bounded.sample(last);
  }

  private static int runningCount(ServiceDriver leaking, ServiceDriver bounded) {
    return (leaking.isRunning() ? 1 : 0) + (bounded.isRunning() ? 1 : 0);
  }

  private static void printProgress(
      PrintStream out, int request, ServiceDriver leaking, ServiceDriver bounded) {
    out.printf(
        "request %5d | leaking: %s | bounded: %s%n",
        request, DemoTable.progress(leaking), DemoTable.progress(bounded));
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down, and the hook runs anyway.
    }
  }
}
