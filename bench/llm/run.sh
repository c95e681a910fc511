#!/usr/bin/env bash
# Fan-out benchmark: `sift bench fanout` against bench/llm/latency_server.py (loopback, fixed latency),
# at concurrency 8, 64 and 256. Each level reports achieved requests/s against the limit
# concurrency / latency (goal ratio >= 0.95) and client CPU per call (goal < 0.5 ms), in the same run.
#
#   bash bench/llm/run.sh
#   LATENCY_MS=100 CONCURRENCY=8,64 JAVA_OPTS="-XX:StartFlightRecording=filename=bench/out/fanout.jfr,settings=profile" bash bench/llm/run.sh
#
# Results go to bench/out/fanout.md (machine, JVM, command, table). The server only listens on
# 127.0.0.1, exits by itself after MAX_SECONDS, and is stopped when this script ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
LATENCY_MS=${LATENCY_MS:-200}
CONCURRENCY=${CONCURRENCY:-8,64,256}
MAX_SECONDS=${MAX_SECONDS:-300}
PY=${PYTHON:-python3}
JAVA_OPTS=${JAVA_OPTS:-}
OUT=bench/out
mkdir -p "$OUT"
[ -f target/sift.jar ] || mvn -B -q package -DskipTests

port_file=$(mktemp)
"$PY" bench/llm/latency_server.py --port 0 --latency-ms "$LATENCY_MS" --max-seconds "$MAX_SECONDS" \
  >"$port_file" 2>"$OUT/latency_server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$port_file"' EXIT
for _ in $(seq 100); do
  [ -s "$port_file" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$OUT/latency_server.log" >&2; exit 1; }
  sleep 0.05
done
port=$(head -1 "$port_file")
[ -n "$port" ] || { echo "latency_server.py printed no port" >&2; exit 1; }

cmd="java -jar target/sift.jar bench fanout --base-url http://127.0.0.1:$port/v1 --latency-ms $LATENCY_MS --concurrency $CONCURRENCY"
cpu_model=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
java_version=$(java -version 2>&1 | head -2 | tr '\n' ' ')
# shellcheck disable=SC2086
table=$(java $JAVA_OPTS -jar target/sift.jar bench fanout --base-url "http://127.0.0.1:$port/v1" \
  --latency-ms "$LATENCY_MS" --concurrency "$CONCURRENCY")

{
  echo "# Fan-out benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- Command: \`bash bench/llm/run.sh\`, which runs \`${cmd/$port/PORT}\`${JAVA_OPTS:+ with JAVA_OPTS=\"$JAVA_OPTS\"}"
  echo "- Machine: $(nproc) CPUs (${cpu_model:-unknown model}), $(uname -sr); load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
  echo "- JVM: $java_version"
  echo "- Server: bench/llm/latency_server.py (Python $("$PY" -c 'import platform; print(platform.python_version())'), asyncio), latency $LATENCY_MS ms, 127.0.0.1"
  echo
  echo "$table"
} > "$OUT/fanout.md"
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
# The server's own count of connections shows whether the client reused them.
{ echo; echo "Server: $(tail -1 "$OUT/latency_server.log" | sed 's/^latency_server: //')"; } >> "$OUT/fanout.md"
cat "$OUT/fanout.md"
