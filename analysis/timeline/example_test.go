package timeline_test

import (
	"fmt"

	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/corpus"
)

func Example() {
	agg, err := timeline.New(timeline.Quarter, []timeline.Series{
		timeline.Total(timeline.Articles), timeline.Of(timeline.Person, "赫鲁晓夫")})
	if err != nil {
		panic(err)
	}
	for _, d := range []timeline.Doc{
		{Date: corpus.Date{Year: 1962, Month: 10, Day: 28}, Page: 1, Persons: []string{"赫鲁晓夫", "肯尼迪"}},
		{Date: corpus.Date{Year: 1962, Month: 11, Day: 2}, Page: 4},
		{Date: corpus.Date{Year: 1963, Month: 4, Day: 1}, Page: 3, Persons: []string{"赫鲁晓夫"}},
	} {
		agg.Add(d)
	}
	tab := agg.Table()
	for i, s := range tab.Series {
		for pi, p := range tab.Points[i] {
			fmt.Printf("%s %s count=%d total=%d share=%.2f\n", tab.Periods[pi], s.Name(), p.Count, p.Total, p.Share())
		}
	}
	// Output:
	// 1962-Q4 articles count=2 total=2 share=1.00
	// 1963-Q1 articles count=0 total=0 share=NaN
	// 1963-Q2 articles count=1 total=1 share=1.00
	// 1962-Q4 person:赫鲁晓夫 count=1 total=2 share=0.50
	// 1963-Q1 person:赫鲁晓夫 count=0 total=0 share=NaN
	// 1963-Q2 person:赫鲁晓夫 count=1 total=1 share=1.00
}
