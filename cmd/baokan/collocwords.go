package main

import (
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
)

// collocWords turns an article's words into vocabulary ids and the filter's verdict on
// each: from a cache the ids come as stored, from raw files they are interned here.
type collocWords struct {
	filter segment.Filter
	vocab  tokens.Vocabulary // raw files
	cached []string          // a cache's vocabulary, once known
	keepID []bool            // by id: the filter keeps the word
	ids    []uint32
	kept   []bool
}

// of returns ids and kept for one article (words from raw files, ids from a cache, with
// the cache's vocabulary).
func (c *collocWords) of(words []string, ids []uint32, cacheVocab []string) ([]uint32, []bool) {
	if ids == nil {
		c.ids = c.ids[:0]
		for _, w := range words {
			c.ids = append(c.ids, c.vocab.ID(w))
		}
		ids = c.ids
	} else {
		c.cached = cacheVocab
	}
	vocab := c.Vocabulary()
	for len(c.keepID) < len(vocab) {
		c.keepID = append(c.keepID, c.filter.Keep(vocab[len(c.keepID)]))
	}
	c.kept = c.kept[:0]
	for _, id := range ids {
		c.kept = append(c.kept, c.keepID[id])
	}
	return ids, c.kept
}

// Vocabulary gives the words of the ids.
func (c *collocWords) Vocabulary() []string {
	if c.cached != nil {
		return c.cached
	}
	return c.vocab.Terms()
}
