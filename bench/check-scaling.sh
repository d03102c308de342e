#!/usr/bin/env bash
# Times `storyc check --all`, whole process, on synthetic workspaces (dev.storyc.bench.SyntheticWorkspace)
# along three dimensions, to show that checking grows linearly in each:
#
#   stories   N stories across 12 environments                     (default sizes 100 1000 5000)
#   envs      N environments over 20 stories                        (default sizes 12 500 2000)
#   elements  one dashboard of N elements, 12 environments          (default size 50000)
#
# Prints, per size, the best and median wall time of RUNS runs (default 3) and the user+system CPU
# of the best one.
#
#   bench/check-scaling.sh                          # stories 100 1000 5000
#   bench/check-scaling.sh envs                     # envs 12 500 2000
#   RUNS=5 bench/check-scaling.sh stories 1000      # other sizes
#   STORYC_JAR=/tmp/old/storyc.jar bench/check-scaling.sh envs   # time another build, same workspaces
#
# The JVM runs with the flags of ./storyc (STORYC_JAVA_OPTS overrides them; set it to a space to
# time plain `java -jar`). Workspaces are generated once into $BENCH_DIR (default
# /tmp/storyc-bench) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
dimension=stories
case "${1:-}" in
  stories|envs|elements) dimension="$1"; shift ;;
esac
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  case "$dimension" in
    stories) sizes=(100 1000 5000) ;;
    envs) sizes=(12 500 2000) ;;
    elements) sizes=(50000) ;;
  esac
fi
runs="${RUNS:-3}"
bench_dir="${BENCH_DIR:-/tmp/storyc-bench}"
java_opts="${STORYC_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

log="$(mktemp)"
mvn -o -q -B -DskipTests package >"$log" 2>&1 || { cat "$log" >&2; exit 3; }
rm -f "$log"
jar="${STORYC_JAR:-$PWD/compiler/target/storyc.jar}"
echo "java $java_opts -jar $jar -p DIR check --all   ($dimension, $runs runs)"
printf '%8s  %9s  %9s  %9s\n' "$dimension" best median cpu
for n in "${sizes[@]}"; do
  case "$dimension" in
    stories) args=("$n" 12); workspace="$bench_dir/stories-$n" ;;
    envs) args=(20 "$n"); workspace="$bench_dir/envs-$n" ;;
    elements) args=(1 12 "$n"); workspace="$bench_dir/elements-$n" ;;
  esac
  if [ ! -f "$workspace/environments.toml" ]; then
    rm -rf "$workspace"
    java -cp compiler/target/test-classes dev.storyc.bench.SyntheticWorkspace "$workspace" "${args[@]}"
  fi
  results=()
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    cpu_before=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
    # shellcheck disable=SC2086
    ( java $java_opts -jar "$jar" -p "$workspace" -q check --all >/dev/null ) 2>/dev/null \
      || { echo "check failed on $workspace" >&2; exit 1; }
    end=$(date +%s.%N)
    cpu_after=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
    results+=("$(echo "$end - $start" | bc) $(echo "($cpu_after - $cpu_before) / $(getconf CLK_TCK)" | bc -l)")
  done
  printf '%s\n' "${results[@]}" | sort -n | awk -v n="$n" '
    { wall[NR] = $1; cpu[NR] = $2 }
    END { printf "%8d  %8.2fs  %8.2fs  %8.2fs\n", n, wall[1], wall[int((NR + 1) / 2)], cpu[1] }'
done
