package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"slices"

	"github.com/baokan/baokan/analysis/pipeline"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
)

// wordStream is the one way word commands get their words: a pipeline.Stream over the
// sources named on the command line (or the embedded sample, or a cache made by 'baokan
// index'), opened with the command's sessions (progress bar, summary, --strict) and with
// --query as its selector (wordquery.go).
//
// From a cache, articles come with their body text unless the command set
// corpusOptions.textless before openWords.
type wordStream struct {
	io      *streams
	co      *corpusOptions
	args    []string
	p       *pipeline.Stream
	tok     *tokens.Tokenizer  // raw files: the pipeline's segmenter and filter
	cache   *cache.Reader      // the cache named on the command line, if any (owned by p)
	check   *cache.SourceCheck // its sources check, reported by the first pass
	keep    []bool             // a cache: by vocabulary id, whether the filter keeps the term
	titles  bool               // --titles
	verdict error              // the first pass's --strict verdict
	spill   *os.File           // always nil: the pipeline keeps the first pass's words
	wsQuery                    // --query (wordquery.go)
}

// errWordsClosed is the error of a pass over a closed word stream.
var errWordsClosed = pipeline.ErrClosed

// openWords builds the pipeline from the flags: over raw files, after the corpus-words
// pass (unless --no-corpus-words); over a cache, after checking that it was cut the way
// the flags ask.
func (wf *wordFlags) openWords(io *streams, co *corpusOptions, args []string) (*wordStream, error) {
	path, err := cacheArg(args)
	if err != nil {
		return nil, err
	}
	if path != "" {
		return wf.openCachedWords(io, co, path)
	}
	ws := &wordStream{io: io, co: co, args: args, titles: wf.titles}
	cfg, err := wf.config(co)
	if err != nil {
		return nil, err
	}
	if ws.p, err = pipeline.New(cfg, ws.open); err != nil {
		return nil, err
	}
	ws.tok = ws.p.Tokenizer()
	if err := ws.initQuery(nil); err != nil {
		ws.p.Close()
		return nil, err
	}
	ws.selectQuery()
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
	ws := &wordStream{io: io, co: co, cache: cr, check: check, titles: wf.titles}
	ws.p = pipeline.NewCached(pipeline.Config{Filter: filter, Titles: wf.titles, Workers: co.cores()}, cr, ws.open)
	ws.keep = ws.p.Keep()
	if err := ws.initQuery(vocab); err != nil {
		ws.p.Close()
		return nil, err
	}
	ws.selectQuery()
	return ws, nil
}

// selectQuery makes --query (and the commands' side queries) the pipeline's selector.
func (ws *wordStream) selectQuery() {
	ws.p.Select(pipeline.Selector{
		Unfiltered: func() bool { return ws.allWords },
		Keyed: func(a *corpus.Article, words []string, keys []uint32, titles int) ([]string, []uint32, bool) {
			if !ws.anyQuery() {
				return words, keys, true
			}
			return ws.queryKeyed(a, words, keys, titles)
		},
		IDs: func(_ int, a *corpus.Article, ids []uint32, titles int, buf *[]uint32) ([]uint32, int, bool) {
			return ws.queryIDs(a, ids, titles, buf)
		},
	})
}

