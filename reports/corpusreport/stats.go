package corpusreport

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type groupCount struct{ articles, chars int }

// corpusStats is the overview of 'baokan stats' and its breakdowns by year, month, page
// and genre, counted one article at a time.
type corpusStats struct {
	articles                             int
	chars, withBody, withRW, withAuthors int
	first, last                          corpus.Date
	years, months, pages, genres         map[string]*groupCount
}

func newCorpusStats() corpusStats {
	return corpusStats{years: map[string]*groupCount{}, months: map[string]*groupCount{},
		pages: map[string]*groupCount{}, genres: map[string]*groupCount{}}
}

func (s *corpusStats) add(a *corpus.Article, paragraphs, chars int, l dateLabels) {
	s.articles++
	s.chars += chars
	if paragraphs > 0 {
		s.withBody++
	}
	if len(a.RW) > 0 {
		s.withRW++
	}
	if len(a.Authors) > 0 {
		s.withAuthors++
	}
	if !a.Date.IsZero() {
		if s.first.IsZero() || a.Date.Compare(s.first) < 0 {
			s.first = a.Date
		}
		if s.last.IsZero() || a.Date.Compare(s.last) > 0 {
			s.last = a.Date
		}
	}
	count(s.years, l.year, chars)
	count(s.months, l.month, chars)
	page := ""
	if a.Page != 0 {
		page = fmt.Sprintf("%02d", a.Page)
	}
	count(s.pages, page, chars)
	if len(a.Genres) == 0 {
		count(s.genres, "", chars)
	}
	for _, g := range a.Genres {
		count(s.genres, g, chars)
	}
}

func count(groups map[string]*groupCount, g string, chars int) {
	gc := groups[g]
	if gc == nil {
		gc = &groupCount{}
		groups[strings.Clone(g)] = gc
	}
	gc.articles++
	gc.chars += chars
}

func (s *corpusStats) merge(o *corpusStats) {
	s.articles += o.articles
	s.chars += o.chars
	s.withBody += o.withBody
	s.withRW += o.withRW
	s.withAuthors += o.withAuthors
	if !o.first.IsZero() && (s.first.IsZero() || o.first.Compare(s.first) < 0) {
		s.first = o.first
	}
	if !o.last.IsZero() && (s.last.IsZero() || o.last.Compare(s.last) > 0) {
		s.last = o.last
	}
	for _, m := range []struct{ to, from map[string]*groupCount }{{s.years, o.years}, {s.months, o.months}, {s.pages, o.pages}, {s.genres, o.genres}} {
		for k, g := range m.from {
			if t := m.to[k]; t != nil {
				t.articles += g.articles
				t.chars += g.chars
			} else {
				m.to[k] = g
			}
		}
	}
}

// overview is the table of 'baokan stats': what the reader saw (sum) and what was counted.
func (s *corpusStats) overview(sum corpus.Summary) reports.Table {
	overview := reports.Table{Title: "Corpus", Columns: []string{"measure", "value"}}
	add := func(k string, v any) { overview.Rows = append(overview.Rows, []any{k, v}) }
	add("files", sum.Files)
	add("bytes", sum.Bytes)
	encodings := make([]string, 0, len(sum.Encodings))
	for enc := range sum.Encodings {
		encodings = append(encodings, enc)
	}
	sort.Strings(encodings)
	for _, enc := range encodings {
		add("files in "+enc, sum.Encodings[enc])
	}
	if sum.Ignored > 0 {
		add("files not read", sum.Ignored)
		for _, k := range corpus.Kinds(sum.NotRead) {
			add("files not read: "+string(k), sum.NotRead[k])
		}
	}
	add("articles read", sum.Articles)
	if sum.FilteredOut > 0 {
		add("articles kept by the filter", sum.Matched)
	}
	add("articles skipped (damaged)", sum.SkippedTotal())
	for _, k := range corpus.Kinds(sum.Skipped) {
		add("articles skipped: "+string(k), sum.Skipped[k])
	}
	add("files without an article", sum.FilesNoArticleTotal())
	add("first date", s.first.String())
	add("last date", s.last.String())
	add("body characters", s.chars)
	add("articles with a body", s.withBody)
	add("articles with RW", s.withRW)
	add("articles with authors", s.withAuthors)
	add("articles with diagnostics", sum.ArticlesProblems)
	for _, k := range corpus.Kinds(sum.ArticlesByKind) {
		add("articles with "+string(k), sum.ArticlesByKind[k])
	}
	for _, k := range corpus.Kinds(sum.Diagnostics) {
		add("diagnostics: "+string(k), sum.Diagnostics[k])
	}
	for _, k := range corpus.Kinds(sum.FilesNoArticle) {
		add("files without an article: "+string(k), sum.FilesNoArticle[k])
	}
	return overview
}

// breakdown is the table of 'stats --by'; total is the number of articles kept, the
// denominator of the shares.
func breakdown(by string, groups map[string]*groupCount, total int) reports.Table {
	t := reports.Table{Title: "By " + by, Columns: []string{by, "articles", "chars", "share"}}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		// "(none)" last; otherwise by name (years, months and zero-padded pages sort right).
		if (keys[i] == "") != (keys[j] == "") {
			return keys[j] == ""
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		g := groups[k]
		share := 0.0
		if total > 0 {
			share = float64(g.articles) / float64(total)
		}
		name := k
		if name == "" {
			name = "(none)"
		}
		t.Rows = append(t.Rows, []any{name, g.articles, g.chars, roundShare(share)})
	}
	return t
}

// roundShare keeps four decimals, so that shares print the same in every format.
func roundShare(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}
