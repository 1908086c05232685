package timeline

import (
	"testing"
	"time"

	"github.com/baokan/baokan/corpus"
)

func TestCoverAndAbsent(t *testing.T) {
	agg, err := New(Month, []Series{Total(Articles), Of(Person, "毛泽东"), Of(Person, "周恩来")})
	if err != nil {
		t.Fatal(err)
	}
	agg.Add(Doc{Date: corpus.Date{Year: 1962, Month: time.October, Day: 29}, Persons: []string{"周恩来"}})
	// Without Cover: the one month with a document.
	if got := len(agg.Table().Periods); got != 1 {
		t.Errorf("periods %d, want 1", got)
	}
	// Cover 1962-08..1963-01: six months, counted by hand: Aug Sep Oct Nov Dec Jan.
	agg.Cover(corpus.Date{Year: 1962, Month: time.August, Day: 1}, corpus.Date{Year: 1963, Month: time.January, Day: 31})
	tab := agg.Table()
	var labels []string
	for _, p := range tab.Periods {
		labels = append(labels, p.String())
	}
	if want := "1962-08 1962-09 1962-10 1962-11 1962-12 1963-01"; joinSpace(labels) != want {
		t.Errorf("periods %s, want %s", joinSpace(labels), want)
	}
	if tab.Points[2][2].Count != 1 || tab.Points[2][0].Count != 0 {
		t.Errorf("周恩来 counts %v", tab.Points[2])
	}
	absent := agg.Absent()
	if len(absent) != 1 || absent[0].Name() != "person:毛泽东" {
		t.Errorf("absent %v, want person:毛泽东 alone", absent)
	}

	// Nothing dated in the range: every period of it, empty.
	empty, _ := New(Year, []Series{Total(Articles)})
	empty.Cover(corpus.Date{Year: 1960, Month: 1, Day: 1}, corpus.Date{Year: 1962, Month: 12, Day: 31})
	if got := len(empty.Table().Periods); got != 3 {
		t.Errorf("empty range: %d periods, want 3", got)
	}
	if got := len(empty.Table().Periods); got != 3 {
		t.Errorf("empty range, second Table: %d periods, want 3 (Table must not keep state)", got)
	}
}

func joinSpace(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
