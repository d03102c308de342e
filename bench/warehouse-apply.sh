#!/usr/bin/env bash
# Measures `storyc warehouse apply`, whole process: a generated workspace of N stories (default
# 1,000; one table and one view each) applied into an empty database of a private PostgreSQL 15
# (started as the test harness starts it: 127.0.0.1, its own data folder, fsync off), then the
# no-op apply after it, then the registry dropped and the same tables adopted with --log-only.
# Prints wall time, time per change and round trips (statements) per change.
#   bench/warehouse-apply.sh [STORIES] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
CPFILE="$PWD/compiler/target/bench-classpath.txt"
mvn -o -q -B -DskipTests package >/dev/null
# Online once, for the dependency plugin itself; then from the local cache.
mvn -q -B -pl compiler -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE" >/dev/null
CP="compiler/target/test-classes:compiler/target/classes:stdlib/target/classes:$(cat "$CPFILE")"
WORK="${2:-$(mktemp -d)}"
[ $# -gt 1 ] || trap 'rm -rf "$WORK"' EXIT
java -cp "$CP" dev.storyc.bench.WarehouseApplyBench "$PWD/compiler/target/storyc.jar" "$WORK" "${1:-1000}"
