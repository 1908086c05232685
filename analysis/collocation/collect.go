package collocation

import (
	"slices"

	"github.com/baokan/baokan/analysis/tokens"
)

// Words turns an article's words into vocabulary ids and a filter's verdict on each:
// words given as strings (raw files) are interned here; ids given with their vocabulary
// (a cache's) are taken as they are.
type Words struct {
	keep   func(word string) bool
	vocab  tokens.Vocabulary // words given as strings
	cached []string          // the vocabulary of ids given as ids, once known
	keepID []bool            // by id: keep's verdict
	ids    []uint32
	kept   []bool
}

// NewWords returns a Words whose kept verdicts are keep's (a command's word filter).
func NewWords(keep func(word string) bool) *Words { return &Words{keep: keep} }

// Of returns the ids and kept verdicts of one article's words: words as strings, or ids
// (not nil) into vocab. The slices are reused by the next call.
func (c *Words) Of(words []string, ids []uint32, vocab []string) ([]uint32, []bool) {
	if ids == nil {
		c.ids = c.ids[:0]
		for _, w := range words {
			c.ids = append(c.ids, c.vocab.ID(w))
		}
		ids = c.ids
	} else {
		c.cached = vocab
	}
	v := c.Vocabulary()
	for len(c.keepID) < len(v) {
		c.keepID = append(c.keepID, c.keep(v[len(c.keepID)]))
	}
	c.kept = c.kept[:0]
	for _, id := range ids {
		c.kept = append(c.kept, c.keepID[id])
	}
	return ids, c.kept
}

// Vocabulary gives the words of the ids.
func (c *Words) Vocabulary() []string {
	if c.cached != nil {
		return c.cached
	}
	return c.vocab.Terms()
}

// Collector counts the collocates of a query's hits article by article, overall or by
// group (a year, a decade…), with the numbers of hits and of articles with a hit. Give it
// every article of the (sub)corpus, those without a hit too: their words count in f2 and N.
type Collector struct {
	Span           Span
	Hits, Articles int
	words          *Words
	byName         map[string]*Counts
	hs             []Hit
}

// NewCollector counts within span the words keep keeps.
func NewCollector(span Span, keep func(word string) bool) *Collector {
	return &Collector{Span: span, words: NewWords(keep), byName: map[string]*Counts{}}
}

// Add counts one article in each of groups (nil: the one group ""): its words as strings,
// or ids (not nil) into vocab, and its hits (none for an article without one).
func (c *Collector) Add(groups []string, words []string, ids []uint32, vocab []string, hits []Hit) {
	ids, kept := c.words.Of(words, ids, vocab)
	if len(hits) > 0 {
		c.Hits += len(hits)
		c.Articles++
	}
	if groups == nil {
		groups = []string{""}
	}
	for _, g := range groups {
		n := c.byName[g]
		if n == nil {
			n = NewCounts()
			c.byName[g] = n
		}
		n.Add(ids, kept, hits, c.Span)
	}
}

// Group is one group's counts, with the vocabulary of their ids.
type Group struct {
	Name   string
	Counts *Counts
	Vocab  []string
}

// Groups returns the groups seen, ordered by compare (nil: by name).
func (c *Collector) Groups(compare func(a, b string) int) []Group {
	names := make([]string, 0, len(c.byName))
	for g := range c.byName {
		names = append(names, g)
	}
	if compare == nil {
		compare = func(a, b string) int {
			switch {
			case a < b:
				return -1
			case a > b:
				return 1
			}
			return 0
		}
	}
	slices.SortFunc(names, compare)
	out := make([]Group, len(names))
	for i, g := range names {
		out[i] = Group{Name: g, Counts: c.byName[g], Vocab: c.words.Vocabulary()}
	}
	return out
}
