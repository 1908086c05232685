package main

import (
	"strconv"

	"github.com/baokan/baokan/analysis/collocation"
	"github.com/baokan/baokan/analysis/concordance"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports/corpusreport"
)

// termContexts takes one more pass over the words (every word as cut) for the --term
// words: a concordance of corpusreport.KWICLines lines sampled with a fixed seed, in corpus order,
// and the top collocates by G².
func termContexts(io *streams, o *reportOptions, args []string) ([]corpusreport.TermContext, error) {
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
		states[i] = &termState{m: m, sampler: concordance.NewSampler(corpusreport.KWICLines, corpusreport.KWICSeed), counts: collocation.NewCounts()}
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
			st.counts.Add(ids, kept, hs, corpusreport.CollocSpan)
			if len(spans) > 0 {
				st.hits += len(spans)
				st.arts++
				for _, l := range concordance.Make(a, ordinal, words, spans, concordance.Options{Window: corpusreport.KWICWindow}) {
					st.sampler.Add(l)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]corpusreport.TermContext, len(states))
	for i, st := range states {
		lines := st.sampler.Lines
		concordance.Sort(lines, concordance.Corpus)
		rows := st.counts.Rows(cw.Vocabulary(), corpusreport.CollocMinCount, collocation.ByG2)
		out[i] = corpusreport.TermContext{Term: o.terms[i], Hits: st.hits, Arts: st.arts, Lines: lines,
			Collocates: rows[:min(len(rows), corpusreport.CollocatesShown)]}
	}
	return out, nil
}
