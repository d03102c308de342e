#!/usr/bin/env bash
# Times `storyc site`, whole process, on the example workspace and on synthetic workspaces
# (dev.storyc.bench.SyntheticWorkspace, 12 environments), and measures the board's time to first
# contentful paint in headless Chromium (compiler/src/test/browser, `npm ci` there first).
# Prints, per workspace, the best wall time and its user+system CPU over RUNS runs (default 3),
# the site's size and file count, and the board's first paint (best of 3 page loads).
#
#   bench/site.sh               # the example, then 1000 stories
#   RUNS=5 bench/site.sh 100 1000 5000
#
# Every environment is compiled first (`storyc compile --all`), so the board shows real output
# repositories. Workspaces are generated once into $BENCH_DIR (default /tmp/storyc-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)
runs="${RUNS:-3}"
bench_dir="${BENCH_DIR:-/tmp/storyc-bench}"
java_opts="${STORYC_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
driver=compiler/src/test/browser

log="$(mktemp)"
mvn -o -q -B -DskipTests package >"$log" 2>&1 || { cat "$log" >&2; exit 3; }
rm -f "$log"
jar="$PWD/compiler/target/storyc.jar"

example="$bench_dir/example"
rm -rf "$example" && mkdir -p "$example"
cp -r environments.toml stories releases "$example"/
# Production's release is sealed: its pinned trees come from this checkout's object database.
git -C "$example" init -q
echo "$(git rev-parse --path-format=absolute --git-common-dir)/objects" > "$example/.git/objects/info/alternates"
workspaces=("$example")
for n in "${sizes[@]}"; do
  workspace="$bench_dir/stories-$n"
  if [ ! -f "$workspace/environments.toml" ]; then
    rm -rf "$workspace"
    java -cp compiler/target/test-classes dev.storyc.bench.SyntheticWorkspace "$workspace" "$n" 12
  fi
  workspaces+=("$workspace")
done

echo "java $java_opts -jar compiler/target/storyc.jar -p DIR site --out DIR/site   ($runs runs)"
printf '%-14s %8s %9s %9s %9s %7s %12s\n' workspace stories best cpu size files first-paint
for workspace in "${workspaces[@]}"; do
  # shellcheck disable=SC2086
  java $java_opts -jar "$jar" -p "$workspace" -q compile --all >/dev/null 2>&1 \
    || { echo "compile failed on $workspace" >&2; exit 1; }
  results=()
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    cpu_before=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
    # shellcheck disable=SC2086
    ( java $java_opts -jar "$jar" -p "$workspace" -q site --out "$workspace/site" >/dev/null ) 2>/dev/null \
      || { echo "site failed on $workspace" >&2; exit 1; }
    end=$(date +%s.%N)
    cpu_after=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
    results+=("$(echo "$end - $start" | bc) $(echo "($cpu_after - $cpu_before) / $(getconf CLK_TCK)" | bc -l)")
  done
  best=$(printf '%s\n' "${results[@]}" | sort -n | head -1)
  size=$(du -sk "$workspace/site" | cut -f1)
  files=$(find "$workspace/site" -type f | wc -l)
  paint="-"
  if [ -d "$driver/node_modules/playwright-core" ] && [ -x "${STORYC_CHROMIUM:-/usr/bin/chromium}" ]; then
    paint=$(for _ in 1 2 3; do
      (cd "$driver" && node site.test.mjs "$workspace/site" "$(mktemp -d)" --board-only) \
        | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).board.firstContentfulPaintMs))'
    done | sort -n | head -1)ms
  fi
  stories=$(find "$workspace/stories" -mindepth 1 -maxdepth 1 -type d | wc -l)
  echo "$best" | awk -v w="$(basename "$workspace")" -v n="$stories" -v s="$size" -v f="$files" -v p="$paint" \
    '{ printf "%-14s %8d %8.2fs %8.2fs %7.1fMB %7d %12s\n", w, n, $1, $2, s / 1024, f, p }'
done
