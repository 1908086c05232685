package tfidf

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/baokan/baokan/analysis/terms"
)

// The hand-worked corpus, N = 3:
//
//	d1: a a b      |d1| = 3
//	d2: a c        |d2| = 2
//	d3: a b d d    |d3| = 4
//
// df: a 3, b 2, c 1, d 1.
var handDocs = [][]string{{"a", "a", "b"}, {"a", "c"}, {"a", "b", "d", "d"}}

// Smooth idf = ln((1+3)/(1+df)) + 1:
//
//	a: ln(4/4)+1 = 1
//	b: ln(4/3)+1 = 0.28768207245178 + 1 = 1.28768207245178
//	c, d: ln(4/2)+1 = 0.69314718055995 + 1 = 1.69314718055995
//
// Plain idf = ln(3/df): a: ln 1 = 0; b: ln 1.5 = 0.40546510810816; c, d: ln 3 = 1.09861228866811.
const (
	idfSmoothA  = 1.0
	idfSmoothB  = 1.2876820724517808
	idfSmoothCD = 1.6931471805599454
	idfPlainB   = 0.4054651081081644
	idfPlainCD  = 1.0986122886681098
)

func fit(t *testing.T, s Scheme, docs [][]string) *Model {
	t.Helper()
	var c terms.Counter
	for _, d := range docs {
		c.AddDoc(d)
	}
	m, err := NewModel(s, &c)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

type want struct {
	term  string
	count int64
	tf    float64
	df    int64
	idf   float64
	tfidf float64
	rank  int
}

func check(t *testing.T, label string, got []Row, doc string, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("%s: %d rows, want %d: %+v", label, len(got), len(wants), got)
	}
	for i, w := range wants {
		g := got[i]
		if g.Doc != doc || g.Term != w.term || g.Count != w.count || g.DF != w.df || g.Rank != w.rank ||
			!near(g.TF, w.tf) || !near(g.IDF, w.idf) || !near(g.TFIDF, w.tfidf) {
			t.Errorf("%s row %d = %+v, want %+v", label, i, g, w)
		}
	}
}

func near(x, y float64) bool { return math.Abs(x-y) <= 1e-12*math.Max(1, math.Abs(y)) }

func TestHandWorkedSmoothRaw(t *testing.T) {
	w := fit(t, Scheme{TF: Raw, IDF: Smooth}, handDocs).NewWeigher()
	// d3 raw: a 1×1 = 1; b 1×1.28768 = 1.28768; d 2×1.69315 = 3.38629.
	check(t, "d3", w.Top("d3", handDocs[2], 0), "d3", []want{
		{"d", 2, 2, 1, idfSmoothCD, 2 * idfSmoothCD, 1},
		{"b", 1, 1, 2, idfSmoothB, idfSmoothB, 2},
		{"a", 1, 1, 3, idfSmoothA, 1, 3},
	})
}

func TestHandWorkedSmoothRawL2(t *testing.T) {
	w := fit(t, Scheme{TF: Raw, IDF: Smooth, L2: true}, handDocs).NewWeigher()
	// d1: a 2×1 = 2, b 1×1.28768207 = 1.28768207;
	// norm = sqrt(2² + 1.28768207²) = sqrt(4 + 1.65812511) = sqrt(5.65812511) = 2.37868986;
	// a: 2/2.37868986 = 0.84080197, b: 1.28768207/2.37868986 = 0.54134281.
	check(t, "d1", w.Top("d1", handDocs[0], 0), "d1", []want{
		{"a", 2, 2, 3, idfSmoothA, 0.8408019731721111, 1},
		{"b", 1, 1, 2, idfSmoothB, 0.5413428136679054, 2},
	})
	// d2: a 1, c 1.69314718; norm = sqrt(1 + 2.86674738) = 1.96640469;
	// a: 0.50854232, c: 0.86103700. Top(1) keeps the heavier.
	check(t, "d2", w.Top("d2", handDocs[1], 1), "d2", []want{
		{"c", 1, 1, 1, idfSmoothCD, 0.8610369959439764, 1},
	})
}

func TestHandWorkedLogTF(t *testing.T) {
	w := fit(t, Scheme{TF: Log, IDF: Smooth, L2: true}, handDocs).NewWeigher()
	// d3: tf(d) = 1 + ln 2 = 1.69314718, tf(a) = tf(b) = 1 + ln 1 = 1.
	// weights: d 1.69314718×1.69314718 = 2.86674738, b 1.28768207, a 1;
	// norm = sqrt(8.21824053 + 1.65812511 + 1) = sqrt(10.87636564) = 3.29793354;
	// d 0.86925565, b 0.39045119, a 0.30322018.
	check(t, "d3", w.Top("d3", handDocs[2], 0), "d3", []want{
		{"d", 2, 1 + math.Ln2, 1, idfSmoothCD, 0.8692556537495689, 1},
		{"b", 1, 1, 2, idfSmoothB, 0.3904511891968853, 2},
		{"a", 1, 1, 3, idfSmoothA, 0.30322017953814945, 3},
	})
}

