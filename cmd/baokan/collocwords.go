package main

import (
	"github.com/baokan/baokan/analysis/collocation"
	"github.com/baokan/baokan/analysis/segment"
)

// collocWords turns an article's words into vocabulary ids and the filter's verdict on
// each (collocation.Words, made on first use).
type collocWords struct {
	filter segment.Filter
	w      *collocation.Words
}

// of returns ids and kept for one article (words from raw files, ids from a cache, with
// the cache's vocabulary).
func (c *collocWords) of(words []string, ids []uint32, cacheVocab []string) ([]uint32, []bool) {
	if c.w == nil {
		c.w = collocation.NewWords(c.filter.Keep)
	}
	return c.w.Of(words, ids, cacheVocab)
}

// Vocabulary gives the words of the ids.
func (c *collocWords) Vocabulary() []string {
	if c.w == nil {
		return nil
	}
	return c.w.Vocabulary()
}
