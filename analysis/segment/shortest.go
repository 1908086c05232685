package segment

import (
	"math"
	"math/bits"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// This file reimplements gse's shortest-path segmentation (v0.80.3: Segmenter.Segment →
// SplitTextToWords + segmentWords) on an index of gse's own dictionary built once by New,
// with per-call buffers taken from a sync.Pool. gse's version allocates the lower-cased copy
// of the text, one []byte per unit, the jumpers, a *Token per unknown character and the
// result on every call, and follows its byte-level cedar trie three steps per Chinese
// character; this one allocates nothing once warm and takes one probe per character, in
// the small table of the node reached so far.
// The result is the same segmentation, token for token (shortest_test.go compares it with
// gse's Segment on the PKU and MSR test sets, the real articles and edge cases, and checks
// the index against gse's trie word by word).
//
// gse's algorithm, as this file follows it:
//
//  1. Units (SplitTextToWords): a maximal run of letters and numbers encoded in at most two
//     bytes (Latin, Greek, Cyrillic…; not CJK and not full-width digits) is one unit, with
//     ASCII letters lower-cased; any other rune is one unit, an invalid byte one unit.
//  2. For each unit i in order, with base = best[i-1] (0 for i = 0): every dictionary word
//     made of units i…j (at most MaxTokenLen units, looked up shortest first) offers
//     best[j] = base + log2(T/f) (in float32: float32(log2 T) − float32(log2 f)), and if no
//     one-unit word starts at i, unit i alone offers best[i] = base + 32. An offer replaces
//     best[j] when best[j] is 0 (never set) or greater (ties keep the first offer).
//  3. The words are read back from the last unit.

// unitInvalid is the first unit id of invalid bytes (0x110000 + byte value): unit ids below
// it are runes, ids from unitRunBase on are multi-rune letter/number runs of the dictionary.
const (
	unitInvalid = utf8.MaxRune + 1
	unitRunBase = unitInvalid + 256
	unitUnknown = math.MaxUint32 // a run found in no dictionary word: no word contains it
)

// pseudoDistance is gse's path length for a single unit missing from the dictionary.
const pseudoDistance float32 = 32

// rootDense is the number of unit ids whose first-level node is found by direct indexing
// (the Basic Multilingual Plane, every common Chinese character).
const rootDense = 1 << 16

// Flags of trieEdge.child: nodeWord marks a node that ends a dictionary word; the low 31
// bits are the node number.
const (
	nodeWord  = 1 << 31
	nodeFlags = nodeWord
)

// trieEdge is a node of the index being built, reached from its parent by one unit.
type trieEdge struct {
	child uint32
}

// addedEntry is a word added to the dictionary base.
type addedEntry struct {
	freq float64
	pos  string
}

// edgeSlot is an entry of the open-addressing table of edges below the first level.
type edgeSlot struct {
	key uint64 // (parent+1)<<32 | unit id; 0 = empty
	trieEdge
}

// wordIndex is a unit-level trie of gse's dictionary: the words gse's cedar trie holds (the
// last entry of each word in gse's Dictionary.Tokens), each split into units as gse split
// it, with gse's distance. A text's units match a word's units exactly when their bytes
// match the word's key, which is what gse's byte-level lookup tests, because splitting whole
// units of a text again gives the same units. Built by newIndex and add, read-only after
// freeze.
type wordIndex struct {
	// The build's trie: a hash table of edges by (parent node, unit), dropped by freeze.
	root  []trieEdge // by unit id < rootDense; child 0 = none
	slots []edgeSlot // everything else
	mask  uint64     // len(slots) - 1
	shift uint       // 64 - log2(len(slots))
	used  int        // filled slots
	depth []uint8    // by node number: the node's depth (units from the root), for freeze

	// The build's dictionary: the base, the entries added after it, the total frequency,
	// and by node number the entry of the word ending there (-1: none).
	base    *dictBase
	added   []addedEntry
	total   float64
	nodeTok []int32
	scratch []uint32

	// The cutting layout, built by freeze (see kidSlot): nodes[u] for a unit id u <
	// rootDense is the one-unit prefix u; after them, each node's children fill a small
	// hash table of their own. A node's position in nodes numbers its word (see
	// Segmenter.AppendKeyed).
	nodes    []kidSlot
	overflow uint32 // link of the root's children with unit ids ≥ rootDense

	runs   map[string]uint32
	maxLen int  // gse's Dictionary.MaxTokenLen: the longest word, in units
	lower  bool // gse.ToLower: lower-case ASCII letters of letter/number runs
}

// kidSlot is a node of the cutting layout, reached from its parent by unit; dist is gse's
// distance of the word ending there (if link has linkWord). Each node's children fill a
// small open-addressing table of their own (a power of two of slots, at most half full),
// the tables of shallow nodes first: most lookups go from a text's character to the next
// one, and the tables they read then lie together instead of being spread over one big
// table (cutting 9.8 MB of generated articles went from 36 to 41 MB/s a core when this
// layout replaced one table of all edges: BenchmarkCutText).
type kidSlot struct {
	unit uint32 // unitEmpty: a free slot
	link uint32 // linkWord | size code << linkSizeShift | offset in kids of the children's table
	dist float32
}

// link layout: size code 0 = no children, c > 0 = a table of 1 << (c-1) slots.
const (
	linkWord      = 1 << 31
	linkSizeShift = 26
	linkOffset    = 1<<linkSizeShift - 1
	unitEmpty     = math.MaxUint32 - 1 // never a unit of text (runs are numbered from unitRunBase)
)

// child returns the position in nodes of the child reached by unit u of the node whose
// link is link, or -1.
func (ix *wordIndex) child(link, u uint32) int {
	code := link >> linkSizeShift & 31
	if code == 0 {
		return -1
	}
	bits := code - 1
	off := int(link & linkOffset)
	tab := ix.nodes[off:][:1<<bits]
	mask := uint32(len(tab) - 1)
	for h := (u * 0x9E3779B9) >> (32 - bits) & mask; ; h = (h + 1) & mask {
		s := &tab[h]
		if s.unit == u {
			return off + int(h)
		}
		if s.unit == unitEmpty {
			return -1
		}
	}
}

// start returns the position in nodes of the one-unit prefix u, or -1.
func (ix *wordIndex) start(u uint32) int {
	if u < rootDense {
		if ix.nodes[u].link != 0 {
			return int(u)
		}
		return -1
	}
	return ix.child(ix.overflow, u)
}

// buildIndex indexes the dictionary of a gse Segmenter as it stands (the tests' way to
// index a hand-made gse dictionary).
func buildIndex(g *gse.Segmenter) *wordIndex {
	return newIndex(baseOf(g.Dict)).freeze()
}

// newIndex starts an index of the dictionary b (shared, never written): about 0.3 s and
// 32 MB for gse's Chinese dictionary. Words are added with add, then freeze makes the index
// ready to cut.
func newIndex(b *dictBase) *wordIndex {
	ix := &wordIndex{
		root:    make([]trieEdge, rootDense),
		runs:    make(map[string]uint32),
		maxLen:  b.maxLen,
		lower:   gse.ToLower,
		base:    b,
		total:   b.total,
		depth:   []uint8{0}, // node 0: the root
		nodeTok: []int32{-1},
	}
	ix.resize(1 << bits.Len(uint(2*len(b.keys)))) // 587,207 words: 815,111 edges
	// A word re-added with gse's ReAddToken (deleted from its trie, appended again) leaves
	// its old entry in Tokens, before the live one: the later entry of a word overwrites
	// the earlier here. (gse's AddToken ignores a word present, so there is no other repeat.)
	for i, key := range b.keys { // gse's key: its units joined, runs already lower-cased
		if key != "" {
			e, _ := ix.insert(key)
			e.child |= nodeWord
			ix.nodeTok[e.child&^nodeFlags] = int32(i)
		}
	}
	return ix
}

// insert walks key's units from the root, creating the nodes missing, and returns the edge
// reaching the last unit and the number of units.
func (ix *wordIndex) insert(key string) (*trieEdge, int) {
	ids := ix.appendUnits(ix.scratch[:0], key, nil, true)
	ix.scratch = ids
	if 10*(ix.used+len(ids)) > 7*len(ix.slots) { // keep the load under 70%
		ix.resize(2 * len(ix.slots))
	}
	var e *trieEdge
	parent := uint32(0)
	for k, u := range ids {
		e = ix.edge(parent, u, true)
		if e.child&^nodeFlags == 0 {
			n := uint32(len(ix.depth))
			e.child = e.child&nodeFlags | n
			ix.depth = append(ix.depth, uint8(min(k+1, 255)))
			ix.nodeTok = append(ix.nodeTok, -1)
		}
		parent = e.child &^ nodeFlags
	}
	return e, len(ids)
}

// find returns the frequency and part of speech of word if it is a word of the dictionary
// (ASCII letters match in either case, as gse lower-cases both), before freeze.
func (ix *wordIndex) find(word string) (freq float64, pos string, ok bool) {
	var buf [32]uint32
	parent := uint32(0)
	var e *trieEdge
	for _, u := range ix.appendUnits(buf[:0], word, nil, false) {
		if e = ix.edge(parent, u, false); e == nil {
			return 0, "", false
		}
		parent = e.child &^ nodeFlags
	}
	if e == nil || e.child&nodeWord == 0 {
		return 0, "", false
	}
	f, p := ix.entry(ix.nodeTok[parent])
	return f, p, true
}

// totalFreq is the dictionary's total frequency, the T of gse's path lengths.
func (ix *wordIndex) totalFreq() float64 { return ix.total }

// entry returns the frequency and part of speech of entry i: of the base, or added after it.
func (ix *wordIndex) entry(i int32) (float64, string) {
	if n := int32(len(ix.base.keys)); i >= n {
		a := ix.added[i-n]
		return a.freq, a.pos
	}
	return ix.base.freqs[i], ix.base.pos[i]
}

// add adds word with freq and pos as gse's AddToken does, or, for a word present, as its
// ReAddToken does (the new entry replaces the old one, whose frequency stays in the total,
// as in gse), before freeze.
func (ix *wordIndex) add(word string, freq float64, pos string) {
	e, units := ix.insert(word)
	e.child |= nodeWord
	ix.nodeTok[e.child&^nodeFlags] = int32(len(ix.base.keys) + len(ix.added))
	ix.added = append(ix.added, addedEntry{freq, pos})
	ix.total += freq
	ix.maxLen = max(ix.maxLen, units)
}

// freeze lays the trie out for cutting (nodes, overflow), with gse's path lengths computed
// from the final total, drops what only building needed, and returns ix.
func (ix *wordIndex) freeze() *wordIndex {
	nodes := uint32(len(ix.depth) - 1)
	logTotal := float32(math.Log2(ix.total)) // as gse's CalcToken computes it
	// Children per node (node 0: the root's children outside first).
	count := make([]uint32, nodes+1)
	for _, s := range ix.slots {
		if s.key != 0 {
			count[s.key>>32-1]++
		}
	}
	// Tables in order of depth, then node number: shallow tables together.
	order := make([]uint32, 0, nodes+1)
	for n := range count {
		if count[n] > 0 {
			order = append(order, uint32(n))
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return ix.depth[order[i]] < ix.depth[order[j]] })
	link := make([]uint32, nodes+1) // by node: its children's table, as a link
	total := rootDense
	for _, n := range order {
		bits := uint32(bits.Len32(2*count[n] - 1)) // size ≥ 2 × children
		link[n] = (bits+1)<<linkSizeShift | uint32(total)
		total += 1 << bits
	}
	if total > linkOffset {
		panic("segment: dictionary too large for the index") // 2^26 slots: 100 times gse's
	}
	ix.nodes = make([]kidSlot, total)
	for i := rootDense; i < total; i++ {
		ix.nodes[i].unit = unitEmpty
	}
	slotOf := func(e trieEdge, u uint32) kidSlot {
		n := e.child &^ nodeFlags
		k := kidSlot{unit: u, link: link[n]}
		if e.child&nodeWord != 0 {
			k.link |= linkWord
			f, _ := ix.entry(ix.nodeTok[n])
			k.dist = logTotal - float32(math.Log2(f))
		}
		return k
	}
	put := func(parent uint32, k kidSlot) {
		l := link[parent]
		bits := l>>linkSizeShift&31 - 1
		tab := ix.nodes[l&linkOffset:][:1<<bits]
		mask := uint32(len(tab) - 1)
		h := (k.unit * 0x9E3779B9) >> (32 - bits) & mask
		for tab[h].unit != unitEmpty {
			h = (h + 1) & mask
		}
		tab[h] = k
	}
	for u, e := range ix.root {
		if e.child != 0 {
			ix.nodes[u] = slotOf(e, uint32(u))
		}
	}
	for _, s := range ix.slots {
		if s.key != 0 {
			put(uint32(s.key>>32-1), slotOf(s.trieEdge, uint32(s.key)))
		}
	}
	ix.overflow = link[0]
	ix.root, ix.slots, ix.depth, ix.nodeTok, ix.scratch = nil, nil, nil, nil, nil
	ix.base, ix.added = nil, nil
	return ix
}

// resize rehashes the edge table into size slots (a power of two).
func (ix *wordIndex) resize(size int) {
	old := ix.slots
	ix.slots = make([]edgeSlot, size)
	ix.mask = uint64(size - 1)
	ix.shift = uint(64 - math.Ilogb(float64(size)))
	for _, s := range old {
		if s.key != 0 {
			h := ix.slot(s.key)
			for ix.slots[h].key != 0 {
				h = (h + 1) & ix.mask
			}
			ix.slots[h] = s
		}
	}
}

// slot is the home slot of key (Fibonacci hashing).
func (ix *wordIndex) slot(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15) >> ix.shift }

