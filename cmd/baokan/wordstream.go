package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"

	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
)

// wordStream is the one way word commands get their words: the articles of the sources
// named on the command line (or of the embedded sample, or of a cache made by 'baokan
// index'), each with its filtered words, in corpus order. Every command that segments goes
// through it, so that the segment-once cache stands in for the raw sources in one place.
//
// From a cache, articles come with their body text unless the command set
// corpusOptions.textless before openWords (word commands rarely need the text; skipping it
// saves decompressing it).
type wordStream struct {
	io      *streams
	co      *corpusOptions
	args    []string
	tok     *tokens.Tokenizer
	passes  int
	verdict error          // the first pass's --strict verdict
	summary corpus.Summary // what the first pass's reader saw
	scanner *cache.Scanner // the cache pass under way, if any

	cache  *cache.Reader      // the cache named on the command line, if any
	check  *cache.SourceCheck // its sources check, reported by the first pass
	keep   []bool             // by vocabulary id: whether the filter keeps the term
	titles bool               // --titles: the titles' words too
	words  []string           // the current article's words (reused)
	ids    []uint32           // the current article's word ids (reused)

	// From raw files, EachIDs interns the words as they come.
	vocab tokens.Vocabulary
	// spill keeps the first pass's word ids for the later ones (wordFlags.reread).
	spill    *os.File
	spillW   *bufio.Writer
	spillBuf []byte

	closed  bool // by Close: no pass may follow
	wsQuery      // --query (wordquery.go)
}

// errWordsClosed is the error of a pass over a closed word stream.
var errWordsClosed = errors.New("a pass over the words after their stream was closed")

// openWords builds the segmenter and filter from the flags (after the corpus-words pass,
// unless --no-corpus-words); from a cache, it checks that the cache was cut the way the
// flags ask, and applies the filter to its vocabulary.
func (wf *wordFlags) openWords(io *streams, co *corpusOptions, args []string) (*wordStream, error) {
	path, err := cacheArg(args)
	if err != nil {
		return nil, err
	}
	if path != "" {
		return wf.openCachedWords(io, co, path)
	}
	tok, err := wf.tokenizer(io, co, args)
	if err != nil {
		return nil, err
	}
	ws := &wordStream{io: io, co: co, args: args, tok: tok}
	if err := ws.initQuery(nil); err != nil {
		return nil, err
	}
	if wf.reread {
		if ws.spill, err = os.CreateTemp("", "baokan-words-*"); err != nil {
			return nil, fmt.Errorf("a temporary file for the words of the first pass: %w", err)
		}
		// Unlinked at once where the system allows it: the open file lives until the
		// process ends, and nothing is left behind.
		os.Remove(ws.spill.Name())
		ws.spillW = bufio.NewWriterSize(ws.spill, 1<<20)
	}
	return ws, nil
}

func (wf *wordFlags) openCachedWords(io *streams, co *corpusOptions, path string) (*wordStream, error) {
	filter, err := wf.filter()
	if err != nil {
		return nil, err
	}
	if err := wf.checkSettings(path, nil); err != nil { // the flags' own errors first (--dict FILE)
		return nil, err
	}
	cr, check, err := openCache(co, path)
	if err != nil {
		return nil, err
	}
	h := cr.Header()
	if err := wf.checkSettings(path, &h); err != nil {
		cr.Close()
		return nil, err
	}
	// Counts by group grow with the corpus, while the reader's heap is small: the GOGC=400
	// that suits the reader would let the heap grow to five times the counts.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
	vocab := cr.Vocabulary()
	keep := make([]bool, len(vocab))
	for id, term := range vocab {
		keep[id] = filter.Keep(term)
	}
	if !co.quiet {
		// From raw files the words a command asks about (timeline --term) are added to the
		// dictionary before cutting; a cache was cut without them.
		for _, w := range wf.extraWords {
			if !slices.Contains(vocab, w.Text) {
				fmt.Fprintf(io.err, "baokan: %s: %q was never cut as one word when the cache was made, so it counts 0 here; index with --dict FILE listing it to count it whole\n", path, w.Text)
			}
		}
	}
	// The stream owns the cache from here: Close releases it.
	ws := &wordStream{io: io, co: co, cache: cr, check: check, keep: keep, titles: wf.titles}
	if err := ws.initQuery(vocab); err != nil {
		cr.Close()
		return nil, err
	}
	return ws, nil
}

