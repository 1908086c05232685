package collocation

import (
	"math"
	"strings"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// vocab interns words for the tests.
type vocab struct {
	terms []string
	ids   map[string]uint32
}

func (v *vocab) of(text string) []uint32 {
	if v.ids == nil {
		v.ids = map[string]uint32{}
	}
	var out []uint32
	for _, w := range strings.Fields(text) {
		id, ok := v.ids[w]
		if !ok {
			id = uint32(len(v.terms))
			v.ids[w] = id
			v.terms = append(v.terms, w)
		}
		out = append(out, id)
	}
	return out
}

func (v *vocab) count(m []int64, w string) int64 {
	id, ok := v.ids[w]
	if !ok || int(id) >= len(m) {
		return 0
	}
	return m[id]
}

// A table worked by hand. Words a b c a d b a (positions 0–6), hits: every a; span 1,1.
// Windows: hit 0 → [b]; hit 3 → c [ ] d; hit 6 → b [ ]. So f1 = 3, R1 = 4, N = 7;
// b: O11 = 2, f2 = 2; E11 = 4·2/7 = 8/7; MI = log2(2·7/8) = log2 1.75 = 0.807355;
// t = (2 − 8/7)/√2 = 0.606092; logDice = 14 + log2(2·2/(3+2)) = 13.678072;
// G²: O = 2, 2, 0, 3; E = 8/7, 20/7, 6/7, 15/7;
// 2·(2 ln 1.75 + 2 ln 0.7 + 0 + 3 ln 1.4) = 2.830597.
func TestHandWorkedTable(t *testing.T) {
	c := NewCounts()
	var v vocab
	c.Add(v.of("a b c a d b a"), nil, []Hit{{0, 1}, {3, 4}, {6, 7}}, Span{1, 1})
	if c.N != 7 || c.Hits != 3 || c.R1 != 4 || v.count(c.CoOcc, "b") != 2 || v.count(c.CoOcc, "c") != 1 || v.count(c.CoOcc, "d") != 1 || v.count(c.Freq, "b") != 2 {
		t.Fatalf("counts: N %d hits %d R1 %d co %v freq %v", c.N, c.Hits, c.R1, c.CoOcc, c.Freq)
	}
	rows := c.Rows(v.terms, 1, ByG2)
	if rows[0].Term != "b" {
		t.Fatalf("first row %+v", rows[0])
	}
	r := rows[0]
	for _, x := range []struct {
		name      string
		got, want float64
	}{
		{"E11", r.Expected, 8.0 / 7}, {"MI", r.MI, 0.807355}, {"t", r.T, 0.606092},
		{"logDice", r.LogDice, 13.678072}, {"G2", r.G2, 2.830597},
	} {
		if !near(x.got, x.want, 1e-6) {
			t.Errorf("%s = %.7f, want %.7f", x.name, x.got, x.want)
		}
	}
}

// The filter's dropped words neither count in N nor fill the window: the window reaches
// past them.
func TestWindowSkipsDroppedWords(t *testing.T) {
	c := NewCounts()
	var v vocab
	kept := []bool{true, false, true, false, true, true}
	c.Add(v.of("x 的 a 的 y z"), kept, []Hit{{2, 3}}, Span{1, 1})
	if c.N != 4 || c.R1 != 2 || v.count(c.CoOcc, "x") != 1 || v.count(c.CoOcc, "y") != 1 || v.count(c.CoOcc, "的") != 0 {
		t.Fatalf("N %d R1 %d co %v", c.N, c.R1, c.CoOcc)
	}
}

// Published worked examples, with the window of one word to the right (adjacent bigrams),
// where E11 = f1·f2/N: Manning & Schütze 1999, Foundations of Statistical Natural Language
// Processing, §5.3.1 (t test, "new companies" in the New York Times corpus, N = 14,307,668:
// C(new) = 15,828, C(companies) = 4,675, C(new companies) = 8; t ≈ 0.999932) and §5.4
// (pointwise mutual information, "Ayatollah Ruhollah": C = 42, 20, 20; I = 18.38).
func TestPublishedExamples(t *testing.T) {
	const N = 14307668
	r := Measures(8, 15828, 4675, 15828, N)
	if !near(r.T, 0.999932, 1e-6) {
		t.Errorf("t(new companies) = %.6f, want 0.999932", r.T)
	}
	r = Measures(20, 42, 20, 42, N)
	if !near(r.MI, 18.38, 0.005) {
		t.Errorf("MI(Ayatollah Ruhollah) = %.4f, want 18.38", r.MI)
	}
	// The same through counting: 42 hits of "ayatollah", 20 of them followed by
	// "ruhollah", which occurs nowhere else, in a text padded to N words.
	c := NewCounts()
	c.Hits, c.R1, c.N = 42, 42, N
	c.Freq, c.CoOcc = []int64{0, 20}, []int64{0, 20}
	if rows := c.Rows([]string{"ayatollah", "ruhollah"}, 1, ByMI); len(rows) != 1 || !near(rows[0].MI, 18.38, 0.005) {
		t.Errorf("rows %+v", rows)
	}
}

// G² of a table against the log-likelihood ratio written as Dunning (1993, eq. for two
// binomials) does: −2 log λ = 2[log L(p1,k1,n1) + log L(p2,k2,n2) − log L(p,k1,n1) −
// log L(p,k2,n2)], an independent formula for the same statistic.
func TestG2AgainstDunningBinomials(t *testing.T) {
	logL := func(p, k, n float64) float64 {
		s := 0.0
		if k > 0 {
			s += k * math.Log(p)
		}
		if n-k > 0 {
			s += (n - k) * math.Log(1-p)
		}
		return s
	}
	for _, c := range [][4]int64{{150, 12593, 932, 14307668}, {10, 932, 2064, 14307668}, {2, 4, 2, 7}, {30, 200, 400, 10000}} {
		o11, r1, f2, n := float64(c[0]), float64(c[1]), float64(c[2]), float64(c[3])
		k1, n1, k2, n2 := o11, r1, f2-o11, n-r1
		p1, p2, p := k1/n1, k2/n2, (k1+k2)/(n1+n2)
		want := 2 * (logL(p1, k1, n1) + logL(p2, k2, n2) - logL(p, k1, n1) - logL(p, k2, n2))
		if got := Measures(c[0], c[1], c[2], c[1], c[3]).G2; !near(got, want, 1e-6*want) {
			t.Errorf("G2%v = %.6f, want %.6f", c, got, want)
		}
	}
}

// Overlapping windows: in a b a with hits on both a and span 1,1, b is in both windows and
// counts once (O11 = 1 = its frequency, R1 = 1).
func TestOverlappingWindowsCountOnce(t *testing.T) {
	c := NewCounts()
	var v vocab
	c.Add(v.of("a b a"), nil, []Hit{{0, 1}, {2, 3}}, Span{1, 1})
	if v.count(c.CoOcc, "b") != 1 || c.R1 != 1 || c.Hits != 2 {
		t.Fatalf("co %v R1 %d hits %d", c.CoOcc, c.R1, c.Hits)
	}
	// Span 2,2: each window reaches the other hit, which counts once too.
	c = NewCounts()
	c.Add(v.of("a b a"), nil, []Hit{{0, 1}, {2, 3}}, Span{2, 2})
	if v.count(c.CoOcc, "b") != 1 || v.count(c.CoOcc, "a") != 2 || c.R1 != 3 {
		t.Fatalf("co %v R1 %d", c.CoOcc, c.R1)
	}
}
