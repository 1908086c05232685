package persons

import (
	"sort"
	"unicode/utf8"

	"github.com/baokan/baokan/corpus"
)

// NameSet gives the distinct persons of a corpus's RW lists as printed, for a segmenter's
// dictionary: Add learns and keeps each list, Names (once all are added) resolves them.
// As with Collector, every list is learned before any is resolved: Add panics after Names.
// It keeps the lists alone, a slice header an article.
type NameSet struct {
	resolver *Resolver
	lists    [][]string
	done     bool
}

// NewNameSet returns a NameSet that learns into r, which must not have resolved anything
// yet.
func NewNameSet(r *Resolver) *NameSet { return &NameSet{resolver: r} }

// Add learns one article's RW list.
func (s *NameSet) Add(rw []string) {
	if s.done {
		panic("persons: NameSet.Add after Names")
	}
	if len(rw) == 0 {
		return
	}
	s.resolver.Learn(rw)
	s.lists = append(s.lists, rw)
}

// Names ends learning and returns the distinct persons of the lists resolved without a
// date (the names as printed: 布什, whoever it denotes), of at least minRunes characters,
// in Unicode order.
func (s *NameSet) Names(minRunes int) []string {
	s.done = true
	seen := map[string]bool{}
	for _, rw := range s.lists {
		for _, e := range s.resolver.Resolve(rw, corpus.Date{}) {
			for _, name := range e.Persons {
				if utf8.RuneCountInString(name) >= minRunes {
					seen[name] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for name := range seen {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
