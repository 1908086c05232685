package timeline

import (
	"testing"

	"github.com/baokan/baokan/corpus"
)

// Concept and Index series, worked by hand: in 1962, article 1 (3 words, page 1) has 2
// matches of a and matches the index, article 2 (5 words) 3 matches of b; an undated one
// counts nowhere. a: count 2, total 8 words, 1 article (share 1/2, front page 1/1); b: count
// 3, 1 article; index: count 1 of 2 articles.
func TestConceptAndIndexSeries(t *testing.T) {
	series := []Series{Of(Concept, "a"), Of(Concept, "b"), Of(Index, "a AND NOT b")}
	agg, err := New(Year, series)
	if err != nil {
		t.Fatal(err)
	}
	d62 := corpus.Date{Year: 1962, Month: 10, Day: 29}
	agg.Add(Doc{Date: d62, Page: 1, Words: []string{"x", "y", "z"}, Concepts: []int{2, 0}, Indexes: []bool{true}})
	agg.Add(Doc{Date: d62, Page: 3, Words: []string{"x", "y", "z", "u", "v"}, Concepts: []int{0, 3}, Indexes: []bool{false}})
	agg.Add(Doc{Words: []string{"x"}, Concepts: []int{9, 9}, Indexes: []bool{true}})
	tab := agg.Table()
	if len(tab.Periods) != 1 || agg.Undated() != 1 {
		t.Fatalf("periods %v, undated %d", tab.Periods, agg.Undated())
	}
	want := []Point{
		{Count: 2, Total: 8, Articles: 1, FrontPage: 1, PeriodArticles: 2},
		{Count: 3, Total: 8, Articles: 1, FrontPage: 0, PeriodArticles: 2},
		{Count: 1, Total: 2, Articles: 1, FrontPage: 1, PeriodArticles: 2},
	}
	for i, w := range want {
		if got := tab.Points[i][0]; got != w {
			t.Errorf("%s: %+v, want %+v", series[i].Name(), got, w)
		}
	}
	if got := series[2].Name(); got != "index:a AND NOT b" {
		t.Errorf("name %q", got)
	}
}
