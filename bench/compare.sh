#!/usr/bin/env bash
# baokan against gse's own Cut and against the Python pipeline a researcher would otherwise
# write (bench/python/pipeline.py: jieba + scikit-learn + networkx + pandas), on generated
# corpora of growing size, all timed in the same run.
#
#   bench/compare.sh [SIZES...]        (default: 10000 100000 1000000 articles)
#
# Environment: BENCH_DIR (default /tmp/baokan-bench) holds the corpora (generated once with
# ../shared/tools/gencorpus.py --seed 1, one GBK CRLF article a file, reused when present),
# the binaries, the outputs and results.md; WORKERS (default: nproc) cores for baokan and
# gse, PROCESSES (default 2) for Python; RUNS (default 1) runs of everything per size, in
# alternation, of which the median is kept; SKIP_PYTHON=1 leaves the Python pipeline out.
#
# For each size it measures, with GNU time (/usr/bin/time -f '%e %M': wall seconds, peak RSS):
#   gse Cut       bench/cutfloor: gse's Segmenter.Cut on the body paragraphs with WORKERS
#                 goroutines (read and dictionary load not timed): the segmentation floor
#   dict load     `baokan segment </dev/null`: loading gse's dictionary, which a gse user pays too
#   main job      `baokan index CORPUS -o X.bki`, then stats, terms, keywords --by year,
#                 network and timeline --by month on X.bki (segmentation done once)
#   from raw      the same five analyses, each reading CORPUS
#   from cache    the same five analyses, each reading X.bki (the index time excluded)
#   python        bench/python/pipeline.py --processes PROCESSES (the same analyses)
# Commands this build of baokan lacks (index, timeline) are detected with `baokan help` and
# shown as n/a. Peak RSS of a sequence is the largest of its commands; of Python, the
# largest of its processes (GNU time reports the largest process, not their sum).
# The page cache is warmed before each size, so that every contender reads from memory.
# Needs GNU time (Debian: time) and /usr/bin/python3 with python3-jieba python3-sklearn
# python3-networkx python3-pandas.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dir=${BENCH_DIR:-/tmp/baokan-bench}
workers=${WORKERS:-$(nproc)}
procs=${PROCESSES:-2}
runs=${RUNS:-1}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
py=/usr/bin/python3
[ -x /usr/bin/time ] || { echo "compare.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
if [ "${SKIP_PYTHON:-0}" != 1 ] && ! "$py" -c 'import jieba, sklearn, networkx, pandas' 2>/dev/null; then
  echo "compare.sh: $py lacks jieba/sklearn/networkx/pandas (apt-get install python3-jieba python3-sklearn python3-networkx python3-pandas), or set SKIP_PYTHON=1" >&2
  exit 1
fi
mkdir -p "$dir/bin"
go build -o "$dir/bin/baokan" ./cmd/baokan
go build -o "$dir/bin/cutfloor" ./bench/cutfloor
bk=$dir/bin/baokan
has() { ! "$bk" help "$1" 2>&1 | grep -q '^Unknown help topic'; }
has_index=0; has index && has_index=1
has_timeline=0; has timeline && has_timeline=1

# timed CMD...: runs CMD under GNU time, stdin empty, stdout discarded, stderr kept in
# $dir/last.err; prints "seconds kB".
timed() {
  local f; f=$(mktemp)
  if ! /usr/bin/time -o "$f" -f '%e %M' "$@" < /dev/null > /dev/null 2> "$dir/last.err"; then
    echo "compare.sh: failed: $*" >&2; cat "$dir/last.err" >&2; rm -f "$f"; exit 1
  fi
  tail -1 "$f"; rm -f "$f"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
max() { printf '%s\n' "$@" | sort -g | tail -1; }

analyses=(stats terms keywords network timeline)
# args NAME INPUT OUTDIR: the command line of one analysis.
args() {
  case $1 in
    stats) echo "stats -q --workers $workers --by year --format csv -o $3/stats.csv $2" ;;
    terms) echo "terms -q --workers $workers --format csv -o $3/terms.csv $2" ;;
    keywords) echo "keywords -q --workers $workers --by year --format csv -o $3/keywords.csv $2" ;;
    network) echo "network -q --workers $workers --format csv -o $3/network $2" ;;
    timeline) echo "timeline -q --workers $workers --by month --format csv -o $3/timeline.csv $2" ;;
  esac
}
available() { [ "$1" != timeline ] || [ "$has_timeline" = 1 ]; }

