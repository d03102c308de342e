# shellcheck shell=bash
# Starts storyc's jar with the JVM flags that suit a command-line tool. Sourced by bin/storyc in the
# release archive and by ./storyc in the source checkout, so both start the same way.
#
#   storyc_launch JAR CACHE_DIR ARGS...
#
# Needs only bash and Java 17 or newer (JAVA_HOME, else `java` on PATH). Environment:
#   STORYC_JAVA_OPTS  replaces the JVM flags below (storyc_java_opts)
#   STORYC_NO_CDS=1   never uses or makes a class-data-sharing archive
#
# Every command pays for this script, so its usual path starts no process but java itself: a
# machine with busy processors makes each extra fork a visible wait.

# A run lasts about a second: C2 compilation would cost more CPU than it saves, the serial
# collector is the cheapest for a heap that lives this briefly, and no perf-data file is needed.
# The young generation stays at 64 MB instead of a third of a heap that grows with the workspace:
# at 5,000 stories x 12 environments that cut peak memory from 1.38 GB to 1.14 GB and the time by
# a tenth, and it changed nothing measurable at 1,000. A heap smaller than that (a machine under
# 256 MB) makes the JVM warn on stdout, which gc+ergo=error keeps out of storyc's output.
# The old generation grows to keep 15-30% of it free after a full collection, not the default
# 40-70%: a compile's data lives until its end, so free room it will never fill was most of the
# difference between its live data and its memory. At 5,000 stories x 12 environments that is
# 557 MB instead of 756 MB at peak, for 6% more time (more full collections); at 1,000 stories
# the time is the same.
# The benchmarks in bench/ read these too, so that they time what a user runs.
storyc_java_opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:MaxNewSize=64m -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=30 -Xlog:gc+ergo=error"

# How a JVM is told to start from an archive: -Xshare:auto ignores one it cannot use, silently.
# bench/ starts jars the same way.
storyc_archive_opts="-Xshare:auto -Xlog:cds=off"

storyc_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    printf '%s\n' "$JAVA_HOME/bin/java"
  else
    command -v java || true
  fi
}

# Prints the Java feature version (17, 21, ...) from the JDK's `release` file, without starting a
# JVM; prints nothing when it cannot tell.
storyc_java_feature() {
  local java="$1" real home
  real="$(readlink -f "$java" 2>/dev/null || printf '%s' "$java")"
  home="$(cd "$(dirname "$real")/.." 2>/dev/null && pwd)" || return 0
  [ -f "$home/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$home/release" | head -n 1
}

storyc_launch() {
  local jar="$1" cache="$2"
  shift 2
  local java
  java="$(storyc_java)"
  if [ -z "$java" ]; then
    echo "storyc: needs Java 17 or newer: install one (such as Eclipse Temurin) or set JAVA_HOME" >&2
    exit 3
  fi
  local -a flags
  read -r -a flags <<<"${STORYC_JAVA_OPTS:-$storyc_java_opts}"
  # Class-data sharing: an archive of storyc's classes, parsed and verified once. An archive only
  # works with the JVM and the jar path it was made with, so there is one per JVM path, made on
  # first use by a training run in the background, and made again when the jar or the JVM is newer
  # than it. A JVM that cannot use it ignores it (-Xshare:auto), silently.
  local archive="$cache/storyc${java//[^A-Za-z0-9]/_}.jsa"
  if [ -n "${STORYC_NO_CDS:-}" ]; then
    :
  elif [ -f "$archive" ] && [ "$archive" -nt "$jar" ] && [ "$archive" -nt "$java" ]; then
    # shellcheck disable=SC2206
    flags+=("-XX:SharedArchiveFile=$archive" $storyc_archive_opts)
  else
    storyc_require_java17 "$java"
    # A CI job's cache folder dies with the job, so training there would only compete for the
    # processors; it still uses an archive that a cache step restored.
    if [ -z "${CI:-}" ] && mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
      storyc_train "$java" "$jar" "$archive" "${flags[@]}" </dev/null >/dev/null 2>&1 &
    fi
  fi
  # Java names files in the locale's encoding, which under C or POSIX (many containers and CI
  # images) is ASCII: a story file named é.view.lkml could not even be opened. File names are UTF-8
  # wherever storyc runs, so it asks for a UTF-8 locale unless the one in force already is.
  case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
    *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) ;;
    *) export LC_ALL=C.UTF-8 ;;
  esac
  exec "$java" "${flags[@]}" -jar "$jar" "$@"
}

# Stops with a message instead of Java's UnsupportedClassVersionError. Checked only until an
# archive exists, since the training run that makes one has already run storyc on this JVM.
storyc_require_java17() {
  local feature
  feature="$(storyc_java_feature "$1")"
  if [ -n "$feature" ] && [ "$feature" -lt 17 ]; then
    echo "storyc: needs Java 17 or newer, but $1 is Java $feature; set JAVA_HOME to a newer one" >&2
    exit 3
  fi
}

# Makes the archive from what a real session loads: a new workspace with a story, compiled. It runs
# once per JVM and jar; when two first runs race, each makes its own and the last rename wins.
#
# The archive is a static one (-Xshare:dump over the classes the training run loaded), not the
# dynamic kind (-XX:ArchiveClassesAtExit): Java 17 leaves classes compiled for Java 5, which all of
# Picocli's are, out of a dynamic archive, yet keeps them in a static one (JDK-8261090). With every
# Picocli class archived, `storyc --version` starts in about nine tenths of the time.
storyc_train() {
  local java="$1" jar="$2" archive="$3" work
  shift 3
  local -a flags=("$@")
  work="$(mktemp -d "${TMPDIR:-/tmp}/storyc-train.XXXXXX")" || return 0
  # A CI runner that ends a job, or a closed terminal, signals the whole process group, and this
  # training runs in the background of the command that started it: it must not leave its folder.
  trap 'rm -rf "$work"; exit 143' TERM HUP
  (
    cd "$work" || exit 0
    "$java" -XX:TieredStopAtLevel=1 -jar "$jar" -q init ws --developer train &&
      "$java" -XX:TieredStopAtLevel=1 -jar "$jar" --project ws -q story new first &&
      "$java" "${flags[@]}" "-XX:DumpLoadedClassList=$work/classes.txt" \
        -jar "$jar" --project ws -q compile --all &&
      "$java" -Xshare:dump "-XX:SharedClassListFile=$work/classes.txt" \
        "-XX:SharedArchiveFile=$work/storyc.jsa" -Xlog:cds=off -cp "$jar" &&
      mv -f "$work/storyc.jsa" "$archive"
  )
  rm -rf "$work"
}
