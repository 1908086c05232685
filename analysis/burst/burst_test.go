package burst

import (
	"math"
	"slices"
	"testing"
)

// The hand-worked example: five batches of d = 100 items, r = 5, 5, 30, 30, 5.
//
//	p₀ = 75/500 = 0.15, p₁ = 2·p₀ = 0.30, n = 5, τ(0,1) = γ·ln 5 = 1.609438 (γ = 1).
//	ln C(100,5) = 18.136825, ln C(100,30) = 58.642096 (ln of math.comb, Python).
//	σ(0,5)  = −(18.136825 + 5·ln 0.15 + 95·ln 0.85) = −(18.136825 − 9.485600 − 15.439298) =  6.788073
//	σ(1,5)  = −(18.136825 + 5·ln 0.30 + 95·ln 0.70) = −(18.136825 − 6.019864 − 33.884120) = 21.767159
//	σ(0,30) = −(58.642096 + 30·ln 0.15 + 70·ln 0.85) = −(58.642096 − 56.913597 − 11.376325) = 9.647829
//	σ(1,30) = −(58.642096 + 30·ln 0.30 + 70·ln 0.70) = −(58.642096 − 36.119184 − 24.967247) = 2.444335
//
// All in state 0 costs 3·6.788073 + 2·9.647829 = 39.659877; going up for the two batches
// of 30 costs 3·6.788073 + 2·2.444335 + 1.609438 = 26.862327, the least (staying up for
// the last batch would add 21.767159 − 6.788073 = 14.979086). So the states are
// 0 0 1 1 0 and the burst's weight is 2·(9.647829 − 2.444335) = 14.406988.
var (
	exampleR = []int{5, 5, 30, 30, 5}
	exampleD = []int{100, 100, 100, 100, 100}
)

func TestCostByHand(t *testing.T) {
	for _, c := range []struct {
		r    int
		p    float64
		want float64
	}{{5, 0.15, 6.788073}, {5, 0.30, 21.767159}, {30, 0.15, 9.647829}, {30, 0.30, 2.444335}} {
		if got := Cost(c.r, 100, c.p); math.Abs(got-c.want) > 1e-6 {
			t.Errorf("Cost(%d, 100, %v) = %.6f, want %.6f", c.r, c.p, got, c.want)
		}
	}
}

func TestHandWorkedExample(t *testing.T) {
	states, err := Default().States(exampleR, exampleD)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{0, 0, 1, 1, 0}; !slices.Equal(states, want) {
		t.Errorf("states %v, want %v", states, want)
	}
	bursts, err := Default().Bursts(exampleR, exampleD)
	if err != nil {
		t.Fatal(err)
	}
	if len(bursts) != 1 || bursts[0].Start != 2 || bursts[0].End != 3 || bursts[0].Level != 1 ||
		math.Abs(bursts[0].Weight-14.406988) > 1e-6 {
		t.Errorf("bursts %+v, want one from 2 to 3 of weight 14.406988", bursts)
	}
}

// TestGammaPricesTheBurst: going up costs γ·ln 5, worth it while it is below the
// 14.406988 the burst saves (see the example above): γ = 8 gives 12.875503, γ = 9 gives
// 14.484941.
func TestGammaPricesTheBurst(t *testing.T) {
	for _, c := range []struct {
		gamma float64
		want  int
	}{{0, 1}, {8, 1}, {9, 0}} {
		b, err := Model{S: 2, Gamma: c.gamma}.Bursts(exampleR, exampleD)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != c.want {
			t.Errorf("γ = %v: %d bursts, want %d", c.gamma, len(b), c.want)
		}
	}
}

// TestTwoBursts: a quiet batch between two busy ones ends the first burst when staying up
// costs more than going up again. r = 1,20,1,1,1,20,1 of 100: p₀ = 45/700, p₁ = 2p₀;
// a batch of 1 costs σ(1,t) − σ(0,t) = −[ln(p₁/p₀) + 99·ln((1−p₁)/(1−p₀))]
// = −[0.693147 − 99·0.071176] = 6.353304 more in the burst state (Python's math.log), so
// staying up through the three quiet batches (19.059913) costs more than going up again
// (τ = ln 7 = 1.945910): two bursts.
func TestTwoBursts(t *testing.T) {
	r := []int{1, 20, 1, 1, 1, 20, 1}
	d := []int{100, 100, 100, 100, 100, 100, 100}
	b, err := Default().Bursts(r, d)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 2 || b[0].Start != 1 || b[0].End != 1 || b[1].Start != 5 || b[1].End != 5 {
		t.Errorf("bursts %+v, want [1,1] and [5,5]", b)
	}
}

