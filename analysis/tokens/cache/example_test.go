package cache_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/baokan/baokan/analysis/pipeline"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
)

// Index a folder once (parse and segment), then scan the cache as a corpus.Source: the
// same articles as the raw files, with their words as vocabulary ids. The folder is the
// sample's 38 files of one article each (`find testdata/sample -type f`).
func Example() {
	dir, _ := os.MkdirTemp("", "baokan-example-")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "sample.bki")

	// The segmenter (pipeline.New: no corpus-words pass here), cutting titles and bodies
	// and keeping every token: a cache stores the words unfiltered.
	open := func(pipeline.Pass) (pipeline.Opened, error) { return pipeline.Opened{}, nil }
	p, err := pipeline.New(pipeline.Config{Filter: pipeline.FilterAll(), Titles: true}, open)
	if err != nil {
		panic(err)
	}
	tok := p.Tokenizer()
	seg := cache.Segmentation{} // no --hmm, no --dict, no corpus words
	settings, _ := seg.Settings(nil)

	out, _ := cache.CreateTemp(path)
	w, _ := cache.NewWriter(out, settings)
	b := cache.NewBuilder(true)
	b.Start(w)
	r, _ := corpus.Open([]string{"../../../testdata/sample"}, corpus.Options{OnFileInfo: b.OnFileInfo})
	if err := tok.EachKeyed(r, b.Add); err != nil {
		panic(err)
	}
	r.Close()
	if err := b.Finish(r.Summary()); err != nil {
		panic(err)
	}
	if err := out.Commit(); err != nil {
		panic(err)
	}

	// Scan it: OpenScan owns the file, and Close releases it.
	sc, err := cache.OpenScan(path, cache.ScanOptions{Words: true})
	if err != nil {
		panic(err)
	}
	defer sc.Close()
	vocab := sc.Reader().Vocabulary()
	articles, withWord := 0, 0
	var src corpus.Source = sc
	for _, err := range src.All() {
		if err != nil {
			panic(err)
		}
		articles++
		ids, _ := sc.Tokens()
		if slices.ContainsFunc(ids, func(id uint32) bool { return vocab[id] == "赫鲁晓夫" }) {
			withWord++
		}
	}
	fmt.Println(articles, "articles;", src.Summary().Files, "files")
	fmt.Println("articles with 赫鲁晓夫:", withWord)
	// The four files holding the string 赫鲁晓夫 (grep over the decoded sample files:
	// 1958 one, 1959 two, 1962 one), each cut with it whole.

	// Output:
	// 38 articles; 38 files
	// articles with 赫鲁晓夫: 4
}
