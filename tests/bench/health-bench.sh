#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The health engine's benchmark (DESIGN.md, Performance targets):
#   1,000 HTTP checks at a 5 s interval, then 10,000 at 60 s, against a
#   local nginx, through the real scheduler, probes and store, 60 s each:
#   CPU % of one core, peak RSS, history rows written per second; then
#   1,000 Prometheus checks at 5 s scraping a node_exporter page nginx
#   serves (host figures stored with every result); then the history
#   micro-benchmark: inserts per second and a 30-day chart query.
#
#   tests/bench/health-bench.sh [--builddir _build] [--duration 60] [--no-history]
#
# Targets: under 10 % of a core and 100 MB for 1,000 checks; under 25 % and
# 200 MB for 10,000; at least 200,000 inserts/s; a 30-day query under 50 ms.
# Figures depend on the machine: run it on a quiet one.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
builddir="$here/../../_build"
duration=60
history=1

while [ $# -gt 0 ]; do
  case "$1" in
    --builddir) builddir=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --no-history) history=0; shift ;;
    -h|--help) sed -n '3,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "health-bench: unknown option $1" >&2; exit 2 ;;
  esac
done

bench="$builddir/tests/bench"
[ -x "$bench/bench-health" ] || { echo "health-bench: build first (ninja -C $builddir)" >&2; exit 1; }

nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "health-bench: nginx is not installed (build-aux/packages-test.txt)" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/opsdeck-health-bench-XXXXXX")
nginx_pid=
cleanup() {
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill "$nginx_pid"
    wait "$nginx_pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

# A node_exporter page: CPU, memory, a filesystem and a network device.
cat > "$dir/metrics.txt" <<'METRICS'
# TYPE node_cpu_seconds_total counter
node_cpu_seconds_total{cpu="0",mode="idle"} 81234.5
node_cpu_seconds_total{cpu="0",mode="user"} 4321.25
node_cpu_seconds_total{cpu="0",mode="system"} 1234.75
node_cpu_seconds_total{cpu="1",mode="idle"} 80123.5
node_cpu_seconds_total{cpu="1",mode="user"} 4567.25
node_cpu_seconds_total{cpu="1",mode="system"} 1111.75
# TYPE node_memory_MemTotal_bytes gauge
node_memory_MemTotal_bytes 8.253689856e+09
# TYPE node_memory_MemAvailable_bytes gauge
node_memory_MemAvailable_bytes 3.123456e+09
# TYPE node_filesystem_size_bytes gauge
node_filesystem_size_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 1.0e+11
# TYPE node_filesystem_avail_bytes gauge
node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 3.5e+10
# TYPE node_network_receive_bytes_total counter
node_network_receive_bytes_total{device="eth0"} 1.23456789e+09
# TYPE node_network_transmit_bytes_total counter
node_network_transmit_bytes_total{device="eth0"} 9.87654321e+08
METRICS

# nginx on a free loopback port: try ports until one is free.
for attempt in $(seq 1 20); do
  port=$((20000 + RANDOM % 30000))
  user=
  [ "$(id -u)" = 0 ] && user="user root root;"
  cat > "$dir/nginx.conf" <<CONF
daemon off;
$user
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 16384; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  server {
    listen 127.0.0.1:$port;
    location = /health {
      default_type application/health+json;
      return 200 '{"status":"pass"}';
    }
    location = /metrics {
      default_type text/plain;
      alias $dir/metrics.txt;
    }
  }
}
CONF
  "$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" &
  nginx_pid=$!
  for i in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    sleep 0.1
  done
  if kill -0 "$nginx_pid" 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    break
  fi
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=
done
[ -n "$nginx_pid" ] || { echo "health-bench: nginx did not start:" >&2; cat "$dir/error.log" >&2; exit 1; }

url="http://127.0.0.1:$port/health"
echo "health-bench: nginx on $url, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "health-bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

"$bench/bench-health" --checks 1000 --interval 5 --duration "$duration" --url "$url"
echo
"$bench/bench-health" --checks 10000 --interval 60 --duration "$duration" --url "$url"
echo
"$bench/bench-health" --kind prometheus --checks 1000 --interval 5 --duration "$duration" \
  --url "http://127.0.0.1:$port/metrics"

if [ "$history" = 1 ]; then
  echo
  "$bench/bench-history"
fi

echo
echo "health-bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
