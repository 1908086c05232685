package terms

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// TestConcurrentReads: a Counter fed by ids (so that its string index is not built yet)
// is read by several goroutines at once, with no preparing call first: every read gives
// the hand-worked values of handCorpus, and the race detector (go test -race) sees no
// write. Then a document with a new term is added (the index is incomplete again) and the
// goroutines read once more. By hand (handCorpus): 军队 3 times in 2 documents, 人民 3 in 2,
// 建设 1 in 1, 团结 1 in 1, 8 tokens, 4 documents; then 新词 and 人民 in a fifth document.
func TestConcurrentReads(t *testing.T) {
	vocab := []string{"军队", "人民", "建设", "团结", "新词"}
	ids := map[string]uint32{}
	for i, w := range vocab {
		ids[w] = uint32(i)
	}
	c := NewCounter()
	for _, d := range handCorpus {
		doc := []uint32{}
		for _, w := range d {
			doc = append(doc, ids[w])
		}
		c.AddDocIDs(doc, vocab)
	}
	type want struct{ count, docs int64 }
	read := func(wants map[string]want, top []Row, tokens int64) {
		t.Helper()
		var wg sync.WaitGroup
		errs := make(chan string, 64)
		for g := range 8 {
			wg.Go(func() {
				for term, w := range wants {
					if n, d := c.Count(term), c.DocFreq(term); n != w.count || d != w.docs {
						errs <- fmt.Sprintf("goroutine %d: %s counted %d in %d documents, want %d in %d", g, term, n, d, w.count, w.docs)
					}
				}
				if got := c.Top(0); !reflect.DeepEqual(got, top) {
					errs <- fmt.Sprintf("goroutine %d: Top(0) = %v, want %v", g, got, top)
				}
				if c.Tokens() != tokens || c.Len() != len(top) || len(c.Terms()) != len(top) {
					errs <- fmt.Sprintf("goroutine %d: %d tokens, %d terms", g, c.Tokens(), c.Len())
				}
			})
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}
	}
	read(map[string]want{"军队": {3, 2}, "人民": {3, 2}, "建设": {1, 1}, "团结": {1, 1}, "新词": {0, 0}, "": {0, 0}},
		[]Row{{"人民", 3, 2, 3750, 1}, {"军队", 3, 2, 3750, 1}, {"团结", 1, 1, 1250, 3}, {"建设", 1, 1, 1250, 3}}, 8)
	c.AddDocIDs([]uint32{ids["新词"], ids["人民"]}, vocab)
	read(map[string]want{"军队": {3, 2}, "人民": {4, 3}, "建设": {1, 1}, "团结": {1, 1}, "新词": {1, 1}},
		[]Row{{"人民", 4, 3, 4000, 1}, {"军队", 3, 2, 3000, 2}, {"团结", 1, 1, 1000, 3}, {"建设", 1, 1, 1000, 3}, {"新词", 1, 1, 1000, 3}}, 10)
}
