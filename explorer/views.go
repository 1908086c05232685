package explorer

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/concordance"
	"github.com/baokan/baokan/analysis/keyness"
	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/corpus"
)

// Table is what every view of the API gives: the baokan command line that prints the same
// table, its columns and rows, and what else the view draws.
type Table struct {
	Command string         `json:"command"`
	Columns []string       `json:"columns"`
	Rows    [][]any        `json:"rows"`
	Extra   map[string]any `json:"extra,omitempty"`
}

// Params are a request's parameters (url.Values reduced to their first value).
type Params map[string]string

func (p Params) int(name string, def, lo, hi int) (int, error) {
	s := p[name]
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s=%q: want a number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

// shellQuote quotes s for a POSIX shell when it holds an ASCII character the shell reads
// specially (letters of other scripts, Chinese among them, need no quotes).
func shellQuote(s string) string {
	special := func(r rune) bool {
		return r < 128 && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' ||
			strings.ContainsRune("-_./=:,+@%", r))
	}
	if s != "" && !strings.ContainsFunc(s, special) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func command(c *Corpus, args ...string) string {
	var b strings.Builder
	b.WriteString("baokan")
	for _, a := range append(args, c.Source) {
		b.WriteByte(' ')
		b.WriteString(shellQuote(a))
	}
	return b.String()
}

// yearFilter returns the filter of year (0: none).
func yearFilter(year int) (from, to corpus.Date) {
	if year == 0 {
		return
	}
	return corpus.Date{Year: year, Month: 1, Day: 1}, corpus.Date{Year: year, Month: 12, Day: 31}
}

// Overview is the corpus at a glance: articles per year (the table), the reading summary,
// the articles per page and per genre. It depends on nothing but the corpus: it is
// computed once.
func (c *Corpus) Overview(ctx context.Context, p Params) (*Table, error) {
	c.overviewOnce.Do(func() { c.overview, c.overviewErr = c.computeOverview() })
	return c.overview, c.overviewErr
}

func (c *Corpus) computeOverview() (*Table, error) {
	agg, err := timeline.New(timeline.Year, []timeline.Series{timeline.Total(timeline.Articles), timeline.Total(timeline.Chars)})
	if err != nil {
		return nil, err
	}
	pages, genres := map[int]int{}, map[string]int{}
	for i := range c.Articles {
		a := &c.Articles[i]
		agg.Add(timeline.DocOf(a, nil, nil))
		pages[a.Page]++
		for _, g := range a.Genres {
			genres[g]++
		}
	}
	tab := agg.Table()
	t, err := timelineTable(command(c, "timeline", "--by", "year", "--series", "articles,chars"), tab)
	if err != nil {
		return nil, err
	}
	type count struct {
		Key   string `json:"key"`
		Count int    `json:"count"`
	}
	var pl, gl []count
	for _, k := range slices.Sorted(mapsKeys(pages)) {
		pl = append(pl, count{strconv.Itoa(k), pages[k]})
	}
	for k, n := range genres {
		gl = append(gl, count{k, n})
	}
	slices.SortFunc(gl, func(a, b count) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Key, b.Key)
	})
	s := c.Summary
	diags := map[string]int{}
	for k, n := range s.Diagnostics {
		diags[string(k)] = n
	}
	t.Extra = map[string]any{"files": s.Files, "bytes": s.Bytes, "articles": s.Articles,
		"articles_with_problems": s.ArticlesProblems, "diagnostics": diags, "vocabulary": len(c.Vocab),
		"pages": pl, "genres": gl, "undated": agg.Undated(), "stats_command": command(c, "stats")}
	return t, nil
}

func mapsKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// kwicColumns are the columns of `baokan kwic`.
var kwicColumns = []string{"path", "line", "date", "page", "item", "title", "left", "match", "right", "position"}

