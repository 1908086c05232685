package pipeline_test

import (
	"fmt"
	"strings"

	"github.com/baokan/baokan"
	"github.com/baokan/baokan/analysis/pipeline"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/corpus"
)

// A stream of articles with their words from the embedded sample: New runs the
// corpus-words pass first (the Opener is asked for it), then builds the segmenter; Each
// gives every article with its filtered words, in corpus order. The 38 articles are the
// sample's 38 files of one article each; the 4 articles of 1962 and 1964 are its files
// under txt/1962, txt/1964 and json/1964 (`find` lists 4), each with body text.
func ExampleNew() {
	var passes []pipeline.PassKind
	open := func(p pipeline.Pass) (pipeline.Opened, error) {
		passes = append(passes, p.Kind)
		r, err := corpus.OpenFS(baokan.SampleFS, baokan.SampleRoot, corpus.Options{})
		return pipeline.Opened{Source: r}, err
	}
	s, err := pipeline.New(pipeline.Config{Filter: segment.DefaultFilter(), CorpusWords: true}, open)
	if err != nil {
		panic(err)
	}
	defer s.Close() // releases the segmenter's spill file or the cache, if any
	articles, sixties := 0, 0
	err = s.Each(func(a *corpus.Article, words []string) error {
		articles++
		if y := a.Date.Year; (y == 1962 || y == 1964) && len(words) > 0 {
			sixties++
		}
		return nil
	})
	fmt.Println(articles, "articles,", sixties, "of 1962 and 1964 with words;", err)
	fmt.Println("passes:", passes[0] == pipeline.CorpusWordsPass, passes[1] == pipeline.FirstPass)
	fmt.Println(strings.Contains(s.Summary().String(), "38 files, 38 articles"))
	// Output:
	// 38 articles, 4 of 1962 and 1964 with words; <nil>
	// passes: true true
	// true
}