jieba=() # "size MB/s" of jieba per process, from the pipeline's own timing
tsv=$dir/results.tsv
: > "$tsv" # size mb body_mb row seconds rss_kb
for n in "${sizes[@]}"; do
  corpus=$dir/c$n
  if [ ! -f "$corpus/truth.tsv" ]; then
    echo "generating $n articles in $corpus" >&2
    rm -rf "$corpus"
    nice -n 10 "$py" ../shared/tools/gencorpus.py --out "$corpus" --articles "$n" --seed 1 > /dev/null
  fi
  out=$dir/out$n; rm -rf "$out"; mkdir -p "$out/raw" "$out/cache" "$out/python"
  bytes=$(find "$corpus/txt" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  find "$corpus/txt" -type f -print0 | xargs -0 cat > /dev/null # warm the page cache
  declare -A sec=() rss=()
  body=0
  for r in $(seq "$runs"); do
    echo "size $n: run $r of $runs" >&2
    line=$("$dir/bin/cutfloor" -workers "$workers" "$corpus")
    body=$(sed 's/.*bytes=\([0-9]*\).*/\1/' <<<"$line")
    sec[cut]+=" $(sed 's/.*seconds=\([0-9.]*\).*/\1/' <<<"$line")"
    t=$(timed "$bk" segment); sec[load]+=" ${t% *}"
    if [ "$has_index" = 1 ]; then
      rm -f "$out/x.bki"
      t=$(timed "$bk" index -q --workers "$workers" -o "$out/x.bki" "$corpus")
      sec[index]+=" ${t% *}"; rss[index]+=" ${t#* }"
    fi
    for a in "${analyses[@]}"; do
      available "$a" || continue
      # shellcheck disable=SC2046 # word splitting of args is intended
      t=$(timed "$bk" $(args "$a" "$corpus" "$out/raw"))
      sec[raw_$a]+=" ${t% *}"; rss[raw_$a]+=" ${t#* }"
      if [ "$has_index" = 1 ]; then
        # shellcheck disable=SC2046
        t=$(timed "$bk" $(args "$a" "$out/x.bki" "$out/cache"))
        sec[cache_$a]+=" ${t% *}"; rss[cache_$a]+=" ${t#* }"
      fi
    done
    if [ "${SKIP_PYTHON:-0}" != 1 ]; then
      t=$(timed "$py" bench/python/pipeline.py --processes "$procs" --out "$out/python" "$corpus")
      sec[python]+=" ${t% *}"; rss[python]+=" ${t#* }"
      cat "$dir/last.err" >> "$out/python.log"
      jieba+=("$n $(sed -n 's/.*jieba_MB\/s_per_process=\([0-9.]*\).*/\1/p' "$dir/last.err")")
    fi
  done
  emit() { [ -n "${sec[$1]:-}" ] || return 0; echo -e "$n\t$bytes\t$body\t$1\t$(median ${sec[$1]})\t$(max ${rss[$1]:-0})" >> "$tsv"; }
  for k in cut load index; do emit "$k"; done
  for a in "${analyses[@]}"; do emit "raw_$a"; emit "cache_$a"; done
  emit python
  unset sec rss
done

# The report: one block per size, then the ratios and the growth across sizes.
awk -F'\t' -v workers="$workers" -v procs="$procs" -v runs="$runs" \
  -v has_index="$has_index" -v has_timeline="$has_timeline" -v md="$dir/results.md" '
function mb(b) { return b / 1e6 }
function na(x) { return x == "" ? "n/a" : x }
function row(label, s, k, b) {
  if (s == "") {
    printf "  %-32s %9s %9s %9s\n", label, "n/a", "n/a", "n/a"
    printf "| %s | %s | %s | n/a | n/a | n/a |\n", size[k], label, mbs[k] >> md
    return
  }
  printf "  %-32s %9.2f %9.1f %9s\n", label, s, mb(b) / s, (rssv == "" ? "" : sprintf("%.0f", rssv / 1024))
  printf "| %s | %s | %.1f | %.2f | %.1f | %s |\n", size[k], label, mb(b), s, mb(b) / s, (rssv == "" ? "" : sprintf("%.0f", rssv / 1024)) >> md
}
{
  k = $1; if (!(k in size)) { order[++ns] = k; size[k] = $1; bytes[k] = $2; body[k] = $3; mbs[k] = sprintf("%.1f", mb($2)) }
  S[k, $4] = $5; R[k, $4] = $6
}
END {
  split("stats terms keywords network timeline", an, " ")
  printf "" > md
  printf "Workers %d (baokan, gse), Python processes %d, median of %d run(s). MB: corpus files (GBK) in 10^6 bytes; MB/s: those MB over the seconds; RSS: peak resident MB.\n\n", workers, procs, runs >> md
  printf "| articles | what | MB | seconds | MB/s | peak RSS MB |\n|---:|---|---:|---:|---:|---:|\n" >> md
  for (i = 1; i <= ns; i++) {
    k = order[i]
    printf "\n%s articles: %.1f MB of files, %.1f MB of body text (UTF-8)\n", k, mb(bytes[k]), mb(body[k])
    printf "  %-32s %9s %9s %9s\n", "", "seconds", "MB/s", "peak MB"
    rssv = ""; row("gse Cut floor (" workers " goroutines)", S[k, "cut"], k, bytes[k])
    rssv = ""; row("gse dictionary load", S[k, "load"], k, bytes[k])
    # main job: index + the five analyses on the cache
    main = ""; mainrss = ""
    if (has_index && has_timeline) {
      main = S[k, "index"]; mainrss = R[k, "index"]
      for (j = 1; j <= 5; j++) { main += S[k, "cache_" an[j]]; if (R[k, "cache_" an[j]] > mainrss) mainrss = R[k, "cache_" an[j]] }
    }
    M[k] = main
    rssv = mainrss; row("main job (index + 5 on cache)", main, k, bytes[k])
    rssv = R[k, "index"]; row("  index", S[k, "index"], k, bytes[k])
    raw = 0; rawrss = 0; cache = 0
    for (j = 1; j <= 5; j++) {
      a = an[j]
      rssv = R[k, "raw_" a]; row("  " a " from raw", S[k, "raw_" a], k, bytes[k])
      rssv = R[k, "cache_" a]; row("  " a " from cache", S[k, "cache_" a], k, bytes[k])
      if (S[k, "raw_" a] != "") { raw += S[k, "raw_" a]; if (R[k, "raw_" a] > rawrss) rawrss = R[k, "raw_" a] }
      if (S[k, "cache_" a] != "") cache += S[k, "cache_" a]
    }
    RAW[k] = raw
    rssv = rawrss; row("analyses from raw, summed", raw, k, bytes[k])
    CACHE[k] = (has_index ? cache : "")
    rssv = ""; row("analyses from cache, summed", CACHE[k], k, bytes[k])
    rssv = R[k, "python"]; row("python pipeline (" procs " processes)", S[k, "python"], k, bytes[k])
    P[k] = S[k, "python"]
  }
  print "\nRatios (same run):"
  printf "\n| articles | python / main job (bar ≥ 8) | python / analyses from raw | gse Cut / main job (bar ≥ 0.85) | (gse Cut + load) / main job | raw / cache, 5 analyses (bar ≥ 10) |\n|---:|---:|---:|---:|---:|---:|\n" >> md
  for (i = 1; i <= ns; i++) {
    k = order[i]
    pm = (P[k] != "" && M[k] != "") ? sprintf("%.1f", P[k] / M[k]) : "n/a"
    pr = (P[k] != "" && RAW[k] > 0) ? sprintf("%.1f", P[k] / RAW[k]) : "n/a"
    cm = (M[k] != "") ? sprintf("%.2f", S[k, "cut"] / M[k]) : "n/a"
    clm = (M[k] != "") ? sprintf("%.2f", (S[k, "cut"] + S[k, "load"]) / M[k]) : "n/a"
    rc = (CACHE[k] != "" && CACHE[k] > 0 && has_timeline) ? sprintf("%.1f", RAW[k] / CACHE[k]) : "n/a"
    printf "  %s: python/main job %s, python/analyses from raw %s, gse Cut/main job %s, (Cut+load)/main job %s, raw/cache %s\n", k, pm, pr, cm, clm, rc
    printf "| %s | %s | %s | %s | %s | %s |\n", k, pm, pr, cm, clm, rc >> md
    if (has_index) for (j = 1; j <= 5; j++) {
      a = an[j]
      if (S[k, "cache_" a] > 0) printf "    %s raw/cache %.1f\n", a, S[k, "raw_" a] / S[k, "cache_" a]
    }
  }
  print "\nTime per article, microseconds (linear growth: flat across sizes):"
  printf "\n| articles | main job µs/article | analyses from raw µs/article | python µs/article | gse Cut µs/article |\n|---:|---:|---:|---:|---:|\n" >> md
  for (i = 1; i <= ns; i++) {
    k = order[i]
    m = (M[k] != "") ? sprintf("%.1f", 1e6 * M[k] / k) : "n/a"
    r = (RAW[k] > 0) ? sprintf("%.1f", 1e6 * RAW[k] / k) : "n/a"
    p = (P[k] != "") ? sprintf("%.1f", 1e6 * P[k] / k) : "n/a"
    c = sprintf("%.1f", 1e6 * S[k, "cut"] / k)
    printf "  %s: main job %s, analyses from raw %s, python %s, gse Cut %s\n", k, m, r, p, c
    printf "| %s | %s | %s | %s | %s |\n", k, m, r, p, c >> md
  }
}' "$tsv"
if [ ${#jieba[@]} -gt 0 ]; then
  echo; echo "jieba.lcut throughput per process (MB/s of UTF-8 body text, timed inside the pipeline):"
  printf '  %s articles: %s MB/s\n' ${jieba[@]}
  { echo; echo "jieba.lcut per process, MB/s of UTF-8 body text (timed inside the pipeline):"
    printf '%s articles: %s MB/s; ' ${jieba[@]}; echo; } >> "$dir/results.md"
fi
echo "results: $dir/results.md ($dir/results.tsv)" >&2
