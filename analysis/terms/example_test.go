package terms_test

import (
	"fmt"

	"github.com/baokan/baokan/analysis/terms"
)

// One Counter per worker, merged at the end: the frequency list is the same whatever the
// number of workers.
func ExampleCounter_Merge() {
	docs := [][]string{{"军队", "人民", "军队"}, {"人民", "团结"}, {"军队"}}
	workers := make([]terms.Counter, 2)
	for i, d := range docs {
		workers[i%2].AddDoc(d)
	}
	var all terms.Counter
	for i := range workers {
		all.Merge(&workers[i])
	}
	fmt.Println("tokens", all.Tokens(), "docs", all.Docs())
	for _, r := range all.Top(0) {
		fmt.Printf("%s count=%d docs=%d per_10k=%.1f rank=%d\n", r.Term, r.Count, r.Docs, r.Per10k, r.Rank)
	}
	// Output:
	// tokens 6 docs 3
	// 军队 count=3 docs=2 per_10k=5000.0 rank=1
	// 人民 count=2 docs=2 per_10k=3333.3 rank=2
	// 团结 count=1 docs=1 per_10k=1666.7 rank=3
}

func ExampleGrouped() {
	var byPage terms.Grouped
	byPage.AddDoc("10", []string{"导弹"})
	byPage.AddDoc("2", []string{"生产", "生产", "导弹"})
	byPage.AddDoc("", []string{"生产"}) // page unknown
	for _, g := range byPage.Top(1) {
		for _, r := range g.Rows {
			fmt.Printf("group=%q %s count=%d per_10k=%.0f\n", g.Group, r.Term, r.Count, r.Per10k)
		}
	}
	// Output:
	// group="2" 生产 count=2 per_10k=6667
	// group="10" 导弹 count=1 per_10k=10000
	// group="" 生产 count=1 per_10k=10000
}
