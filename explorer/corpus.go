// Package explorer is the archive explorer of `baokan serve`: a read-only web server over
// one cache (.bki), with a JSON API under /api/ and HTML views that draw it (overview,
// search, trends, compare, persons, article). It computes with the analysis packages
// (query, concordance, timeline, burst, keyness, network) and holds the cache's articles
// and words in memory, so that each request is a pass over memory, bounded in time.
package explorer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
)

// Corpus is a cache loaded in memory.
type Corpus struct {
	// Source names the cache in the command lines shown (as the user gave it).
	Source   string
	Vocab    []string
	Articles []corpus.Article
	// IDs are each article's body words as cut (every token), ids into Vocab: the words
	// a query counts positions in, as `baokan kwic` does.
	IDs [][]uint32
	// Persons are each article's RW persons, resolved as `baokan persons` does by default.
	Persons [][]string
	Summary corpus.Summary
	// Keep tells, per vocabulary id, whether the default word filter keeps the word (what
	// the word counts of timeline and keyness see by default).
	Keep []bool
	// byPlace finds an article by path and line.
	byPlace map[place]int

	overviewOnce sync.Once
	overview     *Table
	overviewErr  error
}

type place struct {
	path string
	line int
}

// Load reads the cache at path whole: every article with its body, its words and its
// resolved persons. source is how the command lines shown name the cache.
func Load(path, source string) (*Corpus, error) {
	r, err := cache.Open(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	c := &Corpus{Source: source, Vocab: r.Vocabulary(), byPlace: map[place]int{}}
	s := r.Scan(cache.ScanOptions{Words: true, Body: true})
	for {
		a, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		ids, titles := s.Tokens()
		c.byPlace[place{a.Path, a.Line}] = len(c.Articles)
		c.Articles = append(c.Articles, *a)
		c.IDs = append(c.IDs, append([]uint32(nil), ids[titles:]...))
	}
	c.Summary = s.Summary()
	if err := s.Close(); err != nil {
		return nil, err
	}
	f := segment.DefaultFilter()
	c.Keep = make([]bool, len(c.Vocab))
	for i, w := range c.Vocab {
		c.Keep[i] = f.Keep(w)
	}
	// Persons as `baokan persons` resolves them: learn every RW list, then resolve.
	res := persons.NewResolver(persons.Options{})
	for i := range c.Articles {
		res.Learn(c.Articles[i].RW)
	}
	c.Persons = make([][]string, len(c.Articles))
	for i := range c.Articles {
		if a := &c.Articles[i]; len(a.RW) > 0 {
			c.Persons[i] = persons.Persons(res.Resolve(a.RW, a.Date))
		}
	}
	return c, nil
}

// Find returns the index of the article at path:line.
func (c *Corpus) Find(path string, line int) (int, bool) {
	i, ok := c.byPlace[place{path, line}]
	return i, ok
}

// Words returns the body words of article i.
func (c *Corpus) Words(i int) []string {
	ids := c.IDs[i]
	w := make([]string, len(ids))
	for k, id := range ids {
		w[k] = c.Vocab[id]
	}
	return w
}

// Kept returns the words of article i that the default filter keeps, appended to w[:0].
func (c *Corpus) Kept(w []string, i int) []string {
	w = w[:0]
	for _, id := range c.IDs[i] {
		if c.Keep[id] {
			w = append(w, c.Vocab[id])
		}
	}
	return w
}

// KeptIDs returns the ids of the words of article i that the default filter keeps,
// appended to ids[:0].
func (c *Corpus) KeptIDs(ids []uint32, i int) []uint32 {
	ids = ids[:0]
	for _, id := range c.IDs[i] {
		if c.Keep[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

// Compile parses a query and binds it to the vocabulary.
func (c *Corpus) Compile(s string) (*query.Query, error) {
	q, err := query.Compile(s)
	if err != nil {
		return nil, err
	}
	q.Bind(c.Vocab)
	return q, nil
}

// Doc returns the query's view of article i.
func (c *Corpus) Doc(i int, q *query.Query) *query.Doc {
	d := &query.Doc{Article: &c.Articles[i], IDs: c.IDs[i], Persons: c.Persons[i]}
	if q == nil || q.NeedsText() {
		d.Words = c.Words(i)
	}
	return d
}

// ErrTimeout is returned when a request runs past its time limit.
var ErrTimeout = errors.New("the query ran past the time limit and was stopped: narrow it (a word rather than a pattern, fewer years, a page or genre)")

// Each calls fn for every article i with keep(i) (all when keep is nil), split in
// contiguous ranges over the cores; each range's results go to its own slot, which the
// caller merges in order: fn gets the slot. It stops with ErrTimeout when ctx is done.
func (c *Corpus) Each(ctx context.Context, slots int, fn func(slot, i int)) error {
	n := len(c.Articles)
	if slots <= 0 {
		slots = 1
	}
	var wg sync.WaitGroup
	var stopped bool
	var mu sync.Mutex
	for s := range slots {
		lo, hi := n*s/slots, n*(s+1)/slots
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				if i%256 == 0 && ctx.Err() != nil {
					mu.Lock()
					stopped = true
					mu.Unlock()
					return
				}
				fn(s, i)
			}
		})
	}
	wg.Wait()
	if stopped {
		return ErrTimeout
	}
	return nil
}

// Slots is the number of ranges Each splits the corpus in.
func Slots() int { return runtime.GOMAXPROCS(0) }
