package corpusreport_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports/corpusreport"
	"github.com/baokan/baokan/reports/report"
)

// A report of three articles, their words given as cut: the collector is fed one pass,
// Build makes the report, report.WriteDir writes index.html and report.md.
//
// Worked by hand: the words are 美国 人民 人民 | 人民 战士 | 美国 战士 战士, 8 in all;
// 人民 and 战士 occur 3 times each (in 2 articles each), so 3 per 8 words, 3750 per
// 10,000, rank 1 (ties by term: 人 U+4EBA before 战 U+6218); 毛泽东 is named in the RW
// lists of 2 articles, from 1962-10-01 to 1962-11-05, 1 of them on the front page.
func Example() {
	date := func(y, m, d int) corpus.Date { return corpus.Date{Year: y, Month: time.Month(m), Day: d} }
	articles := []struct {
		a     corpus.Article
		words []string
	}{
		{corpus.Article{Path: "a.txt", Line: 1, Date: date(1962, 10, 1), Page: 1, Title: "一", RW: []string{"毛泽东", "周恩来"}, Body: []string{"美国人民人民"}},
			[]string{"美国", "人民", "人民"}},
		{corpus.Article{Path: "a.txt", Line: 9, Date: date(1962, 11, 5), Page: 2, Title: "二", RW: []string{"毛泽东"}, Body: []string{"人民战士"}},
			[]string{"人民", "战士"}},
		{corpus.Article{Path: "b.txt", Line: 1, Date: date(1963, 1, 2), Page: 1, Title: "三", Body: []string{"美国战士战士"}},
			[]string{"美国", "战士", "战士"}},
	}
	c := corpusreport.NewCollector(corpusreport.DefaultOptions())
	for _, x := range articles {
		c.Add(&x.a, x.words)
	}
	r, err := c.Build(corpusreport.Inputs{
		Summary: corpus.Summary{Files: 2, Articles: 3, Matched: 3},
		Sources: []string{"a.txt", "b.txt"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, err := os.MkdirTemp("", "corpusreport-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	if err := report.WriteDir(dir, r); err != nil {
		fmt.Println(err)
		return
	}
	md, err := os.ReadFile(filepath.Join(dir, report.MarkdownFile))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(string(md), "\n") {
		if strings.Contains(line, "words (after filtering)") || strings.HasPrefix(line, "| 人民 |") || strings.HasPrefix(line, "| 毛泽东 | 2 | 1962") {
			fmt.Println(line)
		}
	}
	// Output:
	// - **8** words (after filtering)
	// | 人民 | 3 | 2 | 3750.0000 | 1 |
	// | 毛泽东 | 2 | 1962-10-01 | 1962-11-05 | 1 |
}
