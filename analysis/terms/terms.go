// Package terms counts term frequencies over a corpus: how often each term occurs
// (count), in how many documents (docs), and its rate per 10,000 tokens.
//
// A Counter is fed one document's tokens at a time and knows nothing of where the tokens
// came from (the segmenter lives in analysis/segment). Each worker keeps its own Counter and
// the results are merged; every output is sorted by a stated rule, so the result does not
// depend on the number of workers nor on the order documents were fed in.
package terms

import (
	"iter"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/baokan/baokan/analysis/internal/topk"
)

// Counter accumulates, for every term, its total count and its document frequency,
// plus the corpus totals (tokens and documents).
//
// The zero Counter is empty and ready to use; it must not be copied after first use.
// Adding to a Counter (AddDoc, AddDocIDs, Merge, MergeIDs) is not safe for concurrent use:
// give each goroutine its own and Merge them at the end. Reading it (every other method)
// never changes the counts, and any number of goroutines may read one Counter at once
// while nothing is added to it: the string index that Count and DocFreq need on a Counter
// fed by ids is built by the first lookup after terms were added, once, under a lock.
type Counter struct {
	// index maps term → id for terms[:indexed]; ids index the slices below. Documents given
	// as ids (AddDocIDs) need no index: it is completed when a string is looked up.
	index   map[string]int32
	indexed int
	// indexReady is set when index covers every term, so that lookups read it without the
	// lock; indexMu serializes the lookups that complete it.
	indexReady atomic.Bool
	indexMu    sync.Mutex
	// remap maps the caller's vocabulary ids (AddDocIDs) to this Counter's ids.
	remap idMap

	// The terms by id: in vocab by their vocabulary id (vids) while the Counter was only
	// ever fed ids (4 bytes a term where a string takes 16: counters by month of a million
	// articles hold twenty million terms), else as strings.
	terms []string
	vids  []uint32
	vocab []string
	stats []termStats // one struct per term: a token touches one cache line

	serial uint32 // serial of the document being added; starts at 1
	tokens int64
	ndocs  int64
}

