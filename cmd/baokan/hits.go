package main

import (
	"errors"

	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/corpus"
)

type spanT = query.Span

// eachHit runs the query of m over the corpus: fn gets, in corpus order, each article with
// a hit, its ordinal among the articles read (from 0), its body words (every word as cut),
// from a cache their ids in vocab too (else nil), and its hits. It returns the vocabulary of the words seen and the pass's --strict
// verdict (to return once the output is written). With all, fn gets every article, those
// without a hit with hits nil (and, from a cache, words nil).
func eachHit(io *streams, co *corpusOptions, wf *wordFlags, m *queryMatcher, args []string, all bool, fn func(a *corpus.Article, ordinal int, words []string, ids []uint32, hits []spanT) error) (vocab []string, verdict, err error) {
	if !m.words && !m.text {
		return nil, nil, errors.New("QUERY: no word, \"words\", /pattern/ or text: term to find in the text (fields alone select articles: use them with --query)")
	}
	keepAllWords(wf)
	co.textless = !m.text
	ws, err := wf.openWords(io, co, args)
	if err != nil {
		return nil, nil, err
	}
	ordinal := -1
	if ws.cache != nil {
		vocab := ws.Vocabulary()
		m.q.Bind(vocab)
		var words []string
		lookup := func(ids []uint32) []string {
			words = words[:0]
			for _, id := range ids {
				words = append(words, vocab[id])
			}
			return words
		}
		err = ws.EachIDs(func(a *corpus.Article, ids []uint32) error {
			ordinal++
			var ws []string
			if m.text {
				ws = lookup(ids)
			}
			ok, hits := m.q.Hits(m.doc(a, ws, ids))
			if !ok || len(hits) == 0 {
				if all {
					return fn(a, ordinal, nil, ids, nil)
				}
				return nil
			}
			return fn(a, ordinal, lookup(ids), ids, hits)
		})
	} else {
		err = ws.Each(func(a *corpus.Article, words []string) error {
			ordinal++
			ok, hits := m.q.Hits(m.doc(a, words, nil))
			if !ok || len(hits) == 0 {
				if all {
					return fn(a, ordinal, words, nil, nil)
				}
				return nil
			}
			return fn(a, ordinal, words, nil, hits)
		})
	}
	return ws.Vocabulary(), ws.Close(), err
}
