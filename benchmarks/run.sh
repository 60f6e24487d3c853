#!/usr/bin/env bash
# Builds the shaded benchmarks jar and runs the whole suite with short, fixed settings: the size
# and entry-footprint harnesses, then every JMH benchmark in a JVM of its own. Writes the results
# page to docs/benchmarks.md (or to the path given as the first argument) and the full log to
# benchmarks/target/suite.log. Takes about 11 minutes on 2 cores and is stopped after 15.
set -euo pipefail

cd "$(dirname "$0")/.."
output="${1:-docs/benchmarks.md}"

mvn -B -q -pl benchmarks -am package -DskipTests
timeout 15m java -cp benchmarks/target/benchmarks.jar \
  dev.heapbound.benchmarks.suite.BenchmarkSuite "$output" 2>&1 | tee benchmarks/target/suite.log
