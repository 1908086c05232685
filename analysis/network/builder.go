package network

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"time"

	"github.com/baokan/baokan/corpus"
)

// Doc is what the network needs of one article: its identity, date and page for
// provenance, and the persons it names (already resolved to one spelling each). Persons
// named twice in one Doc count once; empty names are ignored.
type Doc struct {
	ID      string
	Date    corpus.Date // zero when unknown: counted, but not in any edge's date range
	Page    int
	Paper   string // the article's paper, for slices by paper
	Persons []string
}

// Options choose which part of the co-occurrence counts becomes the network and how
// communities are found. The zero Options keeps every person and edge and uses seed 0
// and resolution 1.
type Options struct {
	// MinWeight drops edges naming fewer than MinWeight articles (0 and 1 keep all).
	MinWeight int
	// Top keeps only the Top persons named in most articles, ties broken by name in
	// ascending string order (0 keeps all). Applied before MinWeight; persons whose
	// edges are all dropped stay as isolated nodes.
	Top int
	// Seed seeds the Louvain community search: equal seeds give equal communities.
	Seed uint64
	// Resolution is the modularity resolution γ (Reichardt & Bornholdt 2006); 0 means 1.
	// Larger values give more, smaller communities.
	Resolution float64
	// Workers is the number of goroutines that compute betweenness, and that build the
	// slices of SliceBuilder.Slices; 0 means runtime.GOMAXPROCS(0). The results do not
	// depend on it.
	Workers int
}

// workers returns Workers, or runtime.GOMAXPROCS(0) when it is 0.
func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (o Options) validate() error {
	switch {
	case o.MinWeight < 0:
		return fmt.Errorf("network: MinWeight %d < 0", o.MinWeight)
	case o.Top < 0:
		return fmt.Errorf("network: Top %d < 0", o.Top)
	case o.Resolution < 0:
		return fmt.Errorf("network: Resolution %g < 0", o.Resolution)
	case o.Workers < 0:
		return fmt.Errorf("network: Workers %d < 0", o.Workers)
	}
	return nil
}

// pairStat is what is known of one pair of persons: 12 bytes, since there may be
// millions of pairs.
type pairStat struct {
	count       int32
	first, last packedDate
}

// packedDate is a date as the number YYYYMMDD, which orders as dates do; 0 is no date.
type packedDate uint32

func pack(d corpus.Date) packedDate {
	if d.IsZero() {
		return 0
	}
	return packedDate(d.Year*10000 + int(d.Month)*100 + d.Day)
}

func (p packedDate) date() corpus.Date {
	if p == 0 {
		return corpus.Date{}
	}
	return corpus.Date{Year: int(p / 10000), Month: time.Month(p / 100 % 100), Day: int(p % 100)}
}

// widen extends the date range [first, last] to include d; 0 (no date) is ignored.
func widen(first, last, d packedDate) (packedDate, packedDate) {
	if d == 0 {
		return first, last
	}
	if first == 0 || d < first {
		first = d
	}
	if last == 0 || d > last {
		last = d
	}
	return first, last
}

// A Builder counts persons and pairs of persons over articles given one at a time, so a
// corpus never has to be in memory: memory grows with the number of distinct persons and
// pairs only. The zero Builder is not ready: use NewBuilder. It is not safe for concurrent
// use.
type Builder struct {
	docs    int
	names   []string         // by intern index, first-seen order
	index   map[string]int32 // name → intern index
	persons []personStat     // by intern index
	pairs   map[uint64]pairStat
	scratch []int32
}

type personStat struct {
	articles    int
	first, last packedDate
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{index: make(map[string]int32), pairs: make(map[uint64]pairStat)}
}

// Articles returns the number of Docs added so far, with or without persons: the N of
// every probability.
func (b *Builder) Articles() int { return b.docs }

