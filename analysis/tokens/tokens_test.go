package tokens

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/baokan/baokan"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/corpus"
)

// sample reads the embedded sample of 30 real articles.
func sample(t testing.TB) []*corpus.Article {
	t.Helper()
	r, err := corpus.OpenFS(baokan.SampleFS, baokan.SampleRoot, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var arts []*corpus.Article
	for a, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

type sliceSource struct{ arts []*corpus.Article }

func (s *sliceSource) Next() (*corpus.Article, error) {
	if len(s.arts) == 0 {
		return nil, errEOF
	}
	a := s.arts[0]
	s.arts = s.arts[1:]
	return a, nil
}

var errEOF = io.EOF

func newTokenizer(t testing.TB, workers int) *Tokenizer {
	t.Helper()
	seg, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &Tokenizer{Segmenter: seg, Filter: segment.DefaultFilter(), Workers: workers}
}

// TestEachKeepsOrder: with many workers, Each hands out every article once, in source
// order, with the words Words gives it alone (the serial computation is the reference).
func TestEachKeepsOrder(t *testing.T) {
	arts := sample(t)
	tok := newTokenizer(t, 8)
	var got []string
	var n int
	err := tok.Each(&sliceSource{arts: arts}, func(a *corpus.Article, words []string) error {
		if a != arts[n] {
			t.Fatalf("article %d out of order: %s", n, a.Path)
		}
		want := tok.Words(nil, a)
		if strings.Join(words, " ") != strings.Join(want, " ") {
			t.Fatalf("%s: words differ from the serial cut", a.Path)
		}
		got = append(got, words...)
		n++
		return nil
	})
	if err != nil || n != len(arts) || len(got) == 0 {
		t.Fatalf("err %v, %d of %d articles, %d words", err, n, len(arts), len(got))
	}
}

// TestEachStopsOnError: the first error from fn ends the run and is returned.
func TestEachStopsOnError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := newTokenizer(t, 2).Each(&sliceSource{arts: sample(t)}, func(*corpus.Article, []string) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Fatalf("err %v after %d calls", err, calls)
	}
}

// TestCollectCorpusWords: the persons are those the persons layer resolves from the
// sample's RW lists (hand-checked in analysis/persons), never a run-together entry.
func TestCollectCorpusWords(t *testing.T) {
	words, err := CollectCorpusWords(&sliceSource{arts: sample(t)}, persons.NewResolver(persons.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	for _, p := range words.Persons {
		has[p] = true
	}
	for _, want := range []string{"赫鲁晓夫", "肯尼迪", "刘少奇", "拉扎克", "江泽民"} {
		if !has[want] {
			t.Errorf("%s missing from %v", want, words.Persons)
		}
	}
	for _, not := range []string{"毛泽东刘少奇赫鲁晓夫等", "会见外宾", "主席", "马来西亚总理"} {
		if has[not] {
			t.Errorf("%s is not a person", not)
		}
	}
	if len(words.Topics) == 0 {
		t.Error("no topics")
	}
}
