#!/usr/bin/env bash
# End-to-end IFD scoring throughput of the real job (`sift score ifd`, ScoreIfdJob): samples/s one by one
# (--batch 1) against batched (--batch 8 by default), on the bundled sample dataset, with the random
# SmolLM2-shaped model of run.sh (generate it first: bash bench/scoring/run.sh, or
# /usr/bin/python3 bench/models/make_random_lm.py --out bench/out/models/random-smollm2-135m).
# Every run starts from a fresh project, so nothing is resumed; batch sizes alternate round by round.
#
#   bash bench/scoring/job.sh
#   MODEL=src/test/resources/dev/sift/core/llm/local/tiny BATCHES=1,4,8 ROUNDS=3 bash bench/scoring/job.sh
#
# The job's time is the scoring command's wall time minus that of the same command run again at once, which
# finds every sample already scored: so it includes tokenizing, the forward passes and saving each score,
# not the JVM start or the model load.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODEL=${MODEL:-bench/out/models/random-smollm2-135m}
BATCHES=${BATCHES:-1,8}
ROUNDS=${ROUNDS:-2}
MODE=${MODE:-superfiltering}
DATA=datasets/sample/sift-sample.json
OUT=bench/out/job
mkdir -p "$OUT"
[ -f target/sift.jar ] || mvn -B -q package -DskipTests
echo "| round | --batch | samples | scoring seconds | samples/s |"
echo "|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  order=${BATCHES//,/ }
  if [ $((round % 2)) = 0 ]; then order=$(echo "$order" | tr ' ' '\n' | tac | tr '\n' ' '); fi
  for b in $order; do
    project=$OUT/job-b$b.sift
    rm -f "$project" "$project"-wal "$project"-shm
    java -jar target/sift.jar new "$project" > /dev/null
    java -jar target/sift.jar import -p "$project" --name sample "$DATA" > /dev/null
    args=(score ifd -p "$project" -d sample --model "$MODEL" --mode "$MODE" --batch "$b" --json)
    start=$(date +%s.%N)
    result=$(java -jar target/sift.jar "${args[@]}" 2> /dev/null)
    middle=$(date +%s.%N)
    java -jar target/sift.jar "${args[@]}" > /dev/null 2>&1 # all done already: JVM, model load, reads
    end=$(date +%s.%N)
    total=$(echo "$result" | grep '"kind":"score-ifd"' | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
    seconds=$(echo "($middle - $start) - ($end - $middle)" | bc -l)
    printf '| %d | %d | %d | %.1f | %.2f |\n' "$round" "$b" "$total" "$seconds" "$(echo "$total / $seconds" | bc -l)"
  done
done
