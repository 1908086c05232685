#!/usr/bin/env bash
# Cost of `baokan export --parquet` over `baokan terms` on the same corpus: wall and user
# time, peak RSS, and the sizes of the two Parquet files, on the generated 100,000-article
# corpus (or CORPUS_DIR).
#
#   bench/export.sh [CORPUS_DIR] [WORKERS] [RUNS]
#
# Without CORPUS_DIR it generates the corpus with ../shared/tools/gencorpus.py in
# /tmp/baokan-c100k. Runs alternate terms and export RUNS times (default 1) and report the
# medians. Segmentation dominates both; export adds two metadata passes that resolve the
# RW lists (the resolver's segmenter, loaded when an entry needs it, costs a fixed ~2 s
# and is freed before the word segmenter loads) and the two Parquet writers.
# Needs GNU time (/usr/bin/time, Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/baokan-c100k}
workers=${2:-$(nproc)}
runs=${3:-1}
if [ ! -d "$corpus" ]; then
  python3 ../shared/tools/gencorpus.py --out "$corpus" --articles 100000 --seed 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/baokan" ./cmd/baokan
tw=() tu=() tm=() ew=() eu=() em=()
for i in $(seq "$runs"); do
  read -r w u m < <( { /usr/bin/time -f '%e %U %M' "$tmp/baokan" terms -q --top 0 --workers "$workers" "$corpus" > /dev/null; } 2>&1 )
  tw+=("$w"); tu+=("$u"); tm+=("$m")
  rm -rf "$tmp/out"
  read -r w u m < <( { /usr/bin/time -f '%e %U %M' "$tmp/baokan" export -q --workers "$workers" --parquet "$tmp/out" "$corpus"; } 2>&1 )
  ew+=("$w"); eu+=("$u"); em+=("$m")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
arts=$(stat -c %s "$tmp/out/articles.parquet")
toks=$(stat -c %s "$tmp/out/tokens.parquet")
awk -v tw="$(median "${tw[@]}")" -v tu="$(median "${tu[@]}")" -v tm="$(median "${tm[@]}")" \
    -v ew="$(median "${ew[@]}")" -v eu="$(median "${eu[@]}")" -v em="$(median "${em[@]}")" \
    -v a="$arts" -v t="$toks" -v w="$workers" -v n="$runs" 'BEGIN {
  printf "workers %d, median of %d runs\n", w, n
  printf "baokan terms:   %7.2f s wall %7.2f s user  peak RSS %4.0f MB\n", tw, tu, tm/1024
  printf "baokan export:  %7.2f s wall %7.2f s user  peak RSS %4.0f MB\n", ew, eu, em/1024
  printf "export / terms: %6.0f%% wall %6.0f%% user\n", 100*ew/tw, 100*eu/tu
  printf "articles.parquet %.1f MB, tokens.parquet %.1f MB\n", a/1e6, t/1e6
}'
