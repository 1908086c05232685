package network

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/baokan/baokan/corpus"
)

// SliceBy chooses the time slices of a sliced network.
type SliceBy int

const (
	ByYear   SliceBy = iota + 1 // one network per calendar year, labelled "1962"
	ByDecade                    // one network per decade 1960–1969, labelled "1960s"
)

// ParseSliceBy parses "year" or "decade".
func ParseSliceBy(s string) (SliceBy, error) {
	switch s {
	case "year":
		return ByYear, nil
	case "decade":
		return ByDecade, nil
	}
	return 0, fmt.Errorf("network: slice by %q: want year or decade", s)
}

// String returns "year" or "decade".
func (by SliceBy) String() string {
	switch by {
	case ByYear:
		return "year"
	case ByDecade:
		return "decade"
	}
	return "SliceBy(" + strconv.Itoa(int(by)) + ")"
}

// A Slice is the network of the articles of one period.
type Slice struct {
	Label      string      // "1962" or "1960s"
	Start, End corpus.Date // first and last day of the period, inclusive
	Network    *Network
}

// A SliceBuilder counts articles into one Builder per period, given one at a time. Every
// slice's probabilities are relative to the articles of that slice. Undated articles
// belong to no slice and are only counted (Undated). It is not safe for concurrent use.
type SliceBuilder struct {
	by       SliceBy
	builders map[int]*Builder // by first year of the period
	undated  int
}

// NewSliceBuilder returns an empty SliceBuilder.
func NewSliceBuilder(by SliceBy) (*SliceBuilder, error) {
	if by != ByYear && by != ByDecade {
		return nil, fmt.Errorf("network: invalid %v", by)
	}
	return &SliceBuilder{by: by, builders: make(map[int]*Builder)}, nil
}

// Add counts one article in the slice of its date.
func (s *SliceBuilder) Add(d Doc) {
	if d.Date.IsZero() {
		s.undated++
		return
	}
	y := d.Date.Year
	if s.by == ByDecade {
		y -= ((y % 10) + 10) % 10
	}
	b := s.builders[y]
	if b == nil {
		b = NewBuilder()
		s.builders[y] = b
	}
	b.Add(d)
}

// Undated returns the number of articles left out for want of a date.
func (s *SliceBuilder) Undated() int { return s.undated }

// Merge adds the counts of other, a SliceBuilder of the same SliceBy fed with other
// articles, to s, slice by slice (see Builder.Merge). other is not modified.
func (s *SliceBuilder) Merge(other *SliceBuilder) error {
	if other.by != s.by {
		return fmt.Errorf("network: cannot merge slices by %v into slices by %v", other.by, s.by)
	}
	s.undated += other.undated
	for y, ob := range other.builders {
		b := s.builders[y]
		if b == nil {
			b = NewBuilder()
			s.builders[y] = b
		}
		b.Merge(ob)
	}
	return nil
}

// Slices builds the network of every period with at least one article, in time order,
// each with the same opts (Top and MinWeight apply within each slice). Slices are built in
// parallel; each is computed as Builder.Network computes it, so the result does not depend
// on the number of cores.
func (s *SliceBuilder) Slices(opts Options) ([]Slice, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	years := make([]int, 0, len(s.builders))
	for y := range s.builders {
		years = append(years, y)
	}
	slices.Sort(years)
	out := make([]Slice, len(years))
	for i, y := range years {
		span := 1
		label := strconv.Itoa(y)
		if s.by == ByDecade {
			span = 10
			label += "s"
		}
		out[i] = Slice{
			Label: label,
			Start: corpus.Date{Year: y, Month: time.January, Day: 1},
			End:   corpus.Date{Year: y + span - 1, Month: time.December, Day: 31},
		}
	}
	errs := make([]error, len(years))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(opts.workers(), max(1, len(years))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				out[i].Network, errs[i] = s.builders[years[i]].Network(opts)
			}
		}()
	}
	for i := range years {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// BuildSlices counts docs into slices by period and returns their networks in time
// order, with the number of undated docs left out.
func BuildSlices(docs []Doc, by SliceBy, opts Options) ([]Slice, int, error) {
	s, err := NewSliceBuilder(by)
	if err != nil {
		return nil, 0, err
	}
	for _, d := range docs {
		s.Add(d)
	}
	sl, err := s.Slices(opts)
	return sl, s.Undated(), err
}