// Search runs a query (q) as `baokan kwic` does: every hit in its context, sorted (sort:
// date, left, right), narrowed by year, pg (page) and genre; the rows of result page n
// (per lines a page), the counts of hits by year, page and genre as facets.
func (c *Corpus) Search(ctx context.Context, p Params) (*Table, error) {
	q, err := c.Compile(p["q"])
	if err != nil {
		return nil, err
	}
	if !q.NeedsWords() && !q.NeedsText() {
		return nil, fmt.Errorf("q: no word, \"words\", /pattern/ or text: term to find in the text (fields alone select articles)")
	}
	order, err := concordance.ParseOrder(p["sort"])
	if err != nil {
		return nil, fmt.Errorf("sort: %w", err)
	}
	page, err := p.int("page", 1, 1, 1<<20)
	if err != nil {
		return nil, err
	}
	per, err := p.int("per", 50, 1, 1000)
	if err != nil {
		return nil, err
	}
	window, err := p.int("window", 10, 1, 50)
	if err != nil {
		return nil, err
	}
	year, err := p.int("year", 0, 0, 9999)
	if err != nil {
		return nil, err
	}
	pg, err := p.int("pg", 0, 0, 1<<20)
	if err != nil {
		return nil, err
	}
	f := &corpus.Filter{Page: pg, Genre: p["genre"]}
	f.From, f.To = yearFilter(year)
	// Hits are kept as references; the lines of the rows shown only are made. Sorting by
	// left or right context needs every line's context, so those orders make them all.
	type ref struct {
		art  int
		span query.Span
	}
	slots := Slots()
	refs := make([][]ref, slots)
	articles := make([]int, slots)
	err = c.Each(ctx, slots, func(s, i int) {
		if !f.Match(&c.Articles[i]) {
			return
		}
		ok, hits := q.Hits(c.Doc(i, q))
		if !ok || len(hits) == 0 {
			return
		}
		articles[s]++
		for _, h := range hits {
			refs[s] = append(refs[s], ref{i, h})
		}
	})
	if err != nil {
		return nil, err
	}
	all := slices.Concat(refs...)
	opt := concordance.Options{Window: window}
	// keys are the lines as concordance.Sort orders them; Line holds the index in all
	// until the line is made.
	keys := make([]concordance.Line, len(all))
	for k, r := range all {
		if k%1024 == 0 && ctx.Err() != nil {
			return nil, ErrTimeout
		}
		if order == concordance.ByLeft || order == concordance.ByRight {
			keys[k] = concordance.Make(&c.Articles[r.art], r.art, c.Words(r.art), []query.Span{r.span}, opt)[0]
		} else {
			ids := c.IDs[r.art][r.span.Start:r.span.End]
			match := make([]string, len(ids))
			for j, id := range ids {
				match[j] = c.Vocab[id]
			}
			keys[k] = concordance.Line{Date: c.Articles[r.art].Date, Article: r.art, Position: r.span.Start, Match: strings.Join(match, "")}
		}
		keys[k].Line = k
	}
	if err := ctx.Err(); err != nil {
		return nil, ErrTimeout
	}
	concordance.Sort(keys, order)
	years, pages, genres := map[string]int{}, map[string]int{}, map[string]int{}
	narts := 0
	for s := range articles {
		narts += articles[s]
	}
	for _, r := range all {
		a := &c.Articles[r.art]
		if !a.Date.IsZero() {
			years[strconv.Itoa(a.Date.Year)]++
		}
		pages[strconv.Itoa(a.Page)]++
		for _, g := range a.Genres {
			genres[g]++
		}
	}
	args := []string{"kwic", p["q"]}
	if order != concordance.Corpus {
		args = append(args, "--sort", string(order))
	}
	if window != 10 {
		args = append(args, "--window", strconv.Itoa(window))
	}
	if year != 0 {
		args = append(args, "--from", f.From.String(), "--to", f.To.String())
	}
	if pg != 0 {
		args = append(args, "--page", strconv.Itoa(pg))
	}
	if f.Genre != "" {
		args = append(args, "--genre", f.Genre)
	}
	t := &Table{Command: command(c, args...), Columns: kwicColumns}
	lo, hi := min(len(all), (page-1)*per), min(len(all), page*per)
	if p["format"] == "csv" || p["all"] == "1" {
		lo, hi = 0, len(all)
	}
	for _, key := range keys[lo:hi] {
		r := all[key.Line]
		l := key
		if order != concordance.ByLeft && order != concordance.ByRight {
			l = concordance.Make(&c.Articles[r.art], r.art, c.Words(r.art), []query.Span{r.span}, opt)[0]
		} else {
			l.Line = c.Articles[r.art].Line
		}
		t.Rows = append(t.Rows, []any{l.Path, l.Line, l.Date.String(), l.Page, l.Item, l.Title, l.Left, l.Match, l.Right, l.Position})
	}
	t.Extra = map[string]any{"hits": len(all), "articles": narts, "page": page, "per": per,
		"pages": (len(all) + per - 1) / per, "facets": map[string]any{"year": facet(years), "page": facet(pages), "genre": facet(genres)}}
	return t, nil
}

type facetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// facet lists counts by value, most first (ties by value, numbers as numbers).
func facet(m map[string]int) []facetValue {
	out := make([]facetValue, 0, len(m))
	for k, n := range m {
		out = append(out, facetValue{k, n})
	}
	slices.SortFunc(out, func(a, b facetValue) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		x, ex := strconv.Atoi(a.Value)
		y, ey := strconv.Atoi(b.Value)
		if ex == nil && ey == nil {
			return x - y
		}
		return strings.Compare(a.Value, b.Value)
	})
	return out
}

// Trends counts words (and person:NAME) by period as `baokan timeline` does, among the
// words the default filter keeps, with Kleinberg bursts: terms (separated by spaces or
// commas), by (year, month, quarter, decade).
func (c *Corpus) Trends(ctx context.Context, p Params) (*Table, error) {
	by := p["by"]
	if by == "" {
		by = "year"
	}
	unit, err := timeline.ParseUnit(by)
	if err != nil {
		return nil, fmt.Errorf("by: %w", err)
	}
	var series []timeline.Series
	args := []string{"timeline", "--by", by, "--series", ""}
	seen := map[string]bool{}
	for _, t := range strings.FieldsFunc(p["terms"], func(r rune) bool { return r == ',' || r == ' ' || r == '，' }) {
		if seen[t] {
			continue // asked twice: drawn once
		}
		seen[t] = true
		if name, ok := strings.CutPrefix(t, "person:"); ok && name != "" {
			series = append(series, timeline.Of(timeline.Person, name))
			args = append(args, "--person", name)
		} else {
			series = append(series, timeline.Of(timeline.Term, t))
			args = append(args, "--term", t)
		}
	}
	if len(series) == 0 {
		return nil, fmt.Errorf("terms: give one word or person:NAME at least")
	}
	if len(series) > 12 {
		return nil, fmt.Errorf("terms: 12 at most")
	}
	slots := Slots()
	aggs := make([]*timeline.Aggregator, slots)
	for s := range aggs {
		if aggs[s], err = timeline.New(unit, series); err != nil {
			return nil, err
		}
	}
	bufs := make([][]string, slots)
	err = c.Each(ctx, slots, func(s, i int) {
		bufs[s] = c.Kept(bufs[s], i)
		aggs[s].Add(timeline.DocOf(&c.Articles[i], bufs[s], c.Persons[i]))
	})
	if err != nil {
		return nil, err
	}
	for _, a := range aggs[1:] {
		if err := aggs[0].Merge(a); err != nil {
			return nil, err
		}
	}
	return timelineTable(command(c, args...), aggs[0].Table())
}

// timelineTable gives a timeline table as `baokan timeline` prints it, with the bursts.
func timelineTable(cmd string, tab *timeline.Table) (*Table, error) {
	bursts, err := tab.Bursts(burst.Default())
	if err != nil {
		return nil, err
	}
	t := &Table{Command: cmd,
		Columns: []string{"period", "series", "count", "total", "per_10k", "share", "front_page_share", "burst"}}
	levels := make([][]int, len(tab.Series))
	for si := range tab.Series {
		levels[si] = timeline.Levels(bursts[si], len(tab.Periods))
	}
	for pi, per := range tab.Periods {
		for si, s := range tab.Series {
			pt := tab.Points[si][pi]
			var b, per10k any
			if levels[si][pi] > 0 {
				b = levels[si][pi]
			}
			if !s.Kind.Total() {
				per10k = num(pt.Per10k())
			}
			t.Rows = append(t.Rows, []any{per.String(), s.Name(), pt.Count, pt.Total, per10k, num(pt.Share()), num(pt.FrontPageShare()), b})
		}
	}
	return t, nil
}

// num gives NaN as null.
func num(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return f
}

// subcorpus is one side of a comparison: a FILTER as keyness takes it.
type subcorpus struct {
	filter *corpus.Filter
	q      *query.Query
}

