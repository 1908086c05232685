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