type termStats struct {
	count int64
	docs  uint32 // 32 bits: 16 bytes a term, and more documents than any archive has
	// lastDoc is the serial of the last document the term was seen in (its low 32 bits).
	// It replaces a per-document set: a term counts toward docs when lastDoc differs from
	// the current serial, so no map is built or cleared per document.
	lastDoc uint32
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter { return &Counter{} }

// AddDoc adds one document. Every token counts, empty strings included: filtering
// (punctuation, stop words) is the caller's business. A document with no tokens still
// counts as a document.
//
// Terms seen before cost one map lookup each and no allocation; a new term's string is
// cloned, so the Counter never keeps a caller's larger buffer alive.
func (c *Counter) AddDoc(tokens []string) {
	c.materialize()
	c.syncIndex()
	c.serial++
	c.ndocs++
	c.tokens += int64(len(tokens))
	for _, tok := range tokens {
		id, ok := c.index[tok]
		if !ok {
			id = c.add(strings.Clone(tok))
		}
		c.count(id)
	}
	c.noteIndex()
}

// noteIndex records, after an addition, whether the string index covers every term.
func (c *Counter) noteIndex() {
	if ready := c.index != nil && c.indexed == len(c.stats); c.indexReady.Load() != ready {
		c.indexReady.Store(ready)
	}
}

// count counts one occurrence of term id in the current document.
func (c *Counter) count(id int32) {
	st := &c.stats[id]
	st.count++
	if st.lastDoc != c.serial {
		st.lastDoc = c.serial
		st.docs++
	}
}

// AddDocIDs adds one document given as ids into vocab, a vocabulary the caller keeps (a
// cache's, or one it interns): the counts are those AddDoc(vocab[ids[0]], …) gives, at the
// cost of a slice lookup per token instead of a string hash. Every call on a Counter must
// use the same vocabulary, grown only by appending; its strings are kept, not copied.
func (c *Counter) AddDocIDs(ids []uint32, vocab []string) {
	if len(c.stats) == 0 && c.vids == nil {
		c.vids = []uint32{} // fed ids from the start: terms kept as ids
	}
	if c.vids != nil {
		c.vocab = vocab // the latest: it may have grown
	}
	c.serial++
	c.ndocs++
	c.tokens += int64(len(ids))
	for _, v := range ids {
		id, ok := c.remap.get(v)
		if !ok {
			id = c.lookupOrAddID(v, vocab)
			c.remap.put(v, id, len(vocab))
		}
		c.count(id)
	}
	c.noteIndex()
}

// lookupOrAddID returns the id of vocabulary word v, adding it if new.
func (c *Counter) lookupOrAddID(v uint32, vocab []string) int32 {
	if c.vids == nil {
		return c.lookupOrAdd(vocab[v])
	}
	// A vocabulary id remap does not know is a term this Counter does not have: every term
	// of an id-fed Counter came by id, and one word has one id.
	id := int32(len(c.stats))
	c.vids = append(c.vids, v)
	c.stats = append(c.stats, termStats{})
	if c.index != nil && c.indexed == int(id) {
		c.index[vocab[v]] = id
		c.indexed++
	}
	return id
}

// lookupOrAdd returns the id of term, adding it if new (c holds strings).
func (c *Counter) lookupOrAdd(term string) int32 {
	if c.index != nil {
		c.syncIndex()
		if id, ok := c.index[term]; ok {
			return id
		}
	}
	return c.add(term)
}

// add adds a new term (c holds strings).
func (c *Counter) add(term string) int32 {
	id := int32(len(c.stats))
	if c.index != nil && c.indexed == int(id) {
		c.index[term] = id
		c.indexed++
	}
	c.terms = append(c.terms, term)
	c.stats = append(c.stats, termStats{})
	return id
}

// term returns the text of term id.
func (c *Counter) term(id int32) string {
	if c.vids != nil {
		return c.vocab[c.vids[id]]
	}
	return c.terms[id]
}

// materialize turns the terms kept as vocabulary ids into strings, before c is given a
// term as a string.
func (c *Counter) materialize() {
	if c.vids == nil {
		return
	}
	c.terms = make([]string, len(c.vids))
	for i, v := range c.vids {
		c.terms[i] = c.vocab[v]
	}
	c.vids, c.vocab = nil, nil
}

// syncIndex makes the string index cover every term.
func (c *Counter) syncIndex() {
	if c.index == nil {
		c.index = make(map[string]int32, len(c.stats))
	}
	for ; c.indexed < len(c.stats); c.indexed++ {
		c.index[c.term(int32(c.indexed))] = int32(c.indexed)
	}
}

// MergeIDs is Merge for Counters fed with AddDocIDs and the same vocab (the partial
// counts of workers reading one cache): the terms are matched by their vocabulary ids, in
// slices, instead of by their text. If other holds terms it was not given by id, it is
// merged as Merge does.
func (c *Counter) MergeIDs(other *Counter, vocab []string) {
	if other == nil {
		return
	}
	if other.remap.n != len(other.stats) {
		c.Merge(other)
		return
	}
	if len(c.stats) == 0 && c.vids == nil {
		c.vids = []uint32{}
	}
	if c.vids != nil {
		c.vocab = vocab
	}
	other.remap.all(func(v uint32, oid int32) {
		id, ok := c.remap.get(v)
		if !ok {
			id = c.lookupOrAddID(v, vocab)
			c.remap.put(v, id, len(vocab))
		}
		c.stats[id].count += other.stats[oid].count
		c.stats[id].docs += other.stats[oid].docs
	})
	c.tokens += other.tokens
	c.ndocs += other.ndocs
	c.noteIndex()
}

// Merge adds other's counts into c. Documents are assumed disjoint (each document fed to
// exactly one Counter), so document frequencies add up. other is not modified.
func (c *Counter) Merge(other *Counter) {
	if other == nil {
		return
	}
	c.materialize()
	c.syncIndex()
	for oid := range int32(len(other.stats)) {
		term := other.term(oid)
		id, ok := c.index[term]
		if !ok {
			id = c.add(term)
		}
		c.stats[id].count += other.stats[oid].count
		c.stats[id].docs += other.stats[oid].docs
	}
	c.tokens += other.tokens
	c.ndocs += other.ndocs
	c.noteIndex()
}

// Tokens returns the number of tokens added.
func (c *Counter) Tokens() int64 { return c.tokens }

// Docs returns the number of documents added.
func (c *Counter) Docs() int64 { return c.ndocs }

// Len returns the number of distinct terms.
func (c *Counter) Len() int { return len(c.stats) }

// lookup returns the id of term, for the readers: the index is completed first if terms
// were added since it was last (once, whichever reader comes first).
func (c *Counter) lookup(term string) (int32, bool) {
	if !c.indexReady.Load() {
		c.indexMu.Lock()
		if !c.indexReady.Load() {
			c.syncIndex()
			c.indexReady.Store(true)
		}
		c.indexMu.Unlock()
	}
	id, ok := c.index[term]
	return id, ok
}

// Count returns how many times term occurred (0 if never).
func (c *Counter) Count(term string) int64 {
	if id, ok := c.lookup(term); ok {
		return c.stats[id].count
	}
	return 0
}

// DocFreq returns the number of documents containing term at least once.
func (c *Counter) DocFreq(term string) int64 {
	if id, ok := c.lookup(term); ok {
		return int64(c.stats[id].docs)
	}
	return 0
}

// All yields every term with its count, in no particular order.
func (c *Counter) All() iter.Seq2[string, int64] {
	return func(yield func(string, int64) bool) {
		for id := range int32(len(c.stats)) {
			if !yield(c.term(id), c.stats[id].count) {
				return
			}
		}
	}
}

// Terms returns the distinct terms sorted by byte order (a fresh slice).
func (c *Counter) Terms() []string {
	out := make([]string, len(c.stats))
	for id := range out {
		out[id] = c.term(int32(id))
	}
	slices.Sort(out)
	return out
}

// Row is one line of a frequency list.
type Row struct {
	Term  string
	Count int64 // occurrences in the corpus
	Docs  int64 // documents containing the term
	// Per10k is Count / Tokens × 10,000: the rate per ten thousand tokens.
	Per10k float64
	// Rank is the standard competition rank by Count ("1224" ranking): one plus the number
	// of terms with a strictly higher count, so tied terms share a rank and the next rank
	// skips. Within a tie, rows are ordered by Term (byte order, i.e. Unicode code point).
	Rank int
}

// Top returns the n most frequent terms (all terms when n <= 0), ordered by Count
// descending, then Term ascending. Exactly min(n, Len()) rows are returned: a tie that
// straddles the cut-off is cut in term order, and the ranks are those of the full list.
func (c *Counter) Top(n int) []Row {
	ids := c.selectTop(n)
	rows := make([]Row, len(ids))
	for i, id := range ids {
		rank := i + 1
		if i > 0 && c.stats[id].count == rows[i-1].Count {
			rank = rows[i-1].Rank
		}
		rows[i] = Row{
			Term:   c.term(id),
			Count:  c.stats[id].count,
			Docs:   int64(c.stats[id].docs),
			Per10k: Per10k(c.stats[id].count, c.tokens),
			Rank:   rank,
		}
	}
	return rows
}

// Per10k returns count × 10,000 / tokens, or 0 when tokens is 0. The product is exact
// (below 2^53), so the result is the correctly rounded quotient.
func Per10k(count, tokens int64) float64 {
	if tokens == 0 {
		return 0
	}
	return float64(count) * 10000 / float64(tokens)
}

// before reports whether term x comes before term y: higher count first, then by term.
func (c *Counter) before(x, y int32) bool {
	if c.stats[x].count != c.stats[y].count {
		return c.stats[x].count > c.stats[y].count
	}
	return c.term(x) < c.term(y)
}

// selectTop returns the ids of the n first terms in Top order (all when n <= 0).
func (c *Counter) selectTop(n int) []int32 {
	all := func(yield func(int32) bool) {
		for id := range int32(len(c.stats)) {
			if !yield(id) {
				return
			}
		}
	}
	return topk.Select(all, n, c.before, nil)
}
