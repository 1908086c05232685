package cache

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/baokan/baokan/corpus"
)

// TestEach: Scanner.Each gives the articles, words and body sizes that a loop over Next
// gives, each once (in some order across workers), with the same summary and the same
// files and diagnostics in the same order; on the sample with a date filter and on a
// folder of 600 copies of an article plus damaged files (three blocks), with 1, 3 and 4
// workers. The expected values come from the Next loop, itself checked against the raw
// files by TestRoundTripSample and TestRoundTripDamagedAndManyFiles.
func TestEach(t *testing.T) {
	folder := copiesCache(t)
	sample := writeCache(t, sampleOpen, "", nil)
	from, _ := corpus.ParseDate("19600101")
	to, _ := corpus.ParseDate("19791231")
	for _, c := range []struct {
		name   string
		path   string
		filter *corpus.Filter
	}{{"sample 1960-1979", sample, &corpus.Filter{From: from, To: to}}, {"folder", folder, nil}} {
		want := eachRecord(t, c.path, c.filter, 0)
		if len(want.items) == 0 {
			t.Fatalf("%s: no article", c.name)
		}
		for _, workers := range []int{1, 3, 4} {
			got := eachRecord(t, c.path, c.filter, workers)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %d workers: Each differs from Next:\n got %d items, %+v\nwant %d items, %+v",
					c.name, workers, len(got.items), got.summary, len(want.items), want.summary)
			}
		}
	}
}

// copiesCache writes the cache of a folder of 600 copies of a sample article and a
// truncated one: 601 articles, three blocks of at most 256.
func copiesCache(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	one, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "sample", "txt", "1959", "195910", "19591002", "195910020206.TXT"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 600 {
		if err := os.WriteFile(filepath.Join(dir, "a"+pad(i)+".txt"), one, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "b-truncated.txt"), one[:len(one)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	return writeCache(t, func(o corpus.Options) (*corpus.Reader, error) { return corpus.Open([]string{dir}, o) }, "", nil)
}

type eachRec struct {
	items   []string // path:line, words, sizes; sorted
	files   []string
	diags   []corpus.Diagnostic
	summary corpus.Summary
}

// eachRecord scans the cache with Next (workers 0) or Each.
func eachRecord(t *testing.T, path string, filter *corpus.Filter, workers int) eachRec {
	t.Helper()
	cr, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	var rec eachRec
	sc := cr.Scan(ScanOptions{
		Workers: 2, Filter: filter, Words: true,
		OnDiagnostic: func(d corpus.Diagnostic) { rec.diags = append(rec.diags, d) },
		OnFile:       func(p string, _, _ int) { rec.files = append(rec.files, p) },
	})
	defer sc.Close()
	vocab := cr.Vocabulary()
	item := func(it *Item) string {
		words := make([]string, len(it.IDs))
		for i, id := range it.IDs {
			words[i] = vocab[id]
		}
		return fmt.Sprintf("%s:%d %d %q %d %d", it.Article.Path, it.Article.Line, it.Titles, words, it.Paragraphs, it.Chars)
	}
	if workers == 0 {
		for a, err := range sc.All() {
			if err != nil {
				t.Fatal(err)
			}
			ids, titles := sc.Tokens()
			p, c := sc.BodySize()
			rec.items = append(rec.items, item(&Item{Article: a, IDs: ids, Titles: titles, Paragraphs: p, Chars: c}))
		}
	} else {
		parts := make([][]string, workers)
		err := sc.Each(workers, func(w int, it *Item) error {
			parts[w] = append(parts[w], item(it))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		rec.items = slices.Concat(parts...)
	}
	slices.Sort(rec.items)
	rec.summary = sc.Summary()
	return rec
}

// TestEachStops: an error from fn ends Each with that error.
func TestEachStops(t *testing.T) {
	cr, err := Open(writeCache(t, sampleOpen, "", nil))
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	sc := cr.Scan(ScanOptions{Words: true})
	defer sc.Close()
	stop := fmt.Errorf("enough")
	if err := sc.Each(2, func(int, *Item) error { return stop }); err != stop {
		t.Errorf("Each returned %v, want fn's error", err)
	}
}

// TestEachStopsCalling: once fn has failed, no worker starts another call, so a fn that
// fails on every call is called at most once per worker (exactly once with one worker),
// over a cache of three blocks (the failing call waits, so that the next blocks are handed
// out meanwhile: without the stop, the workers would go on with them).
func TestEachStopsCalling(t *testing.T) {
	path := copiesCache(t)
	cr, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	if n := cr.Articles(); n <= 2*blockArticles {
		t.Fatalf("%d articles: fewer than three blocks", n)
	}
	stop := errors.New("enough")
	for _, workers := range []int{1, 2, 3, 4} {
		sc := cr.Scan(ScanOptions{Words: true})
		var calls atomic.Int32
		err := sc.Each(workers, func(int, *Item) error {
			calls.Add(1)
			time.Sleep(20 * time.Millisecond)
			return stop
		})
		sc.Close()
		if err != stop {
			t.Errorf("%d workers: Each returned %v, want fn's error", workers, err)
		}
		if n := int(calls.Load()); n < 1 || n > workers {
			t.Errorf("%d workers: fn failing every call was called %d times, want 1 to %d", workers, n, workers)
		}
	}
}
