#!/usr/bin/env bash
# A concept dictionary of 1,000 entries over the cache of a generated corpus: 'baokan lookup'
# (the article × category table, and --by year), and 'timeline --concepts --index'.
#
#   bench/lookup.sh [CACHE.bki] [WORKERS]
#
# Without CACHE it generates 100,000 articles with ../shared/tools/gencorpus.py in
# /tmp/baokan-lookup-c100k and indexes them. The dictionary is made from the cache's own
# words ('baokan terms --top 1500'): 20 categories of 50 entries each, 25 word entries (the
# words ranked 101 to 600) and 25 text:"…" entries (the words ranked 1001 to 1500, matched
# as raw text by the Aho–Corasick automaton). One run of each; output to /dev/null. Printed:
# wall seconds, CPU seconds (user + system) and peak memory (GNU time), and articles a
# second of wall time. On a shared machine the CPU seconds say more than the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${1:-}
workers=${2:-$(nproc)}
tmp=$(mktemp -d /tmp/baokan-lookup-XXXX)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/baokan" ./cmd/baokan
b="$tmp/baokan"
if [ -z "$cache" ]; then
  corpus=/tmp/baokan-lookup-c100k
  [ -d "$corpus" ] || python3 ../shared/tools/gencorpus.py --out "$corpus" --articles 100000 --seed 1
  cache="$corpus.bki"
  [ -f "$cache" ] || "$b" index -q -o "$cache" "$corpus"
fi

"$b" terms -q --top 1500 --format csv "$cache" | awk -F, 'NR > 1 { print $1 }' > "$tmp/words"
python3 - "$tmp/words" "$tmp/concepts.yml" <<'PY'
import sys
words = [w for w in open(sys.argv[1], encoding="utf-8").read().split("\n") if w]
assert len(words) >= 1500, len(words)
plain, text = words[100:600], words[1000:1500]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for c in range(20):
        f.write(f"c{c:02d}:\n")
        for w in plain[25 * c:25 * (c + 1)]:
            f.write(f"  - '{w}'\n")
        for w in text[25 * c:25 * (c + 1)]:
            f.write(f"  - 'text:\"{w}\"'\n")
PY
entries=$(grep -c '^  - ' "$tmp/concepts.yml")
articles=$("$b" stats -q --format csv "$cache" | awk -F, 'NR == 2 { print $2 }')
echo "cache $cache: $articles articles; dictionary: 20 categories, $entries entries; workers $workers"

timed() { { /usr/bin/time -f '%e %M %U %S' "$@" > /dev/null; } 2>&1 | tail -1; }
printf '%-44s %8s %8s %8s %12s\n' command wall_s cpu_s peak_MB articles/s
run() { # name, then the command's arguments
  local name=$1; shift
  r=$(timed "$b" "$@" --concepts "$tmp/concepts.yml" -q --format csv --workers "$workers" "$cache")
  read -r s m u y <<<"$r"
  awk -v c="$name" -v s="$s" -v m="$m" -v cpu="$(awk -v u="$u" -v y="$y" 'BEGIN{print u+y}')" -v n="$articles" 'BEGIN {
    printf "%-44s %8.2f %8.2f %8.0f %12.0f\n", c, s, cpu, m/1024, n/s }'
}
run "lookup (article table)" lookup
run "lookup --by year" lookup --by year
run "timeline --by year --index 'c00 AND c01'" timeline --by year --series articles --index "c00 AND c01"
