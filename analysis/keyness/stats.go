package keyness

import (
	"math"
	"math/bits"
)

// Notation, for one term: a = its count in the target, b = its count in the reference,
// c = tokens in the target, d = tokens in the reference, N = c + d. The 2×2 contingency
// table is
//
//	               target   reference
//	term             a          b         a+b
//	other words     c−a        d−b     N−a−b
//	                 c          d          N
//
// with expected counts E_ij = row_i × column_j / N; in particular
// E1 = c(a+b)/N (the term in the target) and E2 = d(a+b)/N (in the reference).
//
// Every cell deviates from its expectation by the same amount, O − E = ±δ with
// δ = (a·d − b·c)/N, so Σ(O − E) = 0 over any set of cells that sums to a margin. The G²
// forms below use that to write O·ln(O/E) = (O − E) + E·h(O/E) with h(x) = x·ln x − x + 1 ≥ 0:
// the (O − E) parts cancel exactly and what is summed is non-negative, which keeps full
// precision even when the "other words" cells hold billions of tokens.

// LogLikelihood returns the log-likelihood G² of Rayson & Garside (2000) as computed by
// Rayson's log-likelihood calculator (UCREL, Lancaster), the "two-term" form that sums
// over the term's own row of the table only:
//
//	G² = 2 (a ln(a/E1) + b ln(b/E2)),   E1 = c(a+b)/N, E2 = d(a+b)/N,
//
// with 0·ln 0 = 0. It is never above the four-term LogLikelihood4, and close to it when
// a+b is small next to c and d, as for words in corpora.
//
// P. Rayson and R. Garside (2000), Comparing corpora using frequency profiling. Proc. ACL
// workshop on Comparing Corpora, Hong Kong, pp. 1–6. doi:10.3115/1117729.1117730
func LogLikelihood(a, b, c, d int64) float64 {
	n := float64(c) + float64(d)
	delta := crossDiff(a, b, c, d) / n
	e1 := float64(c) * float64(a+b) / n
	e2 := float64(d) * float64(a+b) / n
	return 2 * (eh(a, delta, e1) + eh(b, -delta, e2))
}

// LogLikelihood4 returns the log-likelihood ratio statistic G² of Dunning (1993) over the
// full 2×2 contingency table, the "four-term" form (the G-test of independence; what R's
// and scipy's G-tests compute):
//
//	G² = 2 Σ_ij O_ij ln(O_ij / E_ij)
//	   = 2 (a ln(a/E1) + b ln(b/E2) + (c−a) ln((c−a)/E3) + (d−b) ln((d−b)/E4)),
//	E3 = c(N−a−b)/N, E4 = d(N−a−b)/N.
//
// T. Dunning (1993), Accurate methods for the statistics of surprise and coincidence.
// Computational Linguistics 19(1):61–74.
func LogLikelihood4(a, b, c, d int64) float64 {
	n := float64(c) + float64(d)
	delta := crossDiff(a, b, c, d) / n
	rest := n - float64(a) - float64(b)
	e3 := float64(c) * rest / n
	e4 := float64(d) * rest / n
	return LogLikelihood(a, b, c, d) + 2*(eh(c-a, -delta, e3)+eh(d-b, delta, e4))
}

// ChiSquare returns Pearson's chi-square statistic of the 2×2 table,
//
//	X² = Σ_ij (|O_ij − E_ij| − k)² / E_ij = (|δ| − k)² Σ_ij 1/E_ij,
//
// with k = 0, or with Yates' continuity correction k = 0.5, in which case |O − E| − k is
// floored at 0 as scipy.stats.chi2_contingency(correction=True) does.
//
// F. Yates (1934), Contingency tables involving small numbers and the χ² test. Supplement
// to the Journal of the Royal Statistical Society 1(2):217–235. doi:10.2307/2983604
func ChiSquare(a, b, c, d int64, yates bool) float64 {
	n := float64(c) + float64(d)
	dev := math.Abs(crossDiff(a, b, c, d) / n)
	if yates {
		dev = math.Max(dev-0.5, 0)
	}
	row1 := float64(a + b)
	row2 := n - row1
	var invE float64
	for _, e := range [4]float64{float64(c) * row1 / n, float64(d) * row1 / n, float64(c) * row2 / n, float64(d) * row2 / n} {
		if e > 0 {
			invE += 1 / e
		}
	}
	if dev == 0 {
		return 0
	}
	return dev * dev * invE
}

