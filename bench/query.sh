#!/usr/bin/env bash
# Time and peak memory of the reading layer on a generated corpus and its cache: kwic for
# a frequent and a rare word, --query with terms, collocations for one word, and, from the
# raw files, kwic against terms (one read-and-cut pass each).
#
#   bench/query.sh [CORPUS_DIR] [RUNS]
#   CACHE=/tmp/index-c1m.bki FREQ=中国 RARE=恩克鲁玛 RARE2=… RAW=0 bench/query.sh /tmp/c1m 1
#
# Without CORPUS_DIR it generates 100,000 articles with ../shared/tools/gencorpus.py in
# /tmp/query-c100k (--layout monthly). The cache is written next to it (CORPUS_DIR.bki)
# unless it is there already. The frequent word is the corpus's 5th by count (中国 in the
# generated corpus), the rare one the first word found in 50–60 articles. Each line gives
# the median of RUNS runs (default 3): wall-clock seconds, CPU seconds (user + system: what
# a loaded machine does not inflate) and the largest peak RSS. CACHE names the cache (else
# CORPUS_DIR.bki, written if absent); FREQ, RARE and RARE2 give the words (each found by a
# pass of terms otherwise: at 1M articles, minutes); RAW=0 skips the raw-file passes. Word
# queries (words, "sequences", /patterns/, NEAR, AND, OR) count their hits from the cache's
# postings: kwic --limit reads only the blocks of its first hits.
# Needs GNU time (/usr/bin/time, Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/query-c100k}
runs=${2:-3}
if [ ! -d "$corpus" ]; then
  python3 ../shared/tools/gencorpus.py --out "$corpus" --articles 100000 --seed 1 --layout monthly
fi
bin=$(mktemp -d)
go build -o "$bin/baokan" ./cmd/baokan
b="$bin/baokan"
cache="${CACHE:-${corpus%/}.bki}"
if [ ! -f "$cache" ] || ! "$b" stats -q "$cache" > /dev/null 2>&1; then
  t=$( { /usr/bin/time -f '%e %M' "$b" index -q -o "$cache" "$corpus"; } 2>&1 )
  echo "index: ${t% *} s, ${t#* } KB"
fi
freq=${FREQ:-$("$b" terms -q --top 5 --format csv "$cache" | awk -F, 'NR==6 {print $1}')}
rare=${RARE:-$("$b" terms -q --top 0 --format csv "$cache" | awk -F, 'NR>1 && $3>=50 && $3<=60 && !w {w=$1} END {print w}')}
rare2=${RARE2:-$("$b" terms -q --top 0 --format csv "$cache" | awk -F, 'NR>1 && $3>=50 && $3<=60 {n++; if (n==2) w=$1} END {print w}')}
echo "corpus: $corpus; cache: $cache ($(du -h "$cache" | cut -f1)); frequent word: $freq; rare word: $rare"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # label, then the command line
  local label=$1; shift
  local times=() cpus=() peak=0
  for _ in $(seq "$runs"); do
    read -r e u s m < <( { /usr/bin/time -f '%e %U %S %M' "$b" "$@" -q --format csv > /dev/null; } 2>&1 )
    times+=("$e")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
    [ "$m" -gt "$peak" ] && peak=$m
  done
  printf '%-44s %7.2f s wall %7.2f s CPU %8d KB\n' "$label" "$(median "${times[@]}")" "$(median "${cpus[@]}")" "$peak"
}
measure "cache: stats (metadata only)" stats "$cache"
measure "cache: terms" terms "$cache"
measure "cache: kwic $freq --limit 20" kwic "$freq" --limit 20 "$cache"
measure "cache: kwic $freq (every hit)" kwic "$freq" "$cache"
measure "cache: kwic $rare" kwic "$rare" "$cache"
measure "cache: kwic '$freq 人民' --limit 20" kwic "\"$freq 人民\"" --limit 20 "$cache"
measure "cache: kwic '$freq NEAR/5 美国' --limit 20" kwic "$freq NEAR/5 美国" --limit 20 "$cache"
measure "cache: kwic '$rare NEAR/10 $freq'" kwic "$rare NEAR/10 $freq" "$cache"
measure "cache: terms --query $freq" terms --query "$freq" "$cache"
measure "cache: terms --query $rare" terms --query "$rare" "$cache"
measure "cache: terms --query '$rare OR $rare2'" terms --query "$rare OR $rare2" "$cache"
measure "cache: articles --query text:$rare" articles --query "text:$rare" "$cache"
measure "cache: collocations $freq" collocations "$freq" "$cache"
measure "cache: collocations $rare" collocations "$rare" "$cache"
[ "${RAW:-1}" = 0 ] && exit 0 # RAW=0: the cache only
runs=1 # the raw passes cut every body: one run each
measure "raw: terms" terms "$corpus"
measure "raw: kwic $rare" kwic "$rare" "$corpus"
measure "raw: terms --query $rare" terms --query "$rare" "$corpus"