func (c *Corpus) parseSubcorpus(name, s string) (*subcorpus, error) {
	if qs, ok := strings.CutPrefix(s, "query="); ok {
		q, err := c.Compile(qs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return &subcorpus{q: q}, nil
	}
	f, err := corpus.ParseFilter(s)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &subcorpus{filter: f}, nil
}

func (sc *subcorpus) match(c *Corpus, i int) bool {
	if sc.q != nil {
		return sc.q.Match(c.Doc(i, sc.q))
	}
	return sc.filter.Match(&c.Articles[i])
}

// Compare is `baokan keyness`: the words over- and under-used in the target (a FILTER:
// from=…,to=…,page=…,genre=… or query=QUERY) against the reference (the same; default the
// rest of the corpus), among the words the default filter keeps; top of each list.
func (c *Corpus) Compare(ctx context.Context, p Params) (*Table, error) {
	if p["target"] == "" {
		return nil, fmt.Errorf("target: give a FILTER (from=YYYY-MM-DD,to=YYYY-MM-DD or query=QUERY)")
	}
	target, err := c.parseSubcorpus("target", p["target"])
	if err != nil {
		return nil, err
	}
	var ref *subcorpus
	if p["reference"] != "" {
		if ref, err = c.parseSubcorpus("reference", p["reference"]); err != nil {
			return nil, err
		}
	}
	top, err := p.int("top", 50, 0, 1000)
	if err != nil {
		return nil, err
	}
	slots := Slots()
	tc, rc := make([]*terms.Counter, slots), make([]*terms.Counter, slots)
	for s := range tc {
		tc[s], rc[s] = terms.NewCounter(), terms.NewCounter()
	}
	bufs := make([][]uint32, slots)
	err = c.Each(ctx, slots, func(s, i int) {
		switch {
		case target.match(c, i):
			bufs[s] = c.KeptIDs(bufs[s], i)
			tc[s].AddDocIDs(bufs[s], c.Vocab)
		case ref == nil || ref.match(c, i):
			bufs[s] = c.KeptIDs(bufs[s], i)
			rc[s].AddDocIDs(bufs[s], c.Vocab)
		}
	})
	if err != nil {
		return nil, err
	}
	for s := 1; s < slots; s++ {
		tc[0].MergeIDs(tc[s], c.Vocab)
		rc[0].MergeIDs(rc[s], c.Vocab)
	}
	rows, err := keyness.Compare(tc[0], rc[0], keyness.Options{MinCount: 5})
	if err != nil {
		return nil, err
	}
	over, under := keyness.Split(rows)
	if top > 0 {
		over, under = over[:min(top, len(over))], under[:min(top, len(under))]
	}
	args := []string{"keyness", "--target", p["target"]}
	if ref != nil {
		args = append(args, "--reference", p["reference"])
	}
	if top != 50 {
		args = append(args, "--top", strconv.Itoa(top))
	}
	t := &Table{Command: command(c, args...), Columns: []string{"term", "target_count", "reference_count",
		"target_per_10k", "reference_per_10k", "g2", "p", "log_ratio", "chi2", "use", "rank"}}
	for _, r := range slices.Concat(over, under) {
		t.Rows = append(t.Rows, []any{r.Term, r.TargetCount, r.ReferenceCount, num(r.TargetPer10k), num(r.ReferencePer10k),
			num(r.G2), num(r.P), num(r.LogRatio), num(r.Chi2), r.Use.String(), r.Rank})
	}
	t.Extra = map[string]any{"target_tokens": tc[0].Tokens(), "reference_tokens": rc[0].Tokens()}
	return t, nil
}

// Network is `baokan network`: the co-mention network of the RW persons of the articles
// from year from to year to, the top persons named in most articles, edges of weight at
// least minweight; nodes are the table, edges in extra.
func (c *Corpus) Network(ctx context.Context, p Params) (*Table, error) {
	from, err := p.int("from", 0, 0, 9999)
	if err != nil {
		return nil, err
	}
	to, err := p.int("to", 0, 0, 9999)
	if err != nil {
		return nil, err
	}
	minw, err := p.int("minweight", 2, 1, 1<<20)
	if err != nil {
		return nil, err
	}
	top, err := p.int("top", 60, 1, 500)
	if err != nil {
		return nil, err
	}
	f := &corpus.Filter{}
	if from > 0 {
		f.From, _ = yearFilter(from)
	}
	if to > 0 {
		_, f.To = yearFilter(to)
	}
	slots := Slots()
	bs := make([]*network.Builder, slots)
	for s := range bs {
		bs[s] = network.NewBuilder()
	}
	err = c.Each(ctx, slots, func(s, i int) {
		a := &c.Articles[i]
		if f.Match(a) {
			bs[s].Add(network.Doc{ID: fmt.Sprintf("%s:%d", a.Path, a.Line), Date: a.Date, Page: a.Page, Persons: c.Persons[i]})
		}
	})
	if err != nil {
		return nil, err
	}
	for _, b := range bs[1:] {
		bs[0].Merge(b)
	}
	nw, err := bs[0].Network(network.Options{MinWeight: minw, Top: top})
	if err != nil {
		return nil, err
	}
	args := []string{"network", "--top", strconv.Itoa(top), "--min-weight", strconv.Itoa(minw)}
	if from > 0 {
		args = append(args, "--from", f.From.String())
	}
	if to > 0 {
		args = append(args, "--to", f.To.String())
	}
	t := &Table{Command: command(c, args...), Columns: []string{"person", "articles", "degree", "weighted_degree", "pagerank", "betweenness", "eigenvector", "community"}}
	for _, n := range nw.Nodes {
		t.Rows = append(t.Rows, []any{n.Person, n.Articles, n.Degree, n.WeightedDegree, num(n.PageRank), num(n.Betweenness), num(n.Eigenvector), n.Community})
	}
	type edge struct {
		Source string `json:"source"`
		Target string `json:"target"`
		Weight int    `json:"weight"`
	}
	edges := make([]edge, 0, len(nw.Edges))
	for _, e := range nw.Edges {
		edges = append(edges, edge{e.Source, e.Target, e.Weight})
	}
	t.Extra = map[string]any{"edges": edges, "articles": nw.Articles, "edges_command": command(c, append(args, "--edges", "--format", "csv")...)}
	return t, nil
}

// Paragraph is one paragraph of an article, cut at the query's hits.
type Paragraph struct {
	Parts []Part `json:"parts"`
}

// Part is a stretch of a paragraph, a hit or not.
type Part struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit,omitempty"`
}

