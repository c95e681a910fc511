#!/usr/bin/env bash
# Review benchmark: `sift bench review` on a generated project of SAMPLES samples x 3 candidates (the original and
# two generated; IFD scores on the originals, an algorithm's decisions on half, curator actions on CURATOR), made on
# the first run under bench/out/ and reused afterwards (delete the file to regenerate). In the same run, the Python
# sqlite3 baseline (bench/review/baseline.py) does the same reads on the same file; the table reports the ratios.
#
#   bash bench/review/run.sh
#   SAMPLES=20000 bash bench/review/run.sh
#   JAVA_OPTS="-Xmx2g" bash bench/review/run.sh
#
# Results go to bench/out/review.md (machine, JVM, command, table).
set -euo pipefail
cd "$(dirname "$0")/../.."
SAMPLES=${SAMPLES:-200000}
CURATOR=${CURATOR:-3000}
REPEATS=${REPEATS:-5}
PY=${PYTHON:-/usr/bin/python3}
JAVA_OPTS=${JAVA_OPTS:-}
OUT=bench/out
PROJECT=${PROJECT:-$OUT/review-$SAMPLES.sift}
mkdir -p "$OUT"
[ -f target/sift.jar ] || mvn -B -q package -DskipTests

cpu_model=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
java_version=$(java -version 2>&1 | head -2 | tr '\n' ' ')
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)
args=(--project "$PROJECT" --samples "$SAMPLES" --curator-decisions "$CURATOR" --repeats "$REPEATS"
  --baseline bench/review/baseline.py --python "$PY")
# shellcheck disable=SC2086
table=$(java $JAVA_OPTS -jar target/sift.jar bench review "${args[@]}")
{
  echo "# Review benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- Command: \`SAMPLES=$SAMPLES CURATOR=$CURATOR REPEATS=$REPEATS bash bench/review/run.sh\`${JAVA_OPTS:+ with JAVA_OPTS=\"$JAVA_OPTS\"}"
  echo "- Runs: \`sift bench review ${args[*]}\`"
  echo "- Machine: $(nproc) CPUs (${cpu_model:-unknown model}), $(uname -sr); load average before: $load_before"
  echo "- JVM: $java_version"
  echo
  echo "$table"
} > "$OUT/review.md"
cat "$OUT/review.md"
