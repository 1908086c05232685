package persons

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/baokan/baokan/corpus"
)

func mustPanic(t *testing.T, what string, fn func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: no panic", what)
		}
	}()
	fn()
}

// TestLearnAfterResolvePanics: the order the persons layer needs is enforced.
func TestLearnAfterResolvePanics(t *testing.T) {
	r := NewResolver(Options{})
	r.Learn([]string{"毛泽东"})
	r.Resolve([]string{"毛泽东"}, corpus.Date{})
	mustPanic(t, "Resolver.Learn after Resolve", func() { r.Learn([]string{"刘少奇"}) })
	c := NewCollector(Options{})
	c.Add(&corpus.Article{RW: []string{"毛泽东"}})
	c.Resolve()
	mustPanic(t, "Collector.Add after Resolve", func() { c.Add(&corpus.Article{RW: []string{"刘少奇"}}) })
	s := NewNameSet(NewResolver(Options{}))
	s.Add([]string{"毛泽东"})
	if got := s.Names(2); !slices.Equal(got, []string{"毛泽东"}) {
		t.Errorf("Names = %q", got)
	}
	mustPanic(t, "NameSet.Add after Names", func() { s.Add([]string{"刘少奇"}) })
}

// sample is four articles: two with RW lists, two without (one of them on another paper).
func sample() []*corpus.Article {
	d := corpus.Date{Year: 1962, Month: time.October, Day: 29}
	return []*corpus.Article{
		{Path: "a", Line: 1, Date: d, Page: 1, RW: []string{"毛泽东", "会见外宾"}},
		{Path: "b", Line: 1, Date: d, Paper: "人民日报"},
		{Path: "c", Line: 5, Date: d, RW: []string{"赫鲁晓夫", "肯尼迪"}},
		{Path: "d", Line: 1},
	}
}

func collect(arts []*corpus.Article) *Corpus {
	c := NewCollector(Options{})
	for _, a := range arts {
		c.Add(a)
	}
	return c.Resolve()
}

// TestCursorAndTable: a later pass over the same articles finds each one's persons by
// number; a pass that meets other articles is an error. Expected persons from the RW
// lists above (会见外宾 is an event).
func TestCursorAndTable(t *testing.T) {
	arts := sample()
	corp := collect(arts)
	if corp.N != 4 || len(corp.Articles) != 2 || corp.WithoutPersons() != 2 {
		t.Fatalf("N %d, %d articles with persons, %d without", corp.N, len(corp.Articles), corp.WithoutPersons())
	}
	var without []Unnamed
	corp.EachWithout(func(u Unnamed) { without = append(without, u) })
	// By date then paper: the undated article first.
	if want := []Unnamed{{}, {arts[1].Date, "人民日报"}}; !slices.Equal(without, want) {
		t.Errorf("EachWithout %v, want %v", without, want)
	}
	want := [][]string{{"毛泽东"}, nil, {"赫鲁晓夫", "肯尼迪"}, nil}
	k := corp.Cursor()
	table := TableOf(corp)
	for i, a := range arts {
		p, err := k.Next(a)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		if p != nil {
			got = p.All()
		}
		if !slices.Equal(got, want[i]) {
			t.Errorf("article %d: cursor %q, want %q", i, got, want[i])
		}
		if got, _ := table.Article(nil, int64(i)); !slices.Equal(got, want[i]) {
			t.Errorf("article %d: table %q, want %q", i, got, want[i])
		}
	}
	if _, err := k.Next(arts[0]); err == nil || !strings.Contains(err.Error(), "more articles than the 4") {
		t.Errorf("a fifth article: %v", err)
	}
	if _, err := table.Article(nil, 4); err == nil {
		t.Error("table: a fifth article gave no error")
	}
	other := corp.Cursor()
	if _, err := other.Next(&corpus.Article{Path: "x", Line: 1}); err == nil || !strings.Contains(err.Error(), "changed") {
		t.Errorf("another article first: %v", err)
	}
}

// TestTextPass: persons found in the words join those of the RW lists (TextAlso), or
// replace them (TextOnly); an article without RW list that names someone joins the
// corpus and leaves the articles without persons.
func TestTextPass(t *testing.T) {
	arts := sample()
	words := [][]string{{"毛泽东", "会见", "周恩来"}, {"刘少奇", "讲话"}, {"肯尼迪"}, {"天气"}}
	finder := NewTextFinder([]string{"毛泽东", "周恩来", "刘少奇", "肯尼迪"}, nil)
	for _, tc := range []struct {
		mode    TextMode
		persons [][]string // by article with persons, All()
		without int
	}{
		{TextAlso, [][]string{{"毛泽东", "周恩来"}, {"刘少奇"}, {"赫鲁晓夫", "肯尼迪"}}, 1},
		{TextOnly, [][]string{{"毛泽东", "周恩来"}, {"刘少奇"}, {"肯尼迪"}}, 1},
	} {
		corp := collect(arts)
		pass := corp.TextPass(finder, tc.mode, false)
		for i, a := range arts {
			if err := pass.Add(a, words[i]); err != nil {
				t.Fatal(err)
			}
		}
		got := pass.Done()
		var persons [][]string
		for _, p := range got.Articles {
			persons = append(persons, p.All())
		}
		if !slices.EqualFunc(persons, tc.persons, slices.Equal) || got.WithoutPersons() != tc.without {
			t.Errorf("mode %d: %q, %d without; want %q, %d", tc.mode, persons, got.WithoutPersons(), tc.persons, tc.without)
		}
	}
}

// TestLazySegmenter: loaded once, at the first Cut; a failed load leaves entries unsplit.
func TestLazySegmenter(t *testing.T) {
	loads := 0
	seg := LazySegmenter(func() (Segmenter, error) {
		loads++
		return SegmenterFunc(strings.Fields), nil
	})
	if loads != 0 {
		t.Fatal("loaded before use")
	}
	for range 3 {
		if got := seg.Cut("刘 少奇"); !slices.Equal(got, []string{"刘", "少奇"}) {
			t.Errorf("Cut = %q", got)
		}
	}
	if loads != 1 {
		t.Errorf("%d loads, want 1", loads)
	}
	failed := LazySegmenter(func() (Segmenter, error) { return nil, errors.New("no dictionary") })
	if got := failed.Cut("刘少奇"); got != nil {
		t.Errorf("failed load: Cut = %q, want nil", got)
	}
}
