package cache

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sync"
)

// wordBlocks gathers, while a cache is written, the blocks each word occurs in: for each
// vocabulary id, its block numbers as delta varints.
type wordBlocks struct {
	lists [][]byte // by id
	last  []int32  // by id: the last block noted, -1 before any
}

// noteWord records that word id occurs in block b (blocks come in ascending order).
func (wb *wordBlocks) noteWord(id uint32, b int) {
	for int(id) >= len(wb.last) {
		wb.lists = append(wb.lists, nil)
		wb.last = append(wb.last, -1)
	}
	if prev := wb.last[id]; int(prev) != b {
		delta := b
		if prev >= 0 {
			delta = b - int(prev)
		}
		wb.lists[id] = binary.AppendUvarint(wb.lists[id], uint64(delta))
		wb.last[id] = int32(b)
	}
}

// encode gives the section's payload for a vocabulary of n words.
func (wb *wordBlocks) encode(n int) []byte {
	var e enc
	e.uint(uint64(n))
	for id := range n {
		var l []byte
		if id < len(wb.lists) {
			l = wb.lists[id]
		}
		e.uint(uint64(len(l)))
	}
	for id := range min(n, len(wb.lists)) {
		e.b = append(e.b, wb.lists[id]...)
	}
	return e.b
}

// blockIndex is the word-blocks section, read on demand.
type blockIndex struct {
	once sync.Once
	err  error
	data []byte
	offs []int // by id, the start of its list in data; offs[n] is the end
}

func (r *Reader) loadBlockIndex() error {
	bi := &r.wordBlocks
	bi.once.Do(func() {
		p, err := r.section(r.wordsOff, "word blocks")
		if err != nil {
			bi.err = err
			return
		}
		d := newDec(p, string(p))
		n := d.count(1)
		if n != len(r.vocab) {
			d.fail(fmt.Sprintf("%d words, the vocabulary has %d", n, len(r.vocab)))
		}
		offs := make([]int, n+1)
		for id := range n {
			offs[id+1] = offs[id] + int(d.uint())
		}
		if d.err == nil && d.off+offs[n] != len(p) {
			d.fail("word-block lists of the wrong length")
		}
		if d.err != nil {
			bi.err = fmt.Errorf("%s: word blocks: %w", r.path, d.err)
			return
		}
		bi.data, bi.offs = p[d.off:], offs
	})
	return bi.err
}

// BlocksWith returns, in ascending order, the blocks where any of the words ids occurs (in
// titles or body): a scan limited to them (ScanOptions.Blocks) sees every article that
// holds one of them.
func (r *Reader) BlocksWith(ids []uint32) ([]int, error) {
	if err := r.loadBlockIndex(); err != nil {
		return nil, err
	}
	bi := &r.wordBlocks
	var out []int
	for _, id := range ids {
		if int(id)+1 >= len(bi.offs) {
			continue
		}
		l := bi.data[bi.offs[id]:bi.offs[id+1]]
		b := 0
		for len(l) > 0 {
			v, n := binary.Uvarint(l)
			if n <= 0 {
				return nil, fmt.Errorf("%s: word blocks: %w", r.path, formatErr("bad number"))
			}
			b += int(v)
			l = l[n:]
			if b >= len(r.blocks) {
				return nil, fmt.Errorf("%s: word blocks: %w", r.path, formatErr("block %d of %d", b, len(r.blocks)))
			}
			out = append(out, b)
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
