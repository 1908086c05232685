package index

import (
	"math"
	"strings"
	"testing"
)

// Expressions over three categories E, P, U, evaluated by hand on all 8 combinations.
func TestExprByHand(t *testing.T) {
	names := []string{"E", "P", "U"}
	cases := []struct {
		expr string
		want string // the 8 results for (E,P,U) = 000, 001, 010, 011, 100, 101, 110, 111
	}{
		{"E AND P AND U", "00000001"},
		{"E P U", "00000001"},
		{"E OR P", "00111111"},
		{"NOT E", "11110000"},
		{"E AND NOT P", "00001100"},
		{"E OR P AND U", "00011111"},   // AND first: E OR (P AND U)
		{"(E OR P) AND U", "00010101"}, // 011, 101, 111
		{"NOT (E OR U)", "10100000"},   // 000, 010
		{"NOT NOT U", "01010101"},
		{`"E" AND (P OR NOT U)`, "00001011"}, // 100, 110, 111
	}
	for _, c := range cases {
		e, err := Parse(c.expr, names)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		var got strings.Builder
		for bits := range 8 {
			m := []bool{bits&4 != 0, bits&2 != 0, bits&1 != 0}
			if e.Eval(m) {
				got.WriteByte('1')
			} else {
				got.WriteByte('0')
			}
		}
		if got.String() != c.want {
			t.Errorf("%s: %s, want %s", c.expr, got.String(), c.want)
		}
	}
}

func TestExprErrors(t *testing.T) {
	names := []string{"economy", "policy.fiscal"}
	for _, c := range []struct{ expr, want string }{
		{"economy AND", "at the end"},
		{"economy AND tax", `no category "tax"`},
		{"(economy", "missing )"},
		{"economy)", `unexpected ")"`},
		{"", "empty"},
		{"OR economy", `not "OR"`},
		{`"economy`, "unclosed quote"},
	} {
		_, err := Parse(c.expr, names)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.expr, err, c.want)
		}
	}
	if _, err := Parse("economy AND NOT policy.fiscal", names); err != nil {
		t.Error(err)
	}
}

// The scaling of a series computed by hand. Shares 0.1, 0.2, 0.3, NaN, 0.4 with the base
// the first three periods: mean 0.2, sample sd √((0.01+0+0.01)/2) = 0.1; Y = X/0.1 = 1, 2,
// 3, NaN, 4; mean(Y) over the base = 2; I = 100·Y/2 = 50, 100, 150, NaN, 200.
func TestBakerBloomDavisByHand(t *testing.T) {
	got, err := BakerBloomDavis([]float64{0.1, 0.2, 0.3, math.NaN(), 0.4}, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{50, 100, 150, math.NaN(), 200}
	for i := range want {
		if math.IsNaN(want[i]) != math.IsNaN(got[i]) || !math.IsNaN(want[i]) && math.Abs(got[i]-want[i]) > 1e-9 {
			t.Errorf("period %d: %v, want %v", i, got[i], want[i])
		}
	}
	// The whole range as the base (a NaN period left out): X = 0.1, 0.2, 0.3, 0.4, mean
	// 0.25, so I = 100·X/0.25 = 40, 80, 120, 160 (the sd cancels, as stated).
	got, err = BakerBloomDavis([]float64{0.1, 0.2, 0.3, math.NaN(), 0.4}, 0, 4)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{40, 80, 120, math.NaN(), 160} {
		if math.IsNaN(w) != math.IsNaN(got[i]) || !math.IsNaN(w) && math.Abs(got[i]-w) > 1e-9 {
			t.Errorf("whole base, period %d: %v, want %v", i, got[i], w)
		}
	}
	if _, err := BakerBloomDavis([]float64{0.2, 0.2}, 0, 1); err == nil {
		t.Error("a constant base: want an error")
	}
	if _, err := BakerBloomDavis([]float64{0.2, math.NaN()}, 0, 1); err == nil {
		t.Error("one period in the base: want an error")
	}
}
