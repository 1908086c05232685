package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/corpusstats"
	"github.com/baokan/baokan/analysis/period"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
	"github.com/baokan/baokan/reports/corpusreport"
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
	if err := corpus.Drain(s.reader, func(a *corpus.Article) error {
		paragraphs, chars := s.bodySize(a)
		stats.Add(a, paragraphs, chars)
		return nil
	}); err != nil {
		s.close()
		return err
	}
	closeErr := s.close()
	if errors.Is(closeErr, corpus.ErrNoArticle) {
		return closeErr // before any output
	}
	sum := s.reader.Summary()
	tables := []reports.Table{corpusreport.OverviewTable(stats.Overview(sum))}
	if o.by != "" {
		tables = append(tables, corpusreport.BreakdownTable(o.by, stats.Breakdown(o.by, sum.Matched)))
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
