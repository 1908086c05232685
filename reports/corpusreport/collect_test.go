package corpusreport

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports/report"
)

// testArticles are n articles a month apart from 1960-01 (so that the dates pass
// MonthSpan months mid-way), with words and RW lists from small rotating sets.
func testArticles(n int) ([]corpus.Article, [][]uint32, []string) {
	vocab := []string{"美国", "人民", "战士", "工人", "农民", "解放军"}
	names := []string{"毛泽东", "周恩来", "朱德", "刘少奇"}
	var arts []corpus.Article
	var ids [][]uint32
	for i := range n {
		a := corpus.Article{Path: fmt.Sprintf("f%d.txt", i/10), Line: 1 + i%10, Date: corpus.Date{Year: 1960 + i/12, Month: time.Month(1 + i%12), Day: 1 + i%28},
			Page: 1 + i%4, Title: fmt.Sprintf("第%d篇", i), Body: []string{"正文"}}
		if i%3 != 0 {
			a.RW = []string{names[i%4], names[(i+1)%4]}
		}
		var w []uint32
		for k := range 1 + i%5 {
			w = append(w, uint32((i*7+k*3)%len(vocab)))
		}
		arts = append(arts, a)
		ids = append(ids, w)
	}
	return arts, ids, vocab
}

func markdown(t *testing.T, c *Collector) string {
	t.Helper()
	r, err := c.Build(Inputs{Summary: corpus.Summary{Files: 1, Articles: c.Articles(), Matched: c.Articles()}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteMarkdown(&buf, r, "figures"); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestMergeSameReport checks that a corpus split into contiguous runs, each fed to a
// Collector of its own and merged in order, gives the report of one Collector fed all:
// with the monthly counts turned into yearly ones before, during and after the split.
func TestMergeSameReport(t *testing.T) {
	arts, ids, vocab := testArticles(60) // 60 months: past MonthSpan at the 37th
	for _, by := range []string{"", "month", "decade"} {
		opts := DefaultOptions()
		opts.By = by
		whole := NewCollector(opts)
		for i := range arts {
			whole.AddIDs(&arts[i], ids[i], vocab, 1, 2)
		}
		want := markdown(t, whole)
		for _, cut := range []int{1, 20, 40, 59} {
			first, second := NewCollector(opts), NewCollector(opts)
			for i := range arts {
				c := first
				if i >= cut {
					c = second
				}
				c.AddIDs(&arts[i], ids[i], vocab, 1, 2)
			}
			if err := first.Merge(second); err != nil {
				t.Fatal(err)
			}
			if got := markdown(t, first); got != want {
				t.Errorf("by %q, cut at %d: the merged report differs from the whole one", by, cut)
			}
		}
	}
}

// TestTimelineUnit checks the timelines' unit: by month while the dates span at most
// MonthSpan months, by year once they span more (counted by hand: 1960-01 to 1962-12 is
// 36 months, to 1963-01 is 37).
func TestTimelineUnit(t *testing.T) {
	arts, ids, vocab := testArticles(38)
	c := NewCollector(DefaultOptions())
	for i := range 36 {
		c.AddIDs(&arts[i], ids[i], vocab, 1, 2)
	}
	if u := c.TimelineUnit(); u != "month" {
		t.Errorf("36 months: unit %s, want month", u)
	}
	c.AddIDs(&arts[36], ids[36], vocab, 1, 2)
	if u := c.TimelineUnit(); u != "year" {
		t.Errorf("37 months: unit %s, want year", u)
	}
}
