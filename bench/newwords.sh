#!/usr/bin/env bash
# Cost of finding names and new words (issue 17): `baokan index` of the generated
# 100,000-article corpus with the search on (the default) and off (--no-names
# --no-new-words), alternating, RUNS times each (default 3): wall seconds, CPU seconds
# (user + system) and peak resident memory, medians. On a machine shared with other work,
# the CPU seconds are the steadier figure.
#
#   bench/newwords.sh [CORPUS_DIR] [RUNS]
#
# Without CORPUS_DIR it generates the corpus with ../shared/tools/gencorpus.py in
# /tmp/baokan-c100k. Needs GNU time (/usr/bin/time, Debian: time).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/baokan-c100k}
runs=${2:-3}
if [ ! -d "$corpus" ]; then
  python3 ../shared/tools/gencorpus.py --out "$corpus" --articles 100000 --seed 1
fi
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/baokan" ./cmd/baokan
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A wall cpu rss
for i in $(seq "$runs"); do
  for mode in on off; do
    flags=()
    [ "$mode" = off ] && flags=(--no-names --no-new-words)
    out=$( { /usr/bin/time -f '%e %U %S %M' "$bin/baokan" index -q "${flags[@]}" -o "$bin/c.bki" "$corpus" > /dev/null; } 2>&1 | tail -1)
    read -r e u s m <<< "$out"
    wall[$mode]+="$e "
    cpu[$mode]+="$(echo "$u + $s" | bc) "
    rss[$mode]+="$m "
  done
done
for mode in on off; do
  # shellcheck disable=SC2086
  echo "index, search $mode: wall $(median ${wall[$mode]}) s, cpu $(median ${cpu[$mode]}) s, peak $(( $(median ${rss[$mode]}) / 1024 )) MB"
done
