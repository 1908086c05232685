package cache

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"slices"
	"sort"
	"sync"
)

// postings gathers, while a cache is written, the positional index: for each vocabulary
// id, the articles whose body holds the word and its positions there (see the layout:
// article ordinal delta, count, position deltas, all varints).
type postings struct {
	lists   [][]byte // by id
	lastArt []int32  // by id: the ordinal of the last article noted, -1 before any
	count   []int32  // by id, within the current article: occurrences (>0), -1 once written
	lastPos []int32  // by id, within the current article: the last position written
	touched []uint32 // ids of the current article
	narts   int      // articles added so far
}

// noteArticle records the body words of the next article (ids in body order).
func (p *postings) noteArticle(body []uint32) {
	art := p.narts
	p.narts++
	p.touched = p.touched[:0]
	for _, id := range body {
		for int(id) >= len(p.lastArt) {
			p.lists = append(p.lists, nil)
			p.lastArt = append(p.lastArt, -1)
			p.count = append(p.count, 0)
			p.lastPos = append(p.lastPos, 0)
		}
		if p.count[id] == 0 {
			p.touched = append(p.touched, id)
		}
		p.count[id]++
	}
	for pos, id := range body {
		l := p.lists[id]
		if c := p.count[id]; c > 0 {
			delta := art
			if prev := p.lastArt[id]; prev >= 0 {
				delta = art - int(prev)
			}
			l = binary.AppendUvarint(l, uint64(delta))
			l = binary.AppendUvarint(l, uint64(c))
			l = binary.AppendUvarint(l, uint64(pos))
			p.count[id], p.lastArt[id] = -1, int32(art)
		} else {
			l = binary.AppendUvarint(l, uint64(pos-int(p.lastPos[id])))
		}
		p.lastPos[id] = int32(pos)
		p.lists[id] = l
	}
	for _, id := range p.touched {
		p.count[id] = 0
	}
}

// write appends the lists of a vocabulary of n words back to back at the writer's offset
// and returns the directory section's payload: where they start, then each list's byte
// length and CRC-32C.
func (w *Writer) writePostings(n int) []byte {
	start := w.off
	var e enc
	e.uint(uint64(start))
	e.uint(uint64(n))
	crcs := make([]byte, 0, 4*n)
	for id := range n {
		var l []byte
		if id < len(w.postings.lists) {
			l = w.postings.lists[id]
		}
		e.uint(uint64(len(l)))
		crcs = binary.LittleEndian.AppendUint32(crcs, crc32.Checksum(l, castagnoli))
		w.write(l)
	}
	e.b = append(e.b, crcs...)
	return e.b
}

// postingIndex is the postings directory, read on demand.
type postingIndex struct {
	once     sync.Once
	err      error
	start    int64    // the offset of the first list
	offs     []int64  // by id, the start of its list relative to start; offs[n] is the end
	crcs     []uint32 // by id
	artStart []int    // by block, the ordinal of its first article; artStart[len(blocks)] is the total
}

func (r *Reader) loadPostings() error {
	pi := &r.postings
	pi.once.Do(func() {
		p, err := r.section(r.wordsOff, "postings directory")
		if err != nil {
			pi.err = err
			return
		}
		d := newDec(p, "")
		start := int64(d.uint())
		n := d.count(5)
		if d.err == nil && n != len(r.vocab) {
			d.fail(fmt.Sprintf("%d words, the vocabulary has %d", n, len(r.vocab)))
		}
		offs := make([]int64, n+1)
		for id := range n {
			offs[id+1] = offs[id] + int64(d.uint())
		}
		if d.err == nil && (len(p)-d.off != 4*n || start < 0 || start+offs[n] > r.wordsOff) {
			d.fail("postings directory of the wrong length")
		}
		if d.err != nil {
			pi.err = fmt.Errorf("%s: postings: %w", r.path, d.err)
			return
		}
		crcs := make([]uint32, n)
		for id := range crcs {
			crcs[id] = binary.LittleEndian.Uint32(p[d.off+4*id:])
		}
		pi.start, pi.offs, pi.crcs = start, offs, crcs
		pi.artStart = make([]int, len(r.blocks)+1)
		for b, e := range r.blocks {
			pi.artStart[b+1] = pi.artStart[b] + e.articles
		}
	})
	return pi.err
}

// Posting is one article whose body holds a word: its ordinal among the cache's articles
// (from 0, in corpus order) and the word's positions among the body's words as cut
// (ascending, from 0).
type Posting struct {
	Article   int
	Positions []int32
}

