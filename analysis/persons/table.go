package persons

import "fmt"

// Table holds the persons of every article of a corpus, in corpus order, in a few bytes
// an article: each distinct name once, and each article's persons as indices into the
// names. It lets a caller drop the Resolver (and the segmenter it may have loaded) before
// a long pass that needs the persons by article number only.
type Table struct {
	names []string
	index map[string]uint32
	ids   []uint32 // name indices, article after article
	ends  []uint32 // article i's indices are ids[ends[i-1]:ends[i]]
}

// NewTable returns an empty table.
func NewTable() *Table { return &Table{index: map[string]uint32{}} }

// TableOf returns the table of every article of c, with and without persons.
func TableOf(c *Corpus) *Table {
	t := NewTable()
	next := 0
	for n := range c.N {
		if next < len(c.Articles) && c.Articles[next].N == n {
			t.Add(c.Articles[next].All())
			next++
			continue
		}
		t.Add(nil)
	}
	t.index = nil
	return t
}

// Add appends the next article's persons.
func (t *Table) Add(names []string) {
	for _, n := range names {
		id, ok := t.index[n]
		if !ok {
			id = uint32(len(t.names))
			t.index[n] = id
			t.names = append(t.names, n)
		}
		t.ids = append(t.ids, id)
	}
	t.ends = append(t.ends, uint32(len(t.ids)))
}

// Len returns the number of articles.
func (t *Table) Len() int { return len(t.ends) }

// Article appends article i's persons to dst. An article number past the table's is an
// error: the pass that asks met more articles than the one that filled the table.
func (t *Table) Article(dst []string, i int64) ([]string, error) {
	if i >= int64(len(t.ends)) {
		return nil, fmt.Errorf("the corpus changed while it was read: more articles than the %d of the persons pass", len(t.ends))
	}
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	for _, id := range t.ids[start:t.ends[i]] {
		dst = append(dst, t.names[id])
	}
	return dst, nil
}
