package segment

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// builtinStopWords is stopwords_zh.txt: 275 function words of modern written Chinese
// (pronouns, demonstratives, prepositions, conjunctions, particles, auxiliaries, the copula,
// common adverbs; and, for issue 17, localisers, 有, 说 and the calendar units 年 月 日),
// written for baokan by selecting from the Han entries of the stop list gse
// v0.80.3 ships (data/dict/zh/stop_tokens.txt, the widely circulated HIT 哈工大 list) and
// leaving out that list's content words (充分, 不满, 大事, 开始, 结果, …).
//
//go:embed stopwords_zh.txt
var builtinStopWords string

// WordSet is a set of words (stop words, a training word list).
type WordSet map[string]struct{}

// Has reports whether w is in the set; a nil set has nothing.
func (s WordSet) Has(w string) bool {
	_, ok := s[w]
	return ok
}

// Add adds the words to the set.
func (s WordSet) Add(words ...string) {
	for _, w := range words {
		s[w] = struct{}{}
	}
}

// BuiltinStopWords returns a new set holding the built-in Chinese stop words (275 words, see
// stopwords_zh.txt). Each call returns a fresh set the caller may change.
func BuiltinStopWords() WordSet {
	s, err := LoadStopWords(strings.NewReader(builtinStopWords))
	if err != nil {
		panic("segment: built-in stop words: " + err.Error()) // embedded data, checked by a test
	}
	return s
}

// LoadStopWords reads a stop-word list: one word a line, surrounding spaces trimmed; blank
// lines, lines starting with # and a UTF-8 byte order mark are skipped.
func LoadStopWords(r io.Reader) (WordSet, error) {
	s := make(WordSet)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		w := strings.TrimSpace(sc.Text())
		if n == 1 {
			w = strings.TrimSpace(strings.TrimPrefix(w, "\uFEFF"))
		}
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		s[w] = struct{}{}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("stop words: %w", err)
	}
	return s, nil
}

// Filter decides which tokens to keep. The zero Filter drops punctuation, numbers and Latin
// tokens and keeps every other token; DefaultFilter adds the built-in stop words.
//
// A token is dropped, in this order, when it is
//   - punctuation: every character is a Unicode punctuation mark, symbol or space (。，“——《),
//     unless KeepPunct;
//   - a number: every character is a Unicode number (1962, １９６２, ②, Ⅻ) or one of . , % ．
//     ， ％ between them (2.5, 10%); numbers written in Chinese characters (一九六二, 十二)
//     are words and stay; unless KeepNumbers;
//   - Latin: it has a Latin-script letter and no Han character (NATO, Mig21), unless
//     KeepLatin;
//   - shorter than MinLen characters (runes);
//   - in StopWords.
type Filter struct {
	StopWords   WordSet
	MinLen      int
	KeepPunct   bool
	KeepNumbers bool
	KeepLatin   bool
}

// DefaultFilter returns the defaults: the built-in stop words, MinLen 1 (single-character
// words such as 党, 军, 粮 matter in this press; the function characters are stop words),
// punctuation, numbers and Latin tokens dropped.
func DefaultFilter() Filter {
	return Filter{StopWords: BuiltinStopWords(), MinLen: 1}
}

// Keep reports whether the filter keeps token.
func (f *Filter) Keep(token string) bool {
	if token == "" {
		return false
	}
	if !f.KeepPunct && isPunct(token) {
		return false
	}
	if !f.KeepNumbers && isNumber(token) {
		return false
	}
	if !f.KeepLatin && isLatin(token) {
		return false
	}
	if f.MinLen > 1 && utf8.RuneCountInString(token) < f.MinLen {
		return false
	}
	return !f.StopWords.Has(token)
}

// Apply keeps the tokens f keeps, compacting tokens in place (order kept), and returns the
// shortened slice; it allocates nothing.
func (f *Filter) Apply(tokens []string) []string {
	kept := tokens[:0]
	for _, t := range tokens {
		if f.Keep(t) {
			kept = append(kept, t)
		}
	}
	clear(tokens[len(kept):]) // let the dropped strings be collected
	return kept
}

// ApplyKeyed is Apply on tokens with their keys (Segmenter.AppendKeyed), compacted alike.
func (f *Filter) ApplyKeyed(tokens []string, keys []uint32) ([]string, []uint32) {
	kept, kk := tokens[:0], keys[:0]
	for i, t := range tokens {
		if f.Keep(t) {
			kept = append(kept, t)
			kk = append(kk, keys[i])
		}
	}
	clear(tokens[len(kept):])
	return kept, kk
}

// isPunct: every rune is punctuation, a symbol or a space.
func isPunct(s string) bool {
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// isNumber: Unicode numbers, with . , % (ASCII or full-width) allowed, at least one number.
func isNumber(s string) bool {
	digits := false
	for _, r := range s {
		switch {
		case unicode.IsNumber(r):
			digits = true
		case strings.ContainsRune(".,%．，％", r):
		default:
			return false
		}
	}
	return digits
}

// isLatin: at least one Latin-script letter and no Han character.
func isLatin(s string) bool {
	latin := false
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return false
		}
		if unicode.Is(unicode.Latin, r) {
			latin = true
		}
	}
	return latin
}
