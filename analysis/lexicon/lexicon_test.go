package lexicon

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/baokan/baokan/corpus"
)

func find(t *testing.T, opts Options, articles ...[]string) []Entry {
	t.Helper()
	f := NewFinder(opts)
	for _, a := range articles {
		f.AddTexts(corpus.Date{Year: 1985, Month: 7, Day: 25}, a...)
	}
	return f.Result()
}

func texts(entries []Entry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Text)
	}
	return out
}

// The hero of 吕行硕留守记 (PLA Daily, 1985-07-25), in sentences shaped like the article's:
// four occurrences, three of them in a name context (团长 before; 说, 团长, 同志 after),
// counted by hand.
func TestNameRepeatedInOneArticle(t *testing.T) {
	got := find(t, Options{NoWords: true}, []string{
		"吕行硕留守记",
		"团长吕行硕说：“这里就是我们的家。”",
		"吕行硕团长带领战士们修好了营房。",
		"大家都说吕行硕同志是好样的。",
	})
	want := []Entry{{Text: "吕行硕", Kind: KindName, NameKind: NameChinese, Count: 4, Articles: 1, Contexts: 3,
		First: corpus.Date{Year: 1985, Month: 7, Day: 25}, Last: corpus.Date{Year: 1985, Month: 7, Day: 25}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// A name never takes in the title or follower after it, nor the surname of a form of
// address (学习毛主席 gives no 习毛), nor a known name (向福特总统 gives no 向福特).
func TestNameBoundaries(t *testing.T) {
	got := texts(find(t, Options{NoWords: true}, []string{
		"林枫同志说，林枫同志讲，林枫同志写。",
		"学习毛主席著作，学习毛主席思想，学习毛主席品德。",
		"向福特总统致意，向福特总统祝贺，向福特总统问好。",
	}))
	// 福特 is a built-in person met in the text: reported as it stands, never as 向福特.
	if !reflect.DeepEqual(got, []string{"林枫", "福特"}) {
		t.Errorf("got %v, want [林枫 福特]", got)
	}
}

// One occurrence is enough when the name is framed: a list delimiter or a title before it,
// and its end seen after it (唐闻生 follows 有, so it is not framed). A transliterated name
// with a middle dot after a title is a foreign name.
func TestNamesFramed(t *testing.T) {
	got := find(t, Options{NoWords: true}, []string{
		"出席的有唐闻生、沈若芸、王海容。",
		"埃塞俄比亚元首海尔·塞拉西说，两国友好。",
	})
	var names []string
	for _, e := range got {
		names = append(names, e.Text+" "+e.NameKind)
	}
	want := []string{"沈若芸 chinese", "海尔·塞拉西 foreign", "王海容 chinese"}
	slices.Sort(want)
	if !reflect.DeepEqual(names, want) {
		t.Errorf("got %v, want %v", names, want)
	}
}

// A made-up word 鸾翥 in 20 articles, after 5 different characters (4 times each) and
// before 10 (twice each), in 6,000 characters of filler where no string repeats 5 times:
// its cohesion and entropies are computed here from those counts.
func TestNewWord(t *testing.T) {
	left, right := []rune("甲乙丙丁戊"), []rune("子丑寅卯辰巳午未申酉")
	var articles [][]string
	for k := range 20 {
		articles = append(articles, []string{string(left[k%5]) + "鸾翥" + string(right[k%10]) + "。"})
	}
	var filler strings.Builder
	for range 2 {
		for c := rune(0x5000); c < 0x5000+3000; c++ {
			filler.WriteRune(c)
		}
	}
	articles = append(articles, []string{filler.String()})
	got := find(t, Options{NoNames: true}, articles...)
	n := 20*4 + 6000.0
	want := Entry{Text: "鸾翥", Kind: KindWord, Count: 20, Articles: 20,
		Cohesion:    math.Log2(20 * n / (20 * 20)),
		LeftEntropy: math.Log2(5), RightEntropy: math.Log2(10),
		First: corpus.Date{Year: 1985, Month: 7, Day: 25}, Last: corpus.Date{Year: 1985, Month: 7, Day: 25}}
	if len(got) != 1 {
		t.Fatalf("got %+v, want one word", got)
	}
	g := got[0]
	close := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if g.Text != want.Text || g.Count != want.Count || g.Articles != want.Articles || g.Kind != want.Kind ||
		!close(g.Cohesion, want.Cohesion) || !close(g.LeftEntropy, want.LeftEntropy) || !close(g.RightEntropy, want.RightEntropy) {
		t.Errorf("got %+v\nwant %+v", g, want)
	}
}

// The sample is spread evenly: past SampleChars, every other article is dropped and the
// stride doubles, so the sample never holds more than the limit.
func TestSampleBound(t *testing.T) {
	f := NewFinder(Options{NoNames: true, SampleChars: 1000})
	for range 1000 {
		f.AddTexts(corpus.Date{}, strings.Repeat("中", 10))
	}
	// Each article is 10 characters and 2 boundaries: 12 ids.
	if f.sample.total > 1000 || f.sample.stride != 16 || len(f.sample.articles) != 1000/16+1 {
		t.Errorf("sample of %d ids, stride %d, %d articles; want ≤ 1000, 16, %d",
			f.sample.total, f.sample.stride, len(f.sample.articles), 1000/16+1)
	}
}

// The result does not depend on the number of workers that scan for names.
func TestWorkersDoNotMatter(t *testing.T) {
	var articles [][]string
	for k := range 200 {
		articles = append(articles, []string{
			"团长吕行硕说，吕行硕团长，吕行硕同志。",
			"出席的有唐闻生、沈若芸、王海容。" + strings.Repeat("战士们", k%7),
			"总理林枫同志说，林枫同志，林枫同志。",
		})
	}
	one := find(t, Options{Workers: 1}, articles...)
	for _, w := range []int{2, 5} {
		if got := find(t, Options{Workers: w}, articles...); !reflect.DeepEqual(got, one) {
			t.Errorf("%d workers: %v\n1 worker: %v", w, got, one)
		}
	}
}