// Each runs one pass over the corpus: fn gets each article and its words (valid only
// during the call) in corpus order, on the calling goroutine. The first pass shows the
// progress bar and the summary; later passes are quiet.
func (ws *wordStream) Each(fn func(a *corpus.Article, words []string) error) error {
	switch {
	case ws.cache != nil:
		return ws.cachePass(func(sc *cache.Scanner) error { return ws.eachCached(sc, fn) })
	case ws.spill != nil:
		// Keep (and, on later passes, read back) the word ids.
		return ws.EachIDs(func(a *corpus.Article, ids []uint32) error {
			words, terms := ws.words[:0], ws.vocab.Terms()
			for _, id := range ids {
				words = append(words, terms[id])
			}
			ws.words = words
			return fn(a, words)
		})
	}
	return ws.rawPass(func(s *session) error {
		if !ws.anyQuery() {
			return ws.tok.Each(s.reader, fn)
		}
		return ws.tok.EachKeyed(s.reader, func(a *corpus.Article, words []string, keys []uint32, titles int) error {
			words, _, ok := ws.queryKeyed(a, words, keys, titles)
			if !ok {
				return nil
			}
			return fn(a, words)
		})
	})
}

// rawPass runs one pass over the raw files.
func (ws *wordStream) rawPass(read func(s *session) error) error { return ws.pass(read) }

// cachePass runs one pass over the cache.
func (ws *wordStream) cachePass(read func(sc *cache.Scanner) error) error {
	return ws.pass(func(s *session) error { return read(s.cache) })
}

// pass runs one pass over the corpus, raw files or cache: the first pass reports (summary,
// diagnostics, --strict verdict, the cache's sources check), later ones are quiet.
func (ws *wordStream) pass(read func(s *session) error) error {
	co := *ws.co
	if ws.passes > 0 {
		co.quiet, co.verbose, co.strict = true, false, false // the first pass reported
	}
	if ws.closed {
		return errWordsClosed
	}
	ws.queryPass(&co)
	var s *session
	var err error
	if ws.cache != nil {
		co.words, co.keep = true, ws.decodeKeep() // filtered on the decoding goroutines
		if s, err = co.openCache(ws.io, ws.cache); err == nil && ws.passes == 0 {
			s.check = ws.check
		}
	} else {
		s, err = co.open(ws.io, ws.args)
	}
	if err != nil {
		return err
	}
	ws.countQuery(s)
	err = read(s)
	verdict := s.close()
	if ws.passes == 0 {
		ws.verdict = verdict
		ws.summary = s.reader.Summary()
	}
	ws.passes++
	return err
}

// bodySize returns the body's paragraphs and characters of a, the article of the current
// call: counted from the text, or, from a cache read without it (corpusOptions.textless),
// as recorded.
func (ws *wordStream) bodySize(a *corpus.Article) (paragraphs, chars int) {
	if ws.scanner != nil && a.Body == nil {
		return ws.scanner.BodySize()
	}
	return len(a.Body), a.BodyChars()
}

// eachCached reads the words of each article from the cache (filtered as decoded).
func (ws *wordStream) eachCached(sc *cache.Scanner, fn func(a *corpus.Article, words []string) error) error {
	ws.scanner = sc
	defer func() { ws.scanner = nil }()
	vocab := ws.cache.Vocabulary()
	for a, err := range sc.All() {
		if err != nil {
			return err
		}
		ids, titles := sc.Tokens()
		ids, titles, ok := ws.queryIDs(a, ids, titles, &ws.qbuf)
		if !ok {
			continue
		}
		if !ws.titles {
			ids = ids[titles:]
		}
		words := ws.words[:0]
		for _, id := range ids {
			words = append(words, vocab[id])
		}
		ws.words = words
		if err := fn(a, words); err != nil {
			return err
		}
	}
	return nil
}

// EachIDs is Each with the words given as ids into Vocabulary(), the fast path of counting
// commands: from a cache the ids are read as stored (no string is looked up), from raw
// files the words are interned as they come (and, when the command said a second pass
// follows, kept in a temporary file that the later passes read instead of segmenting
// again: they only parse the files).
func (ws *wordStream) EachIDs(fn func(a *corpus.Article, ids []uint32) error) error {
	switch {
	case ws.cache != nil:
		return ws.cachePass(func(sc *cache.Scanner) error {
			for a, err := range sc.All() {
				if err != nil {
					return err
				}
				ids, titles := sc.Tokens() // filtered already (unless --query needs them all)
				ids, titles, ok := ws.queryIDs(a, ids, titles, &ws.qbuf)
				if !ok {
					continue
				}
				if !ws.titles {
					ids = ids[titles:]
				}
				if err := fn(a, ids); err != nil {
					return err
				}
			}
			return nil
		})
	case ws.spill != nil && ws.passes > 0:
		return ws.replay(fn)
	}
	return ws.rawPass(func(s *session) error {
		return ws.tok.EachKeyed(s.reader, func(a *corpus.Article, words []string, keys []uint32, titles int) error {
			if ws.anyQuery() {
				var ok bool
				if words, keys, ok = ws.queryKeyed(a, words, keys, titles); !ok {
					return nil
				}
			}
			ids := ws.ids[:0]
			for i, w := range words {
				ids = append(ids, ws.vocab.IDKeyed(w, keys[i]))
			}
			ws.ids = ids
			if ws.spill != nil {
				ws.spillBuf = binary.AppendUvarint(ws.spillBuf[:0], uint64(len(ids)))
				for _, id := range ids {
					ws.spillBuf = binary.AppendUvarint(ws.spillBuf, uint64(id))
				}
				if _, err := ws.spillW.Write(ws.spillBuf); err != nil {
					return fmt.Errorf("keeping the words for the next pass: %w", err)
				}
			}
			return fn(a, ids)
		})
	})
}

