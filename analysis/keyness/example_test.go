package keyness_test

import (
	"fmt"

	"github.com/baokan/baokan/analysis/keyness"
	"github.com/baokan/baokan/analysis/terms"
)

func ExampleCompare() {
	// Target: the articles matching the filter; reference: all the others.
	// (p-values checked with scipy.stats.chi2.sf: 0.041417, 0.239032, 0.306315.)
	target, reference := terms.NewCounter(), terms.NewCounter()
	target.AddDoc([]string{"军", "军", "民"})
	target.AddDoc([]string{"军", "战"})
	reference.AddDoc([]string{"民", "民", "民", "战", "和"})

	rows, err := keyness.Compare(target, reference, keyness.Options{})
	if err != nil {
		panic(err)
	}
	for _, r := range rows {
		fmt.Printf("%s %d %d g2=%.4f p=%.4f log_ratio=%+.3f %s\n",
			r.Term, r.TargetCount, r.ReferenceCount, r.G2, r.P, r.LogRatio, r.Use)
	}
	// Output:
	// 军 3 0 g2=4.1589 p=0.0414 log_ratio=+2.585 over
	// 和 0 1 g2=1.3863 p=0.2390 log_ratio=-1.000 under
	// 民 1 3 g2=1.0465 p=0.3063 log_ratio=-1.585 under
	// 战 1 1 g2=0.0000 p=1.0000 log_ratio=+0.000 same
}

// Rayson's calculator example: 52 in 50,000 tokens against 57 in 75,000.
func ExampleLogLikelihood() {
	g2 := keyness.LogLikelihood(52, 57, 50000, 75000)
	fmt.Printf("G2 = %.2f, p = %.3f\n", g2, keyness.PValue(g2))
	// Output:
	// G2 = 2.65, p = 0.103
}
