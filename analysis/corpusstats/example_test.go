package corpusstats_test

import (
	"fmt"
	"time"

	"github.com/baokan/baokan/analysis/corpusstats"
	"github.com/baokan/baokan/corpus"
)

// Three articles counted by year and by genre, with the counts and shares worked by hand:
// 1962 holds two articles (3 + 4 body characters), one is undated; the 消息 article counts
// once in each of its two genres, so genre shares add up to more than 1.
func Example() {
	s, err := corpusstats.New("year", "genre")
	if err != nil {
		fmt.Println(err)
		return
	}
	d := corpus.Date{Year: 1962, Month: time.October, Day: 29}
	for _, a := range []*corpus.Article{
		{Date: d, Body: []string{"第一段"}, Genres: []string{"消息", "图片"}, RW: []string{"毛泽东"}},
		{Date: d, Body: []string{"第二", "段落"}, Genres: []string{"消息"}},
		{Body: nil},
	} {
		s.Add(a, len(a.Body), a.BodyChars())
	}
	fmt.Println(s.Chars, s.WithBody, s.WithRW, s.First, s.Last)
	for _, by := range []string{"year", "genre"} {
		for _, g := range s.Breakdown(by, 3) {
			fmt.Println(by, g.Name, g.Articles, g.Chars, g.Share)
		}
	}
	// Output:
	// 7 2 1 1962-10-29 1962-10-29
	// year 1962 2 7 0.6667
	// year (none) 1 0 0.3333
	// genre 图片 1 3 0.3333
	// genre 消息 2 7 0.6667
	// genre (none) 1 0 0.3333
}
