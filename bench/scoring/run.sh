#!/usr/bin/env bash
# Scoring benchmark: `sift bench scoring` on the committed tiny model and on a random-weight model with
# SmolLM2-135M's shapes (bench/models/make_random_lm.py, generated under bench/out/ if absent; never
# committed). Each row compares Sift's full scoring path (OnnxCausalLm.tokenNll) against bare ONNX Runtime
# session.run on the same token batches in the same run; goal Sift/bare >= 0.90.
#
#   bash bench/scoring/run.sh
#   LAYERS=8 LENGTHS=128,512 SAMPLES=8 BATCH=1,4,8 bash bench/scoring/run.sh
#   JAVA_OPTS="-XX:StartFlightRecording=filename=bench/out/scoring.jfr,settings=profile" bash bench/scoring/run.sh
#
# Results go to bench/out/scoring.md (machine, JVM, commands, tables).
set -euo pipefail
cd "$(dirname "$0")/../.."
LAYERS=${LAYERS:-30}
LENGTHS=${LENGTHS:-128,256,512}
SAMPLES=${SAMPLES:-8}
BATCH=${BATCH:-1,4,8}
ROUNDS=${ROUNDS:-2}
THREADS=${THREADS:-0}
TINY_LENGTHS=${TINY_LENGTHS:-16,32,64}
TINY_ROUNDS=${TINY_ROUNDS:-50}
PY=${PYTHON:-/usr/bin/python3}
JAVA_OPTS=${JAVA_OPTS:-}
OUT=bench/out
TINY=src/test/resources/dev/sift/core/llm/local/tiny
if [ "$LAYERS" = 30 ]; then RANDOM_LM=$OUT/models/random-smollm2-135m; else RANDOM_LM=$OUT/models/random-smollm2-135m-${LAYERS}l; fi
mkdir -p "$OUT"
[ -f target/sift.jar ] || mvn -B -q package -DskipTests
[ -f "$RANDOM_LM/model.onnx" ] || "$PY" bench/models/make_random_lm.py --out "$RANDOM_LM" --layers "$LAYERS"

cpu_model=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
java_version=$(java -version 2>&1 | head -2 | tr '\n' ' ')
tiny_args=(--model "$TINY" --lengths "$TINY_LENGTHS" --samples "$SAMPLES" --batch "$BATCH" --threads 1 --rounds "$TINY_ROUNDS")
random_args=(--model "$RANDOM_LM" --lengths "$LENGTHS" --samples "$SAMPLES" --batch "$BATCH" --threads "$THREADS" --rounds "$ROUNDS")
# shellcheck disable=SC2086
tiny_table=$(java $JAVA_OPTS -jar target/sift.jar bench scoring "${tiny_args[@]}")
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)
# shellcheck disable=SC2086
random_table=$(java $JAVA_OPTS -jar target/sift.jar bench scoring "${random_args[@]}")
{
  echo "# Scoring benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- Command: \`LAYERS=$LAYERS LENGTHS=$LENGTHS SAMPLES=$SAMPLES BATCH=$BATCH ROUNDS=$ROUNDS THREADS=$THREADS bash bench/scoring/run.sh\`${JAVA_OPTS:+ with JAVA_OPTS=\"$JAVA_OPTS\"}"
  echo "- Machine: $(nproc) CPUs (${cpu_model:-unknown model}), $(uname -sr); load average before the random model: $load_before"
  echo "- JVM: $java_version"
  echo
  echo "## Tiny model (1 layer, vocabulary 64): \`sift bench scoring ${tiny_args[*]}\`"
  echo
  echo "$tiny_table"
  echo
  echo "## Random-weight model with SmolLM2-135M's shapes, $LAYERS layers: \`sift bench scoring ${random_args[*]}\`"
  echo
  echo "$random_table"
} > "$OUT/scoring.md"
cat "$OUT/scoring.md"