// Postings returns the articles whose body holds word id, in corpus order, with the word's
// positions there. It reads and checks that word's list alone.
func (r *Reader) Postings(id uint32) ([]Posting, error) {
	// The positions go to one array, sliced once it is complete: a frequent word has a
	// million of them.
	var all []int32
	var arts, ends []int
	err := r.eachPosting(id, func(art int, pos []int32) {
		all = append(all, pos...)
		arts = append(arts, art)
		ends = append(ends, len(all))
	})
	if err != nil {
		return nil, err
	}
	out := make([]Posting, len(arts))
	start := 0
	for i, a := range arts {
		out[i] = Posting{Article: a, Positions: all[start:ends[i]:ends[i]]}
		start = ends[i]
	}
	return out, nil
}

// eachPosting calls fn for each article holding id, in order; pos is reused between calls.
func (r *Reader) eachPosting(id uint32, fn func(art int, pos []int32)) error {
	if err := r.loadPostings(); err != nil {
		return err
	}
	pi := &r.postings
	if int(id)+1 >= len(pi.offs) {
		return nil
	}
	l, err := r.readAt(pi.start+pi.offs[id], int(pi.offs[id+1]-pi.offs[id]))
	if err != nil {
		return err
	}
	if crc32.Checksum(l, castagnoli) != pi.crcs[id] {
		return fmt.Errorf("%s: postings of word %d: %w", r.path, id, formatErr("checksum mismatch"))
	}
	bad := func(what string) error {
		return fmt.Errorf("%s: postings of word %d: %w", r.path, id, formatErr("%s", what))
	}
	total := pi.artStart[len(pi.artStart)-1]
	d := newDec(l, "")
	art := -1
	var pos []int32
	for d.off < len(l) && d.err == nil {
		delta := int(d.uint())
		switch {
		case art < 0:
			art = delta
		case delta == 0:
			return bad("article listed twice")
		default:
			art += delta
		}
		k := d.count(1)
		if d.err != nil || art >= total || k == 0 {
			return bad("bad article entry")
		}
		pos = pos[:0]
		p := int32(0)
		for j := range k {
			v := int32(d.uint())
			if j > 0 && v == 0 {
				return bad("position listed twice")
			}
			p += v
			pos = append(pos, p)
		}
		if d.err != nil {
			break
		}
		fn(art, pos)
	}
	if d.err != nil {
		return fmt.Errorf("%s: postings of word %d: %w", r.path, id, d.err)
	}
	return nil
}

// WordCounts returns how many times the words ids occur in the bodies (hits) and in how
// many articles any of them occurs, from the postings alone.
func (r *Reader) WordCounts(ids []uint32) (hits, articles int, err error) {
	seen := map[int]bool{}
	for _, id := range ids {
		err = r.eachPosting(id, func(art int, pos []int32) {
			hits += len(pos)
			if len(ids) == 1 {
				articles++
			} else if !seen[art] {
				seen[art] = true
				articles++
			}
		})
		if err != nil {
			return 0, 0, err
		}
	}
	return hits, articles, nil
}

// ArticleBlock returns the block holding the article of the given ordinal.
func (r *Reader) ArticleBlock(ordinal int) (int, error) {
	if err := r.loadPostings(); err != nil {
		return 0, err
	}
	a := r.postings.artStart
	if ordinal < 0 || ordinal >= a[len(a)-1] {
		return 0, fmt.Errorf("cache: article %d of %d", ordinal, a[len(a)-1])
	}
	return sort.SearchInts(a[1:], ordinal+1), nil
}

// BlocksWith returns, in ascending order, the blocks where any of the words ids occurs in
// an article's body: a scan limited to them (ScanOptions.Blocks) sees every article whose
// body holds one of them.
func (r *Reader) BlocksWith(ids []uint32) ([]int, error) {
	if err := r.loadPostings(); err != nil {
		return nil, err
	}
	a := r.postings.artStart
	var out []int
	for _, id := range ids {
		b := 0
		err := r.eachPosting(id, func(art int, _ []int32) {
			for a[b+1] <= art {
				b++
			}
			if len(out) == 0 || out[len(out)-1] != b {
				out = append(out, b)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	if len(ids) > 1 {
		slices.Sort(out)
		out = slices.Compact(out)
	}
	return out, nil
}

// Blocks is the number of blocks of the cache.
func (r *Reader) Blocks() int { return len(r.blocks) }