func TestHandWorkedNormalizedPlain(t *testing.T) {
	w := fit(t, Scheme{TF: Normalized, IDF: Plain}, handDocs).NewWeigher()
	// d3, |d3| = 4: tf d = 2/4, b = 1/4, a = 1/4.
	// d: 0.5×1.09861229 = 0.54930614; b: 0.25×0.40546511 = 0.10136628; a: 0.25×0 = 0.
	check(t, "d3", w.Top("d3", handDocs[2], 0), "d3", []want{
		{"d", 2, 0.5, 1, idfPlainCD, 0.5493061443340549, 1},
		{"b", 1, 0.25, 2, idfPlainB, 0.1013662770270411, 2},
		{"a", 1, 0.25, 3, 0, 0, 3},
	})
	// Plain + L2 on d1: a weighs 0, so b carries the whole norm: b = 1.
	w = fit(t, Scheme{TF: Raw, IDF: Plain, L2: true}, handDocs).NewWeigher()
	check(t, "d1 L2", w.Top("d1", handDocs[0], 0), "d1", []want{
		{"b", 1, 1, 2, idfPlainB, 1, 1},
		{"a", 2, 2, 3, 0, 0, 2},
	})
}

func TestTiesAndUnseenTerms(t *testing.T) {
	w := fit(t, Scheme{TF: Raw, IDF: Smooth}, handDocs).NewWeigher()
	// c and d have the same df and count here: equal weights 1.69314718, ranked 1,1 and
	// ordered by term; "z" was never fitted (df 0) and is left out.
	check(t, "new doc", w.Top("new", []string{"d", "z", "c", "a"}, 0), "new", []want{
		{"c", 1, 1, 1, idfSmoothCD, idfSmoothCD, 1},
		{"d", 1, 1, 1, idfSmoothCD, idfSmoothCD, 1},
		{"a", 1, 1, 3, 1, 1, 3},
	})
	if rows := w.Top("empty", nil, 5); len(rows) != 0 {
		t.Errorf("empty document gave rows %v", rows)
	}
}

// Weighing a document from its term counts must equal weighing its tokens (up to the
// last bit of the L2 norm, whose summation order differs), on the hand corpus and on
// real articles, for every scheme and for top-n cuts (the bounded heap) as well as
// full lists (the sort).
func TestTopCountsMatchesTop(t *testing.T) {
	corpora := map[string][][]string{"hand": handDocs}
	if testing.Short() {
		t.Log("-short: real articles skipped")
	} else {
		corpora["real"] = realDocs(t)
	}
	for name, docs := range corpora {
		for _, s := range allSchemes() {
			m := fit(t, s, docs)
			w := m.NewWeigher()
			for i, d := range docs {
				var c terms.Counter
				c.AddDoc(d)
				all := w.Top("x", d, 0)
				for _, n := range []int{0, 1, 7} {
					a, b := w.Top("x", d, n), w.TopCounts("x", &c, n)
					if prefix := all[:min(n, len(all))]; n > 0 && !reflect.DeepEqual(a, prefix) {
						t.Fatalf("%s %v doc %d: Top(%d) = %+v, not the first rows of Top(0) %+v", name, s, i, n, a, prefix)
					}
					if !sameRows(a, b) {
						t.Fatalf("%s %v doc %d top %d:\nTop       %+v\nTopCounts %+v", name, s, i, n, a, b)
					}
				}
			}
		}
	}
}

func sameRows(a, b []Row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Doc != y.Doc || x.Term != y.Term || x.Count != y.Count || x.DF != y.DF || x.TF != y.TF ||
			x.IDF != y.IDF || x.Rank != y.Rank || !near(x.TFIDF, y.TFIDF) {
			return false
		}
	}
	return true
}

func TestSchemeParsingAndFormulas(t *testing.T) {
	for _, s := range allSchemes() {
		tf, err := ParseTF(s.TF.String())
		if err != nil || tf != s.TF {
			t.Errorf("ParseTF(%q) = %v, %v", s.TF, tf, err)
		}
		idf, err := ParseIDF(s.IDF.String())
		if err != nil || idf != s.IDF {
			t.Errorf("ParseIDF(%q) = %v, %v", s.IDF, idf, err)
		}
		f := s.Formula()
		if !strings.Contains(f, s.TF.Formula()) || !strings.Contains(f, s.IDF.Formula()) ||
			strings.Contains(f, L2Formula) != s.L2 {
			t.Errorf("%v: Formula() = %q", s, f)
		}
	}
	if _, err := ParseTF("bm25"); err == nil {
		t.Error("ParseTF accepted bm25")
	}
	if _, err := ParseIDF("prob"); err == nil {
		t.Error("ParseIDF accepted prob")
	}
	if _, err := NewModel(Scheme{TF: 7}, &terms.Counter{}); err == nil {
		t.Error("NewModel accepted an unknown tf")
	}
	if _, err := NewModel(Scheme{}, &terms.Counter{}); err != ErrNoDocuments {
		t.Errorf("NewModel on an empty corpus: %v, want ErrNoDocuments", err)
	}
	all := Formulas()
	for _, want := range []string{"raw", "log", "normalized", "smooth", "plain", "ln((1+N)/(1+df(t))) + 1", "ln(N/df(t))", "1 + ln f(t,d)", L2Formula} {
		if !strings.Contains(all, want) {
			t.Errorf("Formulas() lacks %q", want)
		}
	}
}

func allSchemes() []Scheme {
	var out []Scheme
	for _, tf := range []TF{Raw, Log, Normalized} {
		for _, idf := range []IDF{Smooth, Plain} {
			for _, l2 := range []bool{false, true} {
				out = append(out, Scheme{TF: tf, IDF: idf, L2: l2})
			}
		}
	}
	return out
}