// Add counts one article. Every Doc counts toward N, the number of articles, even one that
// names no person: give the Builder exactly the articles the probabilities should be
// relative to.
func (b *Builder) Add(d Doc) {
	b.docs++
	date := pack(d.Date)
	ids := b.scratch[:0]
	for _, p := range d.Persons {
		if p == "" {
			continue
		}
		ids = append(ids, b.intern(p))
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	b.scratch = ids
	for i, x := range ids {
		ps := &b.persons[x]
		ps.articles++
		ps.first, ps.last = widen(ps.first, ps.last, date)
		for _, y := range ids[i+1:] {
			key := uint64(x)<<32 | uint64(y) // x < y: ids are sorted
			st := b.pairs[key]
			st.count++
			st.first, st.last = widen(st.first, st.last, date)
			b.pairs[key] = st
		}
	}
}

// intern returns the index of person name, adding it if new.
func (b *Builder) intern(name string) int32 {
	id, ok := b.index[name]
	if !ok {
		id = int32(len(b.names))
		b.index[name] = id
		b.names = append(b.names, name)
		b.persons = append(b.persons, personStat{})
	}
	return id
}

// Merge adds the counts of other, a Builder fed with other articles (one worker's share of
// a corpus), to b: articles, persons and pairs add up, date ranges widen. The network is
// the one a single Builder fed with both sets of articles gives (names are interned in
// first-seen order, other's after b's, and the network orders everything by name). other
// is not modified.
func (b *Builder) Merge(other *Builder) {
	b.docs += other.docs
	idOf := make([]int32, len(other.names)) // other's intern index → b's
	for oid, name := range other.names {
		id := b.intern(name)
		idOf[oid] = id
		ps, ops := &b.persons[id], other.persons[oid]
		ps.articles += ops.articles
		ps.first, ps.last = widen(ps.first, ps.last, ops.first)
		ps.first, ps.last = widen(ps.first, ps.last, ops.last)
	}
	for okey, ost := range other.pairs {
		x, y := idOf[okey>>32], idOf[okey&0xffffffff]
		key := uint64(min(x, y))<<32 | uint64(max(x, y)) // keys keep the smaller index first
		st := b.pairs[key]
		st.count += ost.count
		st.first, st.last = widen(st.first, st.last, ost.first)
		st.first, st.last = widen(st.first, st.last, ost.last)
		b.pairs[key] = st
	}
}

// Network builds the network of the articles added so far. The Builder may be given more
// articles afterwards and asked again.
func (b *Builder) Network(opts Options) (*Network, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	if opts.Resolution == 0 {
		opts.Resolution = 1
	}

	// Choose the persons: all, or the Top by articles (ties by name).
	keep := make([]int32, len(b.names))
	for i := range keep {
		keep[i] = int32(i)
	}
	if opts.Top > 0 && opts.Top < len(keep) {
		slices.SortFunc(keep, func(x, y int32) int {
			if c := cmp.Compare(b.persons[y].articles, b.persons[x].articles); c != 0 {
				return c
			}
			return cmp.Compare(b.names[x], b.names[y])
		})
		keep = keep[:opts.Top]
	}
	// Node order: by person name (string order, that is Unicode code point order).
	slices.SortFunc(keep, func(x, y int32) int { return cmp.Compare(b.names[x], b.names[y]) })
	nodeOf := make(map[int32]int32, len(keep)) // intern index → node index
	net := &Network{Articles: b.docs, Nodes: make([]Node, len(keep))}
	for i, x := range keep {
		nodeOf[x] = int32(i)
		ps := b.persons[x]
		net.Nodes[i] = Node{Person: b.names[x], Articles: ps.articles, FirstDate: ps.first.date(), LastDate: ps.last.date()}
	}

	for key, st := range b.pairs {
		w := int(st.count)
		if w < opts.MinWeight {
			continue
		}
		x, y := int32(key>>32), int32(key&0xffffffff)
		u, okx := nodeOf[x]
		v, oky := nodeOf[y]
		if !okx || !oky {
			continue
		}
		// Source and target by name: the measures' float operations then do not depend on
		// the order names were first met in (which merging partial counts changes).
		if u > v {
			u, v = v, u
			x, y = y, x
		}
		nx, ny := b.persons[x].articles, b.persons[y].articles
		net.Edges = append(net.Edges, Edge{
			Source: net.Nodes[u].Person, Target: net.Nodes[v].Person,
			source: u, target: v,
			Weight:    w,
			PMI:       PMI(w, nx, ny, b.docs),
			NPMI:      NPMI(w, nx, ny, b.docs),
			Jaccard:   Jaccard(w, nx, ny),
			Dice:      Dice(w, nx, ny),
			G2:        G2(w, nx, ny, b.docs),
			FirstDate: st.first.date(), LastDate: st.last.date(),
		})
	}
	// Map order is random: sorting by node index (= by name) makes the order, and every
	// float sum taken along it, the same on every run.
	slices.SortFunc(net.Edges, func(a, b Edge) int {
		if c := cmp.Compare(a.source, b.source); c != 0 {
			return c
		}
		return cmp.Compare(a.target, b.target)
	})
	net.computeNodeMeasures(opts)
	return net, nil
}

// Build counts docs and returns their network: NewBuilder, Add each, Network(opts).
func Build(docs []Doc, opts Options) (*Network, error) {
	b := NewBuilder()
	for _, d := range docs {
		b.Add(d)
	}
	return b.Network(opts)
}