func TestNothingToFind(t *testing.T) {
	for _, c := range []struct{ r, d []int }{
		{[]int{0, 0, 0}, []int{10, 10, 10}}, // nothing relevant
		{[]int{10, 5, 0}, []int{10, 5, 0}},  // everything relevant
		{[]int{3, 3, 3}, []int{10, 10, 10}}, // a constant rate
		{[]int{}, []int{}},                  // no batch
		{[]int{0, 4, 0}, []int{0, 10, 0}},   // empty batches around one
	} {
		b, err := Default().Bursts(c.r, c.d)
		if err != nil || len(b) != 0 {
			t.Errorf("r %v d %v: bursts %v, err %v; want none", c.r, c.d, b, err)
		}
	}
}

// TestRateCapped: s·p₀ = 4·(10/30) > 1, so p₁ = 0.9999 and the batch where all is
// relevant is a burst: σ(0,10 of 10) = −10·ln(1/3) = 10.986123 against σ(1) =
// −10·ln 0.9999 = 0.001000, which pays for τ = ln 3.
func TestRateCapped(t *testing.T) {
	b, err := Model{S: 4, Gamma: 1}.Bursts([]int{0, 0, 10}, []int{10, 10, 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 1 || b[0].Start != 2 || math.Abs(b[0].Weight-(10.986123-0.001000)) > 1e-5 {
		t.Errorf("bursts %+v, want one at 2 of weight 10.985123", b)
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		m    Model
		r, d []int
	}{
		{Model{S: 1, Gamma: 1}, []int{1}, []int{2}},
		{Model{S: 2, Gamma: -1}, []int{1}, []int{2}},
		{Model{S: math.NaN(), Gamma: 1}, []int{1}, []int{2}},
		{Default(), []int{1, 2}, []int{2}},
		{Default(), []int{3}, []int{2}},
		{Default(), []int{-1}, []int{2}},
	} {
		if _, err := c.m.Bursts(c.r, c.d); err == nil {
			t.Errorf("%+v r %v d %v: no error", c.m, c.r, c.d)
		}
	}
}

// TestEmptyBatches: an empty batch (d = 0) costs 0 in both states, so the tie rule (the
// lower state) keeps it out of a burst's start and end; inside a burst it stays in (going
// down and up again would cost τ once more). The batches are those of the hand-worked
// example, in another order, with an empty one inserted: p₀ and p₁ are unchanged (0.15,
// 0.30; the empty batch adds nothing to Σr or Σd), and so are the costs of the other
// batches; n = 6, τ = ln 6 = 1.791759, still below the 14.406988 the burst saves.
//
//   - before the burst, 5 5 · 30 30 5: going up at the empty batch or at the next costs
//     the same, 3·6.788073 + 2·2.444335 + τ; the lower state is taken: 0 0 0 1 1 0, the
//     burst 3–4 of weight 14.406988 (the example's);
//   - after it, 5 5 30 30 · 5: staying up through the empty batch or going down before
//     it costs the same: 0 0 1 1 0 0, the burst 2–3;
//   - at the end of the series, 5 5 5 30 30 ·: likewise, 0 0 0 1 1 0, the burst 3–4;
//   - inside it, 5 5 30 · 30 5: staying up costs 0 for the empty batch, going down and up
//     again τ: 0 0 1 1 1 0, one burst 2–4 of weight 2·(9.647829 − 2.444335) = 14.406988
//     (the empty batch weighs 0), rather than two bursts.
func TestEmptyBatches(t *testing.T) {
	for _, c := range []struct {
		name   string
		r, d   []int
		states []int
		burst  Burst
	}{
		{"before", []int{5, 5, 0, 30, 30, 5}, []int{100, 100, 0, 100, 100, 100}, []int{0, 0, 0, 1, 1, 0}, Burst{3, 4, 1, 14.406988}},
		{"after", []int{5, 5, 30, 30, 0, 5}, []int{100, 100, 100, 100, 0, 100}, []int{0, 0, 1, 1, 0, 0}, Burst{2, 3, 1, 14.406988}},
		{"at the end", []int{5, 5, 5, 30, 30, 0}, []int{100, 100, 100, 100, 100, 0}, []int{0, 0, 0, 1, 1, 0}, Burst{3, 4, 1, 14.406988}},
		{"inside", []int{5, 5, 30, 0, 30, 5}, []int{100, 100, 100, 0, 100, 100}, []int{0, 0, 1, 1, 1, 0}, Burst{2, 4, 1, 14.406988}},
	} {
		states, err := Default().States(c.r, c.d)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(states, c.states) {
			t.Errorf("%s: states %v, want %v", c.name, states, c.states)
		}
		bursts, err := Default().Bursts(c.r, c.d)
		if err != nil {
			t.Fatal(err)
		}
		if len(bursts) != 1 || bursts[0].Start != c.burst.Start || bursts[0].End != c.burst.End ||
			math.Abs(bursts[0].Weight-c.burst.Weight) > 1e-6 {
			t.Errorf("%s: bursts %+v, want %+v", c.name, bursts, c.burst)
		}
	}
}
