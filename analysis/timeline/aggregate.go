package timeline

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/corpus"
)

// Doc is what an Aggregator needs of one article. Words are the article's kept words (nil
// when no series needs them); Persons, Topics and Genres its resolved persons, GJ topics
// and TC genres (a value listed twice counts once). Concepts are the matches of the
// Concept series' categories and Indexes whether the article matches the Index series'
// expressions, each in the order of those series (nil when there are none).
type Doc struct {
	Date    corpus.Date
	Page    int
	Chars   int
	Words   []string
	Persons []string
	Topics  []string
	Genres  []string
	Paper   string

	Concepts []int
	Indexes  []bool
}

// DocOf returns the Doc of an article: its date, page, body characters, topics, genres and paper,
// with the words and persons the caller found.
func DocOf(a *corpus.Article, words, persons []string) Doc {
	return Doc{Date: a.Date, Page: a.Page, Chars: a.BodyChars(), Words: words, Persons: persons,
		Topics: a.Topics, Genres: a.Genres, Paper: a.Paper}
}

// Aggregator counts series by period. Add documents in any order, on one goroutine; merge
// aggregators filled on other goroutines with Merge. The zero Aggregator is not usable: see
// New.
type Aggregator struct {
	unit    Unit
	series  []Series
	periods map[int]*bucket
	undated int

	coverFrom, coverTo corpus.Date // periods Table lists at least (see Cover)

	// series indexes by what triggers them
	totals                  []int
	terms                   map[string][]int
	regexes                 []int
	matches                 []map[string]bool // per regex series: word → match, so each word is matched once
	persons, topics, genres map[string][]int
	papers                  map[string][]int
	concepts, indexes       []int // the Concept and Index series, in order

	hit  []bool // per series: occurs in the article being added
	hits []int  // the series set in hit
}

// bucket holds one period's counts; the slices are per series.
type bucket struct {
	totals                 Totals
	count, docs, docsFront []int
}

// New returns an Aggregator of the series by unit. A value asked twice in series of the
// same kind is an error (it would be counted twice over).
func New(unit Unit, series []Series) (*Aggregator, error) {
	if unit < Day || unit > Decade {
		return nil, fmt.Errorf("timeline: invalid unit %d", int(unit))
	}
	a := &Aggregator{unit: unit, series: slices.Clone(series), periods: map[int]*bucket{},
		terms: map[string][]int{}, persons: map[string][]int{}, topics: map[string][]int{},
		genres: map[string][]int{}, papers: map[string][]int{}, hit: make([]bool, len(series))}
	seen := map[string]bool{}
	for i, s := range series {
		if err := s.check(); err != nil {
			return nil, err
		}
		if seen[s.Name()] {
			return nil, fmt.Errorf("timeline: series %s asked twice", s.Name())
		}
		seen[s.Name()] = true
		switch s.Kind {
		case Articles, Chars, Tokens:
			a.totals = append(a.totals, i)
		case Term:
			a.terms[s.Value] = append(a.terms[s.Value], i)
		case TermRegex:
			a.regexes = append(a.regexes, i)
			a.matches = append(a.matches, map[string]bool{})
		case Person:
			a.persons[s.Value] = append(a.persons[s.Value], i)
		case Topic:
			a.topics[s.Value] = append(a.topics[s.Value], i)
		case Genre:
			a.genres[s.Value] = append(a.genres[s.Value], i)
		case Paper:
			a.papers[s.Value] = append(a.papers[s.Value], i)
		case Concept:
			a.concepts = append(a.concepts, i)
		case Index:
			a.indexes = append(a.indexes, i)
		}
	}
	return a, nil
}

// Series returns the aggregator's series, in the order given to New.
func (a *Aggregator) Series() []Series { return slices.Clone(a.series) }

// Unit returns the aggregator's unit.
func (a *Aggregator) Unit() Unit { return a.unit }

// Undated returns the number of documents added without a valid date (in no period).
func (a *Aggregator) Undated() int { return a.undated }

