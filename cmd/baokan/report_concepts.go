package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/reports/chart"
	"github.com/baokan/baokan/reports/report"
)

// reportConcepts is what the report's concepts pass gathers: the dictionary's categories
// and indices by period.
type reportConcepts struct {
	set    *conceptSet
	tab    *timeline.Table
	unit   string
	index  [][]float64 // by series: the standardised index of an index series
	indexE error       // why the index could not be standardised
}

// conceptPass counts the dictionary by the timelines' unit (month or year) in a pass of
// its own over every word as cut (the report's word pass is filtered).
func (o *reportOptions) conceptPass(io *streams, args []string, d *reportData) (*reportConcepts, error) {
	set := o.concepts
	unitName := "year"
	if o.by == "month" || d.months != nil {
		unitName = "month"
	}
	unit, err := timeline.ParseUnit(unitName)
	if err != nil {
		return nil, err
	}
	wf := o.wordFlags
	keepAllWords(&wf)
	co := o.corpusOptions
	co.quiet, co.verbose, co.strict = true, false, false // the main pass reported
	co.textless = !set.matcher.NeedsText()
	ws, err := wf.openWords(io, &co, args)
	if err != nil {
		return nil, err
	}
	tab, _, err := conceptTable(ws, set, unit)
	ws.Close()
	if err != nil {
		return nil, err
	}
	rc := &reportConcepts{set: set, tab: tab, unit: unitName}
	if len(set.exprs) > 0 && len(tab.Periods) > 0 {
		rc.index, rc.indexE = o.conceptFlags.indexValues(tab)
	}
	return rc, nil
}

// conceptsSection shows each category's series and each index, with their bursts.
func (b *reportBuilder) conceptsSection(rc *reportConcepts) report.Section {
	s := report.Section{ID: "concepts", Title: "Concepts"}
	set, tab, unit := rc.set, rc.tab, rc.unit
	names := set.dict.Names()
	b.param("concept dictionary", fmt.Sprintf("%s: %d categories (%s), %d entries", set.dict.File, len(names), strings.Join(names, ", "), set.dict.Entries()))
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"The categories of the concept dictionary %s, by %s: each category's matches per 10,000 words (every word as cut) and the share of articles with a match. The matches are those of 'baokan lookup' (see the methods).",
		set.dict.File, unit)))
	if len(tab.Periods) == 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("No article carries a valid date: there is no series."))
		return s
	}
	entries := &report.Table{Caption: "The dictionary's categories.", Columns: []string{"category", "entries"}}
	for _, c := range set.dict.Categories {
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
	s.Blocks = append(s.Blocks, b.figs.figure("concepts", lines(concepts, func(i, pi int) float64 { return tab.Points[i][pi].Per10k() }, "per 10,000 words"),
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
			if rc.index != nil && rc.index[i] != nil {
				v = floatCell(rc.index[i][pi])
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
		if b.o.indexBase != "" {
			base = b.o.indexBase
		}
		b.param("index", strings.Join(exprs, "; "))
		b.param("index base periods", base)
		s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
			"The index (%s) counts the articles matching the expression over the categories. It is scaled as Baker, Bloom and Davis (2016, Quarterly Journal of Economics 131(4), \"Measuring Economic Policy Uncertainty\") scale theirs: the matching articles divided by the %s's articles, standardised to unit standard deviation and normalised to a mean of 100 over the base periods (%s).",
			strings.Join(exprs, "; "), unit, base)))
		if rc.indexE != nil {
			s.Blocks = append(s.Blocks, report.Paragraph("The index could not be standardised: "+rc.indexE.Error()))
		} else {
			s.Blocks = append(s.Blocks, b.figs.figure("concept-index", lines(indexes, func(i, pi int) float64 { return rc.index[i][pi] }, "index (base mean = 100)"),
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
	repro := fmt.Sprintf("baokan timeline --by %s --series '' --concepts %s", unit, shellQuote(set.dict.File))
	for _, e := range b.o.indexes {
		repro += " --index " + shellQuote(e)
	}
	if b.o.indexBase != "" {
		repro += " --index-base " + shellQuote(b.o.indexBase)
	}
	b.repro = append(b.repro, fmt.Sprintf("baokan lookup --by %s --concepts %s", unit, shellQuote(set.dict.File)), repro)
	return s
}
