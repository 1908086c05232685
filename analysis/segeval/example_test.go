package segeval_test

import (
	"fmt"

	"github.com/baokan/baokan/analysis/segeval"
)

func ExampleScore() {
	gold := [][]string{{"我们", "在", "北京", "工作", "。"}}
	test := [][]string{{"我们", "在北京", "工作", "。"}}
	training := map[string]struct{}{"我们": {}, "在": {}, "工作": {}, "。": {}}
	r, err := segeval.Score(gold, test, training)
	if err != nil {
		panic(err)
	}
	fmt.Printf("P %.3f R %.3f F1 %.3f OOV rate %.3f OOV recall %.3f IV recall %.3f\n",
		r.Precision, r.Recall, r.F1, r.OOVRate, r.OOVRecall, r.IVRecall)
	// Output:
	// P 0.750 R 0.600 F1 0.667 OOV rate 0.200 OOV recall 0.000 IV recall 0.750
}