// edge returns the edge from parent by unit u; with add it creates an empty one if needed,
// otherwise it returns nil when there is none.
func (ix *wordIndex) edge(parent, u uint32, add bool) *trieEdge {
	if parent == 0 && u < rootDense {
		e := &ix.root[u]
		if e.child == 0 && !add {
			return nil
		}
		return e
	}
	key := uint64(parent+1)<<32 | uint64(u)
	for h := ix.slot(key); ; h = (h + 1) & ix.mask {
		s := &ix.slots[h]
		if s.key == key {
			return &s.trieEdge
		}
		if s.key == 0 {
			if !add {
				return nil
			}
			s.key = key
			ix.used++
			return &s.trieEdge
		}
	}
}

// appendUnits splits text into gse's units (SplitTextToWords with gse's default options:
// AlphaNum, Alpha and Num off) and appends their ids to ids and their end offsets to ends
// (if not nil). addRuns gives a new id to a run not seen before (only while indexing).
func (ix *wordIndex) appendUnits(ids []uint32, text string, ends *[]int32, addRuns bool) []uint32 {
	var scratch [64]byte
	for i := 0; i < len(text); {
		c := text[i]
		r, size := runeAt(text, i)
		if !isRunRune(r, size) {
			u := uint32(r)
			if r == utf8.RuneError && size == 1 {
				u = unitInvalid + uint32(c)
			}
			ids = append(ids, u)
			i += size
			if ends != nil {
				*ends = append(*ends, int32(i))
			}
			continue
		}
		// A letter/number run: one unit, ASCII letters lower-cased.
		start, n := i, 0
		for i < len(text) {
			r, size := runeAt(text, i)
			if !isRunRune(r, size) {
				break
			}
			i += size
			n++
		}
		run := text[start:i]
		var u uint32
		if n == 1 {
			r, _ := utf8.DecodeRuneInString(run)
			u = uint32(r)
			if ix.lower && 'A' <= u && u <= 'Z' {
				u += 'a' - 'A'
			}
		} else {
			low := append(scratch[:0], run...)
			if ix.lower {
				for k, b := range low {
					if 'A' <= b && b <= 'Z' {
						low[k] = b + 'a' - 'A'
					}
				}
			}
			var ok bool
			if u, ok = ix.runs[string(low)]; !ok {
				u = unitUnknown
				if addRuns {
					u = unitRunBase + uint32(len(ix.runs))
					ix.runs[string(low)] = u
				}
			}
		}
		ids = append(ids, u)
		if ends != nil {
			*ends = append(*ends, int32(i))
		}
	}
	return ids
}

