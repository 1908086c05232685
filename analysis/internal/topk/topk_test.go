package topk

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSelectMatchesSort: for random scores with ties, Select gives the prefix of a full
// sort by (score desc, id asc), whatever n and the input order.
func TestSelectMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		m := r.IntN(300)
		score := make([]int, m)
		for i := range score {
			score[i] = r.IntN(20)
		}
		better := func(x, y int32) bool {
			if score[x] != score[y] {
				return score[x] > score[y]
			}
			return x < y
		}
		ids := make([]int32, m)
		for i := range ids {
			ids[i] = int32(i)
		}
		want := slices.Clone(ids)
		slices.SortFunc(want, func(x, y int32) int {
			if better(x, y) {
				return -1
			}
			return 1
		})
		r.Shuffle(m, func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		for _, n := range []int{0, 1, 5, m / 2, m, m + 3} {
			got := Select(slices.Values(ids), n, better, nil)
			k := len(want)
			if n > 0 && n < k {
				k = n
			}
			if !slices.Equal(got, want[:k]) {
				t.Fatalf("m=%d n=%d: got %v, want %v", m, n, got, want[:k])
			}
		}
	}
}
