#!/usr/bin/env bash
# baokan against gse's own Cut and against the Python pipeline a researcher would otherwise
# write (bench/python/pipeline.py: jieba + scikit-learn + networkx + pandas), on generated
# corpora of growing size, all timed in the same run. See bench/README.md.
#
#   bench/compare.sh [SIZES...]        (default: 10000 100000 1000000 articles)
#
# Environment: BENCH_DIR (default /tmp/baokan-bench) holds the corpora (generated once with
# ../shared/tools/gencorpus.py --seed 1, one GBK CRLF article a file, reused when present),
# the binaries, the outputs and results.md; WORKERS (default: nproc) cores for baokan and
# gse, PROCESSES (default 2) for Python; RUNS (default 1) runs of everything per size, in
# alternation, of which the median is kept; SKIP=python,raw,cut (any of them) leaves out
# the Python pipeline, the analyses from raw files, the gse Cut floor (for a quick 1M run);
# BAOKAN=/path/to/baokan measures that binary instead of building ./cmd/baokan;
# REPORT_ONLY=1 prints the report again from $BENCH_DIR/results.tsv without measuring.
#
# For each size it measures, with GNU time (/usr/bin/time: wall seconds, peak RSS, and user +
# system CPU seconds, which other processes on a shared machine inflate less than wall time):
#   gse Cut       bench/cutfloor: gse's Segmenter.Cut on the body paragraphs with WORKERS
#                 goroutines (read and dictionary load not timed): the segmentation floor
#   dict load     `BAOKAN_CACHE_DIR=off baokan segment </dev/null`: loading gse's dictionary through
#                 gse, which a gse user pays at every start (baokan pays it once per machine, then
#                 reads the dictionary it saved; jieba does the same with its own cache: both caches
#                 are filled before anything is timed)
#   main job      `baokan index CORPUS -o X.bki`, then stats, terms, keywords --by year,
#                 network and timeline --by month --series articles,chars,tokens on X.bki
#                 (segmentation done once)
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
dir=${BENCH_DIR:-/tmp/baokan-bench}
workers=${WORKERS:-$(nproc)}
procs=${PROCESSES:-2}
runs=${RUNS:-1}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
py=/usr/bin/python3
[ -x /usr/bin/time ] || { echo "compare.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
skip() { [[ ",${SKIP:-}," == *",$1,"* ]]; }
if ! skip python && ! "$py" -c 'import jieba, sklearn, networkx, pandas' 2>/dev/null; then
  echo "compare.sh: $py lacks jieba/sklearn/networkx/pandas (apt-get install python3-jieba python3-sklearn python3-networkx python3-pandas), or set SKIP=python" >&2
  exit 1
fi
mkdir -p "$dir/bin"
bk=${BAOKAN:-$dir/bin/baokan}
[ -n "${BAOKAN:-}" ] || go build -o "$bk" ./cmd/baokan
go build -o "$dir/bin/cutfloor" ./bench/cutfloor
has() { local h; h=$("$bk" help "$1" 2>&1); [[ $h != "Unknown help topic"* ]]; }
has_index=0; if has index; then has_index=1; fi
has_timeline=0; if has timeline; then has_timeline=1; fi

# timed CMD...: runs CMD under GNU time, stdin empty, stdout discarded, stderr kept in
# $dir/last.err; prints "wall_seconds peak_kB cpu_seconds". Assign its output (t=$(timed
# ...)) so that set -e stops the script when the command fails.
timed() {
  local f; f=$(mktemp)
  if ! /usr/bin/time -o "$f" -f '%e %M %U %S' "$@" < /dev/null > /dev/null 2> "$dir/last.err"; then
    echo "compare.sh: failed: $*" >&2; cat "$dir/last.err" >&2; rm -f "$f"; exit 1
  fi
  tail -1 "$f" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}'; rm -f "$f"
}

