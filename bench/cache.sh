#!/usr/bin/env bash
# The segment-once cache on the generated 100,000-article corpus: `baokan index` against
# gse's own Cut on the same text and cores (bench/cutfloor), and the main job's analyses
# from the cache against the same analyses from the raw files.
#
#   bench/cache.sh [CORPUS_DIR] [WORKERS]
#
# Without CORPUS_DIR it generates the corpus with ../shared/tools/gencorpus.py in
# /tmp/baokan-c100k. One run of each (the raw analyses segment the corpus each time: about
# as long as index). Analyses write CSV to /dev/null. Printed:
#   index:           time, peak memory, body text MB/s, and gse Cut's time over index's;
#   each analysis:   time and peak memory from the raw files and from the cache, and the
#                    ratio raw / cache;
#   main job:        index + the analyses from the cache, against gse Cut alone (the
#                    throughput ratio; bar 85%), and the analyses' total raw / cache
#                    (bar 10×).
# timeline is included when the binary has it. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/baokan-c100k}
workers=${2:-$(nproc)}
if [ ! -d "$corpus" ]; then
  python3 ../shared/tools/gencorpus.py --out "$corpus" --articles 100000 --seed 1
fi
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/baokan" ./cmd/baokan
go build -o "$bin/cutfloor" ./bench/cutfloor
b="$bin/baokan"
cache="$bin/corpus.bki"

out=$("$bin/cutfloor" -workers "$workers" "$corpus")
floor=$(sed 's/.*seconds=\([0-9.]*\).*/\1/' <<<"$out")
bytes=$(sed 's/.*bytes=\([0-9]*\).*/\1/' <<<"$out")

timed() { { /usr/bin/time -f '%e %M' "$@" > /dev/null; } 2>&1 | tail -1; }
idx=$(timed "$b" index -q --workers "$workers" -o "$cache" "$corpus")
size=$(stat -c %s "$cache")

analyses=("stats" "terms" "keywords --by year" "network" )
if "$b" timeline --help > /dev/null 2>&1; then analyses+=("timeline --by month"); fi

printf 'body text: %.1f MB (UTF-8), workers %d, cache %.0f MB\n' "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" "$workers" "$(awk -v s="$size" 'BEGIN{print s/1e6}')"
awk -v f="$floor" -v i="${idx% *}" -v m="${idx#* }" -v b="$bytes" 'BEGIN {
  printf "gse Cut:        %7.2f s  %5.2f MB/s\n", f, b/f/1e6
  printf "baokan index:   %7.2f s  %5.2f MB/s  %4.0f MB peak  (%3.0f%% of Cut)\n", i, b/i/1e6, m/1024, 100*f/i
}'
printf '%-22s %10s %8s %10s %8s %7s\n' analysis raw_s raw_MB cache_s cache_MB ratio
rawtotal=0 cachetotal=0
for a in "${analyses[@]}"; do
  # shellcheck disable=SC2086
  r=$(timed "$b" $a -q --format csv --workers "$workers" "$corpus")
  # shellcheck disable=SC2086
  c=$(timed "$b" $a -q --format csv --workers "$workers" "$cache")
  awk -v a="$a" -v r="${r% *}" -v rm="${r#* }" -v c="${c% *}" -v cm="${c#* }" 'BEGIN {
    printf "%-22s %10.2f %8.0f %10.2f %8.0f %6.1fx\n", a, r, rm/1024, c, cm/1024, r/(c>0?c:0.01) }'
  rawtotal=$(awk -v x="$rawtotal" -v y="${r% *}" 'BEGIN{print x+y}')
  cachetotal=$(awk -v x="$cachetotal" -v y="${c% *}" 'BEGIN{print x+y}')
done
awk -v f="$floor" -v i="${idx% *}" -v r="$rawtotal" -v c="$cachetotal" 'BEGIN {
  printf "analyses: %.2f s from the raw files, %.2f s from the cache: %.1fx (bar: 10x)\n", r, c, r/c
  printf "main job (index + analyses from the cache): %.2f s, %3.0f%% of gse Cut throughput (bar: 85%%)\n", i+c, 100*f/(i+c)
}'
