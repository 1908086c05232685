package explorer

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/concordance"
	"github.com/baokan/baokan/analysis/keyness"
	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/analysis/tokens/cache"
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

// size estimates the bytes the table holds.
func (t *Table) size() int64 {
	n := int64(len(t.Command)) + 256
	for _, r := range t.Rows {
		n += 24
		for _, v := range r {
			n += 16
			if s, ok := v.(string); ok {
				n += int64(len(s))
			}
		}
	}
	if t.Extra != nil {
		n += 4096 // facets, edges: bounded by the views' own limits
	}
	return n
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
// computed once, at Load.
func (c *Corpus) Overview(ctx context.Context, p Params) (*Table, error) {
	return c.overview, nil
}

func (c *Corpus) makeOverview(agg *timeline.Aggregator, pages map[int]int, genres map[string]int) (*Table, error) {
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
		"articles_with_problems": s.ArticlesProblems, "diagnostics": diags, "vocabulary": len(c.vocab),
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

// hitList is every hit of a query in corpus order: article number, first word, end (the
// body's words counted from 0, as query.Span) and the matched words' length in bytes (the
// last tie-break of concordance.Sort).
type hitList struct {
	art, start, end, mlen []int32
	// The hits in the order of their left and right contexts of the default window
	// (concordance.ByLeft, ByRight), sorted while the contexts were at hand.
	left, right []int32
}

func (h *hitList) size() int64 { return int64(len(h.art))*24 + 64 }

// defaultWindow is the context kwic shows by default, in words each side.
const defaultWindow = 10

// contexts holds the context words of hits, nearest first, as vocabulary ids.
type contexts struct {
	off []int32
	ids []uint32
}

func (x *contexts) add(body []uint32, start, end int, o concordance.Order, window int) {
	if x.off == nil {
		x.off = []int32{0}
	}
	if o == concordance.ByLeft {
		for j := start - 1; j >= max(0, start-window); j-- {
			x.ids = append(x.ids, body[j])
		}
	} else {
		x.ids = append(x.ids, body[end:min(len(body), end+window)]...)
	}
	x.off = append(x.off, int32(len(x.ids)))
}

// sort returns the hits sorted by their contexts as concordance.Sort sorts lines by left or
// right context: word by word (missing words first), ties in corpus order.
func (x *contexts) sort(c *Corpus, h *hitList) []int32 {
	perm := make([]int32, len(h.art))
	for k := range perm {
		perm[k] = int32(k)
	}
	words := func(j int32) []uint32 { return x.ids[x.off[j]:x.off[j+1]] }
	slices.SortFunc(perm, func(j, k int32) int {
		a, b := words(j), words(k)
		for n := range min(len(a), len(b)) {
			if a[n] != b[n] {
				if d := strings.Compare(c.vocab[a[n]], c.vocab[b[n]]); d != 0 {
					return d
				}
			}
		}
		return cmp.Or(cmp.Compare(len(a), len(b)), h.corpusOrder(j, k))
	})
	return perm
}

// hits finds every hit of the query q, reading only the blocks the cache's word-block
// index names for its words (every block for a query that may match without them).
func (c *Corpus) hits(ctx context.Context, qs string) (*hitList, error) {
	v, err := c.memo.get(ctx, "hits\x00"+qs, c.scans, func(ctx context.Context) (any, int64, error) {
		q, err := c.Compile(qs)
		if err != nil {
			return nil, 0, err
		}
		h := &hitList{}
		var left, right contexts
		var persons []string
		opt := cache.ScanOptions{Words: true, Body: q.NeedsText()}
		err = c.scan(ctx, c.candidates(q), opt, func(i int, a *corpus.Article, body []uint32) {
			d := &query.Doc{Article: a, IDs: body}
			if q.NeedsPersons() {
				persons = c.personsOf(persons, i)
				d.Persons = persons
			}
			if q.NeedsText() {
				d.Words = c.words(body)
			}
			ok, spans := q.Hits(d)
			if !ok {
				return
			}
			for _, sp := range spans {
				n := 0
				for _, id := range body[sp.Start:sp.End] {
					n += len(c.vocab[id])
				}
				h.art = append(h.art, int32(i))
				h.start = append(h.start, int32(sp.Start))
				h.end = append(h.end, int32(sp.End))
				h.mlen = append(h.mlen, int32(n))
				left.add(body, sp.Start, sp.End, concordance.ByLeft, defaultWindow)
				right.add(body, sp.Start, sp.End, concordance.ByRight, defaultWindow)
			}
		})
		if err != nil {
			return nil, 0, err
		}
		h.left, h.right = left.sort(c, h), right.sort(c, h)
		return h, h.size(), nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*hitList), nil
}

// corpusOrder compares hits j and k as concordance.Sort breaks ties.
func (h *hitList) corpusOrder(j, k int32) int {
	return cmp.Or(cmp.Compare(h.art[j], h.art[k]), cmp.Compare(h.start[j], h.start[k]), cmp.Compare(h.mlen[j], h.mlen[k]))
}

// order returns the hits' numbers sorted as concordance.Sort sorts their lines.
func (c *Corpus) order(ctx context.Context, qs string, h *hitList, o concordance.Order, window int) ([]int32, error) {
	perm := make([]int32, len(h.art))
	for k := range perm {
		perm[k] = int32(k)
	}
	switch o {
	case concordance.Corpus:
		slices.SortFunc(perm, h.corpusOrder)
		return perm, nil
	case concordance.ByDate:
		slices.SortFunc(perm, func(j, k int32) int {
			return cmp.Or(cmp.Compare(c.date[h.art[j]], c.date[h.art[k]]), h.corpusOrder(j, k))
		})
		return perm, nil
	}
	if window == defaultWindow {
		if o == concordance.ByLeft {
			return h.left, nil
		}
		return h.right, nil
	}
	key := fmt.Sprintf("order\x00%s\x00%s\x00%d", qs, o, window)
	v, err := c.memo.get(ctx, key, c.scans, func(ctx context.Context) (any, int64, error) {
		var x contexts
		arts := slices.Compact(slices.Clone(h.art))
		k := 0
		err := c.read(ctx, arts, cache.ScanOptions{Words: true}, func(i int, _ *corpus.Article, body []uint32) {
			for ; k < len(h.art) && int(h.art[k]) == i; k++ {
				x.add(body, int(h.start[k]), int(h.end[k]), o, window)
			}
		})
		if err != nil {
			return nil, 0, err
		}
		if k != len(h.art) {
			return nil, 0, fmt.Errorf("%s: the hits' articles were not all read again", c.Source)
		}
		perm := x.sort(c, h)
		return perm, int64(len(perm))*4 + 64, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]int32), nil
}

// Search runs a query (q) as `baokan kwic` does: every hit in its context, sorted (sort:
// date, left, right), narrowed by year, pg (page) and genre; the rows of result page n
// (per lines a page), the counts of hits by year, page and genre as facets.
func (c *Corpus) Search(ctx context.Context, p Params) (*Table, error) {
	q, err := query.Compile(p["q"])
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
	all := p["format"] == "csv" || p["all"] == "1"
	// The hits and their order first: they are long scans, which run apart (Corpus.scans).
	h, err := c.hits(ctx, p["q"])
	if err != nil {
		return nil, err
	}
	if (order == concordance.ByLeft || order == concordance.ByRight) && window != defaultWindow {
		if _, err := c.order(ctx, p["q"], h, order, window); err != nil {
			return nil, err
		}
	}
	key := fmt.Sprintf("search\x00%s\x00%s\x00%d\x00%d\x00%d\x00%d\x00%d\x00%s\x00%v", p["q"], order, page, per, window, year, pg, p["genre"], all)
	v, err := c.memo.get(ctx, key, c.busy, func(ctx context.Context) (any, int64, error) {
		t, err := c.search(ctx, p["q"], order, page, per, window, year, pg, p["genre"], all)
		if err != nil {
			return nil, 0, err
		}
		return t, t.size(), nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*Table), nil
}

func (c *Corpus) search(ctx context.Context, qs string, order concordance.Order, page, per, window, year, pg int, genre string, all bool) (*Table, error) {
	f := &corpus.Filter{Page: pg, Genre: genre}
	f.From, f.To = yearFilter(year)
	h, err := c.hits(ctx, qs)
	if err != nil {
		return nil, err
	}
	perm, err := c.order(ctx, qs, h, order, window)
	if err != nil {
		return nil, err
	}
	vkey := fmt.Sprintf("view\x00%s\x00%s\x00%d\x00%d\x00%d\x00%s", qs, order, window, year, pg, genre)
	vv, err := c.memo.get(ctx, vkey, nil, func(ctx context.Context) (any, int64, error) {
		v := c.hitView(h, perm, f)
		return v, int64(len(v.shown))*4 + 4096, nil
	})
	if err != nil {
		return nil, err
	}
	view := vv.(*hitView)
	shown := view.shown
	args := []string{"kwic", qs}
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
	lo, hi := min(len(shown), (page-1)*per), min(len(shown), page*per)
	if all {
		lo, hi = 0, len(shown)
	}
	rows := shown[lo:hi]
	// Make the lines of the rows shown, reading their articles again.
	want := make([]int32, 0, len(rows))
	for _, k := range rows {
		want = append(want, h.art[k])
	}
	slices.Sort(want)
	want = slices.Compact(want)
	byArt := map[int32][]int32{}
	for _, k := range rows {
		byArt[h.art[k]] = append(byArt[h.art[k]], k)
	}
	lines := make(map[int32]concordance.Line, len(rows))
	opt := concordance.Options{Window: window}
	err = c.read(ctx, want, cache.ScanOptions{Words: true}, func(i int, a *corpus.Article, body []uint32) {
		words := c.words(body)
		for _, k := range byArt[int32(i)] {
			l := concordance.Make(a, i, words, []query.Span{{Start: int(h.start[k]), End: int(h.end[k])}}, opt)[0]
			// The scanner's strings hold its block's buffers: a row kept holds copies.
			l.Path, l.Title = strings.Clone(l.Path), strings.Clone(l.Title)
			lines[k] = l
		}
	})
	if err != nil {
		return nil, err
	}
	for _, k := range rows {
		l := lines[k]
		t.Rows = append(t.Rows, []any{l.Path, l.Line, l.Date.String(), l.Page, l.Item, l.Title, l.Left, l.Match, l.Right, l.Position})
	}
	t.Extra = map[string]any{"hits": len(shown), "articles": view.articles, "page": page, "per": per,
		"pages": (len(shown) + per - 1) / per, "facets": view.facets}
	return t, nil
}

// hitView is the hits a filter keeps, in order, with their counts by year, page and genre.
type hitView struct {
	shown    []int32
	articles int
	facets   map[string]any
}

func (c *Corpus) hitView(h *hitList, perm []int32, f *corpus.Filter) *hitView {
	v := &hitView{shown: perm}
	if !f.IsZero() {
		v.shown = nil
		for _, k := range perm {
			if c.match(f, int(h.art[k])) {
				v.shown = append(v.shown, k)
			}
		}
	}
	years, pages, genres := map[int]int{}, map[int]int{}, make([]int, len(c.genres))
	last := int32(-1)
	arts := map[int32]bool{}
	for _, k := range v.shown {
		i := h.art[k]
		if i != last { // the hits of an article are next to each other but in the sorts by context
			arts[i], last = true, i
		}
		if d := c.date[i]; d != 0 {
			years[int(d)/10000]++
		}
		pages[int(c.page[i])]++
		for _, g := range c.genre[c.genreOff[i]:c.genreOff[i+1]] {
			genres[g]++
		}
	}
	v.articles = len(arts)
	named := func(m map[int]int) map[string]int {
		out := make(map[string]int, len(m))
		for k, n := range m {
			out[strconv.Itoa(k)] = n
		}
		return out
	}
	gm := map[string]int{}
	for g, n := range genres {
		if n > 0 {
			gm[c.genres[g]] = n
		}
	}
	v.facets = map[string]any{"year": facet(named(years)), "page": facet(named(pages)), "genre": facet(gm)}
	return v
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
	// The words' occurrences first: they are long scans, which run apart (Corpus.scans).
	for _, s := range series {
		if s.Kind == timeline.Term {
			if _, err := c.postingsOf(ctx, s.Value); err != nil {
				return nil, err
			}
		}
	}
	key := "trends\x00" + strings.Join(args, "\x00")
	v, err := c.memo.get(ctx, key, c.busy, func(ctx context.Context) (any, int64, error) {
		t, err := c.trends(ctx, unit, series, command(c, args...))
		if err != nil {
			return nil, 0, err
		}
		return t, t.size(), nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*Table), nil
}

// postings are the articles where a word occurs among the kept body words, ascending,
// with its occurrences in each.
type postings struct {
	art, count []int32
}

// postingsOf finds the articles where word occurs, reading only the blocks the cache's
// word-block index names for it; a word the default filter drops occurs nowhere.
func (c *Corpus) postingsOf(ctx context.Context, word string) (*postings, error) {
	id, ok := c.ids[word]
	if !ok || !c.keep[id] {
		return &postings{}, nil
	}
	if n, err := query.Parse(word); err == nil {
		if w, ok := n.(*query.Word); ok && w.Word == word {
			// The hits of the word as a query are its occurrences among the body's words
			// (kept, as the filter keeps it): the search's scan serves both.
			h, err := c.hits(ctx, word)
			if err != nil {
				return nil, err
			}
			ps := &postings{}
			for _, i := range h.art {
				if k := len(ps.art) - 1; k >= 0 && ps.art[k] == i {
					ps.count[k]++
				} else {
					ps.art = append(ps.art, i)
					ps.count = append(ps.count, 1)
				}
			}
			return ps, nil
		}
	}
	v, err := c.memo.get(ctx, "postings\x00"+word, c.scans, func(ctx context.Context) (any, int64, error) {
		blocks, err := c.r.BlocksWith([]uint32{id})
		if err != nil {
			return nil, 0, err
		}
		if blocks == nil {
			blocks = []int{}
		}
		ps := &postings{}
		err = c.scan(ctx, blocks, cache.ScanOptions{Words: true}, func(i int, _ *corpus.Article, body []uint32) {
			n := 0
			for _, x := range body {
				if x == id {
					n++
				}
			}
			if n > 0 {
				ps.art = append(ps.art, int32(i))
				ps.count = append(ps.count, int32(n))
			}
		})
		if err != nil {
			return nil, 0, err
		}
		return ps, int64(len(ps.art))*8 + 64, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*postings), nil
}

// trends feeds a timeline aggregator every article: its date, page and characters, its
// number of kept words, the occurrences of the terms in it (from their postings) and its
// persons; no article's words are read but those the postings come from.
func (c *Corpus) trends(ctx context.Context, unit timeline.Unit, series []timeline.Series, cmd string) (*Table, error) {
	agg, err := timeline.New(unit, series)
	if err != nil {
		return nil, err
	}
	type term struct {
		word string
		ps   *postings
		at   int
	}
	var termList []*term
	wantPersons := false
	for _, s := range series {
		switch s.Kind {
		case timeline.Term:
			ps, err := c.postingsOf(ctx, s.Value)
			if err != nil {
				return nil, err
			}
			termList = append(termList, &term{word: s.Value, ps: ps})
		case timeline.Person:
			wantPersons = true
		}
	}
	var words, persons []string
	for i := range c.n {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, ErrTimeout
		}
		words = words[:0]
		for _, t := range termList {
			if t.at < len(t.ps.art) && int(t.ps.art[t.at]) == i {
				for range t.ps.count[t.at] {
					words = append(words, t.word)
				}
				t.at++
			}
		}
		d := timeline.Doc{Date: unpackDate(c.date[i]), Page: int(c.page[i]), Chars: int(c.chars[i]), Words: words}
		if wantPersons {
			persons = c.personsOf(persons, i)
			d.Persons = persons
		}
		agg.AddTokens(d, int(c.kept[i]))
	}
	return timelineTable(cmd, agg.Table())
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

// years returns the years a filter of whole years keeps (from, to; 0 for no bound), and
// false for any other subcorpus.
func (sc *subcorpus) years() (from, to int, ok bool) {
	f := sc.filter
	if f == nil || f.Page != 0 || f.Genre != "" || f.Title != nil || f.Paper != "" {
		return 0, 0, false
	}
	if !f.From.IsZero() {
		if f.From.Month != 1 || f.From.Day != 1 {
			return 0, 0, false
		}
		from = f.From.Year
	}
	if !f.To.IsZero() {
		if f.To.Month != 12 || f.To.Day != 31 {
			return 0, 0, false
		}
		to = f.To.Year
	}
	return from, to, true
}

func (sc *subcorpus) match(c *Corpus, i int, a *corpus.Article, body []uint32, persons []string) bool {
	if sc.q == nil {
		return sc.filter.Match(a)
	}
	d := &query.Doc{Article: a, IDs: body}
	if sc.q.NeedsPersons() {
		d.Persons = c.personsOf(persons, i)
	}
	if sc.q.NeedsText() {
		d.Words = c.words(body)
	}
	return sc.q.Match(d)
}

// frequencies are kept-word counts by vocabulary id: keyness.Frequencies.
type frequencies struct {
	c      *Corpus
	counts []int64
	tokens int64
}

func (f *frequencies) Tokens() int64 { return f.tokens }

func (f *frequencies) Count(term string) int64 {
	if id, ok := f.c.ids[term]; ok {
		return f.counts[id]
	}
	return 0
}

func (f *frequencies) All() iter.Seq2[string, int64] {
	return func(yield func(string, int64) bool) {
		for id, n := range f.counts {
			if n > 0 && !yield(f.c.vocab[id], n) {
				return
			}
		}
	}
}

// rest returns the counts of the whole corpus but f.
func (c *Corpus) rest(f *frequencies) *frequencies {
	r := &frequencies{c: c, counts: make([]int64, len(c.vocab)), tokens: c.totalWords - f.tokens}
	for id, n := range c.total {
		r.counts[id] = n - f.counts[id]
	}
	return r
}

// yearCounts adds up the counts of the years from from to to (0: no bound) but those in
// [notFrom, notTo] when not nil.
func (c *Corpus) yearCounts(from, to int, not func(y int) bool) *frequencies {
	f := &frequencies{c: c, counts: make([]int64, len(c.vocab))}
	for y, wc := range c.years {
		if (from != 0 && y < from) || (to != 0 && y > to) || (not != nil && not(y)) {
			continue
		}
		f.tokens += wc.tokens
		for k, id := range wc.ids {
			f.counts[id] += int64(wc.counts[k])
		}
	}
	return f
}

// compareCounts counts the kept words of the target and of the reference (nil: the rest
// of the corpus): from the counts by year when both are whole years, else by reading the
// articles (only the blocks that can match a target query, when the reference is the rest).
func (c *Corpus) compareCounts(ctx context.Context, target, ref *subcorpus) (tf, rf *frequencies, err error) {
	tFrom, tTo, tok := target.years()
	inTarget := func(y int) bool { return (tFrom == 0 || y >= tFrom) && (tTo == 0 || y <= tTo) }
	if tok && ref == nil {
		tf = c.yearCounts(tFrom, tTo, nil)
		return tf, c.rest(tf), nil
	}
	if rFrom, rTo, rok := ref.yearsOrFalse(); tok && rok {
		return c.yearCounts(tFrom, tTo, nil), c.yearCounts(rFrom, rTo, inTarget), nil
	}
	tf = &frequencies{c: c, counts: make([]int64, len(c.vocab))}
	if ref != nil {
		rf = &frequencies{c: c, counts: make([]int64, len(c.vocab))}
	}
	var blocks []int
	if ref == nil && target.q != nil {
		blocks = c.candidates(target.q)
	}
	needText := target.q != nil && target.q.NeedsText() || ref != nil && ref.q != nil && ref.q.NeedsText()
	var persons []string
	err = c.scan(ctx, blocks, cache.ScanOptions{Words: true, Body: needText}, func(i int, a *corpus.Article, body []uint32) {
		var f *frequencies
		switch {
		case target.match(c, i, a, body, persons):
			f = tf
		case rf != nil && ref.match(c, i, a, body, persons):
			f = rf
		default:
			return
		}
		for _, id := range body {
			if c.keep[id] {
				f.counts[id]++
				f.tokens++
			}
		}
	})
	if err != nil {
		return nil, nil, err
	}
	if rf == nil {
		rf = c.rest(tf)
	}
	return tf, rf, nil
}

// wholeYears tells whether target and ref (nil: the rest) are counted from the counts
// by year.
func wholeYears(target, ref *subcorpus) bool {
	_, _, tok := target.years()
	_, _, rok := ref.yearsOrFalse()
	return tok && (ref == nil || rok)
}

func (sc *subcorpus) yearsOrFalse() (from, to int, ok bool) {
	if sc == nil {
		return 0, 0, false
	}
	return sc.years()
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
	args := []string{"keyness", "--target", p["target"]}
	if ref != nil {
		args = append(args, "--reference", p["reference"])
	}
	if top != 50 {
		args = append(args, "--top", strconv.Itoa(top))
	}
	tokens := c.busy
	if !wholeYears(target, ref) {
		tokens = c.scans // a scan of the articles
	}
	v, err := c.memo.get(ctx, "compare\x00"+strings.Join(args, "\x00"), tokens, func(ctx context.Context) (any, int64, error) {
		tc, rc, err := c.compareCounts(ctx, target, ref)
		if err != nil {
			return nil, 0, err
		}
		rows, err := keyness.Compare(tc, rc, keyness.Options{MinCount: 5})
		if err != nil {
			return nil, 0, err
		}
		over, under := keyness.Split(rows)
		if top > 0 {
			over, under = over[:min(top, len(over))], under[:min(top, len(under))]
		}
		t := &Table{Command: command(c, args...), Columns: []string{"term", "target_count", "reference_count",
			"target_per_10k", "reference_per_10k", "g2", "p", "log_ratio", "chi2", "use", "rank"}}
		for _, r := range slices.Concat(over, under) {
			t.Rows = append(t.Rows, []any{r.Term, r.TargetCount, r.ReferenceCount, num(r.TargetPer10k), num(r.ReferencePer10k),
				num(r.G2), num(r.P), num(r.LogRatio), num(r.Chi2), r.Use.String(), r.Rank})
		}
		t.Extra = map[string]any{"target_tokens": tc.Tokens(), "reference_tokens": rc.Tokens()}
		return t, t.size(), nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*Table), nil
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
	args := []string{"network", "--top", strconv.Itoa(top), "--min-weight", strconv.Itoa(minw)}
	if from > 0 {
		args = append(args, "--from", f.From.String())
	}
	if to > 0 {
		args = append(args, "--to", f.To.String())
	}
	v, err := c.memo.get(ctx, "network\x00"+strings.Join(args, "\x00"), c.busy, func(ctx context.Context) (any, int64, error) {
		b := network.NewBuilder()
		var persons []string
		for i := range c.n {
			if i%4096 == 0 && ctx.Err() != nil {
				return nil, 0, ErrTimeout
			}
			if c.match(f, i) {
				persons = c.personsOf(persons, i) // the builder keeps no slice of a Doc
				b.Add(network.Doc{Date: unpackDate(c.date[i]), Page: int(c.page[i]), Persons: persons})
			}
		}
		nw, err := b.Network(network.Options{MinWeight: minw, Top: top})
		if err != nil {
			return nil, 0, err
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
		return t, t.size() + int64(len(edges))*64, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*Table), nil
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

// cloneArticle copies the fields the article view shows (the body too when body), so that
// the view kept holds none of the scanner's block buffers.
func cloneArticle(a *corpus.Article, body bool) *corpus.Article {
	list := func(l []string) []string {
		if l == nil {
			return nil
		}
		out := make([]string, len(l))
		for i, s := range l {
			out[i] = strings.Clone(s)
		}
		return out
	}
	b := &corpus.Article{Path: strings.Clone(a.Path), Line: a.Line, Date: a.Date, Page: a.Page, Item: a.Item,
		Kicker: strings.Clone(a.Kicker), Title: strings.Clone(a.Title), Subtitles: list(a.Subtitles),
		Authors: list(a.Authors), Genres: list(a.Genres), Topics: list(a.Topics), Paper: strings.Clone(a.Paper)}
	if body {
		b.Body = list(a.Body)
	}
	return b
}

// Article finds the article at path:line with the hits of q marked.
func (c *Corpus) Article(ctx context.Context, p Params) (*ArticleView, *Table, error) {
	line, err := p.int("line", 0, 1, math.MaxInt32)
	if err != nil {
		return nil, nil, err
	}
	type result struct {
		v *ArticleView
		t *Table
	}
	key := fmt.Sprintf("article\x00%s\x00%d\x00%s", p["path"], line, p["q"])
	r, err := c.memo.get(ctx, key, c.busy, func(ctx context.Context) (any, int64, error) {
		v, t, err := c.article(ctx, p["path"], line, p["q"])
		if err != nil {
			return nil, 0, err
		}
		return result{v, t}, 2*t.size() + 4096, nil
	})
	if err != nil {
		return nil, nil, err
	}
	return r.(result).v, r.(result).t, nil
}

func (c *Corpus) article(ctx context.Context, path string, line int, qs string) (*ArticleView, *Table, error) {
	i, ok := c.Find(ctx, path, line)
	if !ok {
		return nil, nil, fmt.Errorf("no article at %s:%d", path, line)
	}
	var a *corpus.Article
	var body []uint32
	err := c.read(ctx, []int32{int32(i)}, cache.ScanOptions{Words: true, Body: true}, func(_ int, x *corpus.Article, ids []uint32) {
		a, body = cloneArticle(x, true), slices.Clone(ids)
	})
	if err != nil {
		return nil, nil, err
	}
	if a == nil {
		return nil, nil, fmt.Errorf("no article at %s:%d", path, line)
	}
	v := &ArticleView{Article: a, Persons: c.personsOf(nil, i)}
	marks := map[int][][2]int{}
	if qs != "" {
		q, err := c.Compile(qs)
		if err != nil {
			return nil, nil, err
		}
		d := &query.Doc{Article: a, IDs: body, Persons: v.Persons, Words: c.words(body)}
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
	if d := c.date[i]; d != 0 {
		// The articles of the same day and page, from the index by day, read from their blocks.
		lo := sort.Search(len(c.byDay), func(k int) bool {
			j := c.byDay[k]
			return c.date[j] > d || c.date[j] == d && c.page[j] >= c.page[i]
		})
		var want []int32
		for k := lo; k < len(c.byDay) && c.date[c.byDay[k]] == d && c.page[c.byDay[k]] == c.page[i]; k++ {
			if int(c.byDay[k]) != i {
				want = append(want, c.byDay[k])
			}
		}
		slices.Sort(want)
		err := c.read(ctx, want, cache.ScanOptions{}, func(_ int, x *corpus.Article, _ []uint32) {
			v.Neighbours = append(v.Neighbours, &corpus.Article{Path: strings.Clone(x.Path), Line: x.Line, Item: x.Item, Title: strings.Clone(x.Title)})
		})
		if err != nil {
			return nil, nil, err
		}
	}
	args := []string{"show", "--at", fmt.Sprintf("%s:%d", a.Path, a.Line)}
	if qs != "" {
		args = append(args, "--query", qs)
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