// open opens the sources of one pass of the pipeline as a session of the command: the
// corpus-words pass reads the whole corpus quietly; the first pass reports (summary,
// diagnostics, --strict verdict, the cache's sources check); later ones are quiet.
func (ws *wordStream) open(p pipeline.Pass) (pipeline.Opened, error) {
	co := *ws.co
	if p.Kind == pipeline.CorpusWordsPass {
		s, err := co.corpusWordsSession(ws.io, ws.args, p.Text)
		if err != nil {
			return pipeline.Opened{}, err
		}
		return pipeline.Opened{Source: &sessionSource{Source: s.reader, s: s}}, nil
	}
	if p.Kind == pipeline.LaterPass {
		co.quiet, co.verbose, co.strict = true, false, false // the first pass reported
	}
	ws.queryPass(&co)
	var s *session
	var err error
	if ws.cache != nil {
		co.words, co.keep = true, p.Keep // filtered on the decoding goroutines
		if s, err = co.openCache(ws.io, ws.cache); err == nil && p.Kind == pipeline.FirstPass {
			s.check = ws.check
		}
	} else {
		s, err = co.open(ws.io, ws.args)
	}
	if err != nil {
		return pipeline.Opened{}, err
	}
	ws.countQuery(s)
	src := &sessionSource{Source: s.reader, s: s}
	if p.Kind == pipeline.FirstPass {
		src.verdict = &ws.verdict
	}
	return pipeline.Opened{Source: src, Scanner: s.cache}, nil
}

// corpusWordsSession opens the corpus-words pass: the whole corpus, not only the articles
// the filters keep (an article is cut the same way whatever the filters, and as in a
// cache), quietly, its body text only when it is searched (text).
func (o corpusOptions) corpusWordsSession(io *streams, args []string, text bool) (*session, error) {
	o.quiet, o.verbose, o.strict = true, false, false // the main pass reports
	o.skipBody = !text
	o.onFileInfo = nil
	o.from, o.to, o.page, o.genre, o.title = "", "", 0, "", ""
	o.query, o.blocks = "", nil
	return o.open(io, args)
}

// sessionSource is a session as a pass's corpus.Source: its Close ends the session (the
// summary line, the sources check) and keeps its --strict verdict for after the output.
type sessionSource struct {
	corpus.Source
	s       *session
	verdict *error
	closed  bool
}

func (x *sessionSource) Close() error {
	if x.closed {
		return nil
	}
	x.closed = true
	v := x.s.close()
	if x.verdict != nil {
		*x.verdict = v
	}
	return nil
}

// Each runs one pass over the corpus: fn gets each article and its words (valid only
// during the call) in corpus order, on the calling goroutine.
func (ws *wordStream) Each(fn func(a *corpus.Article, words []string) error) error {
	return ws.p.Each(fn)
}

// EachIDs is Each with the words given as ids into Vocabulary() (pipeline.Stream.EachIDs).
func (ws *wordStream) EachIDs(fn func(a *corpus.Article, ids []uint32) error) error {
	return ws.p.EachIDs(fn)
}

// EachIDsParallel is EachIDs with partial results, one per worker below workers (which
// the caller takes from Workers()): pipeline.Stream.EachIDsParallel.
func (ws *wordStream) EachIDsParallel(workers int, fn func(worker int, a *corpus.Article, ids []uint32, chars int) error) error {
	return ws.p.EachIDsParallel(fn)
}

// Workers is the number of partial results EachIDsParallel feeds.
func (ws *wordStream) Workers() int { return ws.p.Workers() }

// bodySize returns the body's paragraphs and characters of a, the article of the current
// call.
func (ws *wordStream) bodySize(a *corpus.Article) (paragraphs, chars int) { return ws.p.BodySize(a) }

// Vocabulary returns the words of the ids EachIDs gives.
func (ws *wordStream) Vocabulary() []string { return ws.p.Vocabulary() }

// Verdict returns the first pass's --strict verdict: to be returned once the output is
// written.
func (ws *wordStream) Verdict() error { return ws.verdict }

// Close releases what the stream holds and returns Verdict. It is safe to call more than
// once.
func (ws *wordStream) Close() error {
	ws.p.Close()
	return ws.verdict
}

// Summary accounts for what the first pass read: files, articles, diagnostics.
func (ws *wordStream) Summary() corpus.Summary { return ws.p.Summary() }

// segmentFilterAll keeps every token: a cache stores the words unfiltered, and each
// analysis filters them.
func segmentFilterAll() segment.Filter { return pipeline.FilterAll() }
