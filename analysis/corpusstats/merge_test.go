package corpusstats

import (
	"reflect"
	"testing"
	"time"

	"github.com/baokan/baokan/corpus"
)

// Merging the counts of two runs of articles gives what counting them all in one Stats
// gives (the independent method: one Stats over the whole list).
func TestMergeEqualsOnePass(t *testing.T) {
	d1 := corpus.Date{Year: 1962, Month: time.October, Day: 29}
	d2 := corpus.Date{Year: 1958, Month: time.May, Day: 3}
	articles := []*corpus.Article{
		{Date: d1, Body: []string{"第一段"}, Genres: []string{"消息", "图片"}, RW: []string{"毛泽东"}, Page: 1},
		{Date: d2, Body: []string{"第二", "段落"}, Genres: []string{"消息"}, Authors: []string{"新华社"}},
		{Body: nil, Page: 4},
	}
	by := []string{"year", "month", "page", "genre"}
	whole, _ := New(by...)
	for _, a := range articles {
		whole.Add(a, len(a.Body), a.BodyChars())
	}
	for split := 0; split <= len(articles); split++ {
		first, _ := New(by...)
		second, _ := New(by...)
		for i, a := range articles {
			s := first
			if i >= split {
				s = second
			}
			s.Add(a, len(a.Body), a.BodyChars())
		}
		first.Merge(second)
		if !reflect.DeepEqual(first, whole) {
			t.Errorf("split at %d: merged %+v, one pass %+v", split, first, whole)
		}
	}
	if whole.Articles != 3 || whole.First != d2 || whole.Last != d1 {
		t.Errorf("articles %d, first %v, last %v; want 3, %v, %v", whole.Articles, whole.First, whole.Last, d2, d1)
	}
}
