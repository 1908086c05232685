// Package pipeline turns article sources into a stream of articles with their words: the
// one way a program gets words from a corpus, from its raw files or from a segment-once
// cache (analysis/tokens/cache), in corpus order, deterministically whatever the number of
// workers.
//
// A Config says how to cut and filter (segmentation options, the token filter, titles or
// not), whether to learn the corpus's own words first (the RW persons and GJ topics, the
// names and new words found in its text) and how many workers to use. An Opener opens the
// sources for each pass (a corpus.Reader, or a cache's Scanner: the corpus.Source contract).
//
// The orderings a hand-written pipeline must know are kept by the API:
//   - New runs the corpus-words pass over the whole corpus before it builds the segmenter
//     (there is no other way to get a raw Stream), while the dictionary loads;
//   - in that pass every RW list of the corpus is learned before any is resolved
//     (tokens.CollectCorpusWordsFinding), so that a person is named the same way in every
//     article whatever their order;
//   - the first pass that reads articles checks that the sources held one
//     (corpus.NoArticleError), and returns that error before the caller has written any
//     output;
//   - Close releases everything the stream holds (the cache file, the spill file of the
//     first pass's words), and no pass may follow it.
//
// Passes: Each gives the words as strings, EachIDs as ids into Vocabulary (the fast path
// of counting), EachIDsParallel to several workers at once from a cache, each adding to a
// partial result of its own that the caller merges. From raw files, a Config.Reread stream
// keeps the first pass's word ids in a temporary file, so that a second pass only parses.
package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime"

	"github.com/baokan/baokan/analysis/lexicon"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
)

// Config is what a Stream is made from.
type Config struct {
	// Segment: gse's mode (HMM) and the words added to its dictionary (a user dictionary,
	// the words a command asks about). Gather is set by New: leave it nil.
	Segment segment.Options
	// Filter drops tokens (stop words, punctuation, numbers, Latin, short words).
	Filter segment.Filter
	// Titles cuts the kicker, title and subtitles as well as the body (titles first).
	Titles bool
	// CorpusWords runs the corpus-words pass: the persons of the corpus's RW lists (as
	// Persons resolves them) and its GJ topics are added to the dictionary before cutting.
	CorpusWords bool
	// Find, with CorpusWords, also searches the corpus's text for personal names and new
	// words (analysis/lexicon) and adds them; nil searches nothing.
	Find *lexicon.Options
	// Persons configures the resolver of the RW lists in the corpus-words pass.
	Persons persons.Options
	// Workers is the number of goroutines that segment, decode a cache or count at once;
	// 0 means runtime.GOMAXPROCS(0). The process's GOMAXPROCS is left alone.
	Workers int
	// Reread says a second pass follows: from raw files the first pass keeps its word ids
	// in a temporary file, which the later passes read back instead of segmenting again.
	Reread bool
	// OnCorpusWords, if set, gets the corpus words once the pass has gathered them
	// ('baokan index' records their hash in the cache).
	OnCorpusWords func(tokens.CorpusWords)
}

