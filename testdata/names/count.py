#!/usr/bin/env python3
"""Count the occurrences of the annotated person names in the real PLA Daily articles.

The names in annotated.tsv were annotated by reading (see README.md); this script only counts
them and checks the table. Text counted: the YT/BT/FT title lines and the body lines between
〖ZW/正文〗 and 〖-ZW/正文〗, decoded from GBK (GB18030), without an `RW：…` tail on the last
body line, plus body text that spilled into ZZ after 〖HH/换行〗 (one article; the project's
reader moves it to the body too). Lines are joined with "\n".

Rule: an occurrence of a name is counted unless it lies inside an occurrence of a longer name
annotated for the same article (泽登巴尔 inside 尤穆佳·泽登巴尔) or inside a string listed in
excluded.tsv for that article or for all (`*`): words that contain a name but are not a
person (马克思列宁主义, 毛泽东思想, 立新功).

Usage: count.py [--corpus DIR] [--write]
  without --write: recompute every count, report rows whose count differs or whose name does
  not occur at all as a substring, exit 1 if any; with --write: rewrite the count column.
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, '..', '..', '..', 'shared', 'corpus', 'jfjb')


def article_text(path):
    raw = open(path, 'rb').read()
    try:
        s = raw.decode('utf-8')
    except UnicodeDecodeError:
        s = raw.decode('gb18030', errors='replace')
    lines = s.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    out = []
    for tag in ('YT/引题', 'BT/标题', 'FT/副题'):
        for l in lines:
            m = re.match('〖' + tag + '〗(.*?)〖-' + tag + '〗', l)
            if m:
                out.append(m.group(1))
    body, inside = [], False
    for l in lines:
        if l.strip() == '〖ZW/正文〗':
            inside = True
        elif l.strip() == '〖-ZW/正文〗':
            inside = False
        elif inside:
            body.append(l)
    if body:
        body[-1] = re.sub('RW：.*$', '', body[-1])
    for l in lines:
        m = re.match('〖ZZ/作者〗(.*?)〖-ZZ/作者〗', l)
        if not m:
            continue
        spill = False
        for seg in m.group(1).split('〖HH/换行〗')[1:]:
            seg = seg.strip()
            if seg.startswith('DW：'):
                seg = seg[3:].strip()
            if seg and (spill or re.search('[。！？]', seg) or len(seg) > 40):
                spill = True
                body.append(seg)
    text = '\n'.join(out + body)
    # Inline tags (none in the 119 articles today) would be removed by the project's reader.
    return re.sub('〖-?[A-Za-z]{2,4}[/；;][^〖〗]{0,12}〗', '', text)


def spans(text, s):
    i = text.find(s)
    while i >= 0:
        yield i, i + len(s)
        i = text.find(s, i + 1)


def count(text, name, longer):
    covered = []
    for other in longer:
        covered.extend(spans(text, other))
    n = 0
    for a, b in spans(text, name):
        if not any(x <= a and b <= y for x, y in covered):
            n += 1
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus', default=DEFAULT_CORPUS)
    ap.add_argument('--write', action='store_true')
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        print('corpus %s absent: nothing to check' % args.corpus)
        return 0
    rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(HERE, 'annotated.tsv'), encoding='utf-8')]
    header, rows = rows[0], rows[1:]
    excluded = {}
    for l in open(os.path.join(HERE, 'excluded.tsv'), encoding='utf-8').readlines()[1:]:
        f, s = l.rstrip('\n').split('\t')[:2]
        excluded.setdefault(f, []).append(s)
    byfile = {}
    for r in rows:
        byfile.setdefault(r[0], []).append(r[1])
    bad = 0
    texts = {}
    for r in rows:
        f, name = r[0], r[1]
        if f not in texts:
            texts[f] = article_text(os.path.join(args.corpus, f))
        text = texts[f]
        longer = [o for o in byfile[f] if len(o) > len(name) and name in o]
        longer += [e for e in excluded.get('*', []) + excluded.get(f, []) if name in e]
        n = count(text, name, longer)
        raw = sum(1 for _ in spans(text, name))
        if raw < 1 or n < 1:
            print('%s\t%s: %d substring occurrences, %d counted' % (f, name, raw, n))
            bad += 1
        if args.write:
            r[3:] = [str(n)]
        elif len(r) < 4 or r[3] != str(n):
            print('%s\t%s: table says %s, counted %d' % (f, name, r[3] if len(r) > 3 else '-', n))
            bad += 1
    keys = [(r[0], r[1]) for r in rows]
    if len(set(keys)) != len(keys):
        print('duplicate rows')
        bad += 1
    if args.write:
        rows.sort(key=lambda r: (r[0], r[1]))
        with open(os.path.join(HERE, 'annotated.tsv'), 'w', encoding='utf-8') as w:
            w.write('\t'.join(header) + '\n')
            for r in rows:
                w.write('\t'.join(r) + '\n')
    if bad:
        print('%d problems' % bad)
        return 1
    print('%d rows in %d articles: all counts agree' % (len(rows), len(byfile)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
