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
#
# BASELINE_JAR=path/to/storyc.jar times that jar too, on the same workspaces, runs interleaved with
# this checkout's, and prints the change: the way to measure what a change costs, in one run.
#
#   git archive main | tar -x -C /tmp/base && (cd /tmp/base && mvn -o -q -DskipTests package)
#   BASELINE_JAR=/tmp/base/compiler/target/storyc.jar RUNS=5 bench/check-scaling.sh envs
#
# PHI=N generates workspaces whose every N-th story classifies two columns as PHI, which every
# environment but production treats (docs/phi.md); PHI=1 is the phi stage's worst case. Time it
# against the same sizes without PHI to see what the stage costs:
#
#   PHI=10 RUNS=5 bench/check-scaling.sh stories 1000; RUNS=5 bench/check-scaling.sh stories 1000
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
# shellcheck source=bench/lib/workspaces.sh
. bench/lib/workspaces.sh
java_opts="$bench_java_opts"

bench_build
jar="$PWD/compiler/target/storyc.jar"
baseline="${BASELINE_JAR:-}"
echo "java $java_opts -jar JAR -p DIR check --all   ($dimension, $runs runs)"
printf '%8s  %-9s  %9s  %9s  %9s\n' "$dimension" jar best median cpu

# Times one jar on one workspace once; prints "wall cpu".
time_once() {
  local jar_path="$1" workspace="$2" start end cpu_before cpu_after
  # This function runs in a subshell; java is its child, so its CPU lands in this shell's cutime.
  local me=$BASHPID
  start=$(date +%s.%N)
  cpu_before=$(awk '{print $14+$15+$16+$17}' /proc/$me/stat)
  # shellcheck disable=SC2086
  ( java $java_opts -jar "$jar_path" -p "$workspace" -q check --all >/dev/null ) 2>/dev/null \
    || { echo "check failed on $workspace with $jar_path" >&2; exit 1; }
  end=$(date +%s.%N)
  cpu_after=$(awk '{print $14+$15+$16+$17}' /proc/$me/stat)
  echo "$(echo "$end - $start" | bc) $(echo "($cpu_after - $cpu_before) / $(getconf CLK_TCK)" | bc -l)"
}

# Prints "best median cpu-of-best" of the "wall cpu" lines on stdin.
summary() {
  sort -n | awk '{ wall[NR] = $1; cpu[NR] = $2 }
    END { printf "%.2f %.2f %.2f\n", wall[1], wall[int((NR + 1) / 2)], cpu[1] }'
}

for n in "${sizes[@]}"; do
  case "$dimension" in
    stories) args=("$n" 12); workspace="$bench_dir/stories-$n" ;;
    envs) args=(20 "$n"); workspace="$bench_dir/envs-$n" ;;
    elements) args=(1 12 "$n"); workspace="$bench_dir/elements-$n" ;;
  esac
  [ -z "${PHI:-}" ] || workspace="$workspace-phi$PHI"
  bench_workspace "$workspace" "${args[@]}"
  current=()
  base=()
  for _ in $(seq "$runs"); do
    [ -z "$baseline" ] || base+=("$(time_once "$baseline" "$workspace")")
    current+=("$(time_once "$jar" "$workspace")")
  done
  read -r best median cpu < <(printf '%s\n' "${current[@]}" | summary)
  if [ -n "$baseline" ]; then
    read -r bbest bmedian bcpu < <(printf '%s\n' "${base[@]}" | summary)
    printf '%8d  %-9s  %8.2fs  %8.2fs  %8.2fs\n' "$n" baseline "$bbest" "$bmedian" "$bcpu"
  fi
  printf '%8d  %-9s  %8.2fs  %8.2fs  %8.2fs\n' "$n" this "$best" "$median" "$cpu"
  if [ -n "$baseline" ]; then
    echo "$median $bmedian $cpu $bcpu" | awk '{ printf "%8s  %-9s  %+8.1f%%  (median wall)  %+.1f%% (cpu)\n", "", "change",
      ($1 / $2 - 1) * 100, ($3 / $4 - 1) * 100 }'
  fi
done
