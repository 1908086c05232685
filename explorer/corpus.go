// Package explorer is the archive explorer of `baokan serve`: a read-only web server over
// one cache (.bki), with a JSON API under /api/ and HTML views that draw it (overview,
// search, trends, compare, persons, article). It computes with the analysis packages
// (query, concordance, timeline, burst, keyness, network).
//
// It answers from the cache file, read in place: in memory it keeps only what every view
// needs of each article, in flat arrays (date, page, body characters, kept words, genres,
// resolved persons, a hash of its place), the kept-word counts of each year (for the
// comparison of periods), and what it computed at start (the overview). A search reads
// only the blocks the cache's word-block index names for its words; a page of results, an
// article and its neighbours read only their own blocks. What a request computed (the hits
// of a query, a word's occurrences by article, a view's table) is kept in a least recently
// used cache bounded in bytes, so that paging, sorting, narrowing by a facet and drawing a
// word again cost a lookup.
package explorer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
)

// Corpus is an open cache and the compact per-article metadata the views need.
type Corpus struct {
	// Source names the cache in the command lines shown (as the user gave it).
	Source string
	// Summary is the reading summary recorded in the cache.
	Summary corpus.Summary

	r     *cache.Reader
	vocab []string
	ids   map[string]uint32 // word → vocabulary id
	// keep tells, per vocabulary id, whether the default word filter keeps the word (what
	// the word counts of timeline and keyness see by default).
	keep []bool

	n          int
	blockStart []int // block b holds the articles blockStart[b] to blockStart[b+1]-1

	// Per article, by its number in corpus order.
	date  []int32 // packed YYYYMMDD (0: undated)
	page  []int32
	chars []int32 // body characters
	kept  []int32 // body words the default filter keeps

	genreOff []int32 // article i's genres are genre[genreOff[i]:genreOff[i+1]]
	genre    []uint16
	genres   []string
	persOff  []int32 // article i's persons are pers[persOff[i]:persOff[i+1]]
	pers     []int32
	persons  []string

	places []placeHash // sorted by hash: finds an article by path and line
	byDay  []int32     // the dated articles sorted by date, page and number

	// The kept body words counted by year (the comparison of whole years), and over all.
	years      map[int]*wordCounts
	total      []int64
	totalWords int64

	overview *Table
	memo     *memo
	busy     chan struct{} // a token per computation running
	// scans has a token per scan of many blocks running (a word's hits): they run a few at
	// a time, and apart from the short computations (busy), so that a page of results or
	// an article is not queued behind a frequent word's scan.
	scans chan struct{}
}

type placeHash struct {
	h uint64
	i int32
}

// wordCounts are the kept-word counts of a part of the corpus, as sorted ids and counts.
type wordCounts struct {
	ids    []uint32
	counts []uint32
	tokens int64
}

// denseYears is how many years' counts are kept dense (4 bytes a vocabulary word each)
// while loading.
const denseYears = 4

// merge returns w (nil: empty) plus the dense counts.
func (w *wordCounts) merge(dense []uint32) *wordCounts {
	out := &wordCounts{}
	var ids []uint32
	var counts []uint32
	if w != nil {
		ids, counts, out.tokens = w.ids, w.counts, w.tokens
	}
	k := 0
	for id, n := range dense {
		for k < len(ids) && int(ids[k]) < id {
			out.ids, out.counts = append(out.ids, ids[k]), append(out.counts, counts[k])
			k++
		}
		if k < len(ids) && int(ids[k]) == id {
			n += counts[k]
			k++
		}
		if n > 0 {
			out.ids, out.counts = append(out.ids, uint32(id)), append(out.counts, n)
		}
	}
	out.ids, out.counts = append(out.ids, ids[k:]...), append(out.counts, counts[k:]...)
	return out
}

func packDate(d corpus.Date) int32 {
	if d.IsZero() {
		return 0
	}
	return int32(d.Year*10000 + int(d.Month)*100 + d.Day)
}

func unpackDate(p int32) corpus.Date {
	if p == 0 {
		return corpus.Date{}
	}
	v := int(p)
	return corpus.Date{Year: v / 10000, Month: time.Month(v / 100 % 100), Day: v % 100}
}

