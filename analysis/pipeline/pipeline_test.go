package pipeline

import (
	"errors"
	"os"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/baokan/baokan"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/corpus"
)

// sampleOpener opens the embedded sample (38 real articles, one a file) for every pass,
// and records the kinds of pass asked for.
func sampleOpener(kinds *[]PassKind) Opener {
	return func(p Pass) (Opened, error) {
		*kinds = append(*kinds, p.Kind)
		r, err := corpus.OpenFS(baokan.SampleFS, baokan.SampleRoot, corpus.Options{SkipBody: p.Kind == CorpusWordsPass && !p.Text})
		return Opened{Source: r}, err
	}
}

// The corpus-words pass runs before the segmenter is built, and before any pass over the
// articles; a Reread stream's second pass reads back the first pass's ids (the same ones),
// and Close closes and removes the spill file. The sample holds 38 articles (its 38 files,
// listed in testdata/README.md).
func TestOrderAndSpill(t *testing.T) {
	var kinds []PassKind
	s, err := New(Config{Filter: segment.DefaultFilter(), CorpusWords: true, Reread: true, Workers: 2}, sampleOpener(&kinds))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(kinds, []PassKind{CorpusWordsPass}) {
		t.Fatalf("passes before the first Each: %v, want the corpus-words pass alone", kinds)
	}
	var first, second [][]uint32
	if err := s.EachIDs(func(_ *corpus.Article, ids []uint32) error { first = append(first, slices.Clone(ids)); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.EachIDs(func(_ *corpus.Article, ids []uint32) error { second = append(second, slices.Clone(ids)); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(first) != 38 || !slices.EqualFunc(first, second, slices.Equal) {
		t.Errorf("first pass %d articles, second %d or with other ids", len(first), len(second))
	}
	if got := s.Summary().Articles; got != 38 {
		t.Errorf("summary: %d articles, want 38", got)
	}
	f := s.spill.f
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Stat(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("the spill file after Close: %v, want it closed", err)
	}
	if _, err := os.Stat(f.Name()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the spill file %s is still there after Close", f.Name())
	}
	if err := s.EachIDs(func(*corpus.Article, []uint32) error { return nil }); !errors.Is(err, ErrClosed) {
		t.Errorf("a pass after Close: %v, want ErrClosed", err)
	}
}

// Sources with no article: the first pass fails with corpus.ErrNoArticle before fn is
// ever called, so that a command writes no (empty) output (issue 12, left over: the error
// used to come when the session closed, after the output was written).
func TestNoArticleFromFirstPass(t *testing.T) {
	fsys := fstest.MapFS{"s/empty.TXT": {Data: nil}, "s/notes.md": {Data: []byte("notes")}}
	open := func(Pass) (Opened, error) {
		r, err := corpus.OpenFS(fsys, "s", corpus.Options{})
		return Opened{Source: r}, err
	}
	s, err := New(Config{Filter: segment.DefaultFilter()}, open)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	called := false
	err = s.Each(func(*corpus.Article, []string) error { called = true; return nil })
	if !errors.Is(err, corpus.ErrNoArticle) || called {
		t.Errorf("Each = %v (fn called: %v), want corpus.ErrNoArticle", err, called)
	}
}

// A selector leaves articles out, and a Reread stream's second pass leaves out the same
// ones (the spill holds only the kept articles' ids).
func TestSelectorWithSpill(t *testing.T) {
	var kinds []PassKind
	s, err := New(Config{Filter: segment.DefaultFilter(), Reread: true}, sampleOpener(&kinds))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := 0
	s.Select(Selector{Keyed: func(a *corpus.Article, w []string, k []uint32, _ int) ([]string, []uint32, bool) {
		n++
		return w, k, n%2 == 0
	}})
	var first, second []string
	if err := s.EachIDs(func(a *corpus.Article, _ []uint32) error { first = append(first, a.Path); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.EachIDs(func(a *corpus.Article, _ []uint32) error { second = append(second, a.Path); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(first) != 19 || !slices.Equal(first, second) {
		t.Errorf("kept %d articles then %d; want the same 19 of 38", len(first), len(second))
	}
}
