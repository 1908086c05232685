package persons_test

import (
	"fmt"
	"time"

	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/corpus"
)

// The persons of a corpus, every RW list learned before any is resolved: 王洪文 stands
// alone only in the last article, yet it splits the first article's 王洪文康生 (resolved
// before learning, with no built-in names, it would be 王洪 + 文康生: see
// TestLearnResolvesAmbiguousSplit). 讲话 is an event and names no one. The tally counts
// 王洪文 in 2 articles (one on page 1), 康生 in 1.
func ExampleCollector() {
	day := func(y int, m time.Month, d int) corpus.Date { return corpus.Date{Year: y, Month: m, Day: d} }
	c := persons.NewCollector(persons.Options{NoBuiltinNames: true})
	for _, a := range []*corpus.Article{
		{Path: "a.TXT", Line: 1, Date: day(1966, 8, 1), Page: 1, RW: []string{"王洪文康生", "讲话"}},
		{Path: "b.TXT", Line: 1, Date: day(1966, 8, 2)}, // no RW list
		{Path: "c.TXT", Line: 1, Date: day(1967, 1, 5), Page: 2, RW: []string{"王洪文"}},
	} {
		c.Add(a)
	}
	corp := c.Resolve()
	for _, p := range corp.Articles {
		fmt.Println(p.N, p.Path, p.Persons)
	}
	fmt.Println("articles without persons:", corp.WithoutPersons())
	for _, s := range corp.Stats() {
		fmt.Println(s.Person, s.Articles, s.First, s.Last, s.FrontPage)
	}
	// Output:
	// 0 a.TXT [王洪文 康生]
	// 2 c.TXT [王洪文]
	// articles without persons: 1
	// 王洪文 2 1966-08-01 1967-01-05 1
	// 康生 1 1966-08-01 1966-08-01 1
}
