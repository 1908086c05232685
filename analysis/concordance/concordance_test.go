package concordance

import (
	"strings"
	"testing"

	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/corpus"
)

// Lines worked by hand from the words below (positions under them).
//
//	我们 支持 古巴 人民 的 正义 斗争 ， 古巴 必胜
//	0    1    2    3    4  5    6    7  8    9
func TestMakeByHand(t *testing.T) {
	words := strings.Fields("我们 支持 古巴 人民 的 正义 斗争 ， 古巴 必胜")
	a := &corpus.Article{Path: "a.TXT", Line: 3, Title: "t"}
	hits := []query.Span{{Start: 2, End: 3}, {Start: 8, End: 9}}
	lines := Make(a, 0, words, hits, Options{Window: 2})
	want := [][3]string{{"我们支持", "古巴", "人民的"}, {"斗争，", "古巴", "必胜"}}
	for i, l := range lines {
		if [3]string{l.Left, l.Match, l.Right} != want[i] {
			t.Errorf("line %d: %q %q %q, want %q", i, l.Left, l.Match, l.Right, want[i])
		}
	}
	// --chars 3: three characters each side, cut mid-word at the outer end.
	lines = Make(a, 0, words, hits, Options{Chars: 3, Sep: ""})
	want = [][3]string{{"们支持", "古巴", "人民的"}, {"斗争，", "古巴", "必胜"}}
	for i, l := range lines {
		if [3]string{l.Left, l.Match, l.Right} != want[i] {
			t.Errorf("chars line %d: %q %q %q, want %q", i, l.Left, l.Match, l.Right, want[i])
		}
	}
	// A separator shows the cuts.
	if l := Make(a, 0, words, hits[:1], Options{Window: 1, Sep: " "})[0]; l.Left != "支持" || l.Right != "人民" {
		t.Errorf("sep: %+v", l)
	}
}

// Sorting by R1 then R2, L1, and the corpus-order tie rule.
func TestSort(t *testing.T) {
	words := strings.Fields("乙 X 丙 丁 甲 X 丙 乙 甲 X 甲")
	a := &corpus.Article{Path: "a"}
	hits := []query.Span{{Start: 1, End: 2}, {Start: 5, End: 6}, {Start: 9, End: 10}}
	lines := Make(a, 0, words, hits, Options{Window: 2})
	pos := func() (p []int) {
		for _, l := range lines {
			p = append(p, l.Position)
		}
		return p
	}
	// R1: 丙 (1), 丙 (5), 甲 (9); 丙 < 甲 by code point (U+4E19 < U+7532); the two 丙
	// then by R2: 丁 (1) < 乙 (5) (U+4E01 < U+4E59).
	Sort(lines, ByRight)
	if got := pos(); got[0] != 1 || got[1] != 5 || got[2] != 9 {
		t.Errorf("by right: %v", got)
	}
	// L1: 乙 (1), 甲 (5), 甲 (9); the two 甲 by L2: 丁 (5) < 乙 (9).
	Sort(lines, ByLeft)
	if got := pos(); got[0] != 1 || got[1] != 5 || got[2] != 9 {
		t.Errorf("by left: %v", got)
	}
	// Same dates: corpus order.
	Sort(lines, ByDate)
	if got := pos(); got[0] != 1 || got[1] != 5 || got[2] != 9 {
		t.Errorf("by date: %v", got)
	}
	// Reversed input, same result.
	lines[0], lines[2] = lines[2], lines[0]
	Sort(lines, ByRight)
	if got := pos(); got[0] != 1 || got[1] != 5 || got[2] != 9 {
		t.Errorf("by right from reversed input: %v", got)
	}
}

// The sample keeps n lines, each offered line kept with the same chance: over many seeds,
// each of 10 lines is in a sample of 3 about 30% of the time; one seed gives one sample.
func TestSampler(t *testing.T) {
	kept := make([]int, 10)
	const seeds = 4000
	for seed := range uint64(seeds) {
		s := NewSampler(3, seed)
		for i := range 10 {
			s.Add(Line{Position: i})
		}
		if len(s.Lines) != 3 || s.Seen() != 10 {
			t.Fatalf("%d lines of %d", len(s.Lines), s.Seen())
		}
		for _, l := range s.Lines {
			kept[l.Position]++
		}
	}
	for i, k := range kept {
		// 0.3 ± 4 standard deviations of a binomial share over 4000 draws (σ ≈ 0.0072).
		if share := float64(k) / seeds; share < 0.27 || share > 0.33 {
			t.Errorf("line %d kept %.3f of the time, want about 0.3", i, share)
		}
	}
	a, b := NewSampler(3, 7), NewSampler(3, 7)
	for i := range 100 {
		a.Add(Line{Position: i})
		b.Add(Line{Position: i})
	}
	for i := range a.Lines {
		if a.Lines[i].Position != b.Lines[i].Position {
			t.Fatal("the same seed gave two samples")
		}
	}
}
