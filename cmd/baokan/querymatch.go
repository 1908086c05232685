package main

import (
	"fmt"
	"sync"

	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/corpus"
)

// queryMatcher matches articles against a query (--query, or the QUERY of kwic and
// collocations), resolving their RW persons when the query asks (person:).
type queryMatcher struct {
	q        *query.Query
	resolver *persons.Resolver // when the query has person: terms
	mu       sync.Mutex        // the resolver is not safe for concurrent use
	words    bool              // the query needs the body's words
	text     bool              // ... or its text
	learned  bool              // the resolver has learned the corpus's RW lists
}

// learnPersons lets the resolver of a query with person: terms learn the names standing
// alone in every RW list of the corpus (the articles the corpus flags select, the query
// aside), as 'baokan persons' does before it resolves any list: a run-together entry of
// one article is then split by the names of all. It costs one pass over the articles'
// metadata (no body, no words).
func (m *queryMatcher) learnPersons(io *streams, co *corpusOptions, args []string) error {
	if m == nil || m.resolver == nil || m.learned {
		return nil
	}
	m.learned = true
	lc := *co
	lc.query, lc.queryM, lc.blocks = "", nil, nil
	lc.quiet, lc.verbose, lc.strict = true, false, false
	lc.skipBody, lc.textless, lc.words, lc.keep, lc.onFileInfo = true, true, false, nil, nil
	s, err := lc.open(io, args)
	if err != nil {
		return err
	}
	for a, err := range s.reader.All() {
		if err != nil {
			s.close()
			return err
		}
		m.resolver.Learn(a.RW)
	}
	s.close() // the command's own pass reports what the corpus holds
	return nil
}

// compileQuery parses a query; what names it in an error ("--query", "QUERY").
func compileQuery(what, s string) (*queryMatcher, error) {
	q, err := query.Compile(s)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	m := &queryMatcher{q: q, words: q.NeedsWords(), text: q.NeedsText()}
	if q.NeedsPersons() {
		m.resolver = persons.NewResolver(persons.Options{})
	}
	return m, nil
}

// doc is the query's view of one article: words (nil unless the query needs them) are the
// body's words as cut, ids (or nil) the same as ids into the vocabulary given to Bind.
func (m *queryMatcher) doc(a *corpus.Article, words []string, ids []uint32) *query.Doc {
	d := &query.Doc{Article: a, Words: words, IDs: ids}
	if m.resolver != nil && len(a.RW) > 0 {
		m.mu.Lock()
		d.Persons = persons.Persons(m.resolver.Resolve(a.RW, a.Date))
		m.mu.Unlock()
	}
	return d
}

// match reports whether the article matches.
func (m *queryMatcher) match(a *corpus.Article, words []string, ids []uint32) bool {
	return m.q.Match(m.doc(a, words, ids))
}

// hintNoHits explains a word query that found nothing: its words may never be cut whole.
func (m *queryMatcher) hintNoHits(io *streams, vocab []string) {
	known := make(map[string]bool, len(vocab))
	for _, w := range vocab {
		known[w] = true
	}
	for _, w := range m.q.WordTerms() {
		if !known[w] {
			fmt.Fprintf(io.err, "baokan: %q is never a word as cut in this corpus; for its characters whatever the cutting, query text:%q\n", w, w)
		}
	}
}
