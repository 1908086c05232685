#!/bin/sh
# serve.sh CACHE [CLIENTS] [REQUESTS]: a bounded load test of `baokan serve` on loopback
# (bench/serveload: mixed views, p50/p95/max), then the server's peak memory (VmHWM) and
# its load time. PASSES=N (default 1) runs the load N times on the same server: the first
# pass starts with nothing computed, the next ones find the results the first kept (the
# explorer keeps them in a bounded LRU). TIMEOUT=DURATION sets the server's --timeout
# (default 10s). For example, on 100,000 generated articles:
#   python3 ../shared/tools/gencorpus.py --out /tmp/serve-c100k --articles 100000
#   go run ./cmd/baokan index /tmp/serve-c100k -o /tmp/serve-c100k.bki
#   bench/serve.sh /tmp/serve-c100k.bki 32 2000
set -eu
cache=$1
clients=${2:-32}
requests=${3:-2000}
tmp=$(mktemp -d /tmp/serve-bench.XXXXXX)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/baokan" ./cmd/baokan
go build -o "$tmp/serveload" ./bench/serveload
start=$(date +%s.%N)
"$tmp/baokan" serve -q ${TIMEOUT:+--timeout "$TIMEOUT"} "$cache" >"$tmp/out" 2>"$tmp/err" &
pid=$!
until grep -q 'http://' "$tmp/out" 2>/dev/null; do
	kill -0 "$pid" || { cat "$tmp/err"; exit 1; }
	sleep 0.2
done
echo "loaded in $(echo "$(date +%s.%N) - $start" | bc) s: $(cat "$tmp/out")"
grep VmHWM /proc/$pid/status | sed 's/^/after loading: /'
url=$(grep -o 'http://[^ ]*' "$tmp/out")
pass=1
while [ "$pass" -le "${PASSES:-1}" ]; do
	echo "pass $pass:"
	"$tmp/serveload" -url "$url" -clients "$clients" -requests "$requests"
	pass=$((pass + 1))
done
grep VmHWM /proc/$pid/status | sed 's/^/peak: /'
