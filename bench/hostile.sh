#!/usr/bin/env bash
# Peak memory (and time) of `baokan stats` on hostile inputs (issue 12): one 1 GB file of
# many articles, a folder of a million tiny article files, and decompression bombs.
# Target: under 300 MB each.
#
#   bench/hostile.sh [WORK_DIR] [FILES]
#
# WORK_DIR (default /tmp/baokan-hostile) receives the inputs; FILES (default 1000000) is
# the size of the many-files folder. The 1 GB file is the generated 100,000-article corpus
# (../shared/tools/gencorpus.py, GBK, CRLF, about 170 MB) concatenated six times; the
# folder holds FILES distinct two-line UTF-8 articles, 1,000 a folder. Needs GNU time
# (/usr/bin/time) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/baokan-hostile}
files=${2:-1000000}
mkdir -p "$work"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/baokan" ./cmd/baokan

corpus="$work/c100k"
if [ ! -d "$corpus" ]; then
  python3 ../shared/tools/gencorpus.py --out "$corpus" --articles 100000 --seed 1 >/dev/null
fi
if [ ! -f "$work/big.TXT" ]; then
  find "$corpus/txt" -iname '*.txt' -type f | sort | xargs cat > "$work/month.TXT"
  for _ in 1 2 3 4 5 6; do cat "$work/month.TXT"; done > "$work/big.TXT"
fi
if [ ! -d "$work/many" ]; then
  python3 - "$work/many" "$files" <<'EOF'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "%04d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "%07d.TXT" % i), "w") as f:
        f.write("〖RQ/日期〗19621029〖-RQ/日期〗\n〖BT/标题〗标题%d〖-BT/标题〗\n" % i)
EOF
fi
if [ ! -f "$work/bombs/zeros200.zip" ]; then
  mkdir -p "$work/bombs"
  python3 - "$work" <<'EOF'
import os, sys, tarfile, zipfile, io
work = sys.argv[1]
zero = bytes(1 << 20)
# A 2 GiB member of zeros in a zip of about 2 MB (ratio about 1,000).
with zipfile.ZipFile(os.path.join(work, "bombs", "zeros.zip"), "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
    with z.open("a/zero.TXT", "w", force_zip64=True) as f:
        for _ in range(2048):
            f.write(zero)
# A 200 MB member of one article repeated in a zip of about 200 KB: the reporter's
# "200 MB member of a 200 KB zip".
month = open(os.path.join(work, "month.TXT"), "rb").read()
article = month[:month.index(b"\xa1\xbcZQ", 10)]
with zipfile.ZipFile(os.path.join(work, "bombs", "repeated.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("a/month.TXT", "w", force_zip64=True) as f:
        for _ in range((200 << 20) // len(article)):
            f.write(article)
# 200 MiB of zeros: under --max-member-size, but expanding about 1,000 times.
with zipfile.ZipFile(os.path.join(work, "bombs", "zeros200.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("a/zero.TXT", "w", force_zip64=True) as f:
        for _ in range(200):
            f.write(zero)
# The same zeros as a .tar.gz.
class Zeros(io.RawIOBase):
    def __init__(self, n): self.left = n
    def readable(self): return True
    def readinto(self, b):
        k = min(len(b), self.left); b[:k] = bytes(k); self.left -= k; return k
with tarfile.open(os.path.join(work, "bombs", "zeros.tar.gz"), "w:gz") as t:
    info = tarfile.TarInfo("a/zero.TXT"); info.size = 2 << 30
    t.addfile(info, io.BufferedReader(Zeros(info.size)))
EOF
  # A 1 GB member that compresses as text does (about 4:1): streamed, within the bounds
  # once --max-member-size allows it.
  (cd "$work" && rm -f bombs/big.zip && zip -q -j bombs/big.zip big.TXT) 2>/dev/null ||
    python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED,allowZip64=True); z.write(sys.argv[2],'big.TXT'); z.close()" "$work/bombs/big.zip" "$work/big.TXT"
fi

measure() { # name, then the command's arguments
  local name=$1
  shift
  local out
  out=$( { /usr/bin/time -f '%e %M' "$bin/baokan" stats -q "$@" > /dev/null; } 2>&1 ) || true
  local rss=${out##* } secs=${out% *}
  secs=${secs##*$'\n'}
  printf '%-44s %8.1f s %8.1f MB\n' "$name" "$secs" "$(awk -v k="$rss" 'BEGIN {print k/1024}')"
}
printf '%-44s %10s %11s\n' input time "peak RSS"
measure "1 GB file, $(du -m "$work/big.TXT" | cut -f1) MB" "$work/big.TXT"
measure "folder of $files tiny files" "$work/many"
measure "zip: 2 GiB of zeros" "$work/bombs/zeros.zip"
measure "zip: 200 MiB of zeros (ratio ~1,000)" "$work/bombs/zeros200.zip"
measure "zip: 200 MB of one article repeated" "$work/bombs/repeated.zip"
measure "tar.gz: 2 GiB of zeros" "$work/bombs/zeros.tar.gz"
measure "zip: 1 GB text member, --max-member-size 2G" "$work/bombs/big.zip" --max-member-size 2147483648
"$bin/baokan" stats --verbose "$work/bombs" 2>&1 >/dev/null | grep -v '^baokan:' | sed 's/^/  /' || true