// ArticleView is one article for reading.
type ArticleView struct {
	Article    *corpus.Article
	Persons    []string
	Paragraphs []Paragraph
	Hits       int
	Neighbours []*corpus.Article // same date and page, in corpus order
}

// Article finds the article at path:line with the hits of q marked.
func (c *Corpus) Article(ctx context.Context, p Params) (*ArticleView, *Table, error) {
	line, err := p.int("line", 0, 1, math.MaxInt32)
	if err != nil {
		return nil, nil, err
	}
	i, ok := c.Find(p["path"], line)
	if !ok {
		return nil, nil, fmt.Errorf("no article at %s:%d", p["path"], line)
	}
	a := &c.Articles[i]
	v := &ArticleView{Article: a, Persons: c.Persons[i]}
	marks := map[int][][2]int{}
	if p["q"] != "" {
		q, err := c.Compile(p["q"])
		if err != nil {
			return nil, nil, err
		}
		d := c.Doc(i, q)
		d.Words = c.Words(i)
		_, hits := q.Hits(d)
		v.Hits = len(hits)
		for _, h := range hits {
			if pi, s, e, ok := d.Locate(h); ok {
				marks[pi] = append(marks[pi], [2]int{s, e})
			}
		}
	}
	for pi, text := range a.Body {
		var para Paragraph
		at := 0
		for _, m := range marks[pi] {
			if m[0] < at {
				continue // overlapping hits: the first is marked, as show does
			}
			if m[0] > at {
				para.Parts = append(para.Parts, Part{Text: text[at:m[0]]})
			}
			para.Parts = append(para.Parts, Part{Text: text[m[0]:m[1]], Hit: true})
			at = m[1]
		}
		if at < len(text) || len(para.Parts) == 0 {
			para.Parts = append(para.Parts, Part{Text: text[at:]})
		}
		v.Paragraphs = append(v.Paragraphs, para)
	}
	if !a.Date.IsZero() {
		for k := range c.Articles {
			if b := &c.Articles[k]; k != i && b.Date == a.Date && b.Page == a.Page {
				v.Neighbours = append(v.Neighbours, b)
			}
		}
	}
	args := []string{"show", "--at", fmt.Sprintf("%s:%d", a.Path, a.Line)}
	if p["q"] != "" {
		args = append(args, "--query", p["q"])
	}
	t := &Table{Command: command(c, args...), Columns: []string{"paragraph", "text"}}
	for pi, text := range a.Body {
		t.Rows = append(t.Rows, []any{pi + 1, text})
	}
	nb := make([]map[string]any, 0, len(v.Neighbours))
	for _, b := range v.Neighbours {
		nb = append(nb, map[string]any{"path": b.Path, "line": b.Line, "item": b.Item, "title": b.Title})
	}
	t.Extra = map[string]any{"path": a.Path, "line": a.Line, "date": a.Date.String(), "page": a.Page, "item": a.Item,
		"kicker": a.Kicker, "title": a.Title, "subtitles": a.Subtitles, "authors": a.Authors, "genres": a.Genres,
		"topics": a.Topics, "persons": v.Persons, "hits": v.Hits, "paragraphs": v.Paragraphs, "neighbours": nb}
	return v, t, nil
}
