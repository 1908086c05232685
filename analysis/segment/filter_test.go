package segment

import (
	"slices"
	"strings"
	"testing"
)

func TestBuiltinStopWords(t *testing.T) {
	s := BuiltinStopWords()
	// 275: the non-comment lines of stopwords_zh.txt (grep -vc '^#' stopwords_zh.txt).
	if len(s) != 275 {
		t.Errorf("%d built-in stop words, want 275", len(s))
	}
	for _, w := range []string{"的", "了", "是", "在", "和", "我们", "因此"} {
		if !s.Has(w) {
			t.Errorf("%s missing from the built-in stop words", w)
		}
	}
	for _, w := range []string{"党", "人民", "同志", "经济", "#"} {
		if s.Has(w) {
			t.Errorf("%s is a built-in stop word", w)
		}
	}
	// Each call gives a new set: changing one leaves the next untouched.
	s.Add("人民")
	if BuiltinStopWords().Has("人民") {
		t.Error("BuiltinStopWords shares state between calls")
	}
}

func TestLoadStopWords(t *testing.T) {
	s, err := LoadStopWords(strings.NewReader("\uFEFF的\r\n  了 \n# comment\n\n我们"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 3 || !s.Has("的") || !s.Has("了") || !s.Has("我们") {
		t.Errorf("LoadStopWords = %v, want {的 了 我们}", s)
	}
}

// TestFilter applies filters to a hand-made token list; the kept tokens are listed by hand
// from the rules of Filter's doc comment.
func TestFilter(t *testing.T) {
	tokens := []string{"我们", "的", "党", "。", "——", "1962", "１９６２", "2.5", "10%", "②", "一九六二", "NATO", "Mig21", "ＵＮ", "Б", "人民", "”"}
	cases := []struct {
		name string
		f    Filter
		want []string
	}{
		{"zero value", Filter{}, []string{"我们", "的", "党", "一九六二", "Б", "人民"}},
		{"keep all", Filter{KeepPunct: true, KeepNumbers: true, KeepLatin: true}, tokens},
		{"default", DefaultFilter(), []string{"党", "一九六二", "Б", "人民"}},
		{"min len 2", Filter{StopWords: BuiltinStopWords(), MinLen: 2}, []string{"一九六二", "人民"}},
		{"keep punct", Filter{KeepPunct: true, KeepNumbers: false, KeepLatin: false},
			[]string{"我们", "的", "党", "。", "——", "一九六二", "Б", "人民", "”"}},
		{"keep numbers and latin", Filter{StopWords: WordSet{"的": {}}, KeepNumbers: true, KeepLatin: true},
			[]string{"我们", "党", "1962", "１９６２", "2.5", "10%", "②", "一九六二", "NATO", "Mig21", "ＵＮ", "Б", "人民"}},
	}
	for _, c := range cases {
		in := slices.Clone(tokens)
		got := c.f.Apply(in)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
		if len(got) > 0 && &got[0] != &in[0] {
			t.Errorf("%s: Apply did not compact in place", c.name)
		}
	}
}

func TestFilterAllocatesNothing(t *testing.T) {
	f := DefaultFilter()
	tokens := []string{"我们", "的", "党", "。", "1962", "NATO", "人民"}
	buf := make([]string, len(tokens))
	allocs := testing.AllocsPerRun(100, func() {
		copy(buf, tokens)
		_ = f.Apply(buf)
	})
	if allocs != 0 {
		t.Errorf("Filter.Apply allocates %v times a run", allocs)
	}
}
