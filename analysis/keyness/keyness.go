// Package keyness finds the words that set a target subcorpus apart from a reference
// corpus (by default the rest of the corpus, which is the caller's choice of what to feed):
// for every term, the log-likelihood G² and its p-value, Pearson's chi-square (optionally
// with Yates' correction) and the Log Ratio effect size, with the direction of the
// difference (over- or under-used in the target).
//
// Frequencies come from any frequency list implementing Frequencies; *terms.Counter does.
//
// Choices, stated so that tables can be cited (Formulas returns them as text):
//   - G² is by default the two-term form of Rayson & Garside (2000), the one computed by
//     Rayson's log-likelihood calculator and Wmatrix; Dunning's (1993) four-term form over
//     the full 2×2 table is Options.Form = FourTerm.
//   - p is the upper tail of the chi-square distribution with 1 degree of freedom.
//   - Chi-square is Pearson's over the full 2×2 table; Yates' correction on request.
//   - Log Ratio (Hardie 2014) is log2 of the ratio of relative frequencies, a zero count
//     replaced by 0.5.
//   - Rows are sorted by G² descending, ties by term (byte order); over- and under-used
//     terms are both listed, with their direction (Row.Use).
//
// Formulas and sources are on LogLikelihood, LogLikelihood4, ChiSquare, PValue and
// LogRatio.
package keyness

import (
	"errors"
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"strings"
)

// Frequencies is a frequency list: the total number of tokens, each term's count, and
// every term with a non-zero count. *terms.Counter implements it.
type Frequencies interface {
	Tokens() int64
	Count(term string) int64
	All() iter.Seq2[string, int64]
}

// G2Form selects the form of the log-likelihood statistic.
type G2Form int

const (
	// TwoTerm is Rayson & Garside's (2000) form, as in Rayson's log-likelihood calculator
	// and Wmatrix: 2(a ln(a/E1) + b ln(b/E2)). The default, so that figures can be
	// checked against the calculator and most corpus-linguistics literature.
	TwoTerm G2Form = iota
	// FourTerm is Dunning's (1993) G² over the full 2×2 table (the G-test).
	FourTerm
)

// String returns "two-term" or "four-term".
func (f G2Form) String() string {
	switch f {
	case TwoTerm:
		return "two-term"
	case FourTerm:
		return "four-term"
	}
	return fmt.Sprintf("G2Form(%d)", int(f))
}

// ParseG2Form parses "two-term" or "four-term" (also "2" and "4").
func ParseG2Form(s string) (G2Form, error) {
	switch s {
	case "two-term", "2":
		return TwoTerm, nil
	case "four-term", "4":
		return FourTerm, nil
	}
	return 0, fmt.Errorf("keyness: unknown G² form %q (want two-term or four-term)", s)
}

// Options set how Compare scores and which terms it keeps. The zero Options is the
// two-term G², no Yates correction, every term, Log Ratio zero adjustment 0.5.
type Options struct {
	Form  G2Form
	Yates bool // apply Yates' continuity correction to ChiSquare
	// MinCount keeps only terms whose combined frequency a+b is at least MinCount.
	// The combined count, not the target's, so under-used terms are not filtered away.
	MinCount int64
	// ZeroAdjust replaces a zero count in LogRatio; 0 means DefaultZeroAdjust (0.5).
	ZeroAdjust float64
}

// Use is the direction of a difference.
type Use int8

const (
	Under Use = -1 // relatively less frequent in the target than in the reference
	Same  Use = 0  // exactly the same relative frequency
	Over  Use = +1 // relatively more frequent in the target
)

// String returns "over", "under" or "same".
func (u Use) String() string {
	switch u {
	case Over:
		return "over"
	case Under:
		return "under"
	}
	return "same"
}

// Row is one term's keyness.
type Row struct {
	Term            string
	TargetCount     int64 // a
	ReferenceCount  int64 // b
	TargetPer10k    float64
	ReferencePer10k float64
	G2              float64 // log-likelihood, in the form Options.Form
	P               float64 // PValue(G2): chi-square, 1 degree of freedom
	Chi2            float64 // Pearson's chi-square, Yates-corrected if Options.Yates
	LogRatio        float64 // log2 of the ratio of relative frequencies (target / reference)
	Use             Use     // over- or under-used in the target: sign of a/c − b/d
	// Rank is the standard competition rank by G2 ("1224"): one plus the number of terms
	// with a strictly higher G2. Ties in G2 are ordered by Term (byte order).
	Rank int
}

// ErrEmptyCorpus is returned when the target or the reference has no tokens.
var ErrEmptyCorpus = errors.New("keyness: target or reference has no tokens")

