#!/usr/bin/python3
"""The pipeline a researcher would otherwise write in Python, for bench/compare.sh.

It computes what baokan's main job computes, with the libraries a competent Python user
would pick (Debian: python3-jieba python3-sklearn python3-networkx python3-pandas), written
plainly: neither deliberately slow nor tuned beyond the obvious (a process pool, counts
instead of token lists kept in memory).

  /usr/bin/python3 bench/python/pipeline.py CORPUS_DIR --out DIR [--processes 2]

1. parse: every *.TXT / *.txt under CORPUS_DIR, decoded as GB18030 (a superset of GBK;
   undecodable bytes replaced), split into articles at 〖ZQ/总期〗, fields by regular
   expression: RQ date, BH page, TC genres (split at ； and /), GJ's `RW：a/b/c` list (split at / and
   ；, plus an `RW：` list appended to the body's last line), ZW body paragraphs (inline tags
   such as 〖HH/换行〗 removed).
2. segment: jieba.lcut on each body paragraph, jieba's default mode (accurate mode with its
   HMM for unknown words on, HMM=True being jieba's default). Tokens are dropped when they
   are punctuation, symbols, spaces or numbers (also 2.5, 10%), Latin-only, or in the stop-word
   list (by default baokan's own analysis/segment/stopwords_zh.txt, so the counts compare).
   jieba has no parallel mode on every platform (jieba.enable_parallel needs fork and is
   global), so files are spread over multiprocessing.Pool(--processes) in chunks; the
   dictionary is loaded once in the parent before the pool forks.
3. outputs, as CSV in --out:
   stats_year.csv, stats_page.csv, stats_genre.csv   articles and body characters per group
   terms.csv          term,count,docs,per_10k,rank   (the --top most frequent)
   keywords_year.csv  year,term,tf,df,idf,tfidf,rank: TF-IDF with each year's words as one
                      document, as `baokan keywords --by year`: raw tf, smooth idf
                      ln((1+N)/(1+df))+1, L2 normalisation (scikit-learn's defaults, through
                      DictVectorizer + TfidfTransformer since the words arrive counted)
   network_nodes.csv  person,articles,degree,weighted_degree,pagerank,betweenness
   network_edges.csv  source,target,weight (articles naming both)
                      networkx: pagerank(weight="weight"), betweenness_centrality with edge
                      length 1/weight, as `baokan network`
   timeline_month.csv month,articles,tokens,chars (pandas groupby month)
A line of timings goes to stderr, with jieba's throughput per process: UTF-8 body bytes over
the CPU seconds spent in jieba.lcut.
"""

import argparse
import collections
import itertools
import multiprocessing
import os
import re
import sys
import time

import jieba
import networkx as nx
import pandas as pd
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer

FIELD = re.compile(r"〖([A-Z]{2})/[^〗]*〗(.*?)〖-\1/[^〗]*〗", re.S)
INLINE_TAG = re.compile(r"〖[^〗]*〗")
RW_SPLIT = re.compile(r"[/；]")
GENRE_SPLIT = RW_SPLIT
# Punctuation, symbols, spaces and numbers (with . , % between digits): nothing else.
JUNK = re.compile(r"[\W_\d.,%．，％]+")
HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")

STOPWORDS = frozenset()  # set by init_worker in each process; read-only afterwards


def init_worker(stopwords):
    global STOPWORDS
    STOPWORDS = stopwords
    jieba.setLogLevel(60)
    jieba.initialize()  # a no-op when the parent loaded it before forking


def keep(token):
    if token in STOPWORDS or JUNK.fullmatch(token):
        return False
    return bool(HAN.search(token)) or not LATIN.search(token)