// Add counts one document in its period; a document without a valid date is counted in
// Undated only. It allocates nothing per word but the first time a regex series meets a
// word.
func (a *Aggregator) Add(d Doc) {
	if d.Date.IsZero() {
		a.undated++
		return
	}
	b := a.bucket(a.unit.Of(d.Date).Index)
	b.totals.Articles++
	front := d.Page == 1
	if front {
		b.totals.FrontPage++
	}
	b.totals.Chars += d.Chars
	b.totals.Tokens += len(d.Words)
	for _, i := range a.totals {
		var n int
		switch a.series[i].Kind {
		case Articles:
			n = 1
		case Chars:
			n = d.Chars
		case Tokens:
			n = len(d.Words)
		}
		b.count[i] += n
		if n > 0 {
			a.mark(i)
		}
	}
	if len(a.terms) > 0 || len(a.regexes) > 0 {
		for _, w := range d.Words {
			for _, i := range a.terms[w] {
				b.count[i]++
				a.mark(i)
			}
			for j, i := range a.regexes {
				m, ok := a.matches[j][w]
				if !ok {
					m = a.series[i].re.MatchString(w)
					a.matches[j][w] = m
				}
				if m {
					b.count[i]++
					a.mark(i)
				}
			}
		}
	}
	a.markArticles(b, a.persons, d.Persons)
	a.markArticles(b, a.topics, d.Topics)
	a.markArticles(b, a.genres, d.Genres)
	for _, i := range a.papers[d.Paper] {
		if !a.hit[i] {
			b.count[i]++
			a.mark(i)
		}
	}
	for j, i := range a.concepts {
		if j < len(d.Concepts) && d.Concepts[j] > 0 {
			b.count[i] += d.Concepts[j]
			a.mark(i)
		}
	}
	for j, i := range a.indexes {
		if j < len(d.Indexes) && d.Indexes[j] {
			b.count[i]++
			a.mark(i)
		}
	}
	for _, i := range a.hits {
		b.docs[i]++
		if front {
			b.docsFront[i]++
		}
		a.hit[i] = false
	}
	a.hits = a.hits[:0]
}

// markArticles counts the article once in each series whose value is among values.
func (a *Aggregator) markArticles(b *bucket, series map[string][]int, values []string) {
	if len(series) == 0 {
		return
	}
	for _, v := range values {
		for _, i := range series[v] {
			if !a.hit[i] {
				b.count[i]++
				a.mark(i)
			}
		}
	}
}

func (a *Aggregator) mark(i int) {
	if !a.hit[i] {
		a.hit[i] = true
		a.hits = append(a.hits, i)
	}
}

func (a *Aggregator) bucket(index int) *bucket {
	b := a.periods[index]
	if b == nil {
		n := len(a.series)
		b = &bucket{count: make([]int, n), docs: make([]int, n), docsFront: make([]int, n)}
		a.periods[index] = b
	}
	return b
}

// Merge adds the counts of o, an aggregator of the same unit and series, to a.
func (a *Aggregator) Merge(o *Aggregator) error {
	if o.unit != a.unit || !slices.EqualFunc(a.series, o.series, func(x, y Series) bool { return x.Name() == y.Name() }) {
		return fmt.Errorf("timeline: cannot merge aggregators of different units or series")
	}
	a.undated += o.undated
	for index, ob := range o.periods {
		b := a.bucket(index)
		b.totals.Articles += ob.totals.Articles
		b.totals.FrontPage += ob.totals.FrontPage
		b.totals.Chars += ob.totals.Chars
		b.totals.Tokens += ob.totals.Tokens
		for i := range a.series {
			b.count[i] += ob.count[i]
			b.docs[i] += ob.docs[i]
			b.docsFront[i] += ob.docsFront[i]
		}
	}
	return nil
}

// Totals are a period's totals: articles, those on page 1, body characters, kept words.
type Totals struct {
	Articles, FrontPage, Chars, Tokens int
}

// Point is one series in one period.
type Point struct {
	Count          int // occurrences (Term, TermRegex), matches (Concept), articles (Person, Topic, Genre, Index), or the total itself
	Total          int // the period's tokens (Term, TermRegex, Tokens, Concept), characters (Chars) or articles (the others)
	Articles       int // the period's articles where the series occurs
	FrontPage      int // of those, the ones on page 1
	PeriodArticles int // the period's articles
}

// Per10k returns Count × 10,000 / Total (NaN when Total is 0).
func (p Point) Per10k() float64 { return ratio(10000*float64(p.Count), p.Total) }

// Share returns Articles / PeriodArticles: the share of the period's articles where the
// series occurs (NaN when the period has no article).
func (p Point) Share() float64 { return ratio(float64(p.Articles), p.PeriodArticles) }

// FrontPageShare returns FrontPage / Articles: of the articles where the series occurs,
// the share on page 1 (NaN when it occurs in none).
func (p Point) FrontPageShare() float64 { return ratio(float64(p.FrontPage), p.Articles) }

func ratio(x float64, n int) float64 {
	if n == 0 {
		return math.NaN()
	}
	return x / float64(n)
}

