package dev.heapbound.cache;

import dev.heapbound.core.Measurement;
import dev.heapbound.core.SizeEstimator;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;

/**
 * Measures the bytes a map, collection or cache keeps alive, walking every entry of a small one and
 * a sample of the entries of a large one.
 *
 * <p>For a large structure the figure is the shallow size of the structure, plus the mean bytes of
 * the sampled entries (key, value and the entry object itself) times the number of entries, plus
 * one reference per entry for the structure's table or array. It is marked as an estimate. Entries
 * are sampled at an even stride through one iteration, which calls no method of keys or values.
 */
final class StructureSizer {

  private final SizeEstimator estimator;
  private final int sampleThreshold;
  private final int sampleSize;
  private final long referenceBytes;

  StructureSizer(SizeEstimator estimator, int sampleThreshold, int sampleSize) {
    this.estimator = estimator;
    this.sampleThreshold = sampleThreshold;
    this.sampleSize = sampleSize;
    this.referenceBytes =
        (estimator.shallowSize(new Object[64]) - estimator.shallowSize(new Object[0])) / 64;
  }

  /** Measures a plain map or collection. */
  Measurement measureStructure(Object structure, int size) {
    if (size <= sampleThreshold) {
      return estimator.measure(structure);
    }
    try {
      long shallow = estimator.shallowSize(structure);
      long perEntry = sampleMean(structure, size, true);
      return new Measurement(shallow + size * (perEntry + referenceBytes), size, true);
    } catch (ConcurrentModificationException e) {
      // Another thread changed a non-concurrent structure during the iteration: walk it instead.
      Measurement walked = estimator.measure(structure);
      return new Measurement(walked.bytes(), walked.objects(), true);
    }
  }

  /** Measures the keys and values of a cache's map view, each entry on its own. */
  Measurement measureEntries(Map<?, ?> entries, long size) {
    if (size <= sampleThreshold) {
      long bytes = 0;
      long objects = 0;
      boolean estimate = false;
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        Measurement measured = estimator.measure(entry.getKey(), entry.getValue());
        bytes += measured.bytes();
        objects += measured.objects();
        estimate |= measured.estimate();
      }
      return new Measurement(bytes, objects, estimate);
    }
    long perEntry = sampleMean(entries, size, false);
    return new Measurement(size * perEntry, size, true);
  }

  /** Returns the mean bytes of evenly spaced entries or elements. */
  private long sampleMean(Object structure, long size, boolean countEntryObject) {
    long stride = Math.max(1, size / sampleSize);
    Iterator<?> iterator =
        structure instanceof Map
            ? ((Map<?, ?>) structure).entrySet().iterator()
            : ((Collection<?>) structure).iterator();
    long bytes = 0;
    long sampled = 0;
    for (long index = 0; iterator.hasNext(); index++) {
      Object next = iterator.next();
      if (index % stride != 0) {
        continue;
      }
      if (next instanceof Map.Entry && structure instanceof Map) {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) next;
        bytes += estimator.measure(entry.getKey(), entry.getValue()).bytes();
        if (countEntryObject) {
          bytes += estimator.shallowSize(entry);
        }
      } else if (next != null) {
        bytes += estimator.deepSize(next);
      }
      sampled++;
    }
    return sampled == 0 ? 0 : bytes / sampled;
  }
}
