package dev.heapbound.benchmarks.size;

import dev.heapbound.core.SizeEstimator;
import java.util.function.ToLongFunction;
import org.ehcache.sizeof.SizeOf;
import org.github.jamm.MemoryMeter;
import org.openjdk.jol.info.GraphLayout;

/**
 * The deep-size estimators under comparison, each configured to count what JOL counts: enum
 * constants and other shared objects included.
 */
public enum SizeTool {
  /** heapbound's estimator with {@code countEverything()}, which counts enum constants as JOL. */
  HEAPBOUND("heapbound (countEverything)") {
    @Override
    public ToLongFunction<Object> create() {
      return SizeEstimator.builder().countEverything().build()::deepSize;
    }
  },

  /** heapbound's default estimator, which charges no enum constant to a value. */
  HEAPBOUND_DEFAULTS("heapbound (defaults)") {
    @Override
    public ToLongFunction<Object> create() {
      return SizeEstimator.defaults()::deepSize;
    }
  },

  /** JOL 0.17's {@code GraphLayout.parseInstance(root).totalSize()}, the reference figure. */
  JOL("JOL GraphLayout") {
    @Override
    public ToLongFunction<Object> create() {
      return root -> GraphLayout.parseInstance(root).totalSize();
    }
  },

  /**
   * jamm 0.4's {@code MemoryMeter} with the {@code Unsafe} strategy, which needs no agent, and
   * {@code measureKnownSingletons()}, so that it counts enum constants as JOL does.
   */
  JAMM("jamm MemoryMeter (Unsafe strategy)") {
    @Override
    public ToLongFunction<Object> create() {
      return jamm(MemoryMeter.Guess.UNSAFE);
    }
  },

  /**
   * jamm 0.4's {@code MemoryMeter} with the instrumentation strategy, which needs jamm loaded with
   * {@code -javaagent}.
   *
   * @throws IllegalStateException from {@link #create()} if the agent is not loaded
   */
  JAMM_AGENT("jamm MemoryMeter (instrumentation strategy)") {
    @Override
    public ToLongFunction<Object> create() {
      if (!MemoryMeter.hasInstrumentation()) {
        throw new IllegalStateException(
            "jamm's instrumentation strategy needs its agent; start the JVM with"
                + " -javaagent:benchmarks/target/benchmarks.jar");
      }
      return jamm(MemoryMeter.Guess.INSTRUMENTATION);
    }
  },

  /**
   * Ehcache's sizeof 0.4 as {@code SizeOf.newInstance} configures it, with its per-class cache on
   * and flyweights counted, as JOL counts them. It picks the agent engine when the JVM lets it
   * attach to itself, and the {@code Unsafe} engine otherwise.
   */
  EHCACHE_SIZEOF("Ehcache sizeof") {
    @Override
    public ToLongFunction<Object> create() {
      SizeOf sizeOf = SizeOf.newInstance(false, true);
      return root -> sizeOf.deepSizeOf(root);
    }
  };

  private final String label;

  SizeTool(String label) {
    this.label = label;
  }

  /** Creates a deep-size function of this tool, ready to measure any number of graphs. */
  public abstract ToLongFunction<Object> create();

  /** Returns the name of the tool and its configuration, for the results page. */
  public String label() {
    return label;
  }

  private static ToLongFunction<Object> jamm(MemoryMeter.Guess strategy) {
    MemoryMeter meter =
        MemoryMeter.builder().withGuessing(strategy).measureKnownSingletons().build();
    return meter::measureDeep;
  }
}
