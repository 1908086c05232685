package cache

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"iter"
	"runtime"
	"sync"
	"unsafe"

	"github.com/baokan/baokan/corpus"
)

// ScanOptions configure a scan of a cache.
type ScanOptions struct {
	// Workers is the number of blocks decoded at once; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Filter keeps only the articles it matches; the others are counted as filtered out.
	Filter *corpus.Filter
	// Words decodes the words (Scanner.Tokens); without it Tokens returns nothing.
	Words bool
	// Keep, if set, filters the words as they are decoded, on the decoding goroutines:
	// Tokens gives only the ids for which Keep[id] is true. Its length is the vocabulary's.
	Keep []bool
	// Body decodes the body text (Article.Body); without it Body is nil and only its size
	// is known (BodySize), which saves decompressing the largest part of the cache.
	Body bool
	// Blocks, if not nil, limits the scan to these blocks (ascending; Reader.BlocksWith
	// gives those holding some words): the articles of the others are never read, and
	// Summary is the one recorded when the cache was made, as a full scan without a filter
	// would give (so Filter must be nil; OnDiagnostic and OnFile see only the blocks read).
	Blocks []int
	// OnDiagnostic and OnFile are called as corpus.Options says, in stream order, from the
	// goroutine that calls Next.
	OnDiagnostic func(corpus.Diagnostic)
	OnFile       func(path string, bytes, articles int)
}

// Scanner streams the articles of a cache in corpus order, as a corpus.Reader streams those
// of the raw files: Next, All, Summary and Close behave the same. Blocks are decoded on
// several goroutines; the order does not depend on their number.
type Scanner struct {
	r      *Reader
	opt    ScanOptions
	cancel context.CancelFunc
	order  chan chan *decoded
	done   chan struct{}

	cur     *decoded
	file    int // index of the next file of cur to enter
	art     int // index of the next article of cur
	last    int // index in cur of the article Next returned last
	summary corpus.Summary
	closed  sync.Once
}

// decoded is one block, decoded.
type decoded struct {
	files   []decodedFile
	arts    []corpus.Article
	matched []bool
	paras   []int32
	chars   []int32
	tokOff  []int32 // article i's ids are toks[tokOff[i]:tokOff[i+1]]
	titles  []int32 // of which the first titles[i] are the titles'
	toks    []uint32
	err     error
}

type decodedFile struct {
	info corpus.FileInfo
	end  int // the file's articles are arts[previous end:end]
}

// start is the index of file f's first article.
func (d *decoded) start(f int) int {
	if f == 0 {
		return 0
	}
	return d.files[f-1].end
}

// Scan starts reading the articles of the cache.
func (r *Reader) Scan(opt ScanOptions) *Scanner {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Scanner{r: r, opt: opt, cancel: cancel, order: make(chan chan *decoded, 2*workers),
		done: make(chan struct{}), summary: corpus.NewSummary()}
	type job struct {
		i   int
		out chan *decoded
	}
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- r.decode(j.i, &opt)
			}
		}()
	}
	go func() {
		defer close(s.done)
		defer func() { close(jobs); wg.Wait(); close(s.order) }()
		blocks := opt.Blocks
		if blocks == nil {
			blocks = make([]int, len(r.blocks))
			for i := range blocks {
				blocks[i] = i
			}
		}
		for _, i := range blocks {
			if i < 0 || i >= len(r.blocks) {
				continue
			}
			out := make(chan *decoded, 1)
			select {
			case s.order <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{i, out}:
			case <-ctx.Done():
				out <- &decoded{err: ctx.Err()}
				return
			}
		}
	}()
	return s
}

