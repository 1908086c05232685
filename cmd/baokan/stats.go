package main

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/period"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type statsOptions struct {
	corpusOptions
	by string
}

// groupings are the breakdowns of `stats --by`. Each gives an article's groups (an
// article with several genres counts once in each); "" is shown as (none).
var groupings = map[string]func(a *corpus.Article) []string{
	"year":   periodGroup(period.Year),
	"decade": periodGroup(period.Decade),
	"month":  periodGroup(period.Month),
	"page": func(a *corpus.Article) []string {
		if a.Page == 0 {
			return []string{""}
		}
		return []string{fmt.Sprintf("%02d", a.Page)}
	},
	"genre": func(a *corpus.Article) []string {
		if len(a.Genres) == 0 {
			return []string{""}
		}
		return a.Genres
	},
	"column": func(a *corpus.Article) []string { return []string{a.Column} },
	"paper":  func(a *corpus.Article) []string { return []string{a.Paper} },
}

// periodGroup groups the articles by their period of unit u, labelled as package period
// labels it (1962, 1960s, 1962-10); "" for articles without a valid date.
func periodGroup(u period.Unit) func(a *corpus.Article) []string {
	return func(a *corpus.Article) []string {
		if a.Date.IsZero() {
			return []string{""}
		}
		return []string{u.Of(a.Date).String()}
	}
}

// decadeLabel names the decade of a year as the network slices and the timelines do:
// 1960s for 1960–1969.
func decadeLabel(year int) string {
	return period.Decade.Of(corpus.Date{Year: year, Month: time.January, Day: 1}).String()
}

func newStatsCmd(io *streams) *cobra.Command {
	o := &statsOptions{}
	c := &cobra.Command{
		Use:   "stats [CORPUS...]",
		Short: "Overview of a corpus, and breakdowns by year, decade, month, page, genre, column or paper",
		Long: `stats reads the corpus and prints an overview: files, articles, date range, body
characters, articles with a body / an RW list / authors, and diagnostics by kind.

--by year|decade|month|page|genre|column|paper adds a breakdown: articles, body characters, and share
(the group's articles over all articles kept). An article with several genres counts in each
of its genres, so genre shares can add up to more than 1. Groups are sorted by name;
articles without a value are grouped under "(none)", listed last. In csv, json and jsonl
formats the output holds the breakdown alone when --by is given, the overview otherwise.

Characters are Unicode code points of the body paragraphs (indentation, markup and the RW
tail excluded). Body text found in the author field (ZZ) after a line break, which the
parser moves to the end of the body (diagnostic body_in_author), is counted in the body.`,
		RunE: func(c *cobra.Command, args []string) error { return runStats(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	c.Flags().StringVar(&o.by, "by", "", "break down by `year|decade|month|page|genre|column|paper`")
	return c
}

type groupCount struct{ articles, chars int }

// corpusStats accumulates the overview of `baokan stats` and its breakdowns, one article
// at a time.
type corpusStats struct {
	chars, withBody, withRW, withAuthors int
	first, last                          corpus.Date
	by                                   []string // the groupings counted, names of groupings
	groups                               map[string]map[string]*groupCount
}

// newCorpusStats counts the overview, and a breakdown for each grouping named in by
// (keys of groupings).
func newCorpusStats(by ...string) *corpusStats {
	s := &corpusStats{by: by, groups: map[string]map[string]*groupCount{}}
	for _, b := range by {
		s.groups[b] = map[string]*groupCount{}
	}
	return s
}

// add counts a, whose body has the given paragraphs and characters (session.bodySize: from
// a cache read without the text, as recorded).
func (s *corpusStats) add(a *corpus.Article, paragraphs, n int) {
	s.chars += n
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
	for _, by := range s.by {
		groups := s.groups[by]
		for _, g := range groupings[by](a) {
			gc := groups[g]
			if gc == nil {
				gc = &groupCount{}
				groups[g] = gc
			}
			gc.articles++
			gc.chars += n
		}
	}
}

func runStats(io *streams, o *statsOptions, args []string) error {
	_, ok := groupings[o.by]
	if o.by != "" && !ok {
		return fmt.Errorf("--by %q: choose year, decade, month, page, genre, column or paper", o.by)
	}
	format, err := o.reportFormat()
	if err != nil {
		return err
	}
	o.textless = true // body sizes only
	s, err := o.open(io, args)
	if err != nil {
		return err
	}
	var stats *corpusStats
	if o.by != "" {
		stats = newCorpusStats(o.by)
	} else {
		stats = newCorpusStats()
	}
	for a, err := range s.reader.All() {
		if err != nil {
			s.close()
			return err
		}
		paragraphs, chars := s.bodySize(a)
		stats.add(a, paragraphs, chars)
	}
	closeErr := s.close()
	sum := s.reader.Summary()

	tables := []reports.Table{stats.overview(sum)}
	if o.by != "" {
		tables = append(tables, stats.breakdown(o.by, sum.Matched))
		if format != reports.FormatTable {
			tables = tables[1:]
		}
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	if err := reports.WriteTables(w, format, tables, o.reportOptions()...); err != nil {
		done()
		return err
	}
	if err := done(); err != nil {
		return err
	}
	return closeErr
}

// overview is the table of `baokan stats`: what the reader saw (sum) and what was counted.
func (s *corpusStats) overview(sum corpus.Summary) reports.Table {
	overview := reports.Table{Title: "Corpus", Columns: []string{"measure", "value"}}
	add := func(k string, v any) { overview.Rows = append(overview.Rows, []any{k, v}) }
	add("files", sum.Files)
	add("bytes", sum.Bytes)
	for _, enc := range sortedKeys(sum.Encodings) {
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

// breakdown is the table of `stats --by`; total is the number of articles kept, the
// denominator of the shares.
func (s *corpusStats) breakdown(by string, total int) reports.Table {
	return breakdown(by, s.groups[by], total)
}

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

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
