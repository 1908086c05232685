package main

import (
	"fmt"
	"strconv"

	"github.com/baokan/baokan/analysis/collocation"
	"github.com/baokan/baokan/analysis/concordance"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports/report"
)

// The report's concordance and collocates of each --term.
const (
	reportKWICLines  = 10
	reportKWICSeed   = 1
	reportKWICWindow = 8
	reportCollocates = 10
	reportCollocMin  = 2
)

var reportSpan = collocation.Span{Left: 5, Right: 5}

// termContext is one --term's sampled concordance and collocates.
type termContext struct {
	term       string
	hits, arts int
	lines      []concordance.Line
	collocates []collocation.Row
}

// termContexts takes one more pass over the words (every word as cut) for the --term
// words: a concordance of reportKWICLines lines sampled with a fixed seed, in corpus order,
// and the top collocates by G².
func termContexts(io *streams, o *reportOptions, args []string) ([]termContext, error) {
	if len(o.terms) == 0 {
		return nil, nil
	}
	filter, err := o.wordFlags.filter()
	if err != nil {
		return nil, err
	}
	type termState struct {
		m       *queryMatcher
		sampler *concordance.Sampler
		counts  *collocation.Counts
		hits    int
		arts    int
	}
	states := make([]*termState, len(o.terms))
	var parts []string
	for i, t := range o.terms {
		m, err := compileQuery("--term", strconv.Quote(t))
		if err != nil {
			return nil, err
		}
		states[i] = &termState{m: m, sampler: concordance.NewSampler(reportKWICLines, reportKWICSeed), counts: collocation.NewCounts()}
		parts = append(parts, strconv.Quote(t))
	}
	// One pass for all the words: the query is their OR, each matched on its own.
	any := ""
	for i, p := range parts {
		if i > 0 {
			any += " OR "
		}
		any += p
	}
	m, err := compileQuery("--term", any)
	if err != nil {
		return nil, err
	}
	co := o.corpusOptions
	co.quiet, co.verbose, co.strict = true, false, false // the main pass reported
	wf := o.wordFlags
	cw := &collocWords{filter: filter}
	var hs []collocation.Hit
	var cacheVocab []string
	_, _, err = eachHit(io, &co, &wf, m, args, true, func(a *corpus.Article, ordinal int, words []string, ids []uint32, anyHits []spanT) error {
		if ids != nil && cacheVocab == nil {
			cacheVocab = m.q.BoundVocabulary()
			for _, st := range states {
				st.m.q.Bind(cacheVocab)
			}
		}
		ids, kept := cw.of(words, ids, cacheVocab)
		for _, st := range states {
			var spans []spanT
			if len(anyHits) > 0 {
				if ok, h := st.m.q.Hits(st.m.doc(a, words, ids)); ok {
					spans = h
				}
			}
			hs = hs[:0]
			for _, s := range spans {
				hs = append(hs, collocation.Hit{Start: s.Start, End: s.End})
			}
			st.counts.Add(ids, kept, hs, reportSpan)
			if len(spans) > 0 {
				st.hits += len(spans)
				st.arts++
				for _, l := range concordance.Make(a, ordinal, words, spans, concordance.Options{Window: reportKWICWindow}) {
					st.sampler.Add(l)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]termContext, len(states))
	for i, st := range states {
		lines := st.sampler.Lines
		concordance.Sort(lines, concordance.Corpus)
		rows := st.counts.Rows(cw.Vocabulary(), reportCollocMin, collocation.ByG2)
		out[i] = termContext{term: o.terms[i], hits: st.hits, arts: st.arts, lines: lines,
			collocates: rows[:min(len(rows), reportCollocates)]}
	}
	return out, nil
}

// contextSection is the report's "Words in context" section.
func contextSection(ctx []termContext, o *reportOptions) report.Section {
	s := report.Section{ID: "contexts", Title: "Words in context"}
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"For each word asked for with --term: a concordance of %d of its occurrences drawn at random (reservoir sampling, seed %d, in corpus order), %d words each side, and the words found most often around it (within %d words left and right), by log-likelihood.",
		reportKWICLines, reportKWICSeed, reportKWICWindow, reportSpan.Left)))
	for _, c := range ctx {
		rows := make([][]any, len(c.lines))
		for i, l := range c.lines {
			rows[i] = []any{l.Date.String(), l.Left, l.Match, l.Right, fmt.Sprintf("%s:%d", l.Path, l.Line)}
		}
		s.Blocks = append(s.Blocks, &report.Table{
			Caption: fmt.Sprintf("%s in context: %d of %d occurrences in %d articles", c.term, len(c.lines), c.hits, c.arts),
			Columns: []string{"date", "left", "match", "right", "article"},
			Rows:    rows,
			Note:    fmt.Sprintf("As 'baokan kwic %s --sample %d --seed %d --window %d'.", shellQuote(strconv.Quote(c.term)), reportKWICLines, reportKWICSeed, reportKWICWindow),
		})
		crows := make([][]any, len(c.collocates))
		for i, r := range c.collocates {
			crows[i] = []any{r.Term, r.Count, r.Freq, r.Expected, r.MI, r.T, r.G2, r.LogDice}
		}
		s.Blocks = append(s.Blocks, &report.Table{
			Caption: fmt.Sprintf("Collocates of %s", c.term),
			Columns: []string{"term", "count", "freq", "expected", "mi", "t_score", "g2", "log_dice"},
			Rows:    crows,
			Note: fmt.Sprintf("As 'baokan collocations %s --span %d,%d --min-count %d --top %d'. count: occurrences within the window; freq: in the corpus; expected = R1·freq/N (R1: the word positions in the windows, N: the words); mi = log2(count/expected) (Church & Hanks 1990); t_score = (count − expected)/√count (Church et al. 1991); g2: log-likelihood (Dunning 1993); log_dice = 14 + log2(2·count/(hits + freq)) (Rychlý 2008).",
				shellQuote(strconv.Quote(c.term)), reportSpan.Left, reportSpan.Right, reportCollocMin, reportCollocates),
		})
	}
	return s
}