// decode reads block i.
func (r *Reader) decode(i int, opt *ScanOptions) *decoded {
	b := r.blocks[i]
	n := b.metaLen
	if opt.Words {
		n += b.tokLen
	}
	raw, err := r.readAt(b.off, n)
	if err != nil {
		return &decoded{err: fmt.Errorf("%s: block %d: %w", r.path, i, err)}
	}
	out := &decoded{}
	metaBytes := raw[:b.metaLen]
	if crc32.Checksum(metaBytes, castagnoli) != b.metaCRC {
		return &decoded{err: fmt.Errorf("%s: block %d: %w: checksum mismatch", r.path, i, ErrFormat)}
	}
	// The buffer is this block's alone and never written again: its strings need no copy.
	m := newDec(metaBytes, unsafe.String(unsafe.SliceData(metaBytes), len(metaBytes)))
	nfiles := m.count(5)
	out.files = make([]decodedFile, nfiles)
	out.arts = make([]corpus.Article, b.articles)
	out.paras = make([]int32, b.articles)
	out.chars = make([]int32, b.articles)
	a := 0
	for f := range out.files {
		info := corpus.FileInfo{Path: m.str(), Bytes: int(m.uint()), Encoding: m.str(), Skipped: int(m.uint())}
		if info.Encoding == continuedMark {
			info.Encoding, info.Continued = "", true
		}
		info.Diagnostics = m.diagnostics(info.Path)
		info.Articles = m.count(10)
		if a+info.Articles > len(out.arts) {
			m.fail("more articles than the index says")
			break
		}
		for range info.Articles {
			p, c := m.article(&out.arts[a], info.Path)
			out.paras[a], out.chars[a] = int32(p), int32(c)
			a++
		}
		out.files[f] = decodedFile{info: info, end: a}
	}
	if m.err == nil && a != len(out.arts) {
		m.fail("fewer articles than the index says")
	}
	if m.err != nil {
		return &decoded{err: fmt.Errorf("%s: block %d: %w", r.path, i, m.err)}
	}

	if opt.Filter != nil {
		out.matched = make([]bool, len(out.arts))
		for k := range out.arts {
			out.matched[k] = opt.Filter.Match(&out.arts[k])
		}
	}

	if opt.Words {
		toks := raw[b.metaLen : b.metaLen+b.tokLen]
		if crc32.Checksum(toks, castagnoli) != b.tokCRC {
			return &decoded{err: fmt.Errorf("%s: block %d: %w: checksum mismatch in the words", r.path, i, ErrFormat)}
		}
		if err := r.decodeTokens(toks, out, opt.Keep); err != nil {
			return &decoded{err: fmt.Errorf("%s: block %d: %w", r.path, i, err)}
		}
	}

	if opt.Body {
		z, err := r.readAt(b.off+int64(b.metaLen+b.tokLen), b.bodyLen)
		if err != nil {
			return &decoded{err: fmt.Errorf("%s: block %d: %w", r.path, i, err)}
		}
		body, err := r.zr.DecodeAll(z, make([]byte, 0, b.raw))
		if err != nil {
			return &decoded{err: fmt.Errorf("%s: block %d: %w: body: %v", r.path, i, ErrFormat, err)}
		}
		// The buffer is this block's alone and never written again: its strings need no copy.
		d := newDec(body, unsafe.String(unsafe.SliceData(body), len(body)))
		for k := range out.arts {
			if n := d.count(1); n > 0 {
				ps := make([]string, n)
				for j := range ps {
					ps[j] = d.str()
				}
				out.arts[k].Body = ps
			}
		}
		if d.err != nil {
			return &decoded{err: fmt.Errorf("%s: block %d: body: %w", r.path, i, d.err)}
		}
	}
	return out
}

