package burst_test

import (
	"fmt"

	"github.com/baokan/baokan/analysis/burst"
)

// Eight months of 20 articles each; r counts those naming one person. The expected burst
// was found independently by trying all 2⁸ state sequences in Python (the cost of the
// package doc, math.lgamma for C(d, r), p₀ = 22/160, p₁ = 2p₀, γ·ln 8 per step up) and
// keeping the cheapest: months 3 and 4 in the burst state, weight
// Σ[σ(0,t) − σ(1,t)] = 7.7892.
func Example() {
	r := []int{1, 0, 2, 9, 8, 1, 0, 1}
	d := []int{20, 20, 20, 20, 20, 20, 20, 20}
	bursts, err := burst.Default().Bursts(r, d)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range bursts {
		fmt.Printf("months %d–%d, level %d, weight %.4f\n", b.Start, b.End, b.Level, b.Weight)
	}
	// Output:
	// months 3–4, level 1, weight 7.7892
}
