#!/usr/bin/env bash
# baokan report on a cache (or a corpus): wall time, CPU seconds and peak RSS of each run,
# with the load average at the start, so that figures taken on a shared machine can be
# judged.
#
#   bench/report.sh BINARY CACHE.bki [RUNS] [EXTRA FLAGS...]
#   bench/report.sh /tmp/baokan /tmp/c1m.bki 3
#
# The report is written into a temporary folder, removed at the end.
set -euo pipefail
B=$(realpath "$1"); C=$2; RUNS=${3:-3}; shift 2; [ $# -gt 0 ] && shift
OUT=$(mktemp -d /tmp/report-bench-XXXXXX); trap 'rm -rf "$OUT"' EXIT
printf 'binary %s\ninput  %s\n' "$B" "$C"
printf '%-4s %9s %9s %10s  %s\n' run wall_s cpu_s peak_MB load
for i in $(seq 1 "$RUNS"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -v "$B" report -q --force -o "$OUT/r" "$@" "$C" 2> "$OUT/time.txt" >/dev/null || { cat "$OUT/time.txt"; exit 1; }
  awk -v run="$i" -v load="$load" '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
    /User time/ { user = $NF } /System time/ { sys = $NF }
    /Maximum resident set size/ { rss = $NF / 1024 }
    END { printf "%-4s %9.2f %9.2f %10.0f  %s\n", run, wall, user + sys, rss, load }' "$OUT/time.txt"
done
