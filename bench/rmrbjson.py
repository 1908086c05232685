#!/usr/bin/env python3
"""Converts a tagged corpus made by ../shared/tools/gencorpus.py into the People's Daily JSON
form (docs/JSON-FORMATS.md), for bench/json.sh: the same articles, as the dataset ships them
(OUT/json/YYYY/M/N.json, one line each, N a running index within the month) and as JSON Lines
(OUT/rmrb.jsonl, the same records one a line, in the same order).

  bench/rmrbjson.py TAGGED_DIR OUT

Mapping (the reverse of the reader's): the headline lines (YT, BT, FT) joined by two spaces
make "title" and open "parts", then a byline line when ZZ names authors, then the body
paragraphs; RQ → "dates", BH → "page_start"/"page_end", ZZ split on "/" → "authors". What the
form lacks (ZQ, TH, FL, LM, BM, GJ, RW, TC) is dropped, as in the real dataset.
"""
import json
import os
import re
import sys

FIELD = re.compile(r"〖([A-Z]{2})/[^〗]*〗(.*?)〖-\1/[^〗]*〗")
BODY = re.compile(r"〖ZW/正文〗\r?\n(.*?)〖-ZW/正文〗", re.S)
INLINE = re.compile(r"〖-?[A-Z]{2}/[^〗]*〗")


def decode(data):
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    return data.decode("gb18030", "replace")


def articles(text):
    for chunk in re.split(r"(?=〖ZQ/总期〗)", text):
        fields = {}
        for code, value in FIELD.findall(chunk):
            fields.setdefault(code, []).append(INLINE.sub("", value).strip())
        if "RQ" not in fields:
            continue
        m = BODY.search(chunk)
        body = []
        if m:
            body = [INLINE.sub("", l).strip(" \t\r\u3000") for l in m.group(1).split("\n")]
            body = [l for l in body if l]
        yield fields, body


def main():
    src, out = sys.argv[1], sys.argv[2]
    paths = []
    for root, _, files in os.walk(src):
        paths += [os.path.join(root, f) for f in files if f.lower().endswith(".txt")]
    paths.sort()
    counters = {}
    n = 0
    with open(os.path.join(out, "rmrb.jsonl"), "w", encoding="utf-8") as lines:
        for p in paths:
            with open(p, "rb") as f:
                text = decode(f.read())
            for fields, body in articles(text):
                rq = fields["RQ"][0]
                if not re.fullmatch(r"\d{8}", rq):
                    continue
                y, mo, d = int(rq[:4]), int(rq[4:6]), int(rq[6:])
                try:
                    page = int(fields.get("BH", ["0"])[0])
                except ValueError:
                    page = 0
                head = fields.get("YT", []) + fields.get("BT", []) + fields.get("FT", [])
                head = [h for h in head if h]
                authors = [a for a in re.split(r"[/ ]", fields.get("ZZ", [""])[0]) if a and "DW：" not in a]
                parts = head + (["  ".join(authors)] if authors else []) + body
                rec = {"title": "  ".join(head), "authors": authors,
                       "dates": [{"year": y, "month": mo, "day": d}],
                       "parts": [{"type": "paragraph", "text": t} for t in parts],
                       "comments": [], "comment_pivots": [], "description": "",
                       "page_start": page, "page_end": page}
                line = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
                k = counters[(y, mo)] = counters.get((y, mo), 0) + 1
                folder = os.path.join(out, "json", str(y), str(mo))
                os.makedirs(folder, exist_ok=True)
                with open(os.path.join(folder, f"{k}.json"), "w", encoding="utf-8") as f:
                    f.write(line)
                lines.write(line + "\n")
                n += 1
    print(f"{n} articles from {len(paths)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
