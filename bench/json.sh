#!/usr/bin/env bash
# Read throughput of the People's Daily JSON form against the tagged export, on the same
# articles: `baokan stats` on the tagged corpus made by ../shared/tools/gencorpus.py, on its
# conversion to the dataset's one-file-an-article JSON form (bench/rmrbjson.py), and on the
# same records as one JSON Lines file. MB/s is of input bytes.
#
#   bench/json.sh [ARTICLES] [WORKERS] [RUNS]
#
# ARTICLES (default 100000) are generated in /tmp/json-cNk (GBK, CRLF, one article a file, as
# the archive ships) and converted into /tmp/json-cNk-rmrb (json/ one file an article;
# rmrb.jsonl one file; split/ the same lines in files of 10,000). Runs alternate the four forms
# RUNS times (default 3) and report the median of each and the peak RSS. Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-100000}
workers=${2:-$(nproc)}
runs=${3:-3}
tagged=/tmp/json-c$((articles / 1000))k
json=$tagged-rmrb
if [ ! -d "$tagged" ]; then
  python3 ../shared/tools/gencorpus.py --out "$tagged" --articles "$articles" --seed 1
fi
if [ ! -f "$json/rmrb.jsonl" ]; then
  rm -rf "$json" && mkdir -p "$json"
  python3 bench/rmrbjson.py "$tagged" "$json"
fi
if [ ! -d "$json/split" ]; then
  mkdir -p "$json/split"
  split -l 10000 -d --additional-suffix=.jsonl "$json/rmrb.jsonl" "$json/split/part"
fi
bin=$(mktemp -d)
go build -o "$bin/baokan" ./cmd/baokan
size() { find "$@" -type f \( -iname '*.txt' -o -iname '*.json' -o -iname '*.jsonl' \) -printf '%s\n' | awk '{s+=$1} END {print s}'; }
declare -A src bytes times rss
src[tagged]="$tagged" src[json]="$json/json" src[jsonl]="$json/rmrb.jsonl" src[split]="$json/split"
forms="tagged json jsonl split"
for form in $forms; do
  bytes[$form]=$(size "${src[$form]}")
  find "${src[$form]}" -type f -exec cat {} + > /dev/null
done
for i in $(seq "$runs"); do
  for form in $forms; do
    out=$( { /usr/bin/time -f '%e %M' "$bin/baokan" stats -q --workers "$workers" "${src[$form]}" > /dev/null; } 2>&1 )
    times[$form]+="${out% *} "
    rss[$form]+="${out#* } "
  done
done
median() { printf '%s\n' $@ | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "$articles articles, workers $workers, median of $runs runs of 'baokan stats'"
for form in $forms; do
  t=$(median ${times[$form]}); m=$(printf '%s\n' ${rss[$form]} | sort -g | tail -1)
  awk -v f="$form" -v b="${bytes[$form]}" -v t="$t" -v m="$m" 'BEGIN {
    printf "%-7s %8.1f MB  %6.2f s  %6.1f MB/s  %7.0f articles/s  peak RSS %.0f MB\n", f, b/1e6, t, b/t/1e6, '"$articles"'/t, m/1024 }'
done
rm -rf "$bin"
