package keyness

import (
	"math"
	"testing"

	"github.com/baokan/baokan/analysis/terms"
)

// Target: 军 军 民 | 军 战   (c = 5: 军 3, 民 1, 战 1)
// Reference: 民 民 民 战 和  (d = 5: 民 3, 战 1, 和 1)
//
// Two-term G², with c = d the expectations are (a+b)/2:
//
//	军 a=3 b=0: E1 = 1.5;  G² = 2·3·ln(3/1.5) = 6 ln 2 = 4.158883
//	和 a=0 b=1: E2 = 0.5;  G² = 2·1·ln(1/0.5) = 2 ln 2 = 1.386294
//	民 a=1 b=3: E = 2;     G² = 2(ln ½ + 3 ln 1.5) = 2(−0.693147 + 1.216395) = 1.046496
//	战 a=1 b=1: G² = 0
//
// Log Ratio: 军 log2((3/5)/(0.5/5)) = log2 6 = 2.584963; 和 log2((0.5/5)/(1/5)) = −1;
// 民 log2(1/3) = −1.584963; 战 0. Per 10k: 3/5 → 6000, 1/5 → 2000.
func handFrequencies() (target, reference *terms.Counter) {
	target, reference = terms.NewCounter(), terms.NewCounter()
	target.AddDoc([]string{"军", "军", "民"})
	target.AddDoc([]string{"军", "战"})
	reference.AddDoc([]string{"民", "民", "民", "战", "和"})
	return target, reference
}

func TestCompareHandWorked(t *testing.T) {
	target, reference := handFrequencies()
	rows, err := Compare(target, reference, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		term     string
		a, b     int64
		t10, r10 float64
		g2, lr   float64
		use      Use
		rank     int
	}{
		{"军", 3, 0, 6000, 0, 6 * math.Ln2, math.Log2(6), Over, 1},
		{"和", 0, 1, 0, 2000, 2 * math.Ln2, -1, Under, 2},
		{"民", 1, 3, 2000, 6000, 1.0464962875291732, -math.Log2(3), Under, 3},
		{"战", 1, 1, 2000, 2000, 0, 0, Same, 4},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(rows), len(want), rows)
	}
	for i, w := range want {
		r := rows[i]
		if r.Term != w.term || r.TargetCount != w.a || r.ReferenceCount != w.b || r.Use != w.use || r.Rank != w.rank ||
			!near(r.TargetPer10k, w.t10, 1e-12) || !near(r.ReferencePer10k, w.r10, 1e-12) ||
			!near(r.G2, w.g2, 1e-9) || !near(r.LogRatio, w.lr, 1e-12) || !near(r.P, PValue(w.g2), 1e-12) {
			t.Errorf("row %d = %+v, want %+v", i, r, w)
		}
	}

	over, under := Split(rows)
	if len(over) != 1 || over[0].Term != "军" || len(under) != 2 || under[0].Term != "和" || under[1].Term != "民" {
		t.Errorf("Split: over %v, under %v", over, under)
	}

	// MinCount 2 drops 和 (a+b = 1) and keeps the under-used 民 (a = 1, a+b = 4).
	rows, _ = Compare(target, reference, Options{MinCount: 2})
	if len(rows) != 3 || rows[0].Term != "军" || rows[1].Term != "民" || rows[1].Rank != 2 {
		t.Errorf("MinCount 2: %+v", rows)
	}

	// The four-term form and Yates correction reach the rows.
	rows, _ = Compare(target, reference, Options{Form: FourTerm, Yates: true})
	if !near(rows[0].G2, LogLikelihood4(3, 0, 5, 5), 1e-15) || !near(rows[0].Chi2, ChiSquare(3, 0, 5, 5, true), 1e-15) {
		t.Errorf("four-term/Yates row: %+v", rows[0])
	}
}

// Ties in G² share a rank and are ordered by term.
func TestCompareTies(t *testing.T) {
	target, reference := terms.NewCounter(), terms.NewCounter()
	target.AddDoc([]string{"乙", "甲", "丙", "丙"})
	reference.AddDoc([]string{"丁", "丁", "丁", "丁"})
	rows, err := Compare(target, reference, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 丁 (0,4) scores highest; 丙 (2,0) next; 甲 and 乙 (1,0) tie: 乙 U+4E59 < 甲 U+7532.
	order := []string{"丁", "丙", "乙", "甲"}
	ranks := []int{1, 2, 3, 3}
	for i, r := range rows {
		if r.Term != order[i] || r.Rank != ranks[i] {
			t.Errorf("row %d = %s rank %d, want %s rank %d", i, r.Term, r.Rank, order[i], ranks[i])
		}
	}
}

func TestCompareErrors(t *testing.T) {
	target, reference := handFrequencies()
	if _, err := Compare(target, terms.NewCounter(), Options{}); err != ErrEmptyCorpus {
		t.Errorf("empty reference: %v, want ErrEmptyCorpus", err)
	}
	if _, err := Compare(target, reference, Options{Form: 9}); err == nil {
		t.Error("unknown form accepted")
	}
}

func BenchmarkCompare(b *testing.B) {
	// A Zipf-like vocabulary of 100,000 terms in both corpora.
	target, reference := terms.NewCounter(), terms.NewCounter()
	doc := make([]string, 0, 1<<20)
	for i := 1; i <= 100000; i++ {
		term := string(rune(0x4E00+i%20000)) + string(rune(0x4E00+i/20000))
		for range 1 + 100000/(i*3) {
			doc = append(doc, term)
		}
	}
	target.AddDoc(doc[:len(doc)/3])
	reference.AddDoc(doc[len(doc)/3:])
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compare(target, reference, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestParseG2Form(t *testing.T) {
	for _, f := range []G2Form{TwoTerm, FourTerm} {
		if g, err := ParseG2Form(f.String()); err != nil || g != f {
			t.Errorf("ParseG2Form(%q) = %v, %v", f, g, err)
		}
	}
	if _, err := ParseG2Form("three-term"); err == nil {
		t.Error("ParseG2Form accepted three-term")
	}
}
