#!/usr/bin/env bash
# Runs the benchmark's main class with the module's runtime classpath (resolved once, offline).
#   examples/benchmark/bench.sh --workload w2 --mode camel [...]      (see README.md)
# JAVA_OPTS is passed to java (e.g. JFR: JAVA_OPTS="-XX:StartFlightRecording=filename=x.jfr").
# The module must be built first: mvn -B -q -o install -pl camel-janus-testing,camel-janus,camel-janus-events -DskipTests
# and mvn -B -q -o package -pl examples/benchmark -DskipTests (from the repository root).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CP_FILE="$HERE/target/classpath.txt"
if [ ! -s "$CP_FILE" ] || [ "$HERE/pom.xml" -nt "$CP_FILE" ]; then
  (cd "$ROOT" && mvn -B -q -o -pl examples/benchmark dependency:build-classpath \
      -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime) >&2
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$HERE/target/classes:$(cat "$CP_FILE")" \
  io.github.cameljanus.examples.benchmark.Main "$@"
