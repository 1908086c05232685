package main

import (
	"sync/atomic"

	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/corpus"
)

// wsQuery is --query on a word stream: the articles that do not match are skipped before
// the command sees them. A query of words is matched on every word as cut, so the stream
// then cuts (or, from a cache, decodes) its words unfiltered, matches, and filters them
// itself.
type wsQuery struct {
	qm       *queryMatcher
	side     []*queryMatcher // queries the command tests each article against (keyness --target 'query=…')
	sideHit  []bool          // the current article's results of side (sequential passes only)
	allWords bool            // some query needs every word as cut
	swapped  bool            // raw files: the tokenizer cuts unfiltered, ws.filter filters
	filter   segment.Filter  // raw files, a query of words: the command's filter, applied after matching
	rejected atomic.Int64    // articles the query left out in this pass
	kept     atomic.Int64    // articles it kept
	blocks   []int           // a cache's blocks that can hold a match of --query, if known
	qmatched []bool          // raw files with a second pass: whether each article of the first matched
	qbuf     []uint32
}

// initQuery compiles --query for the stream; vocab is the cache's vocabulary (nil for raw
// files).
func (ws *wordStream) initQuery(vocab []string) error {
	if ws.co.query == "" {
		return nil
	}
	m, err := compileQuery("--query", ws.co.query)
	if err != nil {
		return err
	}
	if err := m.learnPersons(ws.io, ws.co, ws.args); err != nil {
		return err
	}
	ws.qm = m
	ws.needs(m)
	if ws.cache != nil {
		ws.blocks = candidateBlocks(ws.co, ws.cache, m)
	}
	return nil
}

// addSideQuery adds a query the command tests each article against (sideHit), before the
// first pass.
func (ws *wordStream) addSideQuery(m *queryMatcher) {
	// An error of the learning pass is the corpus's own: the stream's first pass meets it.
	_ = m.learnPersons(ws.io, ws.co, ws.args)
	ws.side = append(ws.side, m)
	ws.blocks = nil // the side queries look at every article
	ws.sideHit = append(ws.sideHit, false)
	ws.needs(m)
}

// needs prepares the stream for what m needs: every word as cut.
func (ws *wordStream) needs(m *queryMatcher) {
	if !m.words {
		return
	}
	ws.allWords = true
	if ws.cache != nil {
		m.q.Bind(ws.cache.Vocabulary())
		return
	}
	if !ws.swapped {
		// Cut everything; the command's filter is applied after matching.
		ws.swapped = true
		ws.filter = ws.tok.Filter
		tok := *ws.tok
		tok.Filter = segmentFilterAll()
		ws.tok = &tok
	}
}

// any reports whether the stream has a query.
func (ws *wordStream) anyQuery() bool { return ws.qm != nil || len(ws.side) > 0 }

// matchAll matches the main query and the side ones; false if the main one fails.
func (ws *wordStream) matchAll(a *corpus.Article, words []string, ids []uint32) bool {
	if ws.qm != nil {
		if !ws.qm.match(a, words, ids) {
			ws.rejected.Add(1)
			return false
		}
		ws.kept.Add(1)
	}
	for i, m := range ws.side {
		ws.sideHit[i] = m.match(a, words, ids)
	}
	return true
}

// queryPass sets up a pass's reading for the query: the session itself must not apply
// it again, text: needs the body.
func (ws *wordStream) queryPass(co *corpusOptions) {
	co.query, co.queryM = "", nil
	ws.rejected.Store(0)
	ws.kept.Store(0)
	if ws.qm != nil {
		co.blocks = ws.blocks
	}
	if ws.textNeeded() {
		co.textless, co.skipBody = false, false
	}
}

// countQuery makes the session's summary count the articles the query leaves out.
func (ws *wordStream) countQuery(s *session) {
	if ws.qm != nil {
		s.reader = &queryCounted{articleReader: s.reader, rejected: &ws.rejected, limited: ws.blocks != nil, kept: &ws.kept}
	}
}

// decodeKeep is the filter a cache applies as it decodes: none when a query needs every word.
func (ws *wordStream) decodeKeep() []bool {
	if ws.allWords {
		return nil
	}
	return ws.keep
}

// queryIDs matches a cache's article: ids are its words (titles first), filtered as decoded
// unless the query needs them all, in which case the ids kept are filtered here into buf.
func (ws *wordStream) queryIDs(a *corpus.Article, ids []uint32, titles int, buf *[]uint32) ([]uint32, int, bool) {
	if !ws.anyQuery() {
		return ids, titles, true
	}
	var body []uint32
	var words []string
	if ws.allWords {
		body = ids[titles:]
		if ws.textNeeded() {
			vocab := ws.cache.Vocabulary()
			words = make([]string, len(body))
			for i, id := range body {
				words[i] = vocab[id]
			}
		}
	}
	if !ws.matchAll(a, words, body) {
		return nil, 0, false
	}
	if !ws.allWords {
		return ids, titles, true
	}
	kept := (*buf)[:0]
	keptTitles := 0
	for i, id := range ids {
		if ws.keep[id] {
			kept = append(kept, id)
			if i < titles {
				keptTitles++
			}
		}
	}
	*buf = kept
	return kept, keptTitles, true
}

// queryKeyed matches an article cut from raw files: words (and their keys) are all its
// words as cut, titles first; when the query needed them all, the command's filter is
// applied here, in place.
func (ws *wordStream) queryKeyed(a *corpus.Article, words []string, keys []uint32, titles int) ([]string, []uint32, bool) {
	var body []string
	if ws.allWords {
		body = words[titles:]
	}
	ok := ws.matchAll(a, body, nil)
	if ws.spill != nil {
		ws.qmatched = append(ws.qmatched, ok)
	}
	if !ok {
		return nil, nil, false
	}
	if !ws.allWords {
		return words, keys, true
	}
	t, _ := ws.filter.ApplyKeyed(words[:titles], keys[:titles])
	b, bk := ws.filter.ApplyKeyed(words[titles:], keys[titles:])
	n := len(t)
	copy(words[n:], b)
	copy(keys[n:], bk)
	return words[:n+len(b)], keys[:n+len(b)], true
}

// textNeeded reports whether a query has text: terms.
func (ws *wordStream) textNeeded() bool {
	text := ws.qm != nil && ws.qm.text
	for _, m := range ws.side {
		text = text || m.text
	}
	return text
}
