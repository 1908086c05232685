package network

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/baokan/baokan/analysis/period"
	"github.com/baokan/baokan/corpus"
)

// SliceBy chooses the slices of a sliced network: the calendar periods of a unit (the
// periods of analysis/period: ByYear, ByDecade, or any other unit), or the papers (ByPaper).
type SliceBy struct {
	Unit  period.Unit // the period of each slice; 0 with Paper
	Paper bool        // one slice per paper (corpus.Article.Paper)
}

// The usual ways to slice.
var (
	ByYear   = SliceBy{Unit: period.Year}   // one network per calendar year, labelled "1962"
	ByDecade = SliceBy{Unit: period.Decade} // one network per decade 1960–1969, labelled "1960s"
	ByPaper  = SliceBy{Paper: true}         // one network per paper, labelled with its name
)

// ParseSliceBy parses "paper" or a unit of analysis/period: "day", "week", "month",
// "quarter", "year" or "decade".
func ParseSliceBy(s string) (SliceBy, error) {
	if s == "paper" {
		return ByPaper, nil
	}
	u, err := period.ParseUnit(s)
	if err != nil {
		return SliceBy{}, fmt.Errorf("network: slice by %q: want paper, %s", s, strings.Join(period.Units(), ", "))
	}
	return SliceBy{Unit: u}, nil
}

// String returns "paper" or the unit's name.
func (by SliceBy) String() string {
	if by.Paper {
		return "paper"
	}
	return by.Unit.String()
}

func (by SliceBy) valid() bool {
	if by.Paper {
		return by.Unit == 0
	}
	return by.Unit >= period.Day && by.Unit <= period.Decade
}

// A Slice is the network of the articles of one period or one paper.
type Slice struct {
	// Label names the period as analysis/period labels it ("1962", "1960s", "1962-10"), or
	// the paper.
	Label string
	// Start and End are the first and last day of the period, inclusive; zero for a paper.
	Start, End corpus.Date
	Network    *Network
}

// sliceKey orders the slices: by period index, or by paper name.
type sliceKey struct {
	index int
	paper string
}

// A SliceBuilder counts articles into one Builder per period (or paper), given one at a
// time. Every slice's probabilities are relative to the articles of that slice. Articles
// without a date (by period) or without a paper (by paper) belong to no slice and are only
// counted (Undated). It is not safe for concurrent use.
type SliceBuilder struct {
	by       SliceBy
	builders map[sliceKey]*Builder
	undated  int
}

// NewSliceBuilder returns an empty SliceBuilder.
func NewSliceBuilder(by SliceBy) (*SliceBuilder, error) {
	if !by.valid() {
		return nil, fmt.Errorf("network: invalid slicing %+v", by)
	}
	return &SliceBuilder{by: by, builders: make(map[sliceKey]*Builder)}, nil
}

// Add counts one article in the slice of its date (or paper).
func (s *SliceBuilder) Add(d Doc) {
	var key sliceKey
	switch {
	case s.by.Paper && d.Paper == "", !s.by.Paper && d.Date.IsZero():
		s.undated++
		return
	case s.by.Paper:
		key.paper = d.Paper
	default:
		key.index = s.by.Unit.Of(d.Date).Index
	}
	b := s.builders[key]
	if b == nil {
		b = NewBuilder()
		s.builders[key] = b
	}
	b.Add(d)
}

// Undated returns the number of articles left out: without a valid date when sliced by
// period, without a paper when sliced by paper.
func (s *SliceBuilder) Undated() int { return s.undated }

// Merge adds the counts of other, a SliceBuilder of the same SliceBy fed with other
// articles, to s, slice by slice (see Builder.Merge). other is not modified.
func (s *SliceBuilder) Merge(other *SliceBuilder) error {
	if other.by != s.by {
		return fmt.Errorf("network: cannot merge slices by %v into slices by %v", other.by, s.by)
	}
	s.undated += other.undated
	for k, ob := range other.builders {
		b := s.builders[k]
		if b == nil {
			b = NewBuilder()
			s.builders[k] = b
		}
		b.Merge(ob)
	}
	return nil
}

// Slices builds the network of every period (or paper) with at least one article, in time
// order (papers in Unicode order), each with the same opts (Top and MinWeight apply within each slice). Slices are built in
// parallel; each is computed as Builder.Network computes it, so the result does not depend
// on the number of cores.
func (s *SliceBuilder) Slices(opts Options) ([]Slice, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	years := make([]sliceKey, 0, len(s.builders))
	for k := range s.builders {
		years = append(years, k)
	}
	slices.SortFunc(years, func(a, b sliceKey) int {
		if a.index != b.index {
			return cmp.Compare(a.index, b.index)
		}
		return strings.Compare(a.paper, b.paper)
	})
	out := make([]Slice, len(years))
	for i, k := range years {
		if s.by.Paper {
			out[i] = Slice{Label: k.paper}
			continue
		}
		p := period.Period{Unit: s.by.Unit, Index: k.index}
		out[i] = Slice{Label: p.String(), Start: p.Start(), End: p.End()}
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

// BuildSlices counts docs into slices by period (or paper) and returns their networks in time
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
