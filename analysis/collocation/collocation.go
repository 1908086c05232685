// Package collocation finds the company a word keeps: the words that occur within a span
// of words around the hits of a query (the node), with the association measures of corpus
// linguistics (as AntConc's Collocates tool, #LancsBox or CQPweb list them).
//
// # Counting
//
// The text is the stream of words kept by a command's filters (stop words and punctuation
// dropped by default). For each hit, the window is the L kept words before the hit's first
// word and the R kept words after its last word, within the article's body (shorter at the
// body's ends). A word in the windows of several nearby hits counts once (AntConc counts
// it once a window; then a collocate could be counted more often than it occurs, and the
// contingency table below would not hold). For a collocate w:
//
//	O11 = occurrences of w in the windows (the co-occurrence frequency, column "count")
//	f1  = the node's frequency: the number of hits
//	f2  = w's frequency among the kept words of the (sub)corpus
//	N   = the kept words of the (sub)corpus
//	R1  = the word positions in the windows (about L+R a hit where the body allows and
//	      windows do not overlap)
//
// They form the 2×2 contingency table of surface co-occurrence (Evert 2008, "Corpora and
// collocations", §5.2): O11, O12 = R1 − O11, O21 = f2 − O11, O22 = N − R1 − f2 + O11, with
// expected frequencies Eij = Ri·Cj / N; in particular
//
//	E11 = R1 · f2 / N       (≈ f1 · (L+R) · f2 / N: the window-size-corrected expectation)
//
// # Measures
//
//	MI       = log2(O11 / E11)                                   (Church & Hanks 1990)
//	t-score  = (O11 − E11) / √O11                                (Church, Gale, Hanks & Hindle 1991)
//	G²       = 2 Σij Oij · ln(Oij / Eij), over the four cells,
//	           0·ln 0 = 0; signed negative when O11 < E11        (Dunning 1993)
//	logDice  = 14 + log2(2 · O11 / (f1 + f2))                    (Rychlý 2008)
//
// With L=0, R=1 and no window cut short, E11 = f1·f2/N and the measures are those of
// adjacent bigrams (Manning & Schütze 1999, ch. 5), which the tests check against.
package collocation

import (
	"cmp"
	"math"
	"slices"
)

// Span is the window: Left words before the hit, Right after.
type Span struct{ Left, Right int }

// Counts are one (sub)corpus's counts, words given as ids into a vocabulary.
type Counts struct {
	N     int64   // kept words
	Hits  int64   // f1
	R1    int64   // word positions in the windows
	Freq  []int64 // f2, by word id: every kept word's frequency
	CoOcc []int64 // O11, by word id: occurrences in the windows
	idx   []int   // scratch: positions of the kept words
	in    []bool  // scratch: kept words in a window
}

// NewCounts returns empty counts.
func NewCounts() *Counts { return &Counts{} }

func (c *Counts) grow(id uint32) {
	if int(id) >= len(c.Freq) {
		n := max(int(id)+1, 2*len(c.Freq))
		c.Freq = append(c.Freq, make([]int64, n-len(c.Freq))...)
		c.CoOcc = append(c.CoOcc, make([]int64, n-len(c.CoOcc))...)
	}
}

// Hit is a hit as positions in an article's words: Start to End (exclusive).
type Hit struct{ Start, End int }

// Add counts one article: words are all its body words as cut (vocabulary ids), kept says
// which the filter keeps (by position; nil: all), hits are the hits in words' positions
// (sorted by start).
func (c *Counts) Add(words []uint32, kept []bool, hits []Hit, span Span) {
	idx := c.idx[:0]
	for i, w := range words {
		if kept == nil || kept[i] {
			idx = append(idx, i)
			c.grow(w)
			c.Freq[w]++
		}
	}
	c.idx = idx
	c.N += int64(len(idx))
	if len(hits) == 0 {
		return
	}
	in := c.in[:0]
	for range idx {
		in = append(in, false)
	}
	c.in = in
	for _, h := range hits {
		c.Hits++
		j, _ := slices.BinarySearch(idx, h.Start) // first kept word at or after the hit
		for k := max(0, j-span.Left); k < j; k++ {
			in[k] = true
		}
		k, _ := slices.BinarySearch(idx, h.End) // first kept word after the hit
		for end := min(len(idx), k+span.Right); k < end; k++ {
			in[k] = true
		}
	}
	for k, ok := range in {
		if ok {
			c.CoOcc[words[idx[k]]]++
			c.R1++
		}
	}
}

// Row is one collocate with its measures.
type Row struct {
	Term     string
	Count    int64   // O11
	Freq     int64   // f2
	Expected float64 // E11
	MI       float64
	T        float64
	G2       float64
	LogDice  float64
}

// Measures computes the row of one collocate from its counts.
func Measures(o11, f1, f2, r1, n int64) Row {
	O11, R1, C1, N := float64(o11), float64(r1), float64(f2), float64(n)
	O12, O21 := R1-O11, C1-O11
	O22 := N - R1 - C1 + O11
	R2, C2 := N-R1, N-C1
	E11, E12, E21, E22 := R1*C1/N, R1*C2/N, R2*C1/N, R2*C2/N
	r := Row{Count: o11, Freq: f2, Expected: E11}
	r.MI = math.Log2(O11 / E11)
	r.T = (O11 - E11) / math.Sqrt(O11)
	g := 2 * (xlogx(O11, E11) + xlogx(O12, E12) + xlogx(O21, E21) + xlogx(O22, E22))
	if O11 < E11 {
		g = -g
	}
	r.G2 = g
	r.LogDice = 14 + math.Log2(2*O11/float64(f1+f2))
	return r
}

func xlogx(o, e float64) float64 {
	if o <= 0 || e <= 0 {
		return 0
	}
	return o * math.Log(o/e)
}

// Order is what rows are sorted by, largest first.
type Order string

// The orders: G² by default.
const (
	ByG2      Order = "g2"
	ByCount   Order = "count"
	ByMI      Order = "mi"
	ByT       Order = "t"
	ByLogDice Order = "logdice"
)

// Rows returns the collocates occurring at least minCount times (and at least once) in the
// windows, sorted by order (descending), ties by count (descending) then term (Unicode code
// point order); vocab gives the words of the ids.
func (c *Counts) Rows(vocab []string, minCount int64, order Order) []Row {
	var rows []Row
	for w, o := range c.CoOcc {
		if o < max(minCount, 1) {
			continue
		}
		r := Measures(o, c.Hits, c.Freq[w], c.R1, c.N)
		r.Term = vocab[w]
		rows = append(rows, r)
	}
	key := func(r *Row) float64 {
		switch order {
		case ByCount:
			return float64(r.Count)
		case ByMI:
			return r.MI
		case ByT:
			return r.T
		case ByLogDice:
			return r.LogDice
		}
		return r.G2
	}
	slices.SortFunc(rows, func(a, b Row) int {
		return cmp.Or(cmp.Compare(key(&b), key(&a)), cmp.Compare(b.Count, a.Count), cmp.Compare(a.Term, b.Term))
	})
	return rows
}
