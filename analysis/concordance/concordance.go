// Package concordance builds keyword-in-context (KWIC) lines: for each hit of a query in
// an article's body, the words before it, the hit itself and the words after it, as
// quanteda's kwic, AntConc's KWIC tool or CQPweb show them. It sorts them (by date, or by
// the words to the left or right of the hit, as AntConc's L1 and R1 sorts) and draws a
// reproducible random sample of them.
package concordance

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/corpus"
)

// Line is one concordance line.
type Line struct {
	Path       string
	Line       int // the article's line in its file
	Date       corpus.Date
	Page, Item int
	Title      string
	Left       string // the context before the hit, words joined by Options.Sep
	Match      string // the hit's words, joined by Options.Sep
	Right      string // the context after the hit
	Position   int    // the hit's first word, counted from 0 among the body's words as cut

	Article int      // the article's ordinal in corpus order (for the stable sort)
	left    []string // the words before the hit, nearest first (L1, L2, ...)
	right   []string // the words after the hit, nearest first (R1, R2, ...)
}

// Options shape the contexts.
type Options struct {
	// Window is the words on each side (default 10 when Chars is 0 too).
	Window int
	// Chars, if above 0, makes the contexts that many characters each side (of the words
	// joined, cut mid-word at the outer end) instead of Window words.
	Chars int
	// Sep joins words in Left, Match and Right ("" by default: Chinese is written without
	// spaces).
	Sep string
}

// Make returns the lines of the hits of one article: words are its body words as cut
// (those the hits count in), ordinal its place in corpus order.
func Make(a *corpus.Article, ordinal int, words []string, hits []query.Span, opt Options) []Line {
	if opt.Window <= 0 && opt.Chars <= 0 {
		opt.Window = 10
	}
	lines := make([]Line, 0, len(hits))
	for _, h := range hits {
		l := Line{Path: a.Path, Line: a.Line, Date: a.Date, Page: a.Page, Item: a.Item,
			Title: a.Title, Position: h.Start, Article: ordinal,
			Match: strings.Join(words[h.Start:h.End], opt.Sep)}
		if opt.Chars > 0 {
			l.left, l.Left = leftChars(words[:h.Start], opt.Chars, opt.Sep)
			l.right, l.Right = rightChars(words[h.End:], opt.Chars, opt.Sep)
		} else {
			lo, hi := max(0, h.Start-opt.Window), min(len(words), h.End+opt.Window)
			l.Left = strings.Join(words[lo:h.Start], opt.Sep)
			l.Right = strings.Join(words[h.End:hi], opt.Sep)
			l.left = reversed(words[lo:h.Start])
			l.right = slices.Clone(words[h.End:hi])
		}
		lines = append(lines, l)
	}
	return lines
}

func reversed(w []string) []string {
	r := slices.Clone(w)
	slices.Reverse(r)
	return r
}

// leftChars takes words from the end of before until n characters, and cuts the joined
// text to its last n characters.
func leftChars(before []string, n int, sep string) ([]string, string) {
	var ws []string
	chars := 0
	for i := len(before) - 1; i >= 0 && chars < n; i-- {
		ws = append(ws, before[i])
		chars += utf8.RuneCountInString(before[i]) + utf8.RuneCountInString(sep)
	}
	s := strings.Join(reversed(ws), sep)
	if r := []rune(s); len(r) > n {
		s = string(r[len(r)-n:])
	}
	return ws, s
}

func rightChars(after []string, n int, sep string) ([]string, string) {
	var ws []string
	chars := 0
	for i := 0; i < len(after) && chars < n; i++ {
		ws = append(ws, after[i])
		chars += utf8.RuneCountInString(after[i]) + utf8.RuneCountInString(sep)
	}
	s := strings.Join(ws, sep)
	if r := []rune(s); len(r) > n {
		s = string(r[:n])
	}
	return ws, s
}

// Order is how lines are sorted.
type Order string

const (
	// Corpus: in corpus order (the articles as read, then the hit's position).
	Corpus Order = ""
	// ByDate: by the article's date (articles without a valid date first), then corpus
	// order.
	ByDate Order = "date"
	// ByLeft: by the first word left of the hit (L1), then L2, L3 …, then corpus order.
	ByLeft Order = "left"
	// ByRight: by the first word right of the hit (R1), then R2, R3 …, then corpus order.
	ByRight Order = "right"
)

// ParseOrder reads an order: date, left, right, or "" / corpus.
func ParseOrder(s string) (Order, error) {
	switch Order(s) {
	case Corpus, ByDate, ByLeft, ByRight:
		return Order(s), nil
	case "corpus":
		return Corpus, nil
	}
	return "", fmt.Errorf("unknown sort %q (want date, left, right or corpus)", s)
}

// corpusOrder compares lines by their place in the corpus.
func corpusOrder(a, b *Line) int {
	return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Position, b.Position),
		cmp.Compare(len(a.Match), len(b.Match)))
}

// Sort sorts lines in place. Words compare by their Unicode code points (a missing word,
// at the start or end of the body, sorts first); every tie is broken by corpus order, so
// the result does not depend on the order lines were given in.
func Sort(lines []Line, o Order) {
	slices.SortFunc(lines, func(a, b Line) int {
		var c int
		switch o {
		case ByDate:
			c = a.Date.Compare(b.Date)
		case ByLeft:
			c = slices.Compare(a.left, b.left)
		case ByRight:
			c = slices.Compare(a.right, b.right)
		}
		return cmp.Or(c, corpusOrder(&a, &b))
	})
}

// Sampler keeps a uniform random sample of n lines of a stream (reservoir sampling,
// Vitter's Algorithm R), reproducible for a seed: the same lines in the same order give
// the same sample.
type Sampler struct {
	n     int
	seen  int
	rng   *rand.Rand
	Lines []Line // the sample (in no particular order until sorted)
}

// NewSampler keeps n lines, drawn with the PCG generator seeded by seed.
func NewSampler(n int, seed uint64) *Sampler {
	return &Sampler{n: n, rng: rand.New(rand.NewPCG(seed, 0x6b77696b)), Lines: make([]Line, 0, min(n, 1<<16))}
}

// Add offers one line.
func (s *Sampler) Add(l Line) {
	s.seen++
	if len(s.Lines) < s.n {
		s.Lines = append(s.Lines, l)
		return
	}
	if j := s.rng.IntN(s.seen); j < s.n {
		s.Lines[j] = l
	}
}

// Seen is the number of lines offered.
func (s *Sampler) Seen() int { return s.seen }