// decodeTokens reads the tokens part: per article, title count, body count, ids.
func (r *Reader) decodeTokens(p []byte, out *decoded, keep []bool) error {
	if keep != nil && len(keep) != len(r.vocab) {
		return fmt.Errorf("cache: ScanOptions.Keep has %d entries for a vocabulary of %d", len(keep), len(r.vocab))
	}
	n := len(out.arts)
	out.tokOff = make([]int32, n+1)
	out.titles = make([]int32, n)
	out.toks = make([]uint32, 0, len(p)*2/3)
	nv := uint64(len(r.vocab))
	pos := 0
	next := func() (uint64, bool) {
		var v uint64
		for shift := uint(0); pos < len(p) && shift < 64; shift += 7 {
			c := p[pos]
			pos++
			v |= uint64(c&0x7f) << shift
			if c < 0x80 {
				return v, true
			}
		}
		return 0, false
	}
	for k := range n {
		t, ok1 := next()
		bd, ok2 := next()
		if !ok1 || !ok2 || t+bd > uint64(len(p)-pos) {
			return formatErr("token counts of article %d", k)
		}
		start := len(out.toks)
		for j := range t + bd {
			id, ok := next()
			if !ok || id >= nv {
				return formatErr("token id of article %d", k)
			}
			if j == t {
				out.titles[k] = int32(len(out.toks) - start)
			}
			if keep == nil || keep[id] {
				out.toks = append(out.toks, uint32(id))
			}
		}
		if bd == 0 {
			out.titles[k] = int32(len(out.toks) - start)
		}
		out.tokOff[k+1] = int32(len(out.toks))
	}
	if pos != len(p) {
		return formatErr("trailing token bytes")
	}
	return nil
}

// Next returns the next article that passes the filter, or io.EOF at the end.
func (s *Scanner) Next() (*corpus.Article, error) {
	for {
		if d := s.cur; d != nil {
			// Enter the files that start here (files without articles included).
			for s.file < len(d.files) && d.start(s.file) <= s.art {
				s.enter(d, s.file)
				s.file++
			}
			if s.art < len(d.arts) {
				k := s.art
				s.art++
				s.summary.Articles++
				if d.matched != nil && !d.matched[k] {
					s.summary.FilteredOut++
					continue
				}
				s.summary.Matched++
				s.last = k
				return &d.arts[k], nil
			}
		}
		slot, ok := <-s.order
		if !ok {
			<-s.done
			s.summary.Ignored, s.summary.NotRead = s.r.sum.Ignored, s.r.sum.NotRead
			if s.opt.Blocks != nil {
				s.summary = s.r.Summary()
				s.summary.Matched, s.summary.FilteredOut = s.summary.Articles, 0
			}
			s.cur = nil
			return nil, io.EOF
		}
		d := <-slot
		if d.err != nil {
			return nil, d.err
		}
		s.cur, s.file, s.art = d, 0, 0
	}
}

// enter accounts for file f of d as a corpus.Reader does when it reaches a file.
func (s *Scanner) enter(d *decoded, f int) {
	info := d.files[f].info
	s.summary.AddFile(info)
	if s.opt.OnDiagnostic != nil {
		for _, dg := range info.Diagnostics {
			s.opt.OnDiagnostic(dg)
		}
	}
	for k := d.start(f); k < d.files[f].end; k++ {
		s.summary.AddArticleProblems(&d.arts[k])
	}
	if s.opt.OnFile != nil {
		s.opt.OnFile(info.Path, info.Bytes, info.Articles)
	}
}

// Tokens returns the vocabulary ids of the words of the article Next returned last: those
// cut from its titles (the first titles of them), then those of its body, unfiltered unless
// ScanOptions.Keep; nil unless ScanOptions.Words. The slice is valid until the next call of Next.
func (s *Scanner) Tokens() (ids []uint32, titles int) {
	d := s.cur
	if d.tokOff == nil {
		return nil, 0
	}
	return d.toks[d.tokOff[s.last]:d.tokOff[s.last+1]], int(d.titles[s.last])
}

// BodySize returns the number of body paragraphs and characters of the article Next
// returned last (known whether or not the body text was decoded).
func (s *Scanner) BodySize() (paragraphs, chars int) {
	return int(s.cur.paras[s.last]), int(s.cur.chars[s.last])
}

// All returns an iterator over the remaining articles; like corpus.Reader.All it is
// single-use.
func (s *Scanner) All() iter.Seq2[*corpus.Article, error] {
	return func(yield func(*corpus.Article, error) bool) {
		for {
			a, err := s.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if !yield(a, err) || err != nil {
				return
			}
		}
	}
}

