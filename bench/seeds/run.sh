#!/usr/bin/env bash
# Seed-import benchmark: whole-process `sift seeds import` against a plain Python script doing the same work
# (bench/seeds/python_seeds.py: read, cut at blank lines to a token budget with overlap, hash, insert into
# SQLite in one transaction), in the same run, on the same files.
#
#   bash bench/seeds/run.sh            # the shared real seed set (if ../shared is present) and 20 MB synthetic
#   REPS=5 MEGABYTES="20 100" bash bench/seeds/run.sh
#
# Reports the median wall time of REPS runs each, the ratio sift/python and peak resident memory.
# Results go to bench/out/seeds.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${REPS:-3}
MEGABYTES=${MEGABYTES:-"20"}
PY=${PYTHON:-python3}
OUT=bench/out
mkdir -p "$OUT"
[ -f target/sift.jar ] || mvn -B -q package -DskipTests

inputs=()
real=../shared/datasets/seeds
if [ -d "$real" ]; then
  # the baseline reads .md/.txt/.py files only: give both sides the shared Markdown and text files
  mkdir -p "$OUT/seeds-shared"
  cp "$real"/docs/*.md "$real"/text/*.txt "$OUT/seeds-shared/"
  inputs+=("$OUT/seeds-shared")
else
  echo "(../shared/datasets absent: skipping the real seed files)" >&2
fi
for mb in $MEGABYTES; do
  d="$OUT/seeds-$mb"
  [ -d "$d" ] || "$PY" bench/seeds/gen_seeds.py "$mb" "$d"
  inputs+=("$d")
done

source bench/timing.sh

{
echo "| input | MB | files | python s | sift s | sift/python | python peak MB | sift peak MB | sift chunks |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$OUT/seeds.md"

for d in "${inputs[@]}"; do
  mb=$(du -sm "$d" | cut -f1); files=$(find "$d" -type f | wc -l)
  py_t=(); py_m=(); sj_t=(); sj_m=()
  for r in $(seq "$REPS"); do
    rm -f "$OUT"/py-seeds.db* "$OUT"/seeds.sift*
    read -r t m < <(time_run "$PY" bench/seeds/python_seeds.py "$d" "$OUT/py-seeds.db"); py_t+=("$t"); py_m+=("$m")
    java -jar target/sift.jar new "$OUT/seeds.sift" >/dev/null
    read -r t m < <(time_run java -jar target/sift.jar seeds import -p "$OUT/seeds.sift" --name bench "$d"); sj_t+=("$t"); sj_m+=("$m")
  done
  chunks=$(java -jar target/sift.jar seeds list -p "$OUT/seeds.sift" | awk 'NR==2 {print $4}')
  pt=$(printf '%s\n' "${py_t[@]}" | median); st=$(printf '%s\n' "${sj_t[@]}" | median)
  pm=$(printf '%s\n' "${py_m[@]}" | median); sm=$(printf '%s\n' "${sj_m[@]}" | median)
  ratio=$(awk -v s="$st" -v p="$pt" 'BEGIN {printf "%.2f", s/p}')
  printf '| %s | %s | %s | %s | %s | %s | %d | %d | %s |\n' "$(basename "$d")" "$mb" "$files" "$pt" "$st" "$ratio" \
    $((pm/1024)) $((sm/1024)) "$chunks" >> "$OUT/seeds.md"
  echo "$(basename "$d"): python ${pt}s, sift ${st}s, ratio $ratio" >&2
done
cat "$OUT/seeds.md"
