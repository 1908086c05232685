#!/usr/bin/env bash
# Every command's output on the embedded sample, the shared JSON samples and a generated
# corpus, into OUTDIR, so that a change meant to keep outputs byte-identical can be checked:
#
#   bench/golden.sh OLD-BINARY /tmp/golden-old CORPUS10K
#   bench/golden.sh NEW-BINARY /tmp/golden-new CORPUS10K
#   diff -r /tmp/golden-old /tmp/golden-new
#
# CORPUS10K: a generated corpus (python3 ../shared/tools/gencorpus.py --out DIR --articles
# 10000), or empty to skip it. Stderr is kept too (summaries, counts), with timings removed.
set -uo pipefail
B=$(realpath "$1"); O=$2; BIG=${3:-}; W=${WORKERS:-2}
SHARED=$(cd "$(dirname "$0")/../.." && pwd)/shared
mkdir -p "$O"; O=$(realpath "$O"); cd "$O"  # relative output names: outputs that echo them stay comparable
run() {
  local name=$1; shift
  "$B" "$@" > "$O/$name.out" 2> "$O/$name.err.raw"
  echo $? > "$O/$name.rc"
  # elapsed times and rates vary from run to run
  sed -E 's/[0-9.]+ ?(ms|µs|s|MB\/s|articles\/s)\b/T/g' "$O/$name.err.raw" > "$O/$name.err"; rm -f "$O/$name.err.raw"
}
corpus_commands() {
  local p=$1; shift
  run $p.stats stats --workers $W "$@"
  run $p.stats-year stats --by year --format csv --workers $W "$@"
  run $p.stats-genre stats --by genre --format csv --workers $W "$@"
  run $p.stats-paper stats --by paper --format csv --workers $W "$@"
  run $p.articles articles --format csv --workers $W "$@"
  run $p.articles-words articles --format json --words --workers $W "$@"
  run $p.terms terms --workers $W "$@"
  run $p.terms-year terms --by year --top 20 --format csv --workers $W "$@"
  run $p.keywords keywords --by year --top 10 --format csv --workers $W "$@"
  run $p.keywords-art keywords --top 5 --format csv --workers $W "$@"
  run $p.keyness keyness --target 'from=1966-05-16,to=1976-10-06' --format csv --workers $W "$@"
  run $p.keyness-q keyness --target 'query=美国' --format csv --workers $W "$@"
  run $p.persons persons --format csv --workers $W "$@"
  run $p.persons-sum persons --summary --format csv --workers $W "$@"
  run $p.persons-both persons --persons both --summary --format csv --workers $W "$@"
  run $p.network network --format csv -o "$p.net" --workers $W "$@"
  run $p.network-dec network --by decade --format csv -o "$p.netdec" --workers $W "$@"
  run $p.network-gexf network --gexf "$p.gexf" --graphml "$p.graphml" --workers $W "$@"
  run $p.network-q network --query 美国 --format csv --workers $W "$@"
  run $p.timeline timeline --by year --format csv --workers $W "$@"
  run $p.timeline-terms timeline --by month --term 毛主席 --term 美帝 --person 毛泽东 --series articles,chars,tokens --format csv --workers $W "$@"
  run $p.timeline-bursts timeline --by year --bursts --term 毛主席 --person 毛泽东 --format csv --workers $W "$@"
  run $p.timeline-week timeline --by week --series articles --smooth 3 --format csv --workers $W "$@"
  run $p.timeline-paper timeline --by year --paper-series 人民日报 --paper-series 解放军报 --format csv --workers $W "$@"
  run $p.kwic kwic 美国 --format csv --workers $W "$@"
  run $p.kwic-near kwic '美国 NEAR/5 人民' --sort right --format csv --workers $W "$@"
  run $p.kwic-sample kwic 人民 --sample 20 --seed 3 --chars 10 --format csv --workers $W "$@"
  run $p.colloc collocations 美国 --span 3,3 --min-count 2 --format csv --workers $W "$@"
  run $p.colloc-year collocations 人民 --by decade --min-count 3 --format csv --workers $W "$@"
  run $p.show show --query 'title:美国' --workers $W "$@"
  run $p.lookup lookup --concepts concepts.yml --format csv --workers $W "$@"
  run $p.timeline-concepts timeline --by year --concepts concepts.yml --format csv --workers $W "$@"
  run $p.newwords newwords --format csv --workers $W "$@"
  run $p.export export --parquet "$p.parquet" --workers $W "$@"
  run $p.report report -o "$p.report" --workers $W "$@"
  rm -f "$p.report/figures/"*.png 2>/dev/null  # fonts' rasterizer may differ; the SVGs stay
}
cat > concepts.yml <<'YML'
military: [军队, 解放军, 部队, 战士]
usa: [美国, 美帝, "美帝国主义"]
YML
corpus_commands sample
if [ -d "$SHARED/corpus" ]; then
  corpus_commands jfjb "$SHARED/corpus/jfjb"
  corpus_commands json "$SHARED/corpus/rmrb-json" "$SHARED/corpus/whb-json"
fi
printf '毛泽东同志在北京会见了吕行硕和美国朋友。\n' > segment.txt
run segment segment segment.txt
run segment-find segment --find segment.txt
if [ -n "$BIG" ]; then
  corpus_commands big "$BIG"
  "$B" index "$BIG" -o big.bki -q --workers $W 2>/dev/null
  corpus_commands cache big.bki
  rm -f big.bki
fi
# Parquet files carry the writer's metadata; compare them by content
for f in *.parquet/*.parquet; do [ -f "$f" ] && sha256sum "$f" > "$f.sha256"; done
exit 0
