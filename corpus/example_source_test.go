package corpus_test

import (
	"fmt"

	"github.com/baokan/baokan/corpus"
)

// Reading a folder: every article of every file under it, in a fixed order, and a summary
// of what was read. The expected figures are the sample's files: 30 tagged .TXT files and
// 8 People's Daily .json files, one article each (`find testdata/sample -type f`; see
// testdata/README.md).
func ExampleOpen() {
	r, err := corpus.Open([]string{"../testdata/sample"}, corpus.Options{})
	if err != nil {
		panic(err)
	}
	defer r.Close()
	papers := map[string]int{}
	for a, err := range r.All() {
		if err != nil {
			panic(err)
		}
		papers[a.Paper]++
	}
	sum := r.Summary()
	fmt.Println(sum.Files, "files,", sum.Articles, "articles")
	fmt.Println("人民日报 (JSON):", papers["人民日报"], "tagged:", papers[""])
	// Output:
	// 38 files, 38 articles
	// 人民日报 (JSON): 8 tagged: 30
}

// countArticles is written against the source contract: it reads the raw files and a
// cache (analysis/tokens/cache.OpenScan) alike.
func countArticles(src corpus.Source) (int, error) {
	defer src.Close()
	n := 0
	err := corpus.Drain(src, func(*corpus.Article) error { n++; return nil })
	return n, err
}

// The source contract: Next/All, Summary, Close, whatever the source (the cache's example
// shows the same function over a cache).
func ExampleSource() {
	r, err := corpus.Open([]string{"../testdata/sample/txt"}, corpus.Options{})
	if err != nil {
		panic(err)
	}
	n, err := countArticles(r)
	fmt.Println(n, err, r.Summary().Articles)
	// Output: 30 <nil> 30
}
