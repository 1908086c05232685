package network

import (
	"reflect"
	"slices"
	"testing"
)

// TestMerge: counting the twenty-node articles in shares, one Builder (and SliceBuilder) a
// share, and merging the shares gives the network and slices one Builder fed with every
// article gives, for contiguous and interleaved shares merged in any order (the network
// orders everything by name, so the interning order of a merge does not show).
func TestMerge(t *testing.T) {
	docs := twentyDocs()
	docs = append(docs, Doc{Persons: []string{"毛泽东", "周恩来"}}) // undated
	opts := Options{Seed: 1}
	want, err := Build(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	wantSlices, wantUndated, err := BuildSlices(docs, ByDecade, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, shares := range []int{1, 2, 3, 7} {
		for _, interleaved := range []bool{false, true} {
			parts := make([]*Builder, shares)
			sliced := make([]*SliceBuilder, shares)
			for w := range parts {
				parts[w] = NewBuilder()
				sliced[w], _ = NewSliceBuilder(ByDecade)
			}
			for i, d := range docs {
				w := i * shares / len(docs)
				if interleaved {
					w = (i * 5) % shares
				}
				parts[w].Add(d)
				sliced[w].Add(d)
			}
			order := make([]int, shares)
			for i := range order {
				order[i] = i
			}
			if interleaved {
				slices.Reverse(order)
			}
			whole, bySlice := NewBuilder(), sliced[order[0]]
			whole.Merge(parts[order[0]])
			for _, w := range order[1:] {
				whole.Merge(parts[w])
				if err := bySlice.Merge(sliced[w]); err != nil {
					t.Fatal(err)
				}
			}
			got, err := whole.Network(opts)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%d shares (interleaved %v): merged network differs", shares, interleaved)
			}
			gotSlices, err := bySlice.Slices(opts)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gotSlices, wantSlices) || bySlice.Undated() != wantUndated {
				t.Errorf("%d shares (interleaved %v): merged slices differ", shares, interleaved)
			}
		}
	}
	byYear, _ := NewSliceBuilder(ByYear)
	if err := byYear.Merge(&SliceBuilder{by: ByDecade}); err == nil {
		t.Error("slices by decade merged into slices by year")
	}
}
