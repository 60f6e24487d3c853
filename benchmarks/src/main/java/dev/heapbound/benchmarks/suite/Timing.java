package dev.heapbound.benchmarks.suite;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The score of one JMH benchmark with one set of parameters.
 *
 * @param benchmark the simple name of the benchmark class
 * @param method the benchmark method
 * @param params the JMH parameters, such as {@code graph} or {@code cache}
 * @param score the average time of one operation
 * @param error the half-width of JMH's 99.9 % confidence interval, in the same unit
 * @param unit the unit of the score, such as {@code us/op}
 */
public record Timing(
    String benchmark,
    String method,
    Map<String, String> params,
    double score,
    double error,
    String unit) {

  /** Returns the timing of a JMH run result. */
  public static Timing of(RunResult result) {
    BenchmarkParams params = result.getParams();
    String name = params.getBenchmark();
    int methodStart = name.lastIndexOf('.');
    int classStart = name.lastIndexOf('.', methodStart - 1);
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : params.getParamsKeys()) {
      values.put(key, params.getParam(key));
    }
    Result<?> primary = result.getPrimaryResult();
    return new Timing(
        name.substring(classStart + 1, methodStart),
        name.substring(methodStart + 1),
        Map.copyOf(values),
        primary.getScore(),
        primary.getScoreError(),
        primary.getScoreUnit());
  }

  /** Returns whether this timing is of the given benchmark class with the given parameters. */
  boolean matches(String benchmarkClass, Map<String, String> expected) {
    return benchmark.equals(benchmarkClass) && params.entrySet().containsAll(expected.entrySet());
  }
}
