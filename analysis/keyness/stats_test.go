package keyness

import (
	"bytes"
	"encoding/json"
	"math"
	"os/exec"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

func near(x, y, rel float64) bool {
	if x == y {
		return true
	}
	return math.Abs(x-y) <= rel*math.Max(math.Abs(x), math.Abs(y))
}

// Published figures of Rayson's log-likelihood calculator (two-term form), rounded as
// published.
func TestLogLikelihoodPublishedExamples(t *testing.T) {
	cases := []struct {
		source     string
		a, b, c, d int64
		want       float64 // as published
		decimals   int
	}{
		// The worked example given with the UCREL log-likelihood calculator
		// (http://ucrel.lancs.ac.uk/llwizard.html): a word 52 times in a corpus of 50,000
		// tokens and 57 times in one of 75,000 gives "Word 52 0.10 57 0.08 + 2.65"
		// (as reproduced in course slides, e.g. scribd.com/presentation/807361921/Corpus-2).
		{"llwizard example", 52, 57, 50000, 75000, 2.65, 2},
		// P. Rayson on the Corpora list, 18 Jan 2002
		// (listserv.linguistlist.org/pipermail/corpora/2002-January/002455.html): learner
		// vs native-speaker corpora "each a million words", LL rounded to 0 d.p.:
		// lemma KEEP 392 vs 170 → 90; keep 348 vs 99 → 147; keeps 15 vs 14 → 0;
		// keeping 9 vs 32 → 14; kept 21 vs 25 → 0.
		{"KEEP", 392, 170, 1e6, 1e6, 90, 0},
		{"keep", 348, 99, 1e6, 1e6, 147, 0},
		{"keeps", 15, 14, 1e6, 1e6, 0, 0},
		{"keeping", 9, 32, 1e6, 1e6, 14, 0},
		{"kept", 21, 25, 1e6, 1e6, 0, 0},
	}
	for _, tc := range cases {
		got := LogLikelihood(tc.a, tc.b, tc.c, tc.d)
		scale := math.Pow(10, float64(tc.decimals))
		if rounded := math.Round(got*scale) / scale; rounded != tc.want {
			t.Errorf("%s: LogLikelihood(%d, %d, %d, %d) = %.6f, rounds to %v, published %v",
				tc.source, tc.a, tc.b, tc.c, tc.d, got, rounded, tc.want)
		}
	}
	// The llwizard example's direction and rates: "+" (more frequent in corpus 1),
	// 0.10% and 0.08%, i.e. 10.4 and 7.6 per 10k.
	r := Score("word", 52, 57, 50000, 75000, Options{})
	if r.Use != Over || !near(r.TargetPer10k, 10.4, 1e-12) || !near(r.ReferencePer10k, 7.6, 1e-12) {
		t.Errorf("llwizard example row = %+v, want Over, 10.4, 7.6 per 10k", r)
	}
}

// The same example worked by hand:
//
//	N = 125000, a+b = 109, E1 = 50000×109/125000 = 43.6, E2 = 75000×109/125000 = 65.4
//	a ln(a/E1) = 52 ln(1.1926606) = 52 × 0.1762041 = 9.1626114
//	b ln(b/E2) = 57 ln(0.8715596) = 57 × −0.1374719 = −7.8359064
//	G² = 2 × 1.3267050 = 2.6534 (to the rounding of the logs above; exact 2.6517102)
//
// Chi-square: δ = (52×75000 − 57×50000)/125000 = (3900000 − 2850000)/125000 = 8.4;
// E3 = 50000×124891/125000 = 49956.4, E4 = 74934.6;
// X² = 8.4² × (1/43.6 + 1/65.4 + 1/49956.4 + 1/74934.6)
//
//	= 70.56 × (0.0229358 + 0.0152905 + 0.0000200 + 0.0000133) = 70.56 × 0.0382597 = 2.69961
//
// With Yates: (8.4 − 0.5)² × 0.0382597 = 62.41 × 0.0382597 = 2.38778.
// Log Ratio: log2((52/50000)/(57/75000)) = log2(0.00104/0.00076) = log2(1.3684211) = 0.452512.
func TestHandWorkedExample(t *testing.T) {
	if got := ChiSquare(52, 57, 50000, 75000, false); !near(got, 2.69961, 1e-5) {
		t.Errorf("ChiSquare = %.7f, want 2.69961", got)
	}
	if got := ChiSquare(52, 57, 50000, 75000, true); !near(got, 2.38778, 1e-5) {
		t.Errorf("ChiSquare(Yates) = %.7f, want 2.38778", got)
	}
	if got := LogRatio(52, 57, 50000, 75000, 0); !near(got, 0.452512, 1e-6) {
		t.Errorf("LogRatio = %.7f, want 0.452512", got)
	}
	// Zero frequency: log2((0.5/50000)/(57/75000)) = log2(0.00001/0.00076) = log2(1/76) = −6.247928.
	if got := LogRatio(0, 57, 50000, 75000, 0); !near(got, -math.Log2(76), 1e-12) {
		t.Errorf("LogRatio with a = 0: %.7f, want %.7f", got, -math.Log2(76))
	}
	// Equal relative frequencies (10/1000 = 20/2000): no difference at all.
	if g, x, lr := LogLikelihood4(10, 20, 1000, 2000), ChiSquare(10, 20, 1000, 2000, false), LogRatio(10, 20, 1000, 2000, 0); g != 0 || x != 0 || lr != 0 {
		t.Errorf("equal rates: G²=%v X²=%v LR=%v, want 0 0 0", g, x, lr)
	}
}

// PValue (erfc) against gonum's chi-square survival function (the regularised upper
// incomplete gamma function, an independent implementation); and the textbook critical
// values 3.841, 6.635, 10.828 and 15.137 for p = 0.05, 0.01, 0.001, 0.0001 (Rayson's
// calculator page lists them as 3.84, 6.63, 10.83, 15.13). scipy's chi2.sf is checked in
// TestAgainstScipy.
func TestPValue(t *testing.T) {
	for _, x := range []float64{0.001, 0.5, 1, 2.6517, 3.84, 10, 50, 200, 700} {
		want := distuv.ChiSquared{K: 1}.Survival(x)
		if got := PValue(x); !near(got, want, 1e-10) {
			t.Errorf("PValue(%v) = %.15g, gonum's ChiSquared{K: 1}.Survival gives %.15g", x, got, want)
		}
	}
	for _, c := range []struct{ x, p float64 }{
		{3.841458820694124, 0.05}, {6.634896601021214, 0.01}, {10.827566170662733, 0.001}, {15.136705226623606, 0.0001},
	} {
		if got := PValue(c.x); !near(got, c.p, 1e-9) {
			t.Errorf("PValue(%v) = %v, want %v", c.x, got, c.p)
		}
	}
	if PValue(0) != 1 {
		t.Error("PValue(0) != 1")
	}
}

// The four-term G² adds two non-negative terms to the two-term one.
func TestFourTermAtLeastTwoTerm(t *testing.T) {
	for _, c := range [][4]int64{{52, 57, 50000, 75000}, {0, 5, 100, 100}, {5, 0, 100, 100}, {90, 10, 100, 100}, {1, 1, 2, 3}} {
		g2, g4 := LogLikelihood(c[0], c[1], c[2], c[3]), LogLikelihood4(c[0], c[1], c[2], c[3])
		if g4 < g2 || g2 < 0 {
			t.Errorf("%v: two-term %v, four-term %v", c, g2, g4)
		}
	}
}

// keynessScript computes every statistic independently with scipy for a list of
// [a, b, c, d]: the two-term G² straight from its definition with xlogy; the four-term
// G², Pearson's X² and the Yates-corrected X² with scipy.stats.chi2_contingency; p with
// scipy.stats.chi2.sf; and, when mpmath is there, both G² forms with 60 significant
// digits from the plain definition (no cancellation-avoiding algebra), for the
// huge-corpus cases where float64 scipy loses digits.
const keynessScript = `
import json, sys, math
import numpy as np
from scipy.stats import chi2, chi2_contingency
from scipy.special import xlogy
try:
    import mpmath
    mpmath.mp.dps = 60
except ImportError:
    mpmath = None
out = []
for a, b, c, d in json.load(sys.stdin):
    n = c + d
    e1, e2 = c * (a + b) / n, d * (a + b) / n
    ll2 = 2 * (xlogy(a, a / e1) + xlogy(b, b / e2))
    table = np.array([[a, b], [c - a, d - b]], dtype=float)
    ll4 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
    x2 = chi2_contingency(table, correction=False)[0]
    x2y = chi2_contingency(table, correction=True)[0]
    lr = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
    row = {"ll2": float(ll2), "ll4": float(ll4), "x2": float(x2), "x2y": float(x2y),
           "p2": float(chi2.sf(ll2, 1)), "lr": lr}
    if mpmath:
        A, B, C, D = (mpmath.mpf(v) for v in (a, b, c, d))
        N = C + D
        def t(o, e):
            return o * mpmath.log(o / e) if o else mpmath.mpf(0)
        E1, E2 = C * (A + B) / N, D * (A + B) / N
        E3, E4 = C * (N - A - B) / N, D * (N - A - B) / N
        m2 = 2 * (t(A, E1) + t(B, E2))
        row["mp2"] = float(m2)
        row["mp4"] = float(m2 + 2 * (t(C - A, E3) + t(D - B, E4)))
    out.append(row)
json.dump(out, sys.stdout)
`

type scipyRow struct {
	LL2, LL4, X2, X2Y, P2, LR float64
	MP2, MP4                  *float64
}

func TestAgainstScipy(t *testing.T) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import scipy.stats").Run(); err != nil {
		t.Skipf("scipy not available to %s (apt-get install -y python3-scipy): %v", python, err)
	}
	cases := [][4]int64{
		{52, 57, 50000, 75000},
		{0, 57, 50000, 75000},
		{52, 0, 50000, 75000},
		{1, 0, 10, 10},
		{3, 3, 1000, 1000},          // |δ| = 0 < 0.5: the Yates floor
		{4, 3, 1000, 1000},          // |δ| = 0.5: Yates gives 0
		{5000, 100, 20000, 1000000}, // strongly over-used
		{100, 50000, 1000000, 2000000},
		{7, 13, 123457, 7654321},
		{1234, 56789, 3000000000, 70000000000}, // a·d overflows int64
		{3, 2900, 250000000, 9000000000},
		{123456, 234567, 400000000, 900000000},
	}
	in, _ := json.Marshal(cases)
	cmd := exec.Command(python, "-c", keynessScript)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("scipy script: %v\n%s", err, stderr.String())
	}
	var want []scipyRow
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		a, b, cc, d := c[0], c[1], c[2], c[3]
		w := want[i]
		huge := cc+d > 1e8 // scipy's float64 four-term sum loses digits here; mpmath decides
		check := func(name string, got, want, rel float64) {
			t.Helper()
			if !near(got, want, rel) {
				t.Errorf("%v %s = %.17g, reference %.17g", c, name, got, want)
			}
		}
		g2 := LogLikelihood(a, b, cc, d)
		check("LogLikelihood vs xlogy", g2, w.LL2, 1e-9)
		check("PValue(G²) vs chi2.sf", PValue(g2), w.P2, 1e-9)
		check("ChiSquare vs chi2_contingency", ChiSquare(a, b, cc, d, false), w.X2, 1e-9)
		check("ChiSquare(Yates) vs chi2_contingency(correction=True)", ChiSquare(a, b, cc, d, true), w.X2Y, 1e-9)
		check("LogRatio", LogRatio(a, b, cc, d, 0), w.LR, 1e-12)
		if !huge {
			check("LogLikelihood4 vs chi2_contingency(lambda_=log-likelihood)", LogLikelihood4(a, b, cc, d), w.LL4, 1e-9)
		}
		if w.MP2 != nil {
			check("LogLikelihood vs mpmath", g2, *w.MP2, 1e-12)
			check("LogLikelihood4 vs mpmath", LogLikelihood4(a, b, cc, d), *w.MP4, 1e-12)
		} else if huge {
			t.Logf("mpmath missing (apt-get install -y python3-mpmath): four-term G² of %v not checked", c)
		}
	}
}

func TestFormulasNameEveryStatistic(t *testing.T) {
	f := Formulas()
	for _, want := range []string{"2 (a ln(a/E1) + b ln(b/E2))", "(c-a) ln((c-a)/E3)", "erfc(sqrt(G2/2))", "Yates", "log2((a/c) / (b/d))", "0.5", "Rayson", "Dunning", "Hardie"} {
		if !strings.Contains(f, want) {
			t.Errorf("Formulas() lacks %q", want)
		}
	}
}
