package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/corpusstats"
	"github.com/baokan/baokan/analysis/period"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type statsOptions struct {
	corpusOptions
	by string
}

// groupings are the breakdowns of `stats --by` (corpusstats.Groupings).
var groupings = corpusstats.Groupings

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

func runStats(io *streams, o *statsOptions, args []string) error {
	var by []string
	if o.by != "" {
		by = append(by, o.by)
	}
	stats, err := corpusstats.New(by...)
	if err != nil {
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
	for a, err := range s.reader.All() {
		if err != nil {
			s.close()
			return err
		}
		paragraphs, chars := s.bodySize(a)
		stats.Add(a, paragraphs, chars)
	}
	closeErr := s.close()
	sum := s.reader.Summary()
	tables := []reports.Table{overviewTable(stats.Overview(sum))}
	if o.by != "" {
		tables = append(tables, breakdownTable(o.by, stats.Breakdown(o.by, sum.Matched)))
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

func overviewTable(measures []corpusstats.Measure) reports.Table {
	t := reports.Table{Title: "Corpus", Columns: []string{"measure", "value"}}
	for _, m := range measures {
		t.Rows = append(t.Rows, []any{m.Name, m.Value})
	}
	return t
}

func breakdownTable(by string, groups []corpusstats.Group) reports.Table {
	t := reports.Table{Title: "By " + by, Columns: []string{by, "articles", "chars", "share"}}
	for _, g := range groups {
		t.Rows = append(t.Rows, []any{g.Name, g.Articles, g.Chars, g.Share})
	}
	return t
}

// corpusStats is corpusstats.Stats under the names the report uses, kept in step by add.
type corpusStats struct {
	lib                                  *corpusstats.Stats
	chars, withBody, withRW, withAuthors int
	first, last                          corpus.Date
	groups                               map[string]map[string]*groupCount
}

type groupCount struct{ articles, chars int }

func newCorpusStats(by ...string) *corpusStats {
	lib, err := corpusstats.New(by...)
	if err != nil {
		panic(err) // the callers name groupings
	}
	s := &corpusStats{lib: lib, groups: map[string]map[string]*groupCount{}}
	for _, b := range by {
		s.groups[b] = map[string]*groupCount{}
	}
	return s
}

func (s *corpusStats) add(a *corpus.Article, paragraphs, n int) {
	s.lib.Add(a, paragraphs, n)
	l := s.lib
	s.chars, s.withBody, s.withRW, s.withAuthors, s.first, s.last = l.Chars, l.WithBody, l.WithRW, l.WithAuthors, l.First, l.Last
	for by, groups := range s.groups {
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

func (s *corpusStats) overview(sum corpus.Summary) reports.Table {
	return overviewTable(s.lib.Overview(sum))
}

func (s *corpusStats) breakdown(by string, total int) reports.Table {
	return breakdownTable(by, s.lib.Breakdown(by, total))
}