// Table is the aggregation's result: every period from the first to the last that holds
// a document, in order, empty periods included.
type Table struct {
	Unit    Unit
	Series  []Series
	Periods []Period
	Totals  []Totals  // per period
	Points  [][]Point // [series][period]
}

// Cover makes Table list at least the periods from the one holding from to the one holding
// to (a zero Date leaves that end to the documents), empty ones included: a timeline asked
// for a range shows all of it, not just the periods from its first document to its last.
func (a *Aggregator) Cover(from, to corpus.Date) { a.coverFrom, a.coverTo = from, to }

// Absent returns the series (but the totals) that no document added so far holds.
func (a *Aggregator) Absent() []Series {
	var out []Series
	for i, s := range a.series {
		if s.Kind.Total() {
			continue
		}
		found := false
		for _, b := range a.periods {
			if b.docs[i] > 0 {
				found = true
				break
			}
		}
		if !found {
			out = append(out, s)
		}
	}
	return out
}

// Table returns the counts, every period filled (no period when no document was dated),
// over at least the range given to Cover.
func (a *Aggregator) Table() *Table {
	t := &Table{Unit: a.unit, Series: slices.Clone(a.series), Points: make([][]Point, len(a.series))}
	if len(a.periods) == 0 && !a.coverFrom.IsZero() && !a.coverTo.IsZero() &&
		a.coverFrom.Compare(a.coverTo) <= 0 {
		// Nothing dated in the range asked: every period of it, empty.
		a.bucket(a.unit.Of(a.coverFrom).Index)
		defer delete(a.periods, a.unit.Of(a.coverFrom).Index)
	}
	if len(a.periods) == 0 {
		return t
	}
	indexes := slices.Sorted(maps.Keys(a.periods))
	first, last := indexes[0], indexes[len(indexes)-1]
	if !a.coverFrom.IsZero() {
		first = min(first, a.unit.Of(a.coverFrom).Index)
	}
	if !a.coverTo.IsZero() {
		last = max(last, a.unit.Of(a.coverTo).Index)
	}
	t.Periods = Range(Period{Unit: a.unit, Index: first}, Period{Unit: a.unit, Index: last})
	t.Totals = make([]Totals, len(t.Periods))
	for i := range a.series {
		t.Points[i] = make([]Point, len(t.Periods))
	}
	for pi, p := range t.Periods {
		b := a.periods[p.Index]
		if b == nil {
			continue
		}
		t.Totals[pi] = b.totals
		for i, s := range a.series {
			t.Points[i][pi] = Point{Count: b.count[i], Total: b.totals.of(s.Kind), Articles: b.docs[i],
				FrontPage: b.docsFront[i], PeriodArticles: b.totals.Articles}
		}
	}
	return t
}

// of returns the total a series of kind k is measured against.
func (t Totals) of(k Kind) int {
	switch k {
	case Chars:
		return t.Chars
	case Tokens, Term, TermRegex, Concept:
		return t.Tokens
	}
	return t.Articles
}

// Bursts runs the burst model over every series but the totals, with r_t = the series'
// count and d_t = its total in period t (see package burst); the totals get none. The
// result is indexed by series.
func (t *Table) Bursts(m burst.Model) ([][]burst.Burst, error) {
	out := make([][]burst.Burst, len(t.Series))
	for i, s := range t.Series {
		if s.Kind.Total() {
			continue
		}
		r, d := make([]int, len(t.Periods)), make([]int, len(t.Periods))
		for pi, p := range t.Points[i] {
			r[pi], d[pi] = p.Count, p.Total
		}
		b, err := m.Bursts(r, d)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Name(), err)
		}
		out[i] = b
	}
	return out, nil
}

// Levels returns the burst level of each of n periods (0 outside every burst).
func Levels(bursts []burst.Burst, n int) []int {
	levels := make([]int, n)
	for _, b := range bursts {
		for t := b.Start; t <= b.End && t < n; t++ {
			levels[t] = b.Level
		}
	}
	return levels
}

// MovingAverage returns the trailing moving average of values over windows of n periods:
// out[t] = the mean of values[t−n+1..t] (fewer at the start), NaN values left out of the
// mean, NaN where the window holds none. n = 1 returns a copy.
func MovingAverage(values []float64, n int) []float64 {
	out := make([]float64, len(values))
	for t := range values {
		sum, k := 0.0, 0
		for j := max(0, t-n+1); j <= t; j++ {
			if !math.IsNaN(values[j]) {
				sum += values[j]
				k++
			}
		}
		out[t] = math.NaN()
		if k > 0 {
			out[t] = sum / float64(k)
		}
	}
	return out
}