// Compare scores every term that occurs in target or reference and returns the rows
// sorted by G2 descending, ties by Term ascending; over- and under-used terms are mixed
// (see Row.Use; Split separates them).
//
// target and reference are disjoint corpora: for "the rest of the corpus", feed the
// reference counter every document not in the target.
func Compare(target, reference Frequencies, opt Options) ([]Row, error) {
	c, d := target.Tokens(), reference.Tokens()
	if c <= 0 || d <= 0 {
		return nil, ErrEmptyCorpus
	}
	if opt.Form != TwoTerm && opt.Form != FourTerm {
		return nil, fmt.Errorf("keyness: unknown G² form %d", int(opt.Form))
	}
	var rows []Row
	add := func(term string, a, b int64) {
		if a+b == 0 || a+b < opt.MinCount {
			return
		}
		rows = append(rows, Score(term, a, b, c, d, opt))
	}
	for term, a := range target.All() {
		add(term, a, reference.Count(term))
	}
	for term, b := range reference.All() {
		if target.Count(term) == 0 {
			add(term, 0, b)
		}
	}
	slices.SortFunc(rows, func(x, y Row) int {
		switch {
		case x.G2 > y.G2:
			return -1
		case x.G2 < y.G2:
			return 1
		}
		return strings.Compare(x.Term, y.Term)
	})
	for i := range rows {
		rows[i].Rank = i + 1
		if i > 0 && rows[i].G2 == rows[i-1].G2 {
			rows[i].Rank = rows[i-1].Rank
		}
	}
	return rows, nil
}

// Score computes one term's row (Rank left 0) from its counts a (target) and b
// (reference) and the corpus sizes c (target) and d (reference).
func Score(term string, a, b, c, d int64, opt Options) Row {
	g2 := LogLikelihood(a, b, c, d)
	if opt.Form == FourTerm {
		g2 = LogLikelihood4(a, b, c, d)
	}
	return Row{
		Term:            term,
		TargetCount:     a,
		ReferenceCount:  b,
		TargetPer10k:    float64(a) * 10000 / float64(c),
		ReferencePer10k: float64(b) * 10000 / float64(d),
		G2:              g2,
		P:               PValue(g2),
		Chi2:            ChiSquare(a, b, c, d, opt.Yates),
		LogRatio:        LogRatio(a, b, c, d, opt.ZeroAdjust),
		Use:             direction(a, b, c, d),
	}
}

// Split returns the over-used and the under-used rows of rows, each keeping rows's order
// (rows with Use Same go to neither).
func Split(rows []Row) (over, under []Row) {
	for _, r := range rows {
		switch r.Use {
		case Over:
			over = append(over, r)
		case Under:
			under = append(under, r)
		}
	}
	return over, under
}

// direction compares a/c with b/d exactly, as a·d against b·c in 128 bits.
func direction(a, b, c, d int64) Use {
	adHi, adLo := bits.Mul64(uint64(a), uint64(d))
	bcHi, bcLo := bits.Mul64(uint64(b), uint64(c))
	switch {
	case adHi > bcHi || (adHi == bcHi && adLo > bcLo):
		return Over
	case adHi == bcHi && adLo == bcLo:
		return Same
	}
	return Under
}

// Formulas describes every statistic of a Row in plain text, for a --help text or a
// table's caption. a, b: the term's counts in target and reference; c, d: their sizes in
// tokens.
func Formulas() string {
	return `a = count in target, b = count in reference, c = target tokens, d = reference tokens, N = c+d
E1 = c(a+b)/N, E2 = d(a+b)/N (expected counts of the term), E3 = c(N-a-b)/N, E4 = d(N-a-b)/N
g2 (two-term, default; Rayson & Garside 2000, Rayson's LL calculator):
    G2 = 2 (a ln(a/E1) + b ln(b/E2)), with 0 ln 0 = 0
g2 (four-term; Dunning 1993, the G-test of the 2x2 table):
    G2 = 2 (a ln(a/E1) + b ln(b/E2) + (c-a) ln((c-a)/E3) + (d-b) ln((d-b)/E4))
p: P(chi-square with 1 d.f. > G2) = erfc(sqrt(G2/2))
chi2 (Pearson, 2x2 table): sum over the 4 cells of (|O-E| - k)^2 / E, k = 0, or 0.5 with Yates' correction (|O-E|-k floored at 0)
log_ratio (Hardie 2014): log2((a/c) / (b/d)), a zero count replaced by 0.5
per_10k: count * 10000 / corpus tokens
direction: over if a/c > b/d, under if a/c < b/d`
}
