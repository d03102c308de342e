# shellcheck shell=bash
# What the whole-process benchmarks share: the jar under test, the synthetic workspaces
# (dev.storyc.bench.SyntheticWorkspace) and one way to time a process. Sourced from bench/*.sh,
# which cd to the checkout's root first.

# The JVM flags of ./storyc, from the launcher itself; STORYC_JAVA_OPTS overrides them (a space
# times plain `java -jar`).
# shellcheck source=dist/src/lib/launch.sh
. dist/src/lib/launch.sh
bench_java_opts="${STORYC_JAVA_OPTS:-$storyc_java_opts}"

# Prints the JVM flags that make JAR start from a class-data archive, as ./storyc does once its
# background training run has made one (dist/src/lib/launch.sh): the same training, run here and
# waited for, into FOLDER, once per folder. Prints nothing when BENCH_CDS=0, or when the training
# fails (a jar too old for `init` and `story new`); the jar then starts as plain `java -jar`.
bench_cds_flags() {
  local jar="$1" folder="$2" java
  [ "${BENCH_CDS:-1}" != 0 ] || return 0
  java="$(storyc_java)"
  mkdir -p "$folder"
  if [ ! -f "$folder/storyc.jsa" ]; then
    # A subshell, so that the training's signal traps stay its own.
    # shellcheck disable=SC2086
    (storyc_train "$java" "$jar" "$folder/storyc.jsa" $bench_java_opts) >/dev/null 2>&1 || true
  fi
  if [ -f "$folder/storyc.jsa" ]; then
    printf '%s\n' "-XX:SharedArchiveFile=$folder/storyc.jsa $storyc_archive_opts"
  fi
}

# Builds the checkout's jar and test classes, quietly; prints the build log and exits 3 on failure.
bench_build() {
  local log
  log="$(mktemp)"
  mvn -o -q -B -DskipTests package >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 3; }
  rm -f "$log"
}

# Generates a synthetic workspace into FOLDER unless one is there already:
#   bench_workspace FOLDER STORIES ENVIRONMENTS [ELEMENTS]
# With PHI=N set, every N-th story classifies two columns as PHI (SyntheticWorkspace).
bench_workspace() {
  local folder="$1"
  shift
  if [ ! -f "$folder/environments.toml" ]; then
    rm -rf "$folder"
    java -Dsynthetic.phi="${PHI:-0}" -cp compiler/target/test-classes \
      dev.storyc.bench.SyntheticWorkspace "$folder" "$@" >/dev/null
  fi
}

# Runs one command, throwing its output away; prints "wall cpu peak-kB sys" (seconds, user+system
# seconds, the largest resident set, system seconds), as the kernel accounts for the finished
# process. Fails when it fails.
bench_time() {
  local report status
  report="$(mktemp)"
  status=0
  /usr/bin/time -f '%e %U %S %M' -o "$report" "$@" >/dev/null 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    rm -f "$report"
    echo "failed (exit $status): $*" >&2
    return 1
  fi
  awk 'END { printf "%s %.2f %s %s\n", $1, $2 + $3, $4, $3 }' "$report"
  rm -f "$report"
}
