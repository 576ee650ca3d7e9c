#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Compares Opsdeck's load engine with wrk on the same local nginx.
#
#   tests/bench/load-vs-wrk.sh [PATH/TO/opsdeckctl]
#
# nginx runs pinned to CPU 0, the load generators to CPU 1 (taskset), one
# thread and 50 connections each, alternately, RUNS times each (3), for
# DURATION (10s) per run, on two targets: `return 200` and a 1 KiB static
# file. Prints the median requests/s of each tool and their ratio (the
# target is Opsdeck >= 0.9 x wrk), then the peak RSS and CPU use of the
# engine at a constant 5,000 requests/s. Needs nginx, wrk, taskset and
# GNU time (/usr/bin/time). Everything lives in a temporary folder that is
# removed at the end, nginx included.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
opsdeckctl=${1:-${OPSDECKCTL:-$top/_build/src/cli/opsdeckctl}}
duration=${DURATION:-10s}
runs=${RUNS:-3}
connections=${CONNECTIONS:-50}
rate=${RATE:-5000}
server_cpu=${SERVER_CPU:-0}
client_cpu=${CLIENT_CPU:-1}

for tool in nginx wrk taskset /usr/bin/time python3; do
  if ! command -v "$tool" >/dev/null && [ ! -x "$tool" ] && [ ! -x "/usr/sbin/$tool" ]; then
    echo "load-vs-wrk: $tool is missing" >&2
    exit 1
  fi
done
if [ ! -x "$opsdeckctl" ]; then
  echo "load-vs-wrk: $opsdeckctl is not built (meson setup _build && ninja -C _build)" >&2
  exit 1
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d -t opsdeck-bench-XXXXXX)
nginx_pid=
cleanup() {
  if [ -n "$nginx_pid" ]; then
    kill "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A free port: the first that nothing answers on.
port=
for candidate in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    port=$candidate
    break
  fi
done
[ -n "$port" ] || { echo "load-vs-wrk: no free port" >&2; exit 1; }

mkdir -p "$work/www" "$work/tmp" "$work/data"
head -c 1024 /dev/zero | tr '\0' 'x' > "$work/www/1k.bin"
user_line=
[ "$(id -u)" -eq 0 ] && user_line="user root root;"
cat > "$work/nginx.conf" <<CONF
daemon off;
$user_line
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  keepalive_requests 100000000;
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$port;
    root $work/www;
    location = /ok { return 200 "ok"; }
  }
}
CONF

taskset -c "$server_cpu" "$nginx_bin" -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

wrk_rps() {
  taskset -c "$client_cpu" wrk -t1 -c"$connections" -d"$duration" "$1" | awk '/^Requests\/sec:/ { print $2 }'
}

opsdeck_rps() {
  taskset -c "$client_cpu" "$opsdeckctl" --data-dir "$work/data" load run -t1 -c"$connections" \
    -d"$duration" --json "$1" 2>/dev/null |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["requests_per_second"])'
}

median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "nginx on CPU $server_cpu, load generators on CPU $client_cpu; $runs runs of $duration each, -t1 -c$connections"
status=0
for target in ok 1k.bin; do
  url="http://127.0.0.1:$port/$target"
  wrk_results=()
  opsdeck_results=()
  for run in $(seq "$runs"); do
    w=$(wrk_rps "$url")
    o=$(opsdeck_rps "$url")
    wrk_results+=("$w")
    opsdeck_results+=("$o")
    printf '  /%-7s run %d: wrk %12.1f req/s   opsdeck %12.1f req/s\n' "$target" "$run" "$w" "$o"
  done
  w=$(median "${wrk_results[@]}")
  o=$(median "${opsdeck_results[@]}")
  ratio=$(python3 -c "print(f'{$o / $w:.3f}')")
  printf '/%-7s median: wrk %.1f req/s, opsdeck %.1f req/s, ratio %s (target >= 0.9)\n' "$target" "$w" "$o" "$ratio"
  python3 -c "import sys; sys.exit(0 if $ratio >= 0.9 else 1)" || status=1
done

# Peak memory and CPU of the engine at a constant rate.
echo "Constant rate: $rate req/s for $duration with $connections connections"
taskset -c "$client_cpu" /usr/bin/time -v "$opsdeckctl" --data-dir "$work/data" load run -t1 \
  -c"$connections" -d"$duration" --rate "$rate" --json "http://127.0.0.1:$port/ok" \
  > "$work/rate.json" 2> "$work/rate.time"
python3 - "$work/rate.json" "$work/rate.time" <<'PY'
import json, re, sys
result = json.load(open(sys.argv[1]))["summary"]
timing = open(sys.argv[2]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
cpu = re.search(r"Percent of CPU this job got: (\d+)%", timing).group(1)
print(f"  achieved {result['requests_per_second']:.1f} req/s, p99 {result['latency_ms']['p99']:.3f} ms, "
      f"errors {sum(result['errors'].values())}")
print(f"  peak RSS {rss / 1024:.1f} MiB, CPU {cpu} % of one core")
PY

exit $status
