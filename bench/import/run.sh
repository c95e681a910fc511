#!/usr/bin/env bash
# Import benchmark: whole-process `sift import` against a plain Python json.load + sqlite3.executemany
# script doing the same work (bench/import/python_import.py), in the same run, on the same files.
#
#   bash bench/import/run.sh            # 17k real Alpaca records (if ../shared is present), 200k, 1M
#   REPS=5 SIZES="200000" bash bench/import/run.sh
#
# Reports the median wall time of REPS runs each, the ratio sift/python (goal <= 0.67 at 200k), peak
# resident memory, and a 1M-record import with -Xmx512m. Results go to bench/out/import.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${REPS:-3}
SIZES=${SIZES:-"200000 1000000"}
PY=${PYTHON:-python3}
OUT=bench/out
mkdir -p "$OUT"
[ -f target/sift.jar ] || mvn -B -q package -DskipTests

inputs=()
real=../shared/datasets/alpaca/alpaca_union_17k_from_public_subsets.json
if [ -f "$real" ]; then inputs+=("$real"); else echo "(../shared/datasets absent: skipping the 17k real-data run)" >&2; fi
for n in $SIZES; do
  f="$OUT/alpaca-$n.json"
  [ -f "$f" ] || "$PY" bench/import/gen_alpaca.py "$n" "$f"
  inputs+=("$f")
done

source bench/timing.sh

{
echo "| input | records | python s | sift s | sift/python | python peak MB | sift peak MB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
} > "$OUT/import.md"

for f in "${inputs[@]}"; do
  records=$("$PY" -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$f")
  heap=""
  [ "$records" -ge 1000000 ] && heap="-Xmx512m"
  py_t=(); py_m=(); sj_t=(); sj_m=()
  for r in $(seq "$REPS"); do
    rm -f "$OUT/py.db" "$OUT/py.db-wal" "$OUT/py.db-shm" "$OUT/bench.sift" "$OUT/bench.sift-wal" "$OUT/bench.sift-shm"
    read -r t m < <(time_run "$PY" bench/import/python_import.py "$f" "$OUT/py.db"); py_t+=("$t"); py_m+=("$m")
    java -jar target/sift.jar new "$OUT/bench.sift" >/dev/null
    read -r t m < <(time_run java $heap -jar target/sift.jar import -p "$OUT/bench.sift" "$f"); sj_t+=("$t"); sj_m+=("$m")
  done
  pt=$(printf '%s\n' "${py_t[@]}" | median); st=$(printf '%s\n' "${sj_t[@]}" | median)
  pm=$(printf '%s\n' "${py_m[@]}" | median); sm=$(printf '%s\n' "${sj_m[@]}" | median)
  ratio=$(awk -v s="$st" -v p="$pt" 'BEGIN {printf "%.2f", s/p}')
  label=$(basename "$f")${heap:+ ($heap)}
  printf '| %s | %s | %s | %s | %s | %d | %d |\n' "$label" "$records" "$pt" "$st" "$ratio" $((pm/1024)) $((sm/1024)) >> "$OUT/import.md"
  echo "$label: python ${pt}s, sift ${st}s, ratio $ratio" >&2
done
cat "$OUT/import.md"
