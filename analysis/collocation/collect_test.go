package collocation

import (
	"fmt"
	"strings"
)

// The company of 美国 in two articles of two decades, with every word kept but the comma.
func ExampleCollector() {
	c := NewCollector(Span{Left: 1, Right: 1}, func(w string) bool { return w != "，" })
	arts := []struct {
		decade string
		text   string
		hits   []Hit
	}{
		{"1960s", "反对 美国 帝国主义 ， 支持 古巴", []Hit{{1, 2}}},
		{"1980s", "中国 和 美国 建交", []Hit{{2, 3}}},
		{"1980s", "没有 那个 词", nil},
	}
	for _, a := range arts {
		c.Add([]string{a.decade}, strings.Fields(a.text), nil, nil, a.hits)
	}
	fmt.Println(c.Hits, "hits in", c.Articles, "articles")
	for _, g := range c.Groups(nil) {
		for _, r := range g.Counts.Rows(g.Vocab, 1, ByCount) {
			fmt.Println(g.Name, r.Term, r.Count)
		}
	}
	// Output:
	// 2 hits in 2 articles
	// 1960s 反对 1
	// 1960s 帝国主义 1
	// 1980s 和 1
	// 1980s 建交 1
}
