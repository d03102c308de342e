#!/usr/bin/env bash
# A new user's first week, timed from the outside: install storyc from the release archive into a
# temporary prefix, `storyc init`, three stories, then the week (release add, ci, commit, seal,
# promote to acceptance, back a story out, promote to production), with `ci` pushing to file://
# remotes. Every step must exit 0 and the remotes must end up holding what each environment runs.
# Prints the number of storyc commands and the wall time of the whole path and of storyc alone.
#   bench/first-week.sh [ARCHIVE]   default: dist/target/storyc-*.tar.gz, built if missing
set -euo pipefail
cd "$(dirname "$0")/.."
archive="${1:-}"
if [ -z "$archive" ]; then
  archive="$(ls dist/target/storyc-*.tar.gz 2>/dev/null | head -n 1 || true)"
  if [ -z "$archive" ]; then
    mvn -q -B -DskipTests package >/dev/null
    archive="$(ls dist/target/storyc-*.tar.gz | head -n 1)"
  fi
fi
archive="$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
git config --global user.name "Alice Analyst"
git config --global user.email alice@example.com
git config --global init.defaultBranch main

commands=0
storyc_seconds=0
now() { date +%s.%N; }
storyc() {
  local start end
  start="$(now)"
  "$work/prefix/bin/storyc" "$@" >>"$work/log" 2>&1 || {
    echo "FAILED: storyc $*" >&2
    tail -n 40 "$work/log" >&2
    exit 1
  }
  end="$(now)"
  commands=$((commands + 1))
  storyc_seconds="$(echo "$storyc_seconds + $end - $start" | bc)"
  [ -z "${STORYC_BENCH_VERBOSE:-}" ] || printf "%6.2f s  storyc %s\n" "$(echo "$end - $start" | bc)" "$*" >&2
}
commit() { git add -A && git commit -qm "$1"; }

begin="$(now)"
# 1. Install: unpack into a prefix and link the launcher, as docs/install.md says.
mkdir -p "$work/prefix/lib" "$work/prefix/bin"
tar -xzf "$archive" -C "$work/prefix/lib"
ln -s "$(ls -d "$work"/prefix/lib/storyc-*)/bin/storyc" "$work/prefix/bin/storyc"
storyc version

# 2. A workspace, in git, with output remotes for the shared environments.
storyc init "$work/acme" --developer alice
cd "$work/acme"
git init -q
for env in production acceptance integration; do
  git init -q --bare "$work/remotes/$env.git"
  sed -i.bak "/^\[environments\.$env\]\$/a\\
output.remote = \"file://$work/remotes/$env.git\"" environments.toml
done
rm -f environments.toml.bak
week="$(ls releases | sort | tail -n 1 | sed 's/\.toml$//')"
commit "A new storyc workspace"

# 3. Three stories; the third builds on the first.
storyc story new lab-results --title "Lab results"
storyc story new lab-panels --title "Lab panels"
storyc story new abnormal-labs --title "Abnormal labs" --requires lab-results
storyc check --all
commit "Three lab stories"

# 4. The first week.
storyc release add "$week" lab-results lab-panels abnormal-labs
storyc ci --jobs 2
commit "Release $week"
storyc release seal "$week"
storyc release promote "$week" --to acceptance
commit "Seal $week; acceptance tests it"
storyc ci --jobs 2
storyc release drop "$week" lab-panels
commit "Back lab-panels out of $week: failed acceptance"
storyc ci --jobs 2
storyc release promote "$week" --to production
commit "Production runs $week"
storyc ci --jobs 2
end="$(now)"

# 5. What the remotes hold.
files() { git -C "$work/remotes/$1.git" ls-tree -r --name-only main; }
files production | grep -q '^views/abnormal-labs/' || { echo "production lacks abnormal-labs" >&2; exit 1; }
files production | grep -q 'lab-panels/' && { echo "production still has lab-panels" >&2; exit 1; }
git -C "$work/remotes/production.git" rev-parse -q --verify "refs/tags/release/$week" >/dev/null \
  || { echo "production's remote lacks tag release/$week" >&2; exit 1; }
files acceptance | grep -q '^warehouse/pending-reverts/lab-panels/revert.sql$' \
  || { echo "acceptance lacks the pending revert of lab-panels" >&2; exit 1; }
grep -q "backed out: lab-panels" "$work/log" || { echo "ci never showed the back-out" >&2; exit 1; }

# `times` prints this shell's user and system time, then its children's: storyc's JVMs, git, tar
# and the background training runs that finished.
times >"$work/times"   # not in a pipeline: a subshell has no children of its own
children="$(tail -n 1 "$work/times")"
printf 'first week: %d storyc commands, %.1f s wall in all, %.1f s of it in storyc;' \
  "$commands" "$(echo "$end - $begin" | bc)" "$storyc_seconds"
printf ' CPU of all child processes: %s\n' "$children"
