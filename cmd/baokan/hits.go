package main

import (
	"errors"

	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
)

type spanT = query.Span

// eachHit runs the query of m over the corpus: fn gets, in corpus order, each article with
// a hit, its ordinal among the articles read (from 0), its body words (every word as cut),
// from a cache their ids in vocab too (else nil), and its hits. It returns the vocabulary of the words seen and the pass's --strict
// verdict (to return once the output is written). With all, fn gets every article, those
// without a hit with hits nil (and, from a cache, words nil).
func eachHit(io *streams, co *corpusOptions, wf *wordFlags, m *queryMatcher, args []string, all bool, fn func(a *corpus.Article, ordinal int, words []string, ids []uint32, hits []spanT) error) (vocab []string, verdict, err error) {
	return eachHitPlanned(io, co, wf, m, args, all, nil, fn)
}

// hitPlan lets a cache's positional index answer what it can before any article is read:
// the numbers of hits and of articles with a hit (counted true when it did), and, with
// limit, the articles read stop after the block that holds the limit-th hit (in corpus
// order).
type hitPlan struct {
	limit          int
	counted        bool
	hits, articles int
}

// eachHitPlanned is eachHit with a plan (nil: none).
func eachHitPlanned(io *streams, co *corpusOptions, wf *wordFlags, m *queryMatcher, args []string, all bool, plan *hitPlan, fn func(a *corpus.Article, ordinal int, words []string, ids []uint32, hits []spanT) error) (vocab []string, verdict, err error) {
	if !m.words && !m.text {
		return nil, nil, errors.New("QUERY: no word, \"words\", /pattern/ or text: term to find in the text (fields alone select articles: use them with --query)")
	}
	keepAllWords(wf)
	if err := m.learnPersons(io, co, args); err != nil {
		return nil, nil, err
	}
	co.textless = !m.text
	ws, err := wf.openWords(io, co, args)
	if err != nil {
		return nil, nil, err
	}
	ordinal := -1
	if ws.cache != nil {
		vocab := ws.Vocabulary()
		m.q.Bind(vocab)
		if co.query == "" && !all {
			// Only the blocks that can hold a hit are read (the summary is the cache's);
			// not when every article counts (collocations' corpus frequencies).
			co.blocks = candidateBlocks(co, ws.cache, m)
			if plan != nil && co.blocks != nil {
				if err := planHits(ws.cache, m, plan, co); err != nil {
					ws.Close()
					return nil, nil, err
				}
			}
		}
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

// planHits answers plan from the cache's postings when the query can be (words, sequences,
// patterns, NEAR, AND, OR): the counts, and the blocks to read, those with a hit up to the
// one holding the plan's limit-th hit.
func planHits(cr *cache.Reader, m *queryMatcher, plan *hitPlan, co *corpusOptions) error {
	found, ok, err := m.q.PostingHits(func(id uint32) ([]query.Posting, error) {
		ps, err := cr.Postings(id)
		out := make([]query.Posting, len(ps))
		for i, p := range ps {
			out[i] = query.Posting(p)
		}
		return out, err
	})
	if err != nil || !ok {
		return err
	}
	blocks, hits, err := query.Blocks(found, plan.limit, cr.ArticleBlock)
	if err != nil {
		return err
	}
	plan.counted, plan.hits, plan.articles = true, hits, len(found)
	co.blocks = blocks
	return nil
}
