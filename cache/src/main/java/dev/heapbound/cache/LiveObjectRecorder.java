package dev.heapbound.cache;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opt-in recorder of live objects, built on the JDK Flight Recorder's old-object sampling (the
 * {@code jdk.OldObjectSample} event). It samples allocations as the program runs, keeps the samples
 * whose objects stay alive, and on {@link #snapshot()} returns where they were allocated and the
 * chain of references from a GC root that keeps each one alive.
 *
 * <pre>{@code
 * LiveObjectRecorder recorder = LiveObjectRecorder.start();
 * HeapReporter reporter = HeapReporter.builder().liveObjects(recorder).build();
 * }</pre>
 *
 * <p>The recording runs in-process and needs no command-line flag. Sampling costs little, because
 * only a few hundred allocations are kept at a time (JFR's default queue of 256 samples), so the
 * recorder can run in production. A snapshot is expensive: it runs a full GC first, because the
 * sample holds objects that died since the last collection until a GC removes them, and it then
 * searches the heap for paths to GC roots, for at most the cutoff.
 *
 * <p>Where the JDK cannot provide this (no {@code jdk.jfr} module, Flight Recorder disabled or not
 * permitted), {@link #start()} still returns a recorder, and each snapshot gives the reason in one
 * line.
 *
 * <p><b>Note:</b> the sample is statistical. An object allocated before the recorder started, or
 * one of many small objects, may not be in it.
 */
public final class LiveObjectRecorder implements AutoCloseable {

  /** How long a snapshot searches for paths to GC roots, by default. */
  public static final Duration DEFAULT_CUTOFF = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(LiveObjectRecorder.class);

  private final JfrOldObjects recording;
  private final String unavailableReason;

  private LiveObjectRecorder(JfrOldObjects recording, String unavailableReason) {
    this.recording = recording;
    this.unavailableReason = unavailableReason;
  }

  /** Starts sampling, with a cutoff of {@link #DEFAULT_CUTOFF} for the paths to GC roots. */
  public static LiveObjectRecorder start() {
    return start(DEFAULT_CUTOFF);
  }

  /**
   * Starts sampling, with the given cutoff for the search for paths to GC roots.
   *
   * @throws IllegalArgumentException if the cutoff is zero or negative
   */
  public static LiveObjectRecorder start(Duration cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    if (cutoff.isZero() || cutoff.isNegative()) {
      throw new IllegalArgumentException(
          "cutoff must be positive: " + cutoff + "; give the search for GC roots some time");
    }
    if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
      return unavailable("the jdk.jfr module is not in this runtime image");
    }
    try {
      return new LiveObjectRecorder(JfrOldObjects.start(cutoff), null);
    } catch (LinkageError e) {
      return unavailable("the JDK Flight Recorder classes are missing (" + e + ")");
    } catch (RuntimeException e) {
      return unavailable("the JDK Flight Recorder could not start (" + e.getMessage() + ")");
    }
  }

  private static LiveObjectRecorder unavailable(String reason) {
    log.info("live-objects view not available: {}", reason);
    return new LiveObjectRecorder(null, reason);
  }

  /** Returns whether the recorder is sampling. */
  public boolean isAvailable() {
    return recording != null && !recording.isClosed();
  }

  /**
   * Runs a full GC and returns the live sampled objects grouped by allocation site and reference
   * chain. When the view is not available, the result gives the reason.
   */
  public LiveObjects snapshot() {
    if (recording == null) {
      return LiveObjects.unavailable(unavailableReason);
    }
    if (recording.isClosed()) {
      return LiveObjects.unavailable("the live-object recorder was closed");
    }
    try {
      return recording.snapshot();
    } catch (RuntimeException | java.io.IOException e) {
      log.warn("live-objects snapshot failed; the heap report goes on without it", e);
      return LiveObjects.unavailable("the snapshot failed (" + e + ")");
    }
  }

  /** Stops sampling. Later snapshots report that the recorder was closed. */
  @Override
  public void close() {
    if (recording != null) {
      recording.close();
    }
  }

  @Override
  public String toString() {
    return "LiveObjectRecorder{"
        + (recording == null ? "unavailable: " + unavailableReason : recording)
        + "}";
  }
}