// Summary returns the counts so far, as corpus.Reader.Summary does; after Next has returned
// io.EOF they are final, and equal those of reading the raw files with the same filter.
func (s *Scanner) Summary() corpus.Summary { return s.summary }

// Close stops the scan. It is safe to call more than once.
func (s *Scanner) Close() error {
	s.closed.Do(func() {
		s.cancel()
		go func() {
			for slot := range s.order {
				<-slot
			}
		}()
		<-s.done
	})
	return nil
}

// Item is an article as Each gives it, with what Tokens and BodySize give after Next.
type Item struct {
	Article           *corpus.Article
	IDs               []uint32 // the words' ids, as Tokens (nil unless ScanOptions.Words)
	Titles            int      // how many of IDs came from the titles
	Paragraphs, Chars int      // the body's size, as BodySize
}

// Each calls fn for every remaining article that passes the filter, as a loop over Next
// would, but on workers goroutines at once (0: runtime.GOMAXPROCS(0)) so that each worker
// can add to a partial result of its own, to be merged at the end: fn gets the worker's
// number, from 0 to workers-1. The articles of one block go to one worker, in order;
// blocks go to whichever worker is free, so the partial results must not depend on which
// worker saw what (counts, sums and sets do not). Summary, OnFile and OnDiagnostic are kept
// in stream order, on the calling goroutine, as with Next. The item and its slices are
// valid only during the call.
//
// The first error from fn stops the scan and is returned: the worker that got it calls fn
// no more, and once it is recorded no worker starts another call (a call already under way
// on another worker finishes, and its error, if any, is dropped). So a fn that fails on
// every call is called at most workers times, and with one worker fn is never called again
// after it fails.
func (s *Scanner) Each(workers int, fn func(worker int, it *Item) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	blocks := make(chan *decoded, workers)
	stop := make(chan struct{})
	var fnErr error
	var failOnce sync.Once
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var it Item
			for d := range blocks {
				for k := range d.arts {
					if d.matched != nil && !d.matched[k] {
						continue
					}
					select {
					case <-stop: // another worker failed: the blocks left are not read
						return
					default:
					}
					it = Item{Article: &d.arts[k], Paragraphs: int(d.paras[k]), Chars: int(d.chars[k])}
					if d.tokOff != nil {
						it.IDs, it.Titles = d.toks[d.tokOff[k]:d.tokOff[k+1]], int(d.titles[k])
					}
					if err := fn(w, &it); err != nil {
						failOnce.Do(func() { fnErr = err; close(stop) })
						return
					}
				}
			}
		})
	}
	err := s.account(blocks, stop)
	close(blocks)
	wg.Wait()
	if fnErr != nil {
		return fnErr
	}
	return err
}

// account walks the blocks in order on the calling goroutine, doing what Next does but
// for handing out the articles: the blocks go to out, until stop is closed.
func (s *Scanner) account(out chan<- *decoded, stop <-chan struct{}) error {
	// The rest of a block Next was in the middle of.
	if d := s.cur; d != nil && (s.file < len(d.files) || s.art < len(d.arts)) {
		return errors.New("cache: Each after Next within a block")
	}
	for {
		select {
		case <-stop:
			return nil
		default:
		}
		slot, ok := <-s.order
		if !ok {
			<-s.done
			s.summary.Ignored, s.summary.NotRead = s.r.sum.Ignored, s.r.sum.NotRead
			if s.opt.Blocks != nil {
				s.summary = s.r.Summary()
				s.summary.Matched, s.summary.FilteredOut = s.summary.Articles, 0
			}
			s.cur = nil
			return nil
		}
		d := <-slot
		if d.err != nil {
			return d.err
		}
		for f := range d.files {
			s.enter(d, f)
		}
		for k := range d.arts {
			s.summary.Articles++
			if d.matched != nil && !d.matched[k] {
				s.summary.FilteredOut++
			} else {
				s.summary.Matched++
			}
		}
		select {
		case out <- d:
		case <-stop:
			return nil
		}
	}
}
