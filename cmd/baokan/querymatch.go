package main

import (
	"fmt"

	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/corpus"
)

// queryMatcher is a compiled query (--query, or the QUERY of kwic and collocations) with
// what the commands ask of it; the matching is query.Matcher's.
type queryMatcher struct {
	*query.Matcher
	q       *query.Query
	words   bool // the query needs the body's words
	text    bool // ... or its text
	learned bool // the corpus's RW lists were learned (person:)
}

// compileQuery parses a query; what names it in an error ("--query", "QUERY").
func compileQuery(what, s string) (*queryMatcher, error) {
	q, err := query.Compile(s)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return &queryMatcher{Matcher: query.NewMatcher(q), q: q, words: q.NeedsWords(), text: q.NeedsText()}, nil
}

// learnPersons gives a query with person: terms the RW lists of the whole corpus (the
// articles the corpus flags select, the query aside), as 'baokan persons' learns them
// before it resolves any list.
func (m *queryMatcher) learnPersons(io *streams, co *corpusOptions, args []string) error {
	if m == nil || !m.NeedsLearning() || m.learned {
		return nil
	}
	m.learned = true
	return eachRW(io, co, args, m.Learn)
}

// eachRW gives learn every RW list of the corpus, in one pass over the articles' metadata
// (no body, no words, nothing printed: the command's own pass reports what it reads).
func eachRW(io *streams, co *corpusOptions, args []string, learn func(rw []string)) error {
	lc := *co
	lc.query, lc.queryM, lc.blocks = "", nil, nil
	lc.quiet, lc.verbose, lc.strict = true, false, false
	lc.skipBody, lc.textless, lc.words, lc.keep, lc.onFileInfo = true, true, false, nil, nil
	s, err := lc.open(io, args)
	if err != nil {
		return err
	}
	err = corpus.Drain(s.reader, func(a *corpus.Article) error { learn(a.RW); return nil })
	s.close()
	return err
}

// doc is the query's view of one article (query.Matcher.Doc).
func (m *queryMatcher) doc(a *corpus.Article, words []string, ids []uint32) *query.Doc {
	return m.Doc(a, words, ids)
}

// match reports whether the article matches.
func (m *queryMatcher) match(a *corpus.Article, words []string, ids []uint32) bool {
	return m.Match(a, words, ids)
}

// hintNoHits explains a word query that found nothing: its words may never be cut whole.
func (m *queryMatcher) hintNoHits(io *streams, vocab []string) {
	for _, w := range m.Unknown(vocab) {
		fmt.Fprintf(io.err, "baokan: %q is never a word as cut in this corpus; for its characters whatever the cutting, query text:%q\n", w, w)
	}
}
