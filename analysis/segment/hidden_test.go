package segment

import (
	"slices"
	"testing"
)

// Names hidden in dictionary words (hidden.go), on sentences of the real PLA Daily
// articles: 2003-05-28 p01 #1 (胡锦涛和普京), 2001-10-20 p01 #1 (布什总统), 1963-04-05 p01
// #4 (雷锋式); gse's dictionary has 和普京, 布什总统 and 雷锋式 as words. The persons are
// given as the RW lists give them (tag nr). 学雷锋, a campaign's name, stays a word.
func TestHiddenNames(t *testing.T) {
	s, err := New(Options{Words: []Word{{Text: "普京", Pos: "nr"}, {Text: "布什", Pos: "nr"}, {Text: "雷锋", Pos: "nr"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string // words that must come out
		not  string   // the dictionary word hiding the name
	}{
		{"会谈结束后，胡锦涛和普京出席了中俄两国有关合作文件的签字仪式", []string{"和", "普京"}, "和普京"},
		{"这是江泽民主席与布什总统的首次会晤。", []string{"布什", "总统"}, "布什总统"},
		{"号召培养千万雷锋式的五好战士，热情启发他们学雷锋", []string{"雷锋", "学雷锋"}, "雷锋式"},
	} {
		got := s.Cut(c.text)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %q not cut out: %v", c.text, w, got)
			}
		}
		if slices.Contains(got, c.not) {
			t.Errorf("%s: %q still a word: %v", c.text, c.not, got)
		}
	}
	// Without the names, the dictionary's words stand.
	plain, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := plain.Cut("胡锦涛和普京出席"); !slices.Contains(got, "和普京") {
		t.Errorf("without names: %v, want gse's 和普京", got)
	}
}
