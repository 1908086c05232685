package timeline

import (
	"reflect"
	"testing"

	"github.com/baokan/baokan/corpus"
)

// TestAddTokensIsAdd: documents given with only the words a series counts and their
// number of kept words give the table Add gives with every word, whatever the series.
func TestAddTokensIsAdd(t *testing.T) {
	series := []Series{Total(Articles), Total(Tokens), Of(Term, "军"), Of(Term, "民"), Of(Person, "甲")}
	docs := []Doc{
		{Date: corpus.Date{Year: 1960, Month: 1, Day: 2}, Page: 1, Chars: 9, Words: []string{"军", "人", "军", "民"}, Persons: []string{"甲"}},
		{Date: corpus.Date{Year: 1960, Month: 5, Day: 2}, Page: 2, Chars: 4, Words: []string{"人", "人"}},
		{Date: corpus.Date{Year: 1962, Month: 5, Day: 2}, Page: 1, Chars: 3, Words: []string{"民"}},
		{Date: corpus.Date{Year: 1962, Month: 6, Day: 2}, Page: 3, Chars: 1},
		{Page: 1, Chars: 5, Words: []string{"军", "民"}}, // undated
	}
	for _, unit := range []Unit{Year, Month} {
		all, _ := New(unit, series)
		some, _ := New(unit, series)
		for _, d := range docs {
			all.Add(d)
			kept := d
			kept.Words = nil
			for _, w := range d.Words {
				if w == "军" || w == "民" {
					kept.Words = append(kept.Words, w)
				}
			}
			some.AddTokens(kept, len(d.Words))
		}
		if !reflect.DeepEqual(all.Table(), some.Table()) || all.Undated() != some.Undated() {
			t.Errorf("%v: AddTokens\n%+v\nAdd\n%+v", unit, some.Table(), all.Table())
		}
	}
}