// EachIDsParallel is EachIDs with partial results: from a cache, the articles go to
// workers goroutines at once (cache.Scanner.Each), and fn gets the worker's number (below
// workers, which the caller takes from Workers() when it makes its partial results) so
// that each adds to a partial result of its own, which the caller merges at the end (the
// partial results must not depend on which worker saw which article: counts do not).
// From raw files, segmenting is the cost and the words are interned in corpus order (the
// ids must not depend on the workers): fn runs on one goroutine, as worker 0. chars is the
// article's body size in characters.
func (ws *wordStream) EachIDsParallel(workers int, fn func(worker int, a *corpus.Article, ids []uint32, chars int) error) error {
	if ws.cache == nil {
		return ws.EachIDs(func(a *corpus.Article, ids []uint32) error {
			_, chars := ws.bodySize(a)
			return fn(0, a, ids, chars)
		})
	}
	bufs := make([][]uint32, workers)
	return ws.cachePass(func(sc *cache.Scanner) error {
		return sc.Each(workers, func(w int, it *cache.Item) error {
			ids, titles, ok := ws.queryIDs(it.Article, it.IDs, it.Titles, &bufs[w]) // filtered already (unless --query needs them all)
			if !ok {
				return nil
			}
			if !ws.titles {
				ids = ids[titles:]
			}
			return fn(w, it.Article, ids, it.Chars)
		})
	})
}

// Workers is the number of partial results EachIDsParallel feeds.
func (ws *wordStream) Workers() int {
	if ws.cache == nil {
		return 1
	}
	return ws.co.cores()
}

// replay is a later pass over raw files: the articles are parsed again, their words read
// back from the spill file the first pass wrote.
func (ws *wordStream) replay(fn func(a *corpus.Article, ids []uint32) error) error {
	if ws.closed {
		return errWordsClosed
	}
	if err := ws.spillW.Flush(); err != nil {
		return fmt.Errorf("keeping the words for the next pass: %w", err)
	}
	if _, err := ws.spill.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r := bufio.NewReaderSize(ws.spill, 1<<20)
	bad := func(err error) error { return fmt.Errorf("reading back the words of the first pass: %w", err) }
	ordinal := -1
	return ws.rawPass(func(s *session) error {
		for a, err := range s.reader.All() {
			if err != nil {
				return err
			}
			if ordinal++; ws.anyQuery() && !ws.qmatched[ordinal] {
				continue
			}
			n, err := binary.ReadUvarint(r)
			if err != nil {
				return bad(err)
			}
			ids := ws.ids[:0]
			for range n {
				id, err := binary.ReadUvarint(r)
				if err != nil {
					return bad(err)
				}
				ids = append(ids, uint32(id))
			}
			ws.ids = ids
			if err := fn(a, ids); err != nil {
				return err
			}
		}
		if _, err := r.ReadByte(); err != io.EOF {
			return bad(errors.New("the corpus has fewer articles than in the first pass"))
		}
		return nil
	})
}

// Vocabulary returns the words of the ids EachIDs gives (growing during a pass over raw
// files).
func (ws *wordStream) Vocabulary() []string {
	if ws.cache != nil {
		return ws.cache.Vocabulary()
	}
	return ws.vocab.Terms()
}

// Verdict returns the first pass's --strict verdict: to be returned once the output is
// written.
func (ws *wordStream) Verdict() error { return ws.verdict }

// Close releases what the stream holds, the cache file or the spill file of the first
// pass's words (removed, where the system did not let it go at once), and returns
// Verdict. No pass may follow; Vocabulary and Summary stay valid. It is safe to call more
// than once.
func (ws *wordStream) Close() error {
	if ws.closed {
		return ws.verdict
	}
	ws.closed = true
	if ws.cache != nil {
		ws.cache.Close()
	}
	if ws.spill != nil {
		ws.spill.Close()
		os.Remove(ws.spill.Name()) // gone already where an open file can be removed
		ws.spillW = nil
	}
	return ws.verdict
}

// Summary accounts for what the first pass read: files, articles, diagnostics.
func (ws *wordStream) Summary() corpus.Summary { return ws.summary }

// segmentFilterAll keeps every token: a cache stores the words unfiltered, and each
// analysis filters them.
func segmentFilterAll() segment.Filter {
	return segment.Filter{KeepPunct: true, KeepNumbers: true, KeepLatin: true}
}
