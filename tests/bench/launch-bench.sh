#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Time from launch to first frame of the opsdeck window (DESIGN.md,
# Performance targets), with the Health tab shown:
#   - an empty database,
#   - 200 HTTP checks with 30 days of history (a sample every 5 minutes,
#     hourly and daily rollups),
#   - 10,000 HTTP checks.
# The checks probe a local HTTP server (python3 -m http.server) every 60 s.
# The app prints when its first frame was painted (OPSDECK_BENCH_FIRST_FRAME);
# the time counts from just before the process starts. Each case runs
# --runs times under Xvfb with a D-Bus session; the median is reported.
#
#   tests/bench/launch-bench.sh [--builddir _build] [--runs 5]
#
# Targets: under 1 s empty and with 200 checks, under 2 s with 10,000.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
builddir="$here/../../_build"
runs=5

if [ "${1:-}" = --inner ]; then
  inner=1
  shift
fi

while [ $# -gt 0 ]; do
  case "$1" in
    --builddir) builddir=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '3,17s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "launch-bench: unknown option $1" >&2; exit 2 ;;
  esac
done

builddir=$(cd "$builddir" && pwd)
opsdeck="$builddir/src/app/opsdeck"
opsdeckctl="$builddir/src/cli/opsdeckctl"
[ -x "$opsdeck" ] && [ -x "$opsdeckctl" ] || { echo "launch-bench: build first (ninja -C $builddir)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "launch-bench: sqlite3 is not installed" >&2; exit 1; }

if [ "${inner:-0}" != 1 ]; then
  # A display and a session bus of our own, as a desktop has.
  exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
    dbus-run-session -- "$0" --inner --builddir "$builddir" --runs "$runs"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/opsdeck-launch-bench-XXXXXX")
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

export HOME="$dir/home" XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$dir/www"
echo ok > "$dir/www/index.html"
python3 -m http.server --bind 127.0.0.1 --directory "$dir/www" "$port" >/dev/null 2>&1 &
server_pid=$!

# A database with N checks and DAYS days of history, written in one
# transaction. The rollups are computed from the samples (their p95 is the
# period's maximum, an upper bound).
make_db() {
  local data=$1 checks=$2 days=$3
  mkdir -p "$data"
  "$opsdeckctl" --data-dir "$data" db info >/dev/null
  sqlite3 "$data/opsdeck.db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 WHERE $checks > 0 UNION ALL SELECT i + 1 FROM n WHERE i < $checks)
INSERT INTO health_checks (name, kind, target, interval_ms, timeout_ms, environment, tags,
                           created_at, updated_at)
SELECT printf('service-%05d', i), 'http', 'http://127.0.0.1:$port/', 60000, 10000,
       CASE i % 3 WHEN 0 THEN 'production' WHEN 1 THEN 'staging' ELSE 'development' END,
       printf('["team-%d"]', i % 20), strftime('%s', 'now'), strftime('%s', 'now')
FROM n;
WITH RECURSIVE t(k) AS (SELECT 0 WHERE $days > 0 UNION ALL SELECT k + 1 FROM t WHERE k < $days * 288 - 1)
INSERT INTO health_samples (check_id, time, status, state, latency_us)
SELECT c.id, (strftime('%s', 'now') - (k + 1) * 300) * 1000000,
       CASE WHEN abs(random()) % 200 = 0 THEN 3 ELSE 1 END,
       CASE WHEN abs(random()) % 200 = 0 THEN 3 ELSE 1 END,
       1000 + abs(random()) % 80000
FROM health_checks c, t;
INSERT INTO health_rollups (check_id, resolution, start, count, failures, latency_count,
                            latency_min, latency_max, latency_sum, latency_p95, finalized)
SELECT check_id, 1, (time / 3600000000) * 3600000000, count(*), sum(status = 3), count(latency_us),
       min(latency_us) / 1000.0, max(latency_us) / 1000.0, sum(latency_us) / 1000.0,
       max(latency_us) / 1000.0, 1
FROM health_samples GROUP BY check_id, time / 3600000000;
INSERT INTO health_rollups (check_id, resolution, start, count, failures, latency_count,
                            latency_min, latency_max, latency_sum, latency_p95, finalized)
SELECT check_id, 2, (time / 86400000000) * 86400000000, count(*), sum(status = 3), count(latency_us),
       min(latency_us) / 1000.0, max(latency_us) / 1000.0, sum(latency_us) / 1000.0,
       max(latency_us) / 1000.0, 1
FROM health_samples GROUP BY check_id, time / 86400000000;
COMMIT;
SQL
}

# Milliseconds from launch to the first painted frame.
launch_once() {
  local data=$1 out="$dir/out" start frame pid
  : > "$out"
  start=$(date +%s%6N)
  OPSDECK_BENCH_FIRST_FRAME=1 "$opsdeck" --data-dir "$data" > "$out" 2>/dev/null &
  pid=$!
  for _ in $(seq 600); do
    grep -q '^opsdeck-first-frame ' "$out" && break
    sleep 0.05
  done
  frame=$(sed -n 's/^opsdeck-first-frame //p' "$out")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$frame" ] || { echo "launch-bench: no first frame within 30 s" >&2; return 1; }
  echo $(( (frame - start) / 1000 ))
}

bench_case() {
  local label=$1 checks=$2 days=$3 data="$dir/data-$2-$3" times=() t
  local started=$(date +%s%3N)
  make_db "$data" "$checks" "$days"
  local made=$(( $(date +%s%3N) - started ))
  launch_once "$data" >/dev/null # the page cache warm, as on a desktop
  for _ in $(seq "$runs"); do
    t=$(launch_once "$data")
    times+=("$t")
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  local median=${sorted[$(( ${#sorted[@]} / 2 ))]}
  local size=$(du -k "$data/opsdeck.db" | cut -f1)
  printf '%-34s first frame median %5d ms  (runs: %s; database %d MB, written in %d ms)\n' \
    "$label" "$median" "${times[*]}" $(( size / 1024 )) "$made"
}

bench_case "empty database" 0 0
bench_case "200 checks, 30 days of history" 200 30
bench_case "10,000 checks" 10000 0
