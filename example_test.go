package baokan_test

import (
	"fmt"
	"os"

	"github.com/baokan/baokan/analysis/pipeline"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

// From a folder to a table of terms by year, as CSV: the sources (corpus.Open, each pass
// opened by the Opener), the pipeline (the corpus-words pass, then the segmenter, then a
// stream of articles with their words), the counts (pipeline.Count, by year) and the
// output (reports.NewWriter). Here, the body words 赫鲁晓夫 of each year, and the articles
// using it. The expected rows were counted with Python over the decoded sample files, in
// the text of their 〖ZW/正文〗 fields (the body): 4 in one file of 1958, 1 + 1 in two of
// 1959, 20 in one of 1962; the word is cut whole every time. 38 articles: the sample's 38
// files of one article each.
func Example() {
	open := func(p pipeline.Pass) (pipeline.Opened, error) {
		r, err := corpus.Open([]string{"testdata/sample"}, corpus.Options{SkipBody: p.Kind == pipeline.CorpusWordsPass && !p.Text})
		return pipeline.Opened{Source: r}, err
	}
	stream, err := pipeline.New(pipeline.Config{Filter: segment.DefaultFilter(), CorpusWords: true}, open)
	if err != nil {
		panic(err)
	}
	defer stream.Close()
	byYear := func(a *corpus.Article) []string { return []string{fmt.Sprintf("%04d", a.Date.Year)} }
	_, grouped, err := pipeline.Count(stream, byYear)
	if err != nil {
		panic(err)
	}
	out := reports.NewWriter(os.Stdout, reports.FormatCSV, []string{"year", "term", "count", "docs"})
	for _, year := range grouped.Groups() {
		c, _ := grouped.Lookup(year)
		if docs := c.DocFreq("赫鲁晓夫"); docs > 0 {
			out.WriteRow(year, "赫鲁晓夫", c.Count("赫鲁晓夫"), docs)
		}
	}
	out.Close()
	fmt.Println(stream.Summary().Articles, "articles")
	// Output:
	// year,term,count,docs
	// 1958,赫鲁晓夫,4,1
	// 1959,赫鲁晓夫,2,2
	// 1962,赫鲁晓夫,20,1
	// 38 articles
}
