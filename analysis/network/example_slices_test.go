package network_test

import (
	"fmt"
	"time"

	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/corpus"
)

// One network per decade and one per paper. The counts were made by hand from the five
// articles: the 1960s hold articles 1, 2 and 4 (N = 3; 甲 and 乙 together twice), the
// 1970s article 3 (N = 1; 甲 alone, no edge); article 5 has no date. The People's Daily
// holds articles 1, 3 and 5 (乙–甲 once, 丙–乙 once), the PLA Daily 2 and 4. Edges are
// printed Source–Target in Unicode order (丙 U+4E19 < 乙 U+4E59 < 甲 U+7532).
func ExampleSliceBuilder() {
	day := func(y int, m time.Month, d int) corpus.Date { return corpus.Date{Year: y, Month: m, Day: d} }
	docs := []network.Doc{
		{Date: day(1962, 10, 29), Paper: "人民日报", Persons: []string{"甲", "乙"}},
		{Date: day(1965, 3, 1), Paper: "解放军报", Persons: []string{"甲", "乙"}},
		{Date: day(1971, 1, 1), Paper: "人民日报", Persons: []string{"甲"}},
		{Date: day(1966, 5, 16), Paper: "解放军报"}, // no persons: counts in N only
		{Paper: "人民日报", Persons: []string{"乙", "丙"}},
	}
	for _, by := range []network.SliceBy{network.ByDecade, network.ByPaper} {
		slices, left, err := network.BuildSlices(docs, by, network.Options{Seed: 1})
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, s := range slices {
			fmt.Printf("%s", s.Label)
			if !by.Paper {
				fmt.Printf(" (%s – %s)", s.Start, s.End)
			}
			fmt.Printf(" N=%d", s.Network.Articles)
			for _, e := range s.Network.Edges {
				fmt.Printf(" %s–%s:%d", e.Source, e.Target, e.Weight)
			}
			fmt.Println()
		}
		fmt.Println("by", by, "left out:", left)
	}
	// Output:
	// 1960s (1960-01-01 – 1969-12-31) N=3 乙–甲:2
	// 1970s (1970-01-01 – 1979-12-31) N=1
	// by decade left out: 1
	// 人民日报 N=3 丙–乙:1 乙–甲:1
	// 解放军报 N=2 乙–甲:1
	// by paper left out: 0
}
