# Shared by the whole-process benchmarks (bench/import, bench/seeds); source it, do not run it.

# time_run CMD... -> prints "seconds maxrss_kb" of one whole-process run. Each run starts after a sync, so
# neither side pays for writing back the other's dirty pages.
time_run() {
  local log; log=$(mktemp)
  sync
  /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>"$log.err" || { cat "$log.err" >&2; rm -f "$log" "$log.err"; return 1; }
  cat "$log"; rm -f "$log" "$log.err"
}

# median < numbers, one a line
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
