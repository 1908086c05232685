package corpusreport

import (
	"fmt"
	"math"
	"strings"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/dictionary"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/reports/chart"
	"github.com/baokan/baokan/reports/report"
)

// Concepts are the counts of a concept dictionary by the timelines' unit, made in a pass
// of their own over every word as cut (the report's word pass is filtered): what
// 'baokan timeline --concepts FILE --index EXPR' shows.
type Concepts struct {
	Dict *dictionary.Dictionary
	Tab  *timeline.Table
	Unit string // "year" or "month": Collector.TimelineUnit
	// Index holds, by series, the standardised index of each index series (nil for the
	// others); IndexErr says why it could not be standardised.
	Index    [][]float64
	IndexErr error
	// Indexes are the index expressions as given, IndexBase the base periods ("" for every
	// period), for the methods.
	Indexes   []string
	IndexBase string
}

// conceptsSection shows each category's series and each index, with their bursts.
func (b *builder) conceptsSection(rc *Concepts) report.Section {
	s := report.Section{ID: "concepts", Title: "Concepts"}
	dict, tab, unit := rc.Dict, rc.Tab, rc.Unit
	names := dict.Names()
	b.param("concept dictionary", fmt.Sprintf("%s: %d categories (%s), %d entries", dict.File, len(names), strings.Join(names, ", "), dict.Entries()))
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"The categories of the concept dictionary %s, by %s: each category's matches per 10,000 words (every word as cut) and the share of articles with a match. The matches are those of 'baokan lookup' (see the methods).",
		dict.File, unit)))
	if len(tab.Periods) == 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("No article carries a valid date: there is no series."))
		return s
	}
	entries := &report.Table{Caption: "The dictionary's categories.", Columns: []string{"category", "entries"}}
	for _, c := range dict.Categories {
		var es []string
		for _, e := range c.Entries {
			es = append(es, e.Source)
		}
		entries.Rows = append(entries.Rows, []any{c.Name, strings.Join(es, " · ")})
	}
	s.Blocks = append(s.Blocks, entries)

	var periods []string
	for _, p := range tab.Periods {
		periods = append(periods, p.String())
	}
	var concepts, indexes []int
	for i, sr := range tab.Series {
		if sr.Kind == timeline.Index {
			indexes = append(indexes, i)
		} else {
			concepts = append(concepts, i)
		}
	}
	model := burst.Default()
	bursts, err := tab.Bursts(model)
	if err != nil {
		s.Blocks = append(s.Blocks, report.Paragraph("Bursts could not be computed: "+err.Error()))
		bursts = make([][]burst.Burst, len(tab.Series))
	}
	lines := func(idx []int, value func(i, pi int) float64, ylabel string) chart.Lines {
		c := chart.Lines{XLabel: unit, YLabel: ylabel, Categories: periods}
		for _, i := range idx {
			sr := chart.Series{Name: tab.Series[i].Value, Values: make([]float64, len(periods))}
			for pi := range periods {
				if v := value(i, pi); !math.IsNaN(v) {
					sr.Values[pi] = v
				}
			}
			for _, bu := range bursts[i] {
				sr.Bursts = append(sr.Bursts, chart.Span{From: bu.Start, To: bu.End, Level: bu.Level})
			}
			c.Series = append(c.Series, sr)
		}
		return c
	}
	first, last := periods[0], periods[len(periods)-1]
	s.Blocks = append(s.Blocks, b.figs.Figure("concepts", lines(concepts, func(i, pi int) float64 { return tab.Points[i][pi].Per10k() }, "per 10,000 words"),
		fmt.Sprintf("Line chart of the matches of %s per 10,000 words, by %s from %s to %s.", strings.Join(names, ", "), unit, first, last),
		fmt.Sprintf("Matches of each category per 10,000 words, by %s (0 in %ss without articles); bursts shaded.", unit, unit))...)

	ct := &report.Table{Caption: fmt.Sprintf("Categories by %s: matches per 10,000 words, and the share of articles with a match.", unit),
		Columns: []string{unit, "articles", "words"},
		Note:    fmt.Sprintf("%ss without articles are left out. As 'baokan lookup --by %s'.", unit, unit)}
	for _, i := range concepts {
		ct.Columns = append(ct.Columns, tab.Series[i].Value+" per 10k", tab.Series[i].Value+" share")
	}
	for k := range indexes {
		name := "index"
		if len(indexes) > 1 {
			name = fmt.Sprintf("index %d", k+1)
		}
		ct.Columns = append(ct.Columns, name+": share", name+": standardised")
	}
	for pi, p := range periods {
		tot := tab.Totals[pi]
		if tot.Articles == 0 {
			continue
		}
		row := []any{p, tot.Articles, tot.Tokens}
		for _, i := range concepts {
			pt := tab.Points[i][pi]
			row = append(row, floatCell(pt.Per10k()), floatCell(pt.Share()))
		}
		for _, i := range indexes {
			var v any
			if rc.Index != nil && rc.Index[i] != nil {
				v = floatCell(rc.Index[i][pi])
			}
			row = append(row, floatCell(tab.Points[i][pi].Share()), v)
		}
		ct.Rows = append(ct.Rows, row)
	}

	if len(indexes) > 0 {
		var exprs []string
		for k, i := range indexes {
			e := tab.Series[i].Value
			if len(indexes) > 1 {
				e = fmt.Sprintf("index %d = %s", k+1, e)
			}
			exprs = append(exprs, e)
		}
		base := "every period"
		if rc.IndexBase != "" {
			base = rc.IndexBase
		}
		b.param("index", strings.Join(exprs, "; "))
		b.param("index base periods", base)
		s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
			"The index (%s) counts the articles matching the expression over the categories. It is scaled as Baker, Bloom and Davis (2016, Quarterly Journal of Economics 131(4), \"Measuring Economic Policy Uncertainty\") scale theirs: the matching articles divided by the %s's articles, standardised to unit standard deviation and normalised to a mean of 100 over the base periods (%s).",
			strings.Join(exprs, "; "), unit, base)))
		if rc.IndexErr != nil {
			s.Blocks = append(s.Blocks, report.Paragraph("The index could not be standardised: "+rc.IndexErr.Error()))
		} else {
			s.Blocks = append(s.Blocks, b.figs.Figure("concept-index", lines(indexes, func(i, pi int) float64 { return rc.Index[i][pi] }, "index (base mean = 100)"),
				fmt.Sprintf("Line chart of the standardised index, by %s from %s to %s.", unit, first, last),
				fmt.Sprintf("The standardised index (mean 100 over the base periods), by %s; bursts shaded.", unit))...)
		}
	}
	s.Blocks = append(s.Blocks, ct)

	bt := &report.Table{Caption: fmt.Sprintf("Bursts of the categories and indices (Kleinberg's two-state automaton, s = %g, γ = %g).", model.S, model.Gamma),
		Columns: []string{"series", "start", "end", "periods", "level", "weight"},
		Note:    "Categories: r_t = matches, d_t = the period's words; indices: r_t = matching articles, d_t = the period's articles. As 'baokan timeline --concepts FILE --bursts'."}
	for i, sr := range tab.Series {
		for _, bu := range bursts[i] {
			bt.Rows = append(bt.Rows, []any{sr.Name(), periods[bu.Start], periods[bu.End], bu.End - bu.Start + 1, bu.Level, bu.Weight})
		}
	}
	if len(bt.Rows) == 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("No burst: no category or index comes in bursts."))
	} else {
		s.Blocks = append(s.Blocks, bt)
	}
	repro := fmt.Sprintf("baokan timeline --by %s --series '' --concepts %s", unit, ShellQuote(dict.File))
	for _, e := range rc.Indexes {
		repro += " --index " + ShellQuote(e)
	}
	if rc.IndexBase != "" {
		repro += " --index-base " + ShellQuote(rc.IndexBase)
	}
	b.repro = append(b.repro, fmt.Sprintf("baokan lookup --by %s --concepts %s", unit, ShellQuote(dict.File)), repro)
	return s
}
