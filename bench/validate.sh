#!/usr/bin/env bash
# Times `storyc validate`, whole process, on a generated workspace of N stories (default 1,000;
# dev.storyc.bench.SyntheticWorkspace: about 15 fields a view, explores joining one or two
# others), against a private PostgreSQL 15 cluster: the batched validator, then the naive
# baseline of one query per field per explore (--strategy per_field). Each prints the queries
# it sent and its round trips; the script prints their wall times.
#
#   bench/validate.sh            # 1000 stories
#   bench/validate.sh 200
#
# Needs PostgreSQL 15's server binaries (STORYC_PG_BIN, default /usr/lib/postgresql/15/bin); as
# root it runs the server as the postgres user, which PostgreSQL requires. The generated deploy
# scripts carry Redshift's DISTKEY/SORTKEY and WITH NO SCHEMA BINDING, which are removed for
# PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
pg_bin="${STORYC_PG_BIN:-/usr/lib/postgresql/15/bin}"
java_opts="${STORYC_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
work="$(mktemp -d /tmp/storyc-validate-bench.XXXXXX)"
chmod 755 "$work"
port=$((20000 + $$ % 20000))
as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi

log="$(mktemp)"
mvn -o -q -B -DskipTests package >"$log" 2>&1 || { cat "$log" >&2; exit 3; }
mvn -o -q -B -pl compiler test-compile >"$log" 2>&1 || { cat "$log" >&2; exit 3; }
rm -f "$log"
jar="$PWD/compiler/target/storyc.jar"

mkdir -p "$work/pg"
[ ${#as_pg[@]} -eq 0 ] || chown postgres "$work/pg"
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -U bench --auth=trust >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/log" -w \
  -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
stop() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null; rm -rf "$work"; }
trap stop EXIT
"${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U bench bench

workspace="$work/stories-$n"
java -cp compiler/target/test-classes dev.storyc.bench.SyntheticWorkspace "$workspace" "$n" 2 \
  >/dev/null
sed -i -e 's/^engine = "redshift"/engine = "postgres"/' -e "s/^port = 5439/port = $port/" \
  -e 's/^user = "looker"/user = "bench"/' \
  -e 's/^host = "warehouse-test.synthetic.internal"/host = "127.0.0.1"/' \
  -e 's/^warehouse.database = "synthetic_acc1"/warehouse.database = "bench"/' \
  "$workspace/environments.toml"
find "$workspace/stories" -name deploy.sql -exec sed -i -e 's/ DISTKEY(id) SORTKEY(created_at)//' \
  -e 's/^WITH NO SCHEMA BINDING;/;/' {} +
export SYNTHETIC_WAREHOUSE_PASSWORD=unused
storyc() {
  # shellcheck disable=SC2086
  java $java_opts -jar "$jar" -p "$workspace" "$@"
}
storyc -q compile --env acceptance-1 >/dev/null
storyc -q warehouse apply --env acceptance-1 >/dev/null

for strategy in batched per_field; do
  start=$(date +%s.%N)
  line=$(storyc -v validate --env acceptance-1 --strategy "$strategy" 2>&1 | tail -3 | tr '\n' ' ')
  end=$(date +%s.%N)
  printf '%-10s %6.2f s  %s\n' "$strategy" "$(echo "$end - $start" | bc)" "$line"
done
