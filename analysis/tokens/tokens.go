// Package tokens turns a stream of articles into a stream of words: it segments the articles
// of a corpus.Reader on several goroutines and hands each article's filtered words to the
// caller in corpus order, so that term counts, TF-IDF and keyness are computed from one
// deterministic sequence whatever the number of cores.
//
// Segmentation is the cost of every word statistic (gse's Cut runs at about 10 MB/s a core);
// this package keeps everything around it nearly free: word slices are reused, the window
// of articles in flight is bounded, and the caller's function runs on one goroutine so that
// it needs no locks.
package tokens

import (
	"errors"
	"io"
	"runtime"
	"sync"

	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/corpus"
)

// Text says which parts of an article are segmented.
type Text int

const (
	// Body: the body paragraphs only (the default: titles would count twice where the body
	// repeats them, and they are written in headline style).
	Body Text = iota
	// TitleAndBody: kicker, title and subtitles, then the body.
	TitleAndBody
)

// Tokenizer segments and filters articles.
type Tokenizer struct {
	Segmenter *segment.Segmenter
	Filter    segment.Filter
	Text      Text
	Workers   int // goroutines that segment; 0: runtime.GOMAXPROCS(0)
}

// Words appends the filtered words of a to dst.
func (t *Tokenizer) Words(dst []string, a *corpus.Article) []string {
	dst, _ = t.SplitWords(dst, a)
	return dst
}

// SplitWords appends the filtered words of a to dst, those of its kicker, title and
// subtitles first when t.Text is TitleAndBody, and says how many of the appended words
// came from those titles.
func (t *Tokenizer) SplitWords(dst []string, a *corpus.Article) (words []string, titles int) {
	words, _, titles = t.SplitKeyed(dst, nil, a)
	return words, titles
}

// SplitKeyed is SplitWords that also appends each word's key to keys
// (segment.Segmenter.AppendKeyed).
func (t *Tokenizer) SplitKeyed(dst []string, keys []uint32, a *corpus.Article) (words []string, wordKeys []uint32, titles int) {
	start := len(dst)
	seg := t.Segmenter
	if t.Text == TitleAndBody {
		for _, s := range []string{a.Kicker, a.Title} {
			dst, keys = seg.AppendKeyed(dst, keys, s)
		}
		for _, s := range a.Subtitles {
			dst, keys = seg.AppendKeyed(dst, keys, s)
		}
		kept, _ := t.Filter.ApplyKeyed(dst[start:], keys[start:])
		titles = len(kept)
		dst, keys = dst[:start+titles], keys[:start+titles]
	}
	for _, p := range a.Body {
		dst, keys = seg.AppendKeyed(dst, keys, p)
	}
	kept, _ := t.Filter.ApplyKeyed(dst[start+titles:], keys[start+titles:])
	n := start + titles + len(kept)
	return dst[:n], keys[:n], titles
}

// Source yields articles one at a time, io.EOF at the end: *corpus.Reader is one.
type Source interface {
	Next() (*corpus.Article, error)
}

// Each reads every article of src, segments it on t.Workers goroutines, and calls fn with
// each article and its words in the order src gave them. fn runs on the calling goroutine;
// words is only valid during the call (it is reused). The first error from src or fn
// stops the run and is returned.
func (t *Tokenizer) Each(src Source, fn func(a *corpus.Article, words []string) error) error {
	return t.EachSplit(src, func(a *corpus.Article, words []string, _ int) error { return fn(a, words) })
}

// EachSplit is Each with SplitWords: fn also gets how many of the words came from the
// titles (0 unless t.Text is TitleAndBody).
func (t *Tokenizer) EachSplit(src Source, fn func(a *corpus.Article, words []string, titles int) error) error {
	return t.EachKeyed(src, func(a *corpus.Article, words []string, _ []uint32, titles int) error {
		return fn(a, words, titles)
	})
}

// EachKeyed is EachSplit with SplitKeyed: fn also gets the words' keys (valid only during
// the call, as words).
func (t *Tokenizer) EachKeyed(src Source, fn func(a *corpus.Article, words []string, keys []uint32, titles int) error) error {
	workers := t.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type item struct {
		a      *corpus.Article
		words  []string
		keys   []uint32
		titles int
		done   chan struct{}
	}
	pool := sync.Pool{New: func() any { return &item{done: make(chan struct{}, 1)} }}
	jobs := make(chan *item)
	order := make(chan *item, 4*workers)
	stop := make(chan struct{})
	var readErr error
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				it.words, it.keys, it.titles = t.SplitKeyed(it.words[:0], it.keys[:0], it.a)
				it.done <- struct{}{}
			}
		}()
	}
	go func() { // the producer: reserve each article's place in order, then hand it out
		defer close(order)
		defer close(jobs)
		for {
			a, err := src.Next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
				}
				return
			}
			it := pool.Get().(*item)
			it.a = a
			select {
			case order <- it:
			case <-stop:
				return
			}
			select {
			case jobs <- it:
			case <-stop:
				it.done <- struct{}{}
				return
			}
		}
	}()
	var fnErr error
	for it := range order {
		<-it.done
		if fnErr == nil {
			if fnErr = fn(it.a, it.words, it.keys, it.titles); fnErr != nil {
				close(stop)
			}
		}
		it.a = nil
		pool.Put(it)
	}
	wg.Wait()
	if fnErr != nil {
		return fnErr
	}
	return readErr
}
