package main

import (
	"github.com/baokan/baokan/analysis/tokens/cache"
)

// candidateBlocks returns the blocks of the cache that can hold a match of m (bound to its
// vocabulary here if need be), or nil when every block must be read: the query may match
// without its words (NOT, fields, text:), or the scan must see every article (a filter
// counts what it leaves out, --verbose prints every diagnostic). The scan of those blocks
// alone sees every article that matches, and reports the cache's recorded summary.
func candidateBlocks(co *corpusOptions, cr *cache.Reader, m *queryMatcher) []int {
	if m == nil || !m.words || co.verbose || co.from != "" || co.to != "" || co.page != 0 || co.genre != "" || co.title != "" {
		return nil
	}
	if m.q.BoundVocabulary() == nil {
		m.q.Bind(cr.Vocabulary())
	}
	return m.q.CandidateBlocks(cr.BlocksWith)
}

// queryBlocks limits a session over a cache to the blocks that can match --query.
func (o *corpusOptions) queryBlocks(cr *cache.Reader) {
	if o.query != "" && o.queryM != nil {
		o.blocks = candidateBlocks(o, cr, o.queryM)
	}
}
