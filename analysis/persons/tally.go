package persons

import (
	"cmp"
	"slices"

	"github.com/baokan/baokan/corpus"
)

// PersonStats summarises one person over a corpus: one row of baokan persons --summary.
type PersonStats struct {
	Person    string
	Articles  int         // articles whose persons include Person
	First     corpus.Date // earliest dated such article (zero if none is dated)
	Last      corpus.Date // latest dated such article
	FrontPage int         // such articles on page 1
}

// Tally counts persons over articles. The zero Tally is ready to use; it is not safe
// for concurrent use.
type Tally struct {
	stats map[string]*PersonStats
}

// Add counts one article: its persons (each counted once however often listed), its date
// (the zero Date leaves First and Last alone) and its page.
func (t *Tally) Add(persons []string, date corpus.Date, page int) {
	if t.stats == nil {
		t.stats = make(map[string]*PersonStats)
	}
	for i, p := range persons {
		if slices.Contains(persons[:i], p) {
			continue
		}
		s := t.stats[p]
		if s == nil {
			s = &PersonStats{Person: p}
			t.stats[p] = s
		}
		s.Articles++
		if page == 1 {
			s.FrontPage++
		}
		if !date.IsZero() {
			if s.First.IsZero() || date.Compare(s.First) < 0 {
				s.First = date
			}
			if s.Last.IsZero() || date.Compare(s.Last) > 0 {
				s.Last = date
			}
		}
	}
}

// Stats returns one row per person, most articles first; ties in Unicode order of the
// name, so the order does not depend on the order articles were added in.
func (t *Tally) Stats() []PersonStats {
	out := make([]PersonStats, 0, len(t.stats))
	for _, s := range t.stats {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b PersonStats) int {
		if c := cmp.Compare(b.Articles, a.Articles); c != 0 {
			return c
		}
		return cmp.Compare(a.Person, b.Person)
	})
	return out
}