def parse_file(path):
    """Yields (date, page, genres, persons, paragraphs) for each article of the file."""
    with open(path, "rb") as f:
        text = f.read().decode("gb18030", errors="replace")
    for chunk in text.split("〖ZQ/总期〗")[1:]:
        fields = dict(FIELD.findall("〖ZQ/总期〗" + chunk))
        body = [line.strip() for line in INLINE_TAG.sub("", fields.get("ZW", "")).splitlines()]
        body = [p for p in body if p]
        rw = ""
        gj = fields.get("GJ", "")
        if "RW：" in gj:
            rw = gj.split("RW：", 1)[1]
        elif body and "RW：" in body[-1]:
            body[-1], rw = body[-1].split("RW：", 1)
            if not body[-1]:
                body.pop()
        persons = tuple(sorted({p.strip() for p in RW_SPLIT.split(rw) if p.strip()}))
        genres = tuple(g.strip() for g in GENRE_SPLIT.split(fields.get("TC", "")) if g.strip())
        yield fields.get("RQ", "").strip(), fields.get("BH", "").strip(), genres, persons, body


def process_chunk(paths):
    """Parses and segments some files; returns their article rows and word counts."""
    rows = []
    by_year = collections.defaultdict(collections.Counter)
    docs = collections.Counter()
    cut_seconds = 0.0
    cut_bytes = 0
    for path in paths:
        for date, page, genres, persons, body in parse_file(path):
            tokens = []
            t0 = time.process_time()  # CPU time: a busy machine does not inflate it
            for para in body:
                tokens.extend(jieba.lcut(para))
            cut_seconds += time.process_time() - t0
            cut_bytes += sum(len(p.encode("utf-8")) for p in body)
            tokens = [t for t in tokens if keep(t)]
            counts = collections.Counter(tokens)
            by_year[date[:4]].update(counts)
            docs.update(counts.keys())
            rows.append((date, page, genres, persons, sum(len(p) for p in body), len(tokens)))
    return rows, by_year, docs, cut_seconds, cut_bytes


