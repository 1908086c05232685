package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/baokan/baokan/corpus"
)

// 600 articles, one a file, are closed into blocks of 256 (blockArticles), 256 and 88;
// block b read alone gives the articles numbered from the counts before it.
func TestBlockArticles(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum := corpus.NewSummary()
	for i := range 600 {
		p := fmt.Sprintf("f%03d.txt", i)
		f := corpus.FileInfo{Path: p, Articles: 1}
		sum.AddFile(f)
		if err := w.AddFile(f); err != nil {
			t.Fatal(err)
		}
		if err := w.AddArticle(&corpus.Article{Path: p, Line: 1, Body: []string{"x"}}, []string{"x"}, nil, 0); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Finish(sum, "", nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "c.bki")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cr, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	got := cr.BlockArticles()
	if !slices.Equal(got, []int{256, 256, 88}) {
		t.Fatalf("BlockArticles = %v, want [256 256 88]", got)
	}
	s := cr.Scan(ScanOptions{Blocks: []int{1}})
	defer s.Close()
	a, err := s.Next()
	if err != nil || a.Path != "f256.txt" {
		t.Errorf("block 1 starts with %v %v, want f256.txt", a, err)
	}
}
