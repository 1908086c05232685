#!/usr/bin/env python3
"""Writes jfjb_truth.tsv: the fields of the 119 real articles of ../shared/corpus/jfjb,
read with regular expressions straight from FORMAT.md, independently of the Go parser.

Usage (from corpus/): python3 testdata/jfjb_truth.py ../../shared/corpus/jfjb > testdata/jfjb_truth.tsv

Rules (FORMAT.md): one field a line, 〖XX/名〗value〖-XX/名〗; ZZ split on 〖HH/换行〗, names
on "/", a "DW：" segment is the unit, prose after 〖HH/换行〗 is body text moved to the end
of the body; GJ topics before "RW：" split on / ； and spaces, RW entries after it on / ；;
otherwise an "RW：…" at the end of the last body line is the RW list; TC split on ； / with
the three merged forms of this corpus taken apart; body lines between 〖ZW/正文〗 and
〖-ZW/正文〗, up to 4 spaces of indent and trailing blanks removed, blank lines dropped.
Text is decoded as GBK and compared as Unicode code points (BodyChars counts runes).
"""
import hashlib, os, re, sys

MERGED = {"图片照片": ["图片", "照片"], "新华社通讯照片": ["新华社通讯", "照片"], "公文照片": ["公文", "照片"]}

def fields(lines):
    out = {}
    for ln in lines:
        m = re.match(r"〖([A-Z]{2})/[^〗]*〗(.*)〖-\1/[^〗]*〗$", ln)
        if m:
            out.setdefault(m.group(1), []).append(m.group(2))
    return out

def split(s, seps=r"[/；;]"):
    return [x.strip() for x in re.split(seps, s) if x.strip()]

def uniq(xs):
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x); out.append(x)
    return out

def article(path):
    text = open(path, "rb").read().decode("gbk")
    lines = text.replace("\r\n", "\n").split("\n")
    f = fields(lines)
    one = lambda c: f.get(c, [""])[0]
    body, inside = [], False
    for ln in lines:
        if ln.startswith("〖ZW/正文〗"): inside = True; continue
        if ln.startswith("〖-ZW/正文〗"): inside = False; continue
        if inside:
            s = ln.rstrip(" \t")
            for _ in range(4):
                if s.startswith(" "): s = s[1:]
            if s.strip(): body.append(s)
    authors, unit, spill = [], "", []
    if "ZZ" in f:
        segs = one("ZZ").split("〖HH/换行〗")
        authors = split(segs[0], "/")
        for seg in segs[1:]:
            isunit = seg.startswith("DW：")
            seg = seg[3:].strip() if isunit else seg.strip()
            if not seg: continue
            if spill or re.search("[。！？]", seg) or len(seg) > 60: spill.append(seg)
            elif isunit: unit = seg
            else: authors += split(seg, "/")
    gj = one("GJ")
    topics, rw, src = gj, [], ""
    if "RW：" in gj:
        topics, r = gj.split("RW：", 1)
        rw = split(r); src = "GJ" if rw else ""
    if body and "RW：" in body[-1]:
        head, r = body[-1].split("RW：", 1)
        if head.strip(): body[-1] = head.strip()
        else: body.pop()
        if not rw and split(r): rw, src = split(r), "body"
    body += spill
    genres = []
    for g in split(one("TC")):
        genres += MERGED.get(g, [g])
    fl = one("FL")
    if fl.endswith("RW") and len(fl) > 2: fl = fl[:-2]
    return [str(int(one("ZQ"))), one("RQ"), str(int(one("BH"))), str(int(one("TH"))), one("YT"), one("BT"),
            "|".join(f.get("FT", [])), "|".join(authors), unit, fl, one("LM"), one("BM"),
            "|".join(uniq([t for x in split(topics) for t in x.split()])), "|".join(uniq(genres)),
            "|".join(rw), src, str(len(body)), str(sum(len(p) for p in body)),
            hashlib.sha1("\n".join(body).encode()).hexdigest()]

root = os.path.join(sys.argv[1], "txt")
print("\t".join(["file", "serial", "date", "page", "item", "kicker", "title", "subtitles", "authors", "unit",
                 "class", "column", "pagename", "topics", "genres", "rw", "rwsource", "paras", "chars", "body_sha1"]))
for dirpath, _, names in sorted(os.walk(root)):
    for n in sorted(names):
        print("\t".join([n] + article(os.path.join(dirpath, n))))