def load_stopwords(path):
    with open(path, encoding="utf-8-sig") as f:
        return frozenset(w.strip() for w in f if w.strip() and not w.startswith("#"))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--out", required=True)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=500, help="files per task")
    ap.add_argument("--top", type=int, default=100, help="terms to write (0: all)")
    ap.add_argument("--top-keywords", type=int, default=10, help="keywords per year")
    ap.add_argument("--stopwords", default=os.path.join(here, "..", "..", "analysis", "segment", "stopwords_zh.txt"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    stopwords = load_stopwords(args.stopwords)
    init_worker(stopwords)  # loads jieba's dictionary once, before the pool forks

    start = time.perf_counter()
    paths = sorted(
        os.path.join(d, n) for d, _, names in os.walk(args.corpus) for n in names if n.lower().endswith(".txt")
    )
    chunks = [paths[i : i + args.chunk] for i in range(0, len(paths), args.chunk)]
    rows = []
    by_year = collections.defaultdict(collections.Counter)
    docs = collections.Counter()
    cut_seconds = 0.0
    cut_bytes = 0
    with multiprocessing.Pool(processes=args.processes, initializer=init_worker, initargs=(stopwords,)) as pool:
        for r, y, d, cs, cb in pool.imap_unordered(process_chunk, chunks):
            rows.extend(r)
            for year, counts in y.items():
                by_year[year].update(counts)
            docs.update(d)
            cut_seconds += cs
            cut_bytes += cb
    t_segment = time.perf_counter()

    articles = pd.DataFrame(rows, columns=["date", "page", "genres", "persons", "chars", "tokens"])
    articles["year"] = articles["date"].str[:4]
    articles["month"] = articles["date"].str[:4] + "-" + articles["date"].str[4:6]
    articles["page"] = pd.to_numeric(articles["page"], errors="coerce")

    # stats
    for by, frame in (
        ("year", articles),
        ("page", articles),
        ("genre", articles.explode("genres").rename(columns={"genres": "genre"})),
    ):
        g = frame.groupby(by, dropna=False).agg(articles=("date", "size"), chars=("chars", "sum"))
        g["share"] = g["articles"] / len(articles)
        g.to_csv(os.path.join(args.out, f"stats_{by}.csv"))

    # terms
    total = collections.Counter()
    for counts in by_year.values():
        total.update(counts)
    kept = sum(total.values())
    terms = pd.DataFrame(total.items(), columns=["term", "count"])
    terms["docs"] = terms["term"].map(docs)
    terms["per_10k"] = terms["count"] * 10000 / kept
    terms = terms.sort_values(["count", "term"], ascending=[False, True])
    terms["rank"] = terms["count"].rank(method="min", ascending=False).astype(int)
    (terms.head(args.top) if args.top > 0 else terms).to_csv(os.path.join(args.out, "terms.csv"), index=False)

    # keywords by year: each year's words are one document
    years = sorted(by_year)
    vec = DictVectorizer()
    tf = vec.fit_transform([by_year[y] for y in years])
    tfidf = TfidfTransformer().fit(tf)
    weights = tfidf.transform(tf).tocsr()
    vocab = vec.get_feature_names_out()
    df = (tf > 0).sum(axis=0).A1
    out = []
    for i, year in enumerate(years):
        row = weights.getrow(i)
        top = sorted(zip(row.data, row.indices), key=lambda p: (-p[0], vocab[p[1]]))[: args.top_keywords]
        for w, j in top:
            rank = 1 + sum(1 for v, _ in top if v > w)  # competition rank, as baokan
            out.append((year, vocab[j], int(tf[i, j]), int(df[j]), tfidf.idf_[j], w, rank))
    pd.DataFrame(out, columns=["year", "term", "tf", "df", "idf", "tfidf", "rank"]).to_csv(
        os.path.join(args.out, "keywords_year.csv"), index=False
    )
    t_keywords = time.perf_counter()

    # co-mention network
    mentions = collections.Counter()
    weights_by_pair = collections.Counter()
    for persons in articles["persons"]:
        mentions.update(persons)
        weights_by_pair.update(itertools.combinations(persons, 2))
    g = nx.Graph()
    g.add_nodes_from(mentions)
    g.add_weighted_edges_from((a, b, w) for (a, b), w in weights_by_pair.items())
    nx.set_edge_attributes(g, {e: 1 / w for e, w in nx.get_edge_attributes(g, "weight").items()}, "length")
    pagerank = nx.pagerank(g, weight="weight")
    betweenness = nx.betweenness_centrality(g, weight="length")
    nodes = pd.DataFrame(
        {
            "person": list(g.nodes),
            "articles": [mentions[p] for p in g.nodes],
            "degree": [g.degree(p) for p in g.nodes],
            "weighted_degree": [g.degree(p, weight="weight") for p in g.nodes],
            "pagerank": [pagerank[p] for p in g.nodes],
            "betweenness": [betweenness[p] for p in g.nodes],
        }
    ).sort_values(["articles", "person"], ascending=[False, True])
    nodes.to_csv(os.path.join(args.out, "network_nodes.csv"), index=False)
    edges = pd.DataFrame([(a, b, w) for (a, b), w in weights_by_pair.items()], columns=["source", "target", "weight"])
    edges.sort_values(["source", "target"]).to_csv(os.path.join(args.out, "network_edges.csv"), index=False)
    t_network = time.perf_counter()

    # monthly timeline
    timeline = articles.groupby("month").agg(
        articles=("date", "size"), tokens=("tokens", "sum"), chars=("chars", "sum")
    )
    timeline.to_csv(os.path.join(args.out, "timeline_month.csv"))
    t_end = time.perf_counter()

    print(
        f"pipeline files={len(paths)} articles={len(articles)} body_bytes={cut_bytes} "
        f"tokens_kept={kept} processes={args.processes} "
        f"parse_segment_s={t_segment - start:.2f} keywords_s={t_keywords - t_segment:.2f} "
        f"network_s={t_network - t_keywords:.2f} timeline_s={t_end - t_network:.2f} total_s={t_end - start:.2f} "
        f"jieba_s={cut_seconds:.2f} jieba_MB/s_per_process={cut_bytes / max(cut_seconds, 1e-9) / 1e6:.3f}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
