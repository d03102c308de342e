#!/usr/bin/env bash
# Benchmarks the LookML parser on the shared corpus (../shared/corpus/lookml beside the checkout):
# JMH time per corpus and MB/s, then the heap the trees retain as a multiple of the input bytes.
# Extra arguments go to JMH; the default is 2 forks x 3 warmups x 3 measurements of 2 s, e.g.
#   bench/lookml-parse.sh -f 1 -wi 2 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
CPFILE="$PWD/compiler/target/bench-classpath.txt"
# One reactor run, so that the stdlib module resolves to its freshly built classes.
# Online once, for the dependency plugin itself; then from the local cache.
mvn -q -B -pl compiler -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CPFILE" >/dev/null
CP="compiler/target/test-classes:compiler/target/classes:$(cat "$CPFILE")"
exec java -Xms1g -Xmx1g -Dstoryc.root="$PWD" -cp "$CP" dev.storyc.bench.LookmlParseBenchmark "$@"
