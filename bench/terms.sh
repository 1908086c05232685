#!/usr/bin/env bash
# Throughput and peak memory of `baokan terms` against gse's own Cut on the same text with
# the same number of goroutines (bench/cutfloor), on the generated 100,000-article corpus.
#
#   bench/terms.sh [CORPUS_DIR] [WORKERS] [RUNS]
#
# Without CORPUS_DIR it generates the corpus with ../shared/tools/gencorpus.py in
# /tmp/baokan-c100k. Runs alternate floor and terms RUNS times (default 3) and report the
# medians. Two ratios are printed:
#   cut only:   gse Cut time / terms time (terms also loads the dictionary, reads, parses,
#               collects the corpus's words, filters and counts);
#   both load:  (dictionary load + gse Cut time) / terms time, since a gse user loads the
#               dictionary too (load time: `BAOKAN_CACHE_DIR=off baokan segment` on empty
#               input: gse's own load, which baokan pays once per machine).
# Needs GNU time (/usr/bin/time, Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/baokan-c100k}
workers=${2:-$(nproc)}
runs=${3:-3}
if [ ! -d "$corpus" ]; then
  python3 ../shared/tools/gencorpus.py --out "$corpus" --articles 100000 --seed 1
fi
bin=$(mktemp -d)
go build -o "$bin/baokan" ./cmd/baokan
go build -o "$bin/cutfloor" ./bench/cutfloor
floor=() terms=() rss=() load=()
for i in $(seq "$runs"); do
  out=$("$bin/cutfloor" -workers "$workers" "$corpus")
  floor+=("$(sed 's/.*seconds=\([0-9.]*\).*/\1/' <<<"$out")")
  bytes=$(sed 's/.*bytes=\([0-9]*\).*/\1/' <<<"$out")
  t=$( { /usr/bin/time -f '%e %M' "$bin/baokan" terms -q --workers "$workers" "$corpus" > /dev/null; } 2>&1 )
  terms+=("${t% *}"); rss+=("${t#* }")
  l=$( { BAOKAN_CACHE_DIR=off /usr/bin/time -f '%e' "$bin/baokan" segment < /dev/null > /dev/null; } 2>&1 )
  load+=("$l")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
f=$(median "${floor[@]}"); t=$(median "${terms[@]}"); l=$(median "${load[@]}")
peak=$(printf '%s\n' "${rss[@]}" | sort -g | tail -1)
awk -v b="$bytes" -v f="$f" -v t="$t" -v l="$l" -v m="$peak" -v w="$workers" -v n="$runs" 'BEGIN {
  printf "body text: %.1f MB (UTF-8), workers %d, median of %d runs\n", b/1e6, w, n
  printf "gse Cut:          %6.2f s  %5.2f MB/s\n", f, b/f/1e6
  printf "dictionary load:  %6.2f s\n", l
  printf "baokan terms:     %6.2f s  %5.2f MB/s\n", t, b/t/1e6
  printf "ratio, cut only:  %3.0f%%   ratio, both load: %3.0f%%   (bar: 85%%)\n", 100*f/t, 100*(f+l)/t
  printf "peak RSS of terms: %.0f MB (bar: 1 GB)\n", m/1024
}'
rm -rf "$bin"
