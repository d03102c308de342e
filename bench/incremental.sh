#!/usr/bin/env bash
# Times what a developer and CI wait for, whole process, on synthetic workspaces of N stories x 12
# environments (dev.storyc.bench.SyntheticWorkspace, as bench/check-scaling.sh generates them):
#
#   scratch          compile --all into empty output repositories, with working trees
#   scratch, bare    the same with --no-working-tree (CI, push-only), when the jar has it
#   no-op            compile --all again, nothing changed
#   one story edited compile --all after one story's view changed
#
# Each figure is one run's wall time, its user+system CPU (and the system part: file creation),
# its peak resident memory, and the wall time as a ratio to `storyc --version` (the median of 3)
# measured in the same run. Then the size of the workspace's compile cache (.storyc/cache), where
# the jar keeps one. Outputs of one size are deleted together after it: on ext4 a folder filled
# right after many deletions is slow to fill, which would charge one jar's cleanup to the next.
#
#   bench/incremental.sh                 # 100 1000 5000 stories
#   bench/incremental.sh 1000            # other sizes
#
# BASELINE_JAR=path/to/storyc.jar measures that jar too, on the same workspace, just before this
# checkout's, so the two read side by side (see bench/check-scaling.sh for building one). The JVM
# runs with the flags of ./storyc (STORYC_JAVA_OPTS overrides them) and, like ./storyc, from a
# class-data archive of each jar's classes, made before that jar's first figure (BENCH_CDS=0 times
# plain `java -jar`). Workspaces are generated once into $BENCH_DIR (default /tmp/storyc-bench) and
# reused; outputs go to a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/workspaces.sh
. bench/lib/workspaces.sh
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 5000)
bench_dir="${BENCH_DIR:-/tmp/storyc-bench}"
bench_build
jar="$PWD/compiler/target/storyc.jar"
baseline="${BASELINE_JAR:-}"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/storyc-incremental.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# The command that starts a jar: java, the launcher's flags and the jar's archive (measure sets it).
java_cmd=()

# Prints one row: size, jar, figure, "wall cpu peak-kB sys", the --version wall time.
row() {
  local wall cpu peak sys
  read -r wall cpu peak sys <<<"$4"
  awk -v n="$1" -v jar="$2" -v figure="$3" -v wall="$wall" -v cpu="$cpu" -v peak="$peak" \
      -v sys="$sys" -v version="$5" 'BEGIN {
      printf "%8d  %-8s  %-17s  %7.2fs  %7.2fs  %7.2fs  %7.0f  %8.2fx\n",
      n, jar, figure, wall, cpu, sys, peak / 1024, wall / version }'
}

# Prints the median wall time of three `--version` runs of one jar.
version_wall() {
  for _ in 1 2 3; do bench_time "${java_cmd[@]}" "$1" --version; done \
    | sort -n | awk 'NR == 2 { print $1 }'
}

# Measures one jar on one workspace: every figure, then the cache on disk.
measure() {
  local jar_path="$1" label="$2" workspace="$3" n="$4" out version view
  out="$scratch/$label-$n"
  mkdir -p "$out"
  # shellcheck disable=SC2206
  java_cmd=(java $bench_java_opts $(bench_cds_flags "$jar_path" "$scratch/cds-$label") -jar)
  version="$(version_wall "$jar_path")"
  row "$n" "$label" "--version" "$(bench_time "${java_cmd[@]}" "$jar_path" --version)" "$version"
  local compile=("${java_cmd[@]}" "$jar_path" -p "$workspace" -q compile --all)
  rm -rf "$workspace/.storyc"
  row "$n" "$label" "scratch" "$(bench_time "${compile[@]}" --out "$out/tree")" "$version"
  row "$n" "$label" "no-op" "$(bench_time "${compile[@]}" --out "$out/tree")" "$version"
  view="$workspace/stories/$(printf 's%05d' $((n / 2)))/views/$(printf 's%05d' $((n / 2))).view.lkml"
  printf '# edited by bench/incremental.sh at %s\n' "$(date +%s%N)" >>"$view"
  row "$n" "$label" "one story edited" "$(bench_time "${compile[@]}" --out "$out/tree")" "$version"
  if "${java_cmd[@]}" "$jar_path" compile --help 2>/dev/null | grep -q -- '--\[no-\]working-tree'; then
    rm -rf "$workspace/.storyc"
    row "$n" "$label" "scratch, bare" \
      "$(bench_time "${compile[@]}" --no-working-tree --out "$out/bare")" "$version"
  else
    printf '%8d  %-8s  %-17s  (this jar has no --no-working-tree)\n' "$n" "$label" "scratch, bare"
  fi
  if [ -d "$workspace/.storyc/cache" ]; then
    printf '%8d  %-8s  %-17s  %s\n' "$n" "$label" "cache on disk" \
      "$(du -sh "$workspace/.storyc/cache" | cut -f1) in $(find "$workspace/.storyc/cache" -type f | wc -l) files"
  else
    printf '%8d  %-8s  %-17s  none (this jar keeps no .storyc/cache)\n' "$n" "$label" "cache on disk"
  fi
}

if [ "${BENCH_CDS:-1}" != 0 ]; then
  echo "java $bench_java_opts -XX:SharedArchiveFile=<the jar's> -jar JAR -p DIR -q compile --all --out DIR   (12 environments, one run)"
else
  echo "java $bench_java_opts -jar JAR -p DIR -q compile --all --out DIR   (12 environments, one run)"
fi
printf '%8s  %-8s  %-17s  %8s  %8s  %8s  %7s  %9s\n' stories jar figure wall cpu "of it sys" \
  "peak MB" "/version"
for n in "${sizes[@]}"; do
  workspace="$bench_dir/stories-$n"
  bench_workspace "$workspace" "$n" 12
  # The edits of one story are undone afterwards, so that other benchmarks find the workspace as
  # it was generated.
  view="$workspace/stories/$(printf 's%05d' $((n / 2)))/views/$(printf 's%05d' $((n / 2))).view.lkml"
  cp "$view" "$scratch/view.orig"
  [ -z "$baseline" ] || measure "$baseline" baseline "$workspace" "$n"
  measure "$jar" this "$workspace" "$n"
  cp "$scratch/view.orig" "$view"
  rm -rf "$workspace/.storyc"
  rm -rf "${scratch:?}"/*-"$n"
done