analyses=(stats terms keywords network timeline)
# args NAME INPUT OUTDIR: the command line of one analysis.
args() {
  case $1 in
    stats) echo "stats -q --workers $workers --by year --format csv -o $3/stats.csv $2" ;;
    terms) echo "terms -q --workers $workers --format csv -o $3/terms.csv $2" ;;
    keywords) echo "keywords -q --workers $workers --by year --format csv -o $3/keywords.csv $2" ;;
    network) echo "network -q --workers $workers --format csv -o $3/network $2" ;;
    timeline) echo "timeline -q --workers $workers --by month --series articles,chars,tokens --format csv -o $3/timeline.csv $2" ;;
  esac
}
available() { [ "$1" != timeline ] || [ "$has_timeline" = 1 ]; }

# Fill the dictionary caches of baokan and jieba, as any earlier run on the machine would have.
"$bk" segment < /dev/null > /dev/null
if ! skip python; then "$py" -c 'import jieba; jieba.setLogLevel(60); jieba.initialize()'; fi
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
tsv=$dir/results.tsv # size, file bytes, body bytes, row, run, wall s, peak kB, cpu s
[ "${REPORT_ONLY:-0}" = 1 ] || : > "$tsv"
[ "${REPORT_ONLY:-0}" = 1 ] && sizes=()
for n in "${sizes[@]}"; do
  corpus=$dir/c$n
  if [ ! -f "$corpus/truth.tsv" ]; then
    echo "generating $n articles in $corpus" >&2
    rm -rf "$corpus"
    nice -n 10 "$py" ../shared/tools/gencorpus.py --out "$corpus" --articles "$n" --seed 1 > /dev/null
  fi
  corpus=$(readlink -f "$corpus") # baokan does not descend into a symlink given as CORPUS
  out=$dir/out$n; rm -rf "$out"; mkdir -p "$out/raw" "$out/cache" "$out/python"
  bytes=$(find "$corpus/txt" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  find "$corpus/txt" -type f -print0 | xargs -0 cat > /dev/null # warm the page cache
  body=0 # UTF-8 body bytes, as cutfloor counts them
  for r in $(seq "$runs"); do
    echo "size $n: run $r of $runs" >&2
    rec() { echo -e "$n\t$bytes\t$body\t$1\t$r\t${2// /\\t}" >> "$tsv"; }
    if ! skip cut; then
      line=$("$dir/bin/cutfloor" -workers "$workers" "$corpus")
      body=$(sed 's/.*bytes=\([0-9]*\).*/\1/' <<<"$line")
      rec cut "$(sed 's/.*seconds=\([0-9.]*\).*cpu=\([0-9.]*\).*/\1 0 \2/' <<<"$line")"
    fi
    t=$(timed env BAOKAN_CACHE_DIR=off "$bk" segment); rec load "$t"
    if [ "$has_index" = 1 ]; then
      rm -f "$out/x.bki"
      t=$(timed "$bk" index -q --workers "$workers" -o "$out/x.bki" "$corpus"); rec index "$t"
    fi
    for a in "${analyses[@]}"; do
      available "$a" || continue
      if ! skip raw; then
        # shellcheck disable=SC2046 # word splitting of args is intended
        t=$(timed "$bk" $(args "$a" "$corpus" "$out/raw")); rec "raw_$a" "$t"
      fi
      if [ "$has_index" = 1 ]; then
        # shellcheck disable=SC2046
        t=$(timed "$bk" $(args "$a" "$out/x.bki" "$out/cache")); rec "cache_$a" "$t"
      fi
    done
    if ! skip python; then
      t=$(timed "$py" bench/python/pipeline.py --processes "$procs" --out "$out/python" "$corpus"); rec python "$t"
      cat "$dir/last.err" >> "$out/python.log"
      jieba=$(sed -n 's/.*jieba_MB\/s_per_process=\([0-9.]*\).*/\1/p' "$dir/last.err")
      rec jieba "$jieba 0 0"
    fi
  done
done

# The report: one block per size, then the ratios and the growth across sizes.
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
awk -F'\t' -v workers="$workers" -v procs="$procs" -v runs="$runs" -v load="$load_start / $load_end" \
  -v has_index="$has_index" -v has_timeline="$has_timeline" -v md="$dir/results.md" '
function mb(b) { return b / 1e6 }
function median(k, row,    n, i, j, t, v) {
  n = split(vals[k, row], v, " ")
  if (n == 0) return ""
  for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j] + 0 < v[j-1] + 0; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
  return v[int((n + 1) / 2)]
}
function fmt(x, f) { return x == "" ? "n/a" : sprintf(f, x) }
function ratio(a, b, f) { return (a == "" || b == "" || b + 0 == 0) ? "n/a" : sprintf(f, a / b) }
function row(k, label, s, c, m) {
  printf "  %-34s %9s %9s %9s %9s\n", label, fmt(s, "%.2f"), fmt(c, "%.2f"), (s == "" ? "n/a" : fmt(mb(bytes[k]) / s, "%.1f")), (m == "" ? "" : fmt(m / 1024, "%.0f"))
  printf "| %s | %s | %s | %s | %s | %s |\n", k, label, fmt(s, "%.2f"), fmt(c, "%.2f"), (s == "" ? "n/a" : fmt(mb(bytes[k]) / s, "%.1f")), (m == "" ? "" : fmt(m / 1024, "%.0f")) >> md
}
{
  k = $1; if (!(k in bytes)) { order[++ns] = k; bytes[k] = $2; body[k] = $3 }
  vals[k, $4 "/s"] = vals[k, $4 "/s"] " " $6
  vals[k, $4 "/m"] = vals[k, $4 "/m"] " " $7
  vals[k, $4 "/c"] = vals[k, $4 "/c"] " " $8
}
END {
  split("stats terms keywords network timeline", an, " ")
  printf "" > md
  printf "Workers %d (baokan, gse), Python processes %d, median of %d run(s), load average (1, 5, 15 min) at start / end: %s. MB: corpus files (GBK), 10^6 bytes; seconds: wall; CPU s: user + system; MB/s: file MB over wall seconds; peak RSS in MB.\n\n", workers, procs, runs, load >> md
  printf "| articles | what | seconds | CPU s | MB/s | peak RSS MB |\n|---:|---|---:|---:|---:|---:|\n" >> md
  for (i = 1; i <= ns; i++) {
    k = order[i]
    for (key in vals) { split(key, kk, SUBSEP); if (kk[1] == k) V[kk[2]] = median(k, kk[2]) }
    printf "\n%s articles: %.1f MB of files, %.1f MB of body text (UTF-8)\n", k, mb(bytes[k]), mb(body[k])
    printf "  %-34s %9s %9s %9s %9s\n", "", "seconds", "CPU s", "MB/s", "peak MB"
    row(k, "gse Cut floor (" workers " goroutines)", V["cut/s"], V["cut/c"], "")
    row(k, "gse dictionary load", V["load/s"], V["load/c"], V["load/m"])
    ms = ""; mc = ""; mm = ""
    if (has_index) {
      ms = V["index/s"]; mc = V["index/c"]; mm = V["index/m"]
      for (j = 1; j <= 5; j++) { ms += V["cache_" an[j] "/s"]; mc += V["cache_" an[j] "/c"]; if (V["cache_" an[j] "/m"] + 0 > mm + 0) mm = V["cache_" an[j] "/m"] }
    }
    row(k, "main job (index + " (has_timeline ? 5 : 4) " on cache)", ms, mc, (ms == "" ? "" : mm))
    if (has_index) row(k, "  index", V["index/s"], V["index/c"], V["index/m"])
    rs = 0; rc = 0; rm = 0; cs = ""; cc = ""
    for (j = 1; j <= 5; j++) {
      a = an[j]
      if (V["raw_" a "/s"] == "" && V["cache_" a "/s"] == "") { row(k, "  " a, "", "", ""); continue }
      if (V["raw_" a "/s"] != "") {
        row(k, "  " a " from raw", V["raw_" a "/s"], V["raw_" a "/c"], V["raw_" a "/m"])
        rs += V["raw_" a "/s"]; rc += V["raw_" a "/c"]; if (V["raw_" a "/m"] + 0 > rm) rm = V["raw_" a "/m"]
      }
      if (V["cache_" a "/s"] != "") {
        row(k, "  " a " from cache", V["cache_" a "/s"], V["cache_" a "/c"], V["cache_" a "/m"])
        cs += V["cache_" a "/s"]; cc += V["cache_" a "/c"]
      }
    }
    if (rm == 0) { rs = ""; rc = ""; rm = "" } # none measured
    row(k, "analyses from raw, summed", rs, rc, rm)
    row(k, "analyses from cache, summed", cs, cc, "")
    row(k, "python pipeline (" procs " processes)", V["python/s"], V["python/c"], V["python/m"])
    MS[k] = ms; MC[k] = mc; RAWS[k] = rs; RAWC[k] = rc; CS[k] = cs; CC[k] = cc
    PS[k] = V["python/s"]; PC[k] = V["python/c"]; CUT[k] = V["cut/s"]; CUTC[k] = V["cut/c"]; LOAD[k] = V["load/s"]; J[k] = V["jieba/s"]
    for (j = 1; j <= 5; j++) if (V["cache_" an[j] "/s"] + 0 > 0 && V["raw_" an[j] "/s"] != "") PER[k] = PER[k] sprintf(" %s %s (%s)", an[j], ratio(V["raw_" an[j] "/s"], V["cache_" an[j] "/s"], "%.1f"), ratio(V["raw_" an[j] "/c"], V["cache_" an[j] "/c"], "%.1f"))
    delete V
  }
  print "\nRatios from the same run (wall; CPU time in brackets):"
  printf "\n| articles | python / main job (bar ≥ 8) | python / analyses from raw | gse Cut / main job (bar ≥ 0.85) | (gse Cut + load) / main job | raw / cache of the analyses (bar ≥ 10) |\n|---:|---:|---:|---:|---:|---:|\n" >> md
  for (i = 1; i <= ns; i++) {
    k = order[i]
    pm = ratio(PS[k], MS[k], "%.1f") " (" ratio(PC[k], MC[k], "%.1f") ")"
    pr = ratio(PS[k], RAWS[k], "%.1f") " (" ratio(PC[k], RAWC[k], "%.1f") ")"
    cm = ratio(CUT[k], MS[k], "%.2f") " (" ratio(CUTC[k], MC[k], "%.2f") ")"
    clm = (MS[k] == "" || CUT[k] == "") ? "n/a" : ratio(CUT[k] + LOAD[k], MS[k], "%.2f")
    rc = (CS[k] != "" && RAWS[k] != "") ? ratio(RAWS[k], CS[k], "%.1f") " (" ratio(RAWC[k], CC[k], "%.1f") ")" : "n/a"
    printf "  %s: python/main job %s, python/analyses from raw %s, gse Cut/main job %s, (Cut+load)/main job %s, raw/cache %s\n", k, pm, pr, cm, clm, rc
    if (PER[k] != "") printf "    raw/cache per analysis:%s\n", PER[k]
    printf "| %s | %s | %s | %s | %s | %s |\n", k, pm, pr, cm, clm, rc >> md
  }
  print "\nMicroseconds per article, wall (CPU in brackets; flat across sizes when time grows linearly):"
  printf "\n| articles | main job µs/article | analyses from raw µs/article | python µs/article | gse Cut µs/article | jieba MB/s per process |\n|---:|---:|---:|---:|---:|---:|\n" >> md
  for (i = 1; i <= ns; i++) {
    k = order[i]
    m = (MS[k] != "") ? sprintf("%.0f (%.0f)", 1e6 * MS[k] / k, 1e6 * MC[k] / k) : "n/a"
    r = (RAWS[k] != "") ? sprintf("%.0f (%.0f)", 1e6 * RAWS[k] / k, 1e6 * RAWC[k] / k) : "n/a"
    p = (PS[k] != "") ? sprintf("%.0f (%.0f)", 1e6 * PS[k] / k, 1e6 * PC[k] / k) : "n/a"
    c = (CUT[k] != "") ? sprintf("%.0f (%.0f)", 1e6 * CUT[k] / k, 1e6 * CUTC[k] / k) : "n/a"
    jj = (J[k] != "") ? J[k] : "n/a"
    printf "  %s: main job %s, analyses from raw %s, python %s, gse Cut %s; jieba %s MB/s per process\n", k, m, r, p, c, jj
    printf "| %s | %s | %s | %s | %s | %s |\n", k, m, r, p, c, jj >> md
  }
}' "$tsv"
echo "results: $dir/results.md ($dir/results.tsv)" >&2
