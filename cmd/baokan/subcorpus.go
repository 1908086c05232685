package main

import (
	"fmt"
	"strings"

	"github.com/baokan/baokan/corpus"
)

// subcorpus is keyness's --target or --reference: a filter, or with query=QUERY a query
// matched by the word stream (on every word as cut).
type subcorpus struct {
	filter *corpus.Filter
	m      *queryMatcher
	side   int // the query's place among the stream's side queries
}

func parseSubcorpus(flag, s string) (*subcorpus, error) {
	if q, ok := strings.CutPrefix(strings.TrimSpace(s), "query="); ok {
		m, err := compileQuery(flag+" query=", q)
		if err != nil {
			return nil, err
		}
		return &subcorpus{m: m}, nil
	}
	f, err := corpus.ParseFilter(s)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	return &subcorpus{filter: f}, nil
}

// attach registers a query with the stream, before its first pass.
func (sc *subcorpus) attach(ws *wordStream) {
	if sc == nil || sc.m == nil {
		return
	}
	sc.side = len(ws.side)
	ws.addSideQuery(sc.m)
}

// match reports whether a, the article of the stream's current call, is in the subcorpus.
func (sc *subcorpus) match(ws *wordStream, a *corpus.Article) bool {
	if sc.m != nil {
		return ws.sideHit[sc.side]
	}
	return sc.filter.Match(a)
}