// PValue returns the probability that a chi-square variable with one degree of freedom
// exceeds stat: the p-value of G² and of X² for a 2×2 table,
//
//	p = P(χ²₁ > stat) = Q(1/2, stat/2) = erfc(√(stat/2)),
//
// since χ²₁ is the square of a standard normal variable. erfc is ten times faster than
// the general incomplete gamma function (gonum's distuv.ChiSquared{K: 1}.Survival, which
// the tests check it against) and as accurate. p underflows to 0 above stat ≈ 1400.
func PValue(stat float64) float64 {
	if stat <= 0 {
		return 1
	}
	return math.Erfc(math.Sqrt(stat / 2))
}

// DefaultZeroAdjust is the frequency that LogRatio puts in place of a zero count,
// following Hardie (2014).
const DefaultZeroAdjust = 0.5

// LogRatio returns Hardie's (2014) Log Ratio effect size, the binary log of the ratio of
// relative frequencies:
//
//	LR = log2( (a/c) / (b/d) ),
//
// where a zero count a or b is replaced by the frequency zero (Hardie uses 0.5) so that
// the ratio stays finite; zero <= 0 means DefaultZeroAdjust. +1 means twice as frequent
// in the target, −1 half as frequent.
//
// A. Hardie (2014), Log Ratio: an informal introduction. CASS blog, Lancaster University,
// 28 April 2014. http://cass.lancs.ac.uk/log-ratio-an-informal-introduction/
func LogRatio(a, b, c, d int64, zero float64) float64 {
	if zero <= 0 {
		zero = DefaultZeroAdjust
	}
	fa, fb := float64(a), float64(b)
	if a == 0 {
		fa = zero
	}
	if b == 0 {
		fb = zero
	}
	return math.Log2((fa / float64(c)) / (fb / float64(d)))
}

// crossDiff returns a·d − b·c, computed exactly in 128 bits and rounded once to float64
// (the products overflow int64 for corpora beyond ~3·10⁹ tokens).
func crossDiff(a, b, c, d int64) float64 {
	adHi, adLo := bits.Mul64(uint64(a), uint64(d))
	bcHi, bcLo := bits.Mul64(uint64(b), uint64(c))
	neg := adHi < bcHi || (adHi == bcHi && adLo < bcLo)
	if neg {
		adHi, adLo, bcHi, bcLo = bcHi, bcLo, adHi, adLo
	}
	lo, borrow := bits.Sub64(adLo, bcLo, 0)
	hi, _ := bits.Sub64(adHi, bcHi, borrow)
	v := math.Ldexp(float64(hi), 64) + float64(lo)
	if neg {
		return -v
	}
	return v
}

// eh returns E·h(O/E) = O ln(O/E) − (O − E) for a cell with observed count o, deviation
// dev = O − E and expectation e; 0 when e is 0 (then o is 0 too).
func eh(o int64, dev, e float64) float64 {
	if e <= 0 {
		return 0
	}
	if o == 0 {
		return e // h(0) = 1
	}
	u := dev / e // O/E = 1 + u
	if math.Abs(u) < 1e-2 {
		// h(1+u) = Σ_{k≥2} (−u)^k / (k(k−1)) = u²/2 − u³/6 + u⁴/12 − …; nine terms reach
		// float64 precision for |u| < 0.01 and avoid the cancellation in (1+u)ln(1+u) − u.
		var s float64
		p := u * u
		for k := 2; k <= 10; k++ {
			s += p / float64(k*(k-1))
			p *= -u
		}
		return e * s
	}
	x := float64(o) / e
	return e * (x*math.Log(x) - x + 1)
}
