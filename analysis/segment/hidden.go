package segment

import (
	"strings"
	"unicode/utf8"
)

// A person name added to the dictionary (a Word or a Found word tagged nr) can still be
// hidden in a longer dictionary word that holds it: gse's dictionary has 布什总统, 和普京,
// 向普京, 雷锋式, so that 江泽民主席与布什总统 counts no 布什 and 胡锦涛和普京 no 普京. New
// demotes such a word (frequency 0: it is never chosen) when it is
// the name plus a title after it (hiddenTitles) or plus one function character or affix
// before or after it (hiddenAffixes): the name then comes out whole, and the title or the
// character as a word of its own. Dictionary words that make the name part of another
// word (学雷锋, a campaign; 马克思主义, a doctrine) are left as they are. Words given
// explicitly (Options.Words) are never demoted.
var hiddenTitles = [...]string{
	"主席", "总理", "总统", "首相", "总书记", "书记", "委员长", "同志", "先生", "夫人",
	"将军", "元帅", "大使", "国王", "女王", "部长", "外长", "市长",
}

// hiddenAffixes: 和 与 同 跟 向 对 给 把 被 让 及 before the name, 等 们 式 after it.
const (
	hiddenBefore = "和与同跟向对给把被让及"
	hiddenAfter  = "等们式"
)

// demotedFreq is the frequency a demoted word keeps: 0, an infinite path length, so that
// the word is never chosen (gse's 和 has frequency 2 and 和普京 3: no low frequency would do).
const demotedFreq = 0

// hiddenNames returns the dictionary words that hide one of names, to be demoted, in a
// fixed order (the names' order, then affixes before titles), skipping those in keep.
func (s *Segmenter) hiddenNames(names []string, keep map[string]int) []Word {
	var out []Word
	seen := map[string]bool{}
	try := func(w string) {
		if _, ok := keep[w]; ok || seen[w] {
			return
		}
		if f, pos, ok := s.dict.find(w); ok && f > demotedFreq {
			seen[w] = true
			out = append(out, Word{Text: w, Freq: demotedFreq, Pos: pos})
		}
	}
	for _, n := range names {
		if utf8.RuneCountInString(n) < 2 || strings.ContainsAny(n, nameDots) {
			continue
		}
		for _, c := range hiddenBefore {
			try(string(c) + n)
		}
		for _, c := range hiddenAfter {
			try(n + string(c))
		}
		for _, t := range hiddenTitles {
			try(n + t)
		}
	}
	return out
}
