package query

import (
	"sync"

	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/corpus"
)

// Matcher matches articles against a query, resolving their RW persons when the query has
// person: terms, as 'baokan persons' resolves them: Learn every article's RW list first
// (the names standing alone in one list split the run-together entries of another), then
// match. A Matcher is safe for concurrent matching once learning is over.
type Matcher struct {
	Query    *Query
	resolver *persons.Resolver // when the query has person: terms
	mu       sync.Mutex        // the resolver is not safe for concurrent use
}

// NewMatcher returns a Matcher for q, with the persons resolver's built-in tables.
func NewMatcher(q *Query) *Matcher {
	m := &Matcher{Query: q}
	if q.NeedsPersons() {
		m.resolver = persons.NewResolver(persons.Options{})
	}
	return m
}

// NeedsLearning reports whether the query resolves persons, so that the corpus's RW lists
// must be given to Learn before matching.
func (m *Matcher) NeedsLearning() bool { return m.resolver != nil }

// Learn records the names standing alone in one article's RW list.
func (m *Matcher) Learn(rw []string) {
	if m.resolver != nil {
		m.resolver.Learn(rw)
	}
}

// Doc is the query's view of one article: words (nil unless the query needs them) are the
// body's words as cut, ids (or nil) the same as ids into the vocabulary given to Bind.
func (m *Matcher) Doc(a *corpus.Article, words []string, ids []uint32) *Doc {
	d := &Doc{Article: a, Words: words, IDs: ids}
	if m.resolver != nil && len(a.RW) > 0 {
		m.mu.Lock()
		d.Persons = persons.Persons(m.resolver.Resolve(a.RW, a.Date))
		m.mu.Unlock()
	}
	return d
}

// Match reports whether the article matches.
func (m *Matcher) Match(a *corpus.Article, words []string, ids []uint32) bool {
	return m.Query.Match(m.Doc(a, words, ids))
}

// Unknown returns the query's words (WordTerms) that are not in vocab: never cut whole,
// so a word query cannot find them.
func (m *Matcher) Unknown(vocab []string) []string {
	known := make(map[string]bool, len(vocab))
	for _, w := range vocab {
		known[w] = true
	}
	var out []string
	for _, w := range m.Query.WordTerms() {
		if !known[w] {
			out = append(out, w)
		}
	}
	return out
}
