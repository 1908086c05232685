package explorer

import (
	"slices"
	"testing"
)

// TestMergeCounts: sparse counts plus dense ones, worked by hand.
func TestMergeCounts(t *testing.T) {
	w := &wordCounts{ids: []uint32{1, 4, 9}, counts: []uint32{2, 1, 5}, tokens: 8}
	got := w.merge([]uint32{0, 3, 0, 0, 2, 1}) // ids 1, 4, 5 (9 is past the dense end)
	if !slices.Equal(got.ids, []uint32{1, 4, 5, 9}) || !slices.Equal(got.counts, []uint32{5, 3, 1, 5}) || got.tokens != 8 {
		t.Errorf("merge: %+v", got)
	}
	if got := (*wordCounts)(nil).merge([]uint32{0, 7}); !slices.Equal(got.ids, []uint32{1}) || !slices.Equal(got.counts, []uint32{7}) {
		t.Errorf("merge into nothing: %+v", got)
	}
}
