package timelinetable_test

import (
	"fmt"
	"os"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
	"github.com/baokan/baokan/reports/timelinetable"
)

// A timeline by year of three articles, written as `baokan timeline --by year --person
// 赫鲁晓夫 --value share --smooth 2` writes it. By hand: 1962 has 2 articles, one naming
// 赫鲁晓夫 on page 1 (share 0.5, per 10,000 articles 5,000, front-page share 1); 1963 has
// one, naming him on page 3 (share 1, front-page share 0); the 2-period moving average of
// his share is 0.5, then (0.5 + 1)/2 = 0.75.
func Example() {
	agg, err := timeline.New(timeline.Year, []timeline.Series{
		timeline.Total(timeline.Articles), timeline.Of(timeline.Person, "赫鲁晓夫")})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range []timeline.Doc{
		{Date: corpus.Date{Year: 1962, Month: 10, Day: 28}, Page: 1, Persons: []string{"赫鲁晓夫", "肯尼迪"}},
		{Date: corpus.Date{Year: 1962, Month: 11, Day: 2}, Page: 4},
		{Date: corpus.Date{Year: 1963, Month: 4, Day: 1}, Page: 3, Persons: []string{"赫鲁晓夫"}},
	} {
		agg.Add(d)
	}
	tab := agg.Table()
	o := timelinetable.Options{Value: "share", Smooth: 2}
	out := reports.NewWriter(os.Stdout, reports.FormatCSV, o.Columns())
	if err := o.WritePeriods(out, tab, make([][]burst.Burst, len(tab.Series))); err != nil {
		fmt.Println(err)
	}
	if err := out.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// period,series,count,total,per_10k,share,front_page_share,burst,smoothed
	// 1962,articles,2,2,,1,0.5,,1
	// 1962,person:赫鲁晓夫,1,2,5000,0.5,1,,0.5
	// 1963,articles,1,1,,1,0,,1
	// 1963,person:赫鲁晓夫,1,1,10000,1,0,,0.75
}
