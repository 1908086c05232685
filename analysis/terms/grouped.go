package terms

import (
	"slices"
	"strings"
)

// Grouped keeps one Counter per group (a year, a month, a page, a genre…): the caller
// names the group of each document. A document in several groups (an article with two
// genres) is added to each of them, so group totals may then add up to more than the
// corpus. The zero Grouped is ready to use; like Counter it is not safe for concurrent
// use: one per goroutine, then Merge.
type Grouped struct {
	groups map[string]*Counter
}

// NewGrouped returns an empty Grouped.
func NewGrouped() *Grouped { return &Grouped{} }

// AddDoc adds one document's tokens to the counter of group.
func (g *Grouped) AddDoc(group string, tokens []string) {
	g.Counter(group).AddDoc(tokens)
}

// AddDocIDs adds one document given as vocabulary ids to the counter of group (see
// Counter.AddDocIDs).
func (g *Grouped) AddDocIDs(group string, ids []uint32, vocab []string) {
	g.Counter(group).AddDocIDs(ids, vocab)
}

// Counter returns the Counter of group, creating it empty if needed.
func (g *Grouped) Counter(group string) *Counter {
	if g.groups == nil {
		g.groups = make(map[string]*Counter)
	}
	c, ok := g.groups[group]
	if !ok {
		c = NewCounter()
		g.groups[group] = c
	}
	return c
}

// Lookup returns the Counter of group and whether the group exists.
func (g *Grouped) Lookup(group string) (*Counter, bool) {
	c, ok := g.groups[group]
	return c, ok
}

// Merge adds other's counts into g, group by group. other is not modified.
func (g *Grouped) Merge(other *Grouped) {
	if other == nil {
		return
	}
	for name, oc := range other.groups {
		g.Counter(name).Merge(oc)
	}
}

// MergeIDs is Merge with Counter.MergeIDs: g and other fed with AddDocIDs and vocab.
func (g *Grouped) MergeIDs(other *Grouped, vocab []string) {
	if other == nil {
		return
	}
	for name, oc := range other.groups {
		g.Counter(name).MergeIDs(oc, vocab)
	}
}

// Groups returns the group names in CompareGroups order.
func (g *Grouped) Groups() []string {
	names := make([]string, 0, len(g.groups))
	for name := range g.groups {
		names = append(names, name)
	}
	slices.SortFunc(names, CompareGroups)
	return names
}

// GroupRows is the frequency list of one group.
type GroupRows struct {
	Group  string
	Tokens int64 // tokens in the group (the denominator of Per10k)
	Docs   int64 // documents in the group
	Rows   []Row
}

// Top returns, for every group in CompareGroups order, its n most frequent terms as
// Counter.Top does (ranks and rates are within the group).
func (g *Grouped) Top(n int) []GroupRows {
	names := g.Groups()
	out := make([]GroupRows, len(names))
	for i, name := range names {
		c := g.groups[name]
		out[i] = GroupRows{Group: name, Tokens: c.Tokens(), Docs: c.Docs(), Rows: c.Top(n)}
	}
	return out
}

// CompareGroups orders group names "naturally": runs of ASCII digits compare as numbers
// (so page "2" comes before page "10", and "1962-3" before "1962-11"), everything else
// compares byte by byte; the empty name (an unknown group: no date, no page) comes last.
// Names equal under that rule (e.g. "07" and "7") fall back to plain byte order, so the
// order is total and deterministic.
func CompareGroups(x, y string) int {
	switch {
	case x == y:
		return 0
	case x == "":
		return 1
	case y == "":
		return -1
	}
	if c := naturalCompare(x, y); c != 0 {
		return c
	}
	return strings.Compare(x, y)
}

func naturalCompare(x, y string) int {
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		if isDigit(x[i]) && isDigit(y[j]) {
			si, sj := i, j
			for i < len(x) && isDigit(x[i]) {
				i++
			}
			for j < len(y) && isDigit(y[j]) {
				j++
			}
			a := strings.TrimLeft(x[si:i], "0")
			b := strings.TrimLeft(y[sj:j], "0")
			if len(a) != len(b) {
				if len(a) < len(b) {
					return -1
				}
				return 1
			}
			if c := strings.Compare(a, b); c != 0 {
				return c
			}
			continue
		}
		if x[i] != y[j] {
			if x[i] < y[j] {
				return -1
			}
			return 1
		}
		i++
		j++
	}
	switch {
	case i < len(x):
		return 1
	case j < len(y):
		return -1
	}
	return 0
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// GroupDocs counts the groups as documents: each group is one document holding each of
// its terms once, so a term's document frequency is the number of groups using it (the
// document frequencies of 'baokan keywords --by', one document a period).
func (g *Grouped) GroupDocs() *Counter {
	df := NewCounter()
	var doc []string
	for _, name := range g.Groups() {
		c, _ := g.Lookup(name)
		doc = doc[:0]
		for t := range c.All() { // each term once; the order does not matter to a count
			doc = append(doc, t)
		}
		df.AddDoc(doc)
	}
	return df
}
