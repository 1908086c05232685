#!/usr/bin/env bash
# Throughput and peak memory of `baokan stats` against the floor of merely reading and
# decoding the same files with the same number of workers (bench/readfloor).
#
#   bench/stats.sh [CORPUS_DIR] [WORKERS] [RUNS]
#
# Without CORPUS_DIR it generates the 100,000-article corpus of the issue with
# ../shared/tools/gencorpus.py (files layout, GBK, CRLF; about 170 MB) in /tmp/baokan-c100k.
# Runs alternate floor and stats RUNS times (default 5) and report the median of each, so
# that a noisy machine affects both alike. Needs GNU time (/usr/bin/time, Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/baokan-c100k}
workers=${2:-$(nproc)}
runs=${3:-5}
if [ ! -d "$corpus" ]; then
  python3 ../shared/tools/gencorpus.py --out "$corpus" --articles 100000 --seed 1
fi
bin=$(mktemp -d)
go build -o "$bin/baokan" ./cmd/baokan
go build -o "$bin/readfloor" ./bench/readfloor
bytes=$(find "$corpus" -iname '*.txt' -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
cat "$corpus"/txt/*/*/*/* > /dev/null 2>&1 || true # warm the page cache for both
floor=() stats=() rss=()
for i in $(seq "$runs"); do
  f=$("$bin/readfloor" -workers "$workers" "$corpus" | sed 's/.*seconds=\([0-9.]*\).*/\1/')
  floor+=("$f")
  out=$( { /usr/bin/time -f '%e %M' "$bin/baokan" stats -q --workers "$workers" "$corpus" > /dev/null; } 2>&1 )
  stats+=("${out% *}")
  rss+=("${out#* }")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
fs=$(median "${floor[@]}"); ss=$(median "${stats[@]}"); peak=$(printf '%s\n' "${rss[@]}" | sort -g | tail -1)
awk -v b="$bytes" -v f="$fs" -v s="$ss" -v m="$peak" -v w="$workers" -v n="$runs" 'BEGIN {
  printf "corpus: %.1f MB, workers %d, median of %d runs\n", b/1e6, w, n
  printf "read+decode floor: %.2f s  %.1f MB/s\n", f, b/f/1e6
  printf "baokan stats:      %.2f s  %.1f MB/s  (%.0f%% of the floor; bar: 70%%)\n", s, b/s/1e6, 100*f/s
  printf "peak RSS of stats: %.1f MB (bar: 200 MB)\n", m/1024
}'
rm -rf "$bin"