// workers is Config.Workers or the cores the process may use.
func (c *Config) workers() int {
	if c.Workers > 0 {
		return c.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// PassKind says what a pass over the sources is for.
type PassKind int

const (
	// CorpusWordsPass reads the whole corpus for its words, before the segmenter exists:
	// every article whatever the filters (so that an article is cut the same way whatever
	// they keep, and as in a cache), quietly (the main pass reports).
	CorpusWordsPass PassKind = iota
	// FirstPass is the first pass over the articles: it reports (summary, diagnostics).
	FirstPass
	// LaterPass is any pass after the first: quiet.
	LaterPass
)

// Pass is what an Opener is asked to open.
type Pass struct {
	Kind PassKind
	// Text: the pass needs the articles' body text (from a cache, decompressing it); the
	// corpus-words pass needs it only when it searches the text for names and new words.
	Text bool
	// Keep, from a cache: decode only the words whose Keep[id] is true (the Config's
	// filter applied to the cache's vocabulary), nil for all of them.
	Keep []bool
}

// Opened is a pass's source: Source is read (and closed at the end of the pass); from a
// cache, Scanner is the scan under it, whose words the stream takes (Source may wrap it,
// for instance to count what a query leaves out).
type Opened struct {
	Source  corpus.Source
	Scanner *cache.Scanner
}

// Opener opens the sources for one pass. It is called once per pass, the corpus-words
// pass included.
type Opener func(Pass) (Opened, error)

// Selector chooses the articles a stream gives, after their words are known (a query of
// words): each function returns false to leave the article out. Words that the selector
// needs unfiltered come so when Unfiltered is true, and the selector filters them itself.
type Selector struct {
	// Unfiltered, if set and true at the start of a pass: the words come as cut,
	// unfiltered (FilterAll), and the selector applies the filter itself.
	Unfiltered func() bool
	// Keyed selects an article cut from raw files (its words and their segmenter keys,
	// titles first); it may filter them in place and returns what is kept.
	Keyed func(a *corpus.Article, words []string, keys []uint32, titles int) ([]string, []uint32, bool)
	// IDs selects an article of a cache on worker w (its word ids, titles first, into buf
	// when it filters them).
	IDs func(w int, a *corpus.Article, ids []uint32, titles int, buf *[]uint32) ([]uint32, int, bool)
	// Pass is called before each pass is opened, to adjust it (Text).
	Pass func(p *Pass)
	// Source, if set, wraps each pass's source (to count the articles left out).
	Source func(corpus.Source) corpus.Source
}

// ErrClosed is the error of a pass over a closed stream.
var ErrClosed = errors.New("a pass over the words after their stream was closed")

// Stream is a corpus's articles with their words, pass after pass.
type Stream struct {
	cfg  Config
	open Opener
	sel  Selector

	tok   *tokens.Tokenizer // raw files
	vocab tokens.Vocabulary // raw files: the words interned as they come
	words []string          // the current article's words (reused)
	ids   []uint32          // the current article's word ids (reused)
	spill *spill            // raw files with Reread: the first pass's ids

	cache   *cache.Reader  // a cache
	keep    []bool         // a cache: by vocabulary id, whether the filter keeps the term
	scanner *cache.Scanner // the cache pass under way, if any

	passes  int
	summary corpus.Summary // what the first pass's source accounted for
	closed  bool
}

// New runs the corpus-words pass (unless cfg.CorpusWords is false), builds the segmenter
// with the words it found, and returns a stream over the raw sources open opens. The
// dictionary loads while the pass runs.
func New(cfg Config, open Opener) (*Stream, error) {
	sopts := cfg.Segment
	if cfg.CorpusWords {
		sopts.Gather = func() ([]segment.Word, []string, []segment.Word, error) {
			words, err := CorpusWords(open, cfg.Persons, cfg.Find)
			if err != nil {
				return nil, nil, nil, err
			}
			if cfg.OnCorpusWords != nil {
				cfg.OnCorpusWords(words)
			}
			extra := words.Options(segment.Options{})
			return extra.Words, extra.Candidates, extra.Found, nil
		}
	}
	seg, err := segment.New(sopts)
	if err != nil {
		return nil, err
	}
	text := tokens.Body
	if cfg.Titles {
		text = tokens.TitleAndBody
	}
	s := &Stream{cfg: cfg, open: open, tok: &tokens.Tokenizer{Segmenter: seg, Filter: cfg.Filter, Text: text, Workers: cfg.workers()}}
	if cfg.Reread {
		if s.spill, err = newSpill(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// CorpusWords runs a corpus-words pass over the sources open opens: the persons of every
// RW list (all learned before any is resolved), the GJ topics and, when find is not nil,
// the names and new words found in the text. New calls it; 'baokan newwords' shows its
// result.
func CorpusWords(open Opener, po persons.Options, find *lexicon.Options) (tokens.CorpusWords, error) {
	var finder *lexicon.Finder
	if find != nil && (!find.NoNames || !find.NoWords) {
		finder = lexicon.NewFinder(*find)
	}
	src, err := open(Pass{Kind: CorpusWordsPass, Text: finder != nil})
	if err != nil {
		return tokens.CorpusWords{}, err
	}
	words, err := tokens.CollectCorpusWordsFinding(src.Source, persons.NewResolver(po), finder)
	src.Source.Close()
	return words, err
}

// NewCached returns a stream over a cache, which it owns from here (Close closes it): the
// cache's words were cut when it was made (check its settings first: cache.Header.Check),
// and cfg.Filter and cfg.Titles apply as given. The Segment, CorpusWords, Find and Reread
// fields are not used.
func NewCached(cfg Config, cr *cache.Reader, open Opener) *Stream {
	vocab := cr.Vocabulary()
	keep := make([]bool, len(vocab))
	for id, term := range vocab {
		keep[id] = cfg.Filter.Keep(term)
	}
	return &Stream{cfg: cfg, open: open, cache: cr, keep: keep}
}

// Select sets the selector of the articles, before the first pass.
func (s *Stream) Select(sel Selector) { s.sel = sel }

// Tokenizer returns the segmenter and filter of a stream over raw files (nil from a cache).
func (s *Stream) Tokenizer() *tokens.Tokenizer { return s.tok }

// Cache returns the cache a stream reads (nil over raw files).
func (s *Stream) Cache() *cache.Reader { return s.cache }

// Keep returns, for a stream over a cache, whether the filter keeps each vocabulary id.
func (s *Stream) Keep() []bool { return s.keep }

// Workers is the number of partial results EachIDsParallel feeds.
func (s *Stream) Workers() int {
	if s.cache == nil {
		return 1
	}
	return s.cfg.workers()
}

// Vocabulary returns the words of the ids EachIDs gives (growing during a pass over raw
// files).
func (s *Stream) Vocabulary() []string {
	if s.cache != nil {
		return s.cache.Vocabulary()
	}
	return s.vocab.Terms()
}

// Summary accounts for what the first pass read: files, articles, those skipped and not
// read by reason, diagnostics.
func (s *Stream) Summary() corpus.Summary { return s.summary }

// BodySize returns the body's paragraphs and characters of a, the article of the current
// call: counted from the text, or, from a cache read without it, as recorded.
func (s *Stream) BodySize(a *corpus.Article) (paragraphs, chars int) {
	if s.scanner != nil && a.Body == nil {
		return s.scanner.BodySize()
	}
	return len(a.Body), a.BodyChars()
}

// Close releases what the stream holds, the cache file or the spill file of the first
// pass's words. No pass may follow; Vocabulary and Summary stay valid. It is safe to call
// more than once.
func (s *Stream) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	var err error
	if s.cache != nil {
		err = s.cache.Close()
	}
	if s.spill != nil {
		s.spill.close()
	}
	return err
}

// pass runs one pass: opens the sources, reads them with read, closes them, and on the
// first pass keeps the summary and fails when no article was read.
func (s *Stream) pass(read func(o Opened) error) error {
	if s.closed {
		return ErrClosed
	}
	p := Pass{Kind: FirstPass}
	if s.passes > 0 {
		p.Kind = LaterPass
	}
	if s.cache != nil {
		p.Keep = s.keep
		if s.unfiltered() {
			p.Keep = nil
		}
	}
	if s.sel.Pass != nil {
		s.sel.Pass(&p)
	}
	o, err := s.open(p)
	if err != nil {
		return err
	}
	if s.sel.Source != nil {
		o.Source = s.sel.Source(o.Source)
	}
	s.scanner = o.Scanner
	err = read(o)
	s.scanner = nil
	closeErr := o.Source.Close()
	if s.passes == 0 {
		s.summary = o.Source.Summary()
		if err == nil {
			err = corpus.NoArticleError(s.summary)
		}
	}
	s.passes++
	if err == nil {
		err = closeErr
	}
	return err
}

// unfiltered reports whether the selector wants the words unfiltered.
func (s *Stream) unfiltered() bool { return s.sel.Unfiltered != nil && s.sel.Unfiltered() }

// tokenizer is the tokenizer of a pass over raw files: the Config's, or one that keeps
// every token when the selector wants them unfiltered.
func (s *Stream) tokenizer() *tokens.Tokenizer {
	if !s.unfiltered() {
		return s.tok
	}
	tok := *s.tok
	tok.Filter = FilterAll()
	return &tok
}

// FilterAll keeps every token (what a cache stores, each analysis filtering as it reads).
func FilterAll() segment.Filter {
	return segment.Filter{KeepPunct: true, KeepNumbers: true, KeepLatin: true}
}

// Each runs one pass: fn gets each article and its words (valid only during the call) in
// corpus order, on the calling goroutine.
func (s *Stream) Each(fn func(a *corpus.Article, words []string) error) error {
	switch {
	case s.cache != nil:
		vocab := s.cache.Vocabulary()
		return s.EachIDs(func(a *corpus.Article, ids []uint32) error {
			words := s.words[:0]
			for _, id := range ids {
				words = append(words, vocab[id])
			}
			s.words = words
			return fn(a, words)
		})
	case s.spill != nil:
		return s.EachIDs(func(a *corpus.Article, ids []uint32) error {
			words, terms := s.words[:0], s.vocab.Terms()
			for _, id := range ids {
				words = append(words, terms[id])
			}
			s.words = words
			return fn(a, words)
		})
	}
	return s.pass(func(o Opened) error {
		tok := s.tokenizer()
		if s.sel.Keyed == nil {
			return tok.Each(o.Source, fn)
		}
		return tok.EachKeyed(o.Source, func(a *corpus.Article, words []string, keys []uint32, titles int) error {
			words, _, ok := s.sel.Keyed(a, words, keys, titles)
			if !ok {
				return nil
			}
			return fn(a, words)
		})
	})
}

// EachIDs is Each with the words given as ids into Vocabulary(), the fast path of counting:
// from a cache the ids are read as stored (no string is looked up), from raw files the
// words are interned as they come (and, with Config.Reread, kept for the later passes,
// which then only parse the files).
func (s *Stream) EachIDs(fn func(a *corpus.Article, ids []uint32) error) error {
	switch {
	case s.cache != nil:
		var buf []uint32
		return s.pass(func(o Opened) error {
			sc := o.Scanner
			for a, err := range o.Source.All() {
				if err != nil {
					return err
				}
				ids, titles := sc.Tokens()
				if s.sel.IDs != nil {
					var ok bool
					if ids, titles, ok = s.sel.IDs(0, a, ids, titles, &buf); !ok {
						continue
					}
				}
				if !s.cfg.Titles {
					ids = ids[titles:]
				}
				if err := fn(a, ids); err != nil {
					return err
				}
			}
			return nil
		})
	case s.spill != nil && s.passes > 0:
		return s.replay(fn)
	}
	return s.pass(func(o Opened) error {
		return s.tokenizer().EachKeyed(o.Source, func(a *corpus.Article, words []string, keys []uint32, titles int) error {
			if s.sel.Keyed != nil {
				var ok bool
				words, keys, ok = s.sel.Keyed(a, words, keys, titles)
				if s.spill != nil {
					s.spill.matched = append(s.spill.matched, ok)
				}
				if !ok {
					return nil
				}
			}
			ids := s.ids[:0]
			for i, w := range words {
				ids = append(ids, s.vocab.IDKeyed(w, keys[i]))
			}
			s.ids = ids
			if s.spill != nil {
				if err := s.spill.write(ids); err != nil {
					return err
				}
			}
			return fn(a, ids)
		})
	})
}

// EachIDsParallel is EachIDs with partial results: from a cache, the articles go to
// Workers() goroutines at once (cache.Scanner.Each), and fn gets the worker's number
// (below Workers()) so that each adds to a partial result of its own, which the caller
// merges at the end (the partial results must not depend on which worker saw which
// article: counts do not). From raw files, segmenting is the cost and the words are
// interned in corpus order (the ids must not depend on the workers): fn runs on one
// goroutine, as worker 0. chars is the article's body size in characters.
func (s *Stream) EachIDsParallel(fn func(worker int, a *corpus.Article, ids []uint32, chars int) error) error {
	if s.cache == nil {
		return s.EachIDs(func(a *corpus.Article, ids []uint32) error {
			_, chars := s.BodySize(a)
			return fn(0, a, ids, chars)
		})
	}
	workers := s.Workers()
	bufs := make([][]uint32, workers)
	return s.pass(func(o Opened) error {
		return o.Scanner.Each(workers, func(w int, it *cache.Item) error {
			ids, titles := it.IDs, it.Titles
			if s.sel.IDs != nil {
				var ok bool
				if ids, titles, ok = s.sel.IDs(w, it.Article, ids, titles, &bufs[w]); !ok {
					return nil
				}
			}
			if !s.cfg.Titles {
				ids = ids[titles:]
			}
			return fn(w, it.Article, ids, it.Chars)
		})
	})
}

// replay is a later pass over raw files: the articles are parsed again, their words read
// back from the spill file the first pass wrote.
func (s *Stream) replay(fn func(a *corpus.Article, ids []uint32) error) error {
	if s.closed {
		return ErrClosed
	}
	r, err := s.spill.rewind()
	if err != nil {
		return err
	}
	ordinal := -1
	return s.pass(func(o Opened) error {
		for a, err := range o.Source.All() {
			if err != nil {
				return err
			}
			if ordinal++; s.spill.matched != nil && !s.spill.matched[ordinal] {
				continue
			}
			ids, err := r.next(s.ids[:0])
			if err != nil {
				return err
			}
			s.ids = ids
			if err := fn(a, ids); err != nil {
				return err
			}
		}
		return r.end()
	})
}

// spill keeps the first pass's word ids in an unlinked temporary file.
type spill struct {
	f       *os.File
	w       *bufio.Writer
	buf     []byte
	matched []bool // with a Selector: whether each article of the first pass was kept
}

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "baokan-words-*")
	if err != nil {
		return nil, fmt.Errorf("a temporary file for the words of the first pass: %w", err)
	}
	// Unlinked at once where the system allows it: the open file lives until it is closed,
	// and nothing is left behind.
	os.Remove(f.Name())
	return &spill{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (sp *spill) close() {
	sp.f.Close()
	os.Remove(sp.f.Name()) // gone already where an open file can be removed
	sp.w = nil
}
