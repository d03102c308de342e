#!/usr/bin/env bash
# Benchmarks publishing: a generated compile of 12 environments x 8,000 files, committed by
# storyc's JGit publisher and by `git add -A && git commit` on identical files, in one run; prints
# both times and their ratio (below 1: storyc is faster). The trees are checked to be identical.
#   bench/publish.sh [WORK_DIR]      default: a new temporary folder, removed afterwards
set -euo pipefail
cd "$(dirname "$0")/.."
CPFILE="$PWD/compiler/target/bench-classpath.txt"
# Online once, for the dependency plugin itself; then from the local cache.
mvn -q -B -pl compiler -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE" >/dev/null
CP="compiler/target/test-classes:compiler/target/classes:stdlib/target/classes:$(cat "$CPFILE")"
WORK="${1:-$(mktemp -d)}"
[ $# -gt 0 ] || trap 'rm -rf "$WORK"' EXIT
java -Xmx2g -cp "$CP" dev.storyc.bench.PublishBenchmark "$WORK"
