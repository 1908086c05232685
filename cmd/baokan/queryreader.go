package main

import (
	"errors"
	"io"
	"iter"
	"sync/atomic"

	"github.com/baokan/baokan/corpus"
)

// queryCounted is a reader whose summary also counts the articles a query left out, as a
// filter's: the summary line then says how many matched.
type queryCounted struct {
	articleReader
	rejected *atomic.Int64
	// limited: only the blocks of a cache that can match were read, kept counts the
	// articles that matched, and the summary is the cache's as recorded.
	limited bool
	kept    *atomic.Int64
}

func (r *queryCounted) Summary() corpus.Summary {
	sum := r.articleReader.Summary()
	if r.limited {
		k := int(r.kept.Load())
		sum.FilteredOut += sum.Matched - k
		sum.Matched = k
		return sum
	}
	n := int(r.rejected.Load())
	sum.Matched -= n
	sum.FilteredOut += n
	return sum
}

// queryReader keeps the articles of a reader that match a query (--query on the commands
// that do not segment): by their fields alone, or from a cache with the words stored, or
// from raw files cut on every core.
type queryReader struct {
	src      articleReader
	s        *session
	m        *queryMatcher
	rejected atomic.Int64
	kept     atomic.Int64
	vocab    []string
	words    []string

	// raw files with a word query: the articles that match come from a goroutine that cuts
	ch   chan queryResult
	stop chan struct{}
}

type queryResult struct {
	a   *corpus.Article
	err error
}

// applyQuery makes the session keep the articles that match --query. From raw files, a
// query of words cuts the bodies as the word commands do by default (with the corpus's
// words; --hmm and --dict are the word commands' flags).
func (o *corpusOptions) applyQuery(io *streams, s *session, args []string) error {
	m := o.queryM
	if err := m.learnPersons(io, o, args); err != nil {
		return err
	}
	qr := &queryReader{src: s.reader, s: s, m: m}
	switch {
	case s.cache != nil && m.words:
		qr.vocab = s.ownsOrVocab()
		if m.q.BoundVocabulary() == nil {
			m.q.Bind(qr.vocab)
		}
	case m.words:
		wf := &wordFlags{}
		keepAllWords(wf)
		tok, err := wf.tokenizer(io, o, args)
		if err != nil {
			return err
		}
		qr.ch, qr.stop = make(chan queryResult, 64), make(chan struct{})
		go func() {
			defer close(qr.ch)
			err := tok.Each(qr.src, func(a *corpus.Article, words []string) error {
				if !m.match(a, words, nil) {
					qr.rejected.Add(1)
					return nil
				}
				select {
				case qr.ch <- queryResult{a: a}:
					return nil
				case <-qr.stop:
					return errStopped
				}
			})
			if err != nil && err != errStopped {
				qr.ch <- queryResult{err: err}
			}
		}()
	}
	s.reader = &queryCounted{articleReader: qr, rejected: &qr.rejected, limited: s.cache != nil && o.blocks != nil, kept: &qr.kept}
	return nil
}

var errStopped = errors.New("stopped")

// ownsOrVocab is the vocabulary of the session's cache.
func (s *session) ownsOrVocab() []string {
	if s.ownsCache != nil {
		return s.ownsCache.Vocabulary()
	}
	return nil
}

func (r *queryReader) Next() (*corpus.Article, error) {
	if r.ch != nil {
		res, ok := <-r.ch
		if !ok {
			return nil, io.EOF
		}
		return res.a, res.err
	}
	for {
		a, err := r.src.Next()
		if err != nil {
			return nil, err
		}
		var words []string
		var ids []uint32
		if r.s.cache != nil && r.m.words {
			all, titles := r.s.cache.Tokens()
			ids = all[titles:]
			if r.m.text {
				words = r.words[:0]
				for _, id := range ids {
					words = append(words, r.vocab[id])
				}
				r.words = words
			}
		}
		if r.m.match(a, words, ids) {
			r.kept.Add(1)
			return a, nil
		}
		r.rejected.Add(1)
	}
}

func (r *queryReader) All() iter.Seq2[*corpus.Article, error] {
	return func(yield func(*corpus.Article, error) bool) {
		for {
			a, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(a, err) || err != nil {
				return
			}
		}
	}
}

func (r *queryReader) Summary() corpus.Summary { return r.src.Summary() }

func (r *queryReader) Close() error {
	if r.stop != nil {
		close(r.stop)
		for range r.ch { // let the cutting goroutine end
		}
	}
	return r.src.Close()
}

// prepareQuery compiles --query (once) and asks the reader for what matching needs: the
// body text for text:, a cache's words for word terms.
func (o *corpusOptions) prepareQuery() error {
	if o.query == "" {
		return nil
	}
	if o.queryM == nil {
		m, err := compileQuery("--query", o.query)
		if err != nil {
			return err
		}
		o.queryM = m
	}
	if o.queryM.text || o.queryM.words {
		o.skipBody = false // raw files: the body is cut or searched
	}
	if o.queryM.text {
		o.textless = false
	}
	if o.queryM.words {
		o.words, o.keep = true, nil // a cache's words, unfiltered
	}
	return nil
}

// withQuery applies --query to a session just opened (closing it on error).
func (o *corpusOptions) withQuery(io *streams, s *session, args []string) error {
	if o.query == "" {
		return nil
	}
	if err := o.applyQuery(io, s, args); err != nil {
		s.close()
		return err
	}
	return nil
}