// isRunRune reports whether gse's SplitTextToWords puts r (encoded in size bytes) in a
// letter/number run.
func isRunRune(r rune, size int) bool {
	if r < utf8.RuneSelf { // unicode.IsLetter and IsNumber on ASCII
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return size <= 2 && (unicode.IsLetter(r) || unicode.IsNumber(r))
}

// cutState is the working memory of one shortest-path cut, reused through a sync.Pool.
type cutState struct {
	units []uint32  // unit ids
	ends  []int32   // byte offset after each unit
	best  []float32 // gse's jumper.minDistance
	width []int32   // gse's len(jumper.token.text): units of the best word ending here
	word  []uint32  // the dictionary word of that best word: its key (see wordKey), 0 none
	spans []Span    // the words, last first
	keys  []uint32  // their keys, as spans
}

// maxPooledUnits bounds the buffers returned to the pool, so that one huge text does not
// keep megabytes alive.
const maxPooledUnits = 1 << 16

// shortestCut cuts text in gse's shortest-path segmentation and returns the working memory
// with the spans of its non-white-space words in st.spans, last first. The caller gives st
// back with release.
func (s *Segmenter) shortestCut(text string) *cutState {
	ix := s.index
	st, _ := s.states.Get().(*cutState)
	if st == nil {
		st = new(cutState)
	}
	st.ends = st.ends[:0]
	st.units = ix.appendUnits(st.units[:0], text, &st.ends, false)
	units := st.units
	n := len(units)
	ends := st.ends
	if cap(st.best) < n {
		st.best = make([]float32, n)
		st.width = make([]int32, n)
		st.word = make([]uint32, n)
	}
	best, width, word := st.best[:n], st.width[:n], st.word[:n]
	clear(best)

	offer := func(j int, d float32, w int32, key uint32) {
		if best[j] == 0 || best[j] > d {
			best[j] = d
			width[j] = w
			word[j] = key
		}
	}
	for i, u := range units {
		var base float32
		if i > 0 {
			base = best[i-1]
		}
		oneUnitWord := false
		p := ix.start(u)
		for k := 1; p >= 0; k++ {
			e := &ix.nodes[p]
			if e.link&linkWord != 0 {
				offer(i+k-1, base+e.dist, int32(k), uint32(p)+1)
				oneUnitWord = oneUnitWord || k == 1
			}
			if k == ix.maxLen || i+k == n {
				break
			}
			p = ix.child(e.link, units[i+k])
		}
		if !oneUnitWord {
			offer(i, base+pseudoDistance, 1, 0)
		}
	}

	// Read the words back from the end.
	spans, keys := st.spans[:0], st.keys[:0]
	for j := n - 1; j >= 0; {
		first := j - int(width[j]) + 1
		start := 0
		if first > 0 {
			start = int(ends[first-1])
		}
		if end := int(ends[j]); !isSpace(text[start:end]) {
			spans = append(spans, Span{start, end})
			key := word[j]
			if key != 0 && ix.lower && hasUpper(text[start:end]) {
				key = 0 // the word as written is not the dictionary's lower-cased key
			}
			keys = append(keys, key)
		}
		j = first - 1
	}
	st.spans, st.keys = spans, keys
	return st
}

// hasUpper reports whether s has an ASCII capital letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// release gives st back to the pool, unless a huge text made it huge.
func (s *Segmenter) release(st *cutState) {
	if cap(st.units) <= maxPooledUnits {
		s.states.Put(st)
	}
}

// runeAt decodes the rune at text[i], with a fast path for ASCII.
func runeAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}
