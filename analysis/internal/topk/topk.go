// Package topk selects the best n of many items, in order, with a bounded heap: the ranked
// tables of the word statistics (terms by count, keywords by weight) need the first few of
// a large vocabulary, and sorting it all would cost O(V log V).
package topk

import (
	"iter"
	"slices"
)

// Select returns the ids of ids that come first by better, best first; all of them when n
// <= 0. better(x, y) reports whether x comes before y; it must be a strict total order
// (break ties, e.g. by term) so that the result does not depend on the input order. buf is
// reused for the result when it has room. Cost: O(m log n) for m ids.
func Select(ids iter.Seq[int32], n int, better func(x, y int32) bool, buf []int32) []int32 {
	h := buf[:0]
	for id := range ids {
		switch {
		case n <= 0 || len(h) < n:
			h = append(h, id)
			if n > 0 {
				siftUp(h, len(h)-1, better)
			}
		case better(id, h[0]):
			h[0] = id
			siftDown(h, 0, better)
		}
	}
	slices.SortFunc(h, func(x, y int32) int {
		switch {
		case better(x, y):
			return -1
		case better(y, x):
			return 1
		}
		return 0
	})
	return h
}

// The heap keeps the worst id kept so far at the root: no parent comes before its children.
func siftUp(h []int32, i int, better func(x, y int32) bool) {
	for i > 0 {
		p := (i - 1) / 2
		if !better(h[p], h[i]) {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func siftDown(h []int32, i int, better func(x, y int32) bool) {
	for {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && better(h[worst], h[l]) {
			worst = l
		}
		if r < len(h) && better(h[worst], h[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}