// placeKey hashes an article's path and line (FNV-1a, 64 bits).
func placeKey(path string, line int) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(path); i++ {
		h ^= uint64(path[i])
		h *= 1099511628211
	}
	h ^= 0
	h *= 1099511628211
	for _, c := range strconv.Itoa(line) {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// Load opens the cache at path and reads, in one pass over its metadata and words, what
// the views need of each article; the file stays open (Close it). source is how the
// command lines shown name the cache.
func Load(path, source string) (*Corpus, error) {
	r, err := cache.Open(path)
	if err != nil {
		return nil, err
	}
	c, err := load(r, source)
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

func load(r *cache.Reader, source string) (*Corpus, error) {
	c := &Corpus{Source: source, r: r, vocab: r.Vocabulary(), years: map[int]*wordCounts{},
		memo: newMemo(DefaultCacheBytes, 10*time.Second), busy: make(chan struct{}, 4*runtime.GOMAXPROCS(0)),
		scans: make(chan struct{}, runtime.GOMAXPROCS(0))}
	c.ids = make(map[string]uint32, len(c.vocab))
	f := segment.DefaultFilter()
	c.keep = make([]bool, len(c.vocab))
	for i, w := range c.vocab {
		c.ids[w] = uint32(i)
		c.keep[i] = f.Keep(w)
	}
	c.blockStart = []int{0}
	for _, n := range r.BlockArticles() {
		c.blockStart = append(c.blockStart, c.blockStart[len(c.blockStart)-1]+n)
	}
	c.n = c.blockStart[len(c.blockStart)-1]
	c.date, c.page, c.chars, c.kept = make([]int32, 0, c.n), make([]int32, 0, c.n), make([]int32, 0, c.n), make([]int32, 0, c.n)
	c.genreOff, c.persOff = make([]int32, 1, c.n+1), make([]int32, 1, c.n+1)
	c.places = make([]placeHash, 0, c.n)
	c.total = make([]int64, len(c.vocab))
	genreIDs := map[string]uint16{}
	// The RW lists, interned, until every one is learned and they can be resolved.
	rwIDs, rwOff, rwNames := map[string]int32{}, []int32{0}, []string(nil)
	var rw []int32
	// The kept-word counts of the years met last, by id, while loading: at most denseYears
	// of them (a corpus in date order meets each year once), the others folded into the
	// sparse counts.
	dense := map[int][]uint32{}
	var recent []int // the years of dense, the most recent last
	tokens := map[int]int64{}
	fold := func(y int) {
		c.years[y] = c.years[y].merge(dense[y])
		clear(dense[y])
	}
	ov, err := timeline.New(timeline.Year, []timeline.Series{timeline.Total(timeline.Articles), timeline.Total(timeline.Chars)})
	if err != nil {
		return nil, err
	}
	pages, genreCount := map[int]int{}, map[string]int{}

	s := r.Scan(cache.ScanOptions{Words: true})
	defer s.Close()
	for i := 0; ; i++ {
		a, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		ids, titles := s.Tokens()
		_, chars := s.BodySize()
		d := packDate(a.Date)
		c.date = append(c.date, d)
		c.page = append(c.page, int32(a.Page))
		c.chars = append(c.chars, int32(chars))
		c.places = append(c.places, placeHash{placeKey(a.Path, a.Line), int32(i)})
		for _, g := range a.Genres {
			id, ok := genreIDs[g]
			if !ok {
				if len(c.genres) == 1<<16 {
					return nil, errors.New("over 65,536 genres")
				}
				id = uint16(len(c.genres))
				genreIDs[g] = id
				c.genres = append(c.genres, g)
			}
			c.genre = append(c.genre, id)
			genreCount[g]++
		}
		c.genreOff = append(c.genreOff, int32(len(c.genre)))
		for _, p := range a.RW {
			id, ok := rwIDs[p]
			if !ok {
				id = int32(len(rwNames))
				rwIDs[p] = id
				rwNames = append(rwNames, p)
			}
			rw = append(rw, id)
		}
		rwOff = append(rwOff, int32(len(rw)))
		var counts []uint32
		if d != 0 {
			y := a.Date.Year
			if len(recent) == 0 || recent[len(recent)-1] != y {
				if k := slices.Index(recent, y); k >= 0 {
					recent = append(slices.Delete(recent, k, k+1), y)
				} else {
					var free []uint32
					if len(recent) == denseYears {
						old := recent[0]
						fold(old)
						free = dense[old]
						delete(dense, old)
						recent = recent[1:]
					}
					if free == nil {
						free = make([]uint32, len(c.vocab))
					}
					dense[y] = free
					recent = append(recent, y)
				}
			}
			counts = dense[y]
		}
		k := 0
		for _, id := range ids[titles:] {
			if c.keep[id] {
				k++
				c.total[id]++
				if counts != nil {
					counts[id]++
				}
			}
		}
		c.kept = append(c.kept, int32(k))
		c.totalWords += int64(k)
		if d != 0 {
			tokens[a.Date.Year] += int64(k)
		}
		ov.Add(timeline.Doc{Date: a.Date, Page: a.Page, Chars: chars})
		pages[a.Page]++
	}
	c.Summary = s.Summary()
	if len(c.date) != c.n {
		return nil, fmt.Errorf("%d articles read, the block index says %d", len(c.date), c.n)
	}
	for _, y := range recent {
		fold(y)
	}
	for y, wc := range c.years {
		wc.tokens = tokens[y]
	}
	slices.SortFunc(c.places, func(a, b placeHash) int {
		if a.h != b.h {
			if a.h < b.h {
				return -1
			}
			return 1
		}
		return int(a.i - b.i)
	})
	for i := range c.n {
		if c.date[i] != 0 {
			c.byDay = append(c.byDay, int32(i))
		}
	}
	slices.SortStableFunc(c.byDay, func(a, b int32) int {
		if c.date[a] != c.date[b] {
			return int(c.date[a] - c.date[b])
		}
		return int(c.page[a] - c.page[b])
	})

	// Persons as `baokan persons` resolves them: learn every RW list, then resolve.
	res := persons.NewResolver(persons.Options{})
	list := func(i int) []string {
		out := make([]string, 0, rwOff[i+1]-rwOff[i])
		for _, id := range rw[rwOff[i]:rwOff[i+1]] {
			out = append(out, rwNames[id])
		}
		return out
	}
	for i := range c.n {
		if rwOff[i+1] > rwOff[i] {
			res.Learn(list(i))
		}
	}
	personIDs := map[string]int32{}
	for i := range c.n {
		if rwOff[i+1] > rwOff[i] {
			for _, p := range persons.Persons(res.Resolve(list(i), unpackDate(c.date[i]))) {
				id, ok := personIDs[p]
				if !ok {
					id = int32(len(c.persons))
					personIDs[p] = id
					c.persons = append(c.persons, p)
				}
				c.pers = append(c.pers, id)
			}
		}
		c.persOff = append(c.persOff, int32(len(c.pers)))
	}

	c.overview, err = c.makeOverview(ov, pages, genreCount)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Close closes the cache file.
func (c *Corpus) Close() error { return c.r.Close() }

// Len is the number of articles.
func (c *Corpus) Len() int { return c.n }

// Find returns the number of the article at path:line.
func (c *Corpus) Find(ctx context.Context, path string, line int) (int, bool) {
	h := placeKey(path, line)
	k := sort.Search(len(c.places), func(k int) bool { return c.places[k].h >= h })
	var cands []int32
	for ; k < len(c.places) && c.places[k].h == h; k++ {
		cands = append(cands, c.places[k].i)
	}
	if len(cands) == 1 {
		return int(cands[0]), true
	}
	// A hash shared by several places (or none): read them to tell.
	found := -1
	c.read(ctx, cands, cache.ScanOptions{}, func(i int, a *corpus.Article, _ []uint32) {
		if found < 0 && a.Path == path && a.Line == line {
			found = i
		}
	})
	return found, found >= 0
}

// personsOf appends the resolved persons of article i to buf[:0].
func (c *Corpus) personsOf(buf []string, i int) []string {
	buf = buf[:0]
	for _, id := range c.pers[c.persOff[i]:c.persOff[i+1]] {
		buf = append(buf, c.persons[id])
	}
	return buf
}

// hasGenre tells whether article i has genre g.
func (c *Corpus) hasGenre(i int, g string) bool {
	for _, id := range c.genre[c.genreOff[i]:c.genreOff[i+1]] {
		if c.genres[id] == g {
			return true
		}
	}
	return false
}

// match is corpus.Filter.Match on the metadata kept in memory (date, page, genre); the
// filter must not ask for the title or the paper.
func (c *Corpus) match(f *corpus.Filter, i int) bool {
	d := c.date[i]
	if !f.From.IsZero() && (d == 0 || d < packDate(f.From)) {
		return false
	}
	if !f.To.IsZero() && (d == 0 || d > packDate(f.To)) {
		return false
	}
	if f.Page != 0 && int(c.page[i]) != f.Page {
		return false
	}
	return f.Genre == "" || c.hasGenre(i, f.Genre)
}

// words returns the strings of ids.
func (c *Corpus) words(ids []uint32) []string {
	w := make([]string, len(ids))
	for k, id := range ids {
		w[k] = c.vocab[id]
	}
	return w
}

// Compile parses a query and binds it to the vocabulary.
func (c *Corpus) Compile(s string) (*query.Query, error) {
	q, err := query.Compile(s)
	if err != nil {
		return nil, err
	}
	q.Bind(c.vocab)
	return q, nil
}

// candidates returns the blocks that can hold a match of q (nil: every one).
func (c *Corpus) candidates(q *query.Query) []int {
	return q.CandidateBlocks(c.r.BlocksWith)
}

// ErrTimeout is returned when a request runs past its time limit.
var ErrTimeout = errors.New("the query ran past the time limit and was stopped: narrow it (a word rather than a pattern, fewer years, a page or genre)")

// scan calls fn, in corpus order, for every article of blocks (ascending; nil: all) with
// its number and its body words' ids (with opt.Words). It stops with ErrTimeout when ctx
// is done.
func (c *Corpus) scan(ctx context.Context, blocks []int, opt cache.ScanOptions, fn func(i int, a *corpus.Article, body []uint32)) error {
	if ctx.Err() != nil {
		return ErrTimeout
	}
	opt.Blocks = blocks
	s := c.r.Scan(opt)
	defer s.Close()
	if blocks == nil {
		blocks = make([]int, len(c.blockStart)-1)
		for b := range blocks {
			blocks[b] = b
		}
	}
	seen := 0
	for _, b := range blocks {
		for i := c.blockStart[b]; i < c.blockStart[b+1]; i++ {
			a, err := s.Next()
			if err != nil {
				if err == io.EOF {
					return fmt.Errorf("%s: block %d ends early", c.Source, b)
				}
				return err
			}
			if seen++; seen%256 == 0 && ctx.Err() != nil {
				return ErrTimeout
			}
			var body []uint32
			if opt.Words {
				ids, titles := s.Tokens()
				body = ids[titles:]
			}
			fn(i, a, body)
		}
	}
	return nil
}

// read calls fn for the articles numbered in want (ascending), reading only their blocks.
func (c *Corpus) read(ctx context.Context, want []int32, opt cache.ScanOptions, fn func(i int, a *corpus.Article, body []uint32)) error {
	var blocks []int
	for _, i := range want {
		b := sort.SearchInts(c.blockStart, int(i)+1) - 1
		if len(blocks) == 0 || blocks[len(blocks)-1] != b {
			blocks = append(blocks, b)
		}
	}
	if len(blocks) == 0 {
		return nil
	}
	k := 0
	return c.scan(ctx, blocks, opt, func(i int, a *corpus.Article, body []uint32) {
		for k < len(want) && int(want[k]) < i {
			k++
		}
		if k < len(want) && int(want[k]) == i {
			fn(i, a, body)
		}
	})
}

// Slots is the number of computations that run at once by default.
func Slots() int { return runtime.GOMAXPROCS(0) }
