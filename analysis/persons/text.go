package persons

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// TextFinder finds given persons in running text (baokan persons --from-text): the names
// themselves and their aliases, longest match first, left to right, without overlaps.
//
// Find matches strings, not words: a two-character name also matches inside a longer word
// (万里 in 万里长城), so its results are candidates for a reader, not a count of mentions;
// FindWords matches whole words of a cut text only.
// Names of one character are ignored.
type TextFinder struct {
	byFirst map[rune][]textPattern // longest first, then Unicode order
}

type textPattern struct {
	text, person string
}

// NewTextFinder returns a finder for names (typically Resolver.Learned, or the persons
// of the resolved RW lists) and those aliases (alias → canonical) whose canonical name is
// among names (typically Resolver.Aliases).
func NewTextFinder(names []string, aliases map[string]string) *TextFinder {
	f := &TextFinder{byFirst: make(map[rune][]textPattern)}
	want := make(map[string]bool, len(names))
	add := func(text, person string) {
		if utf8.RuneCountInString(text) < 2 {
			return
		}
		c, _ := utf8.DecodeRuneInString(text)
		f.byFirst[c] = append(f.byFirst[c], textPattern{text, person})
	}
	for _, n := range names {
		if !want[n] {
			want[n] = true
			add(n, n)
		}
	}
	for a, p := range aliases {
		if want[p] && !want[a] {
			add(a, p)
		}
	}
	for _, ps := range f.byFirst {
		slices.SortFunc(ps, func(a, b textPattern) int {
			if d := len(b.text) - len(a.text); d != 0 {
				return d
			}
			return strings.Compare(a.text, b.text)
		})
	}
	return f
}

// Find returns the distinct persons found in the paragraphs, in order of first occurrence.
func (f *TextFinder) Find(paragraphs ...string) []string {
	var out []string
	for _, p := range paragraphs {
		for i := 0; i < len(p); {
			c, size := utf8.DecodeRuneInString(p[i:])
			matched := 0
			for _, pat := range f.byFirst[c] {
				if strings.HasPrefix(p[i:], pat.text) {
					if !slices.Contains(out, pat.person) {
						out = append(out, pat.person)
					}
					matched = len(pat.text)
					break
				}
			}
			if matched > 0 {
				i += matched
			} else {
				i += size
			}
		}
	}
	return out
}

// FindWords returns the distinct persons whose name or alias is one word, or a run of
// consecutive words, of words (a cut text), in order of first occurrence: a name matches
// only from a word's start to a word's end, so 万里 is not found in the word 万里长城.
// Longest match first at each word.
func (f *TextFinder) FindWords(words []string) []string {
	var out []string
	for i := 0; i < len(words); {
		matched := 0
		if w := words[i]; w != "" {
			c, _ := utf8.DecodeRuneInString(w)
			for _, pat := range f.byFirst[c] { // longest first
				n, joined := 0, 0
				for j := i; j < len(words) && joined < len(pat.text); j++ {
					if !strings.HasPrefix(pat.text[joined:], words[j]) || words[j] == "" {
						break
					}
					joined += len(words[j])
					n++
				}
				if joined == len(pat.text) {
					if !slices.Contains(out, pat.person) {
						out = append(out, pat.person)
					}
					matched = n
					break
				}
			}
		}
		if matched > 0 {
			i += matched
		} else {
			i++
		}
	}
	return out
}
