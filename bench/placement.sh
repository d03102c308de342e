#!/usr/bin/env bash
# Benchmarks the placement rules (where output repositories may live) over 12 to 10,000
# environments: they run for every environment in `check --all`, so they must stay near-linear.
#   bench/placement.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CPFILE="$PWD/compiler/target/bench-classpath.txt"
# Online once, for the dependency plugin itself; then from the local cache.
mvn -q -B -pl compiler -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE" >/dev/null
CP="compiler/target/test-classes:compiler/target/classes:stdlib/target/classes:$(cat "$CPFILE")"
java -cp "$CP" dev.storyc.bench.PlacementBenchmark
