package corpus_test

import (
	"fmt"
	"time"

	"github.com/baokan/baokan/corpus"
)

// A subcorpus filter as the command line writes it: the Cultural Revolution years (from
// 1966-05 meaning its first day, to 1976 its last), the front page, titles naming 毛主席.
// Each article is checked by hand against the three conditions.
func ExampleParseFilter() {
	f, err := corpus.ParseFilter("from=1966-05,to=1976,page=1,title=毛主席")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.From, f.To, f.Page, f.Title)
	day := func(y int, m time.Month, d int) corpus.Date { return corpus.Date{Year: y, Month: m, Day: d} }
	for _, a := range []*corpus.Article{
		{Path: "kept", Date: day(1966, 8, 6), Page: 1, Title: "认真学习积极宣传毛主席的伟大指示"},
		{Path: "before May 1966", Date: day(1966, 4, 30), Page: 1, Title: "毛主席语录"},
		{Path: "page 4", Date: day(1966, 8, 3), Page: 4, Title: "毛主席万岁"},
		{Path: "last day kept", Date: day(1976, 12, 31), Page: 1, Kicker: "毛主席", Title: "社论"},
		{Path: "undated", Page: 1, Title: "毛主席"},
	} {
		fmt.Println(a.Path, f.Match(a))
	}
	// Output:
	// 1966-05-01 1976-12-31 1 毛主席
	// kept true
	// before May 1966 false
	// page 4 false
	// last day kept true
	// undated false
}
