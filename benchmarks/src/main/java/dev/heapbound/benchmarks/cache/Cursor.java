package dev.heapbound.benchmarks.cache;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A benchmark thread's position in a {@link KeySequence}, starting at a random index. */
@State(Scope.Thread)
public class Cursor {

  private int index;

  @Setup
  public void setUp() {
    index = ThreadLocalRandom.current().nextInt(KeySequence.LENGTH);
  }

  /** Returns the next index; {@link KeySequence#get} wraps it. */
  int next() {
    return index++;
  }
}
