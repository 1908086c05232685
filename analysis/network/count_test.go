package network

import (
	"reflect"
	"testing"
)

// TestCountWhateverWorkers: Count over 2,400 articles (the twenty-node articles repeated,
// so that several workers get a share) and a rest of articles without persons gives the
// network and slices that Build and BuildSlices give from the same articles in one, for
// 1 to 4 workers.
func TestCountWhateverWorkers(t *testing.T) {
	var docs []Doc
	for len(docs) < 2400 {
		docs = append(docs, twentyDocs()...)
	}
	docs = docs[:2400]
	rest := []Doc{{Date: docs[0].Date}, {}, {Paper: "人民日报"}}
	all := append(append([]Doc(nil), docs...), rest...)
	opts := Options{Seed: 1}
	want, err := Build(all, opts)
	if err != nil {
		t.Fatal(err)
	}
	wantSlices, wantUndated, err := BuildSlices(all, ByYear, opts)
	if err != nil {
		t.Fatal(err)
	}
	for workers := 1; workers <= 4; workers++ {
		whole, sliced, err := Count(len(docs), func(i int) Doc { return docs[i] },
			func(add func(Doc)) {
				for _, d := range rest {
					add(d)
				}
			}, ByYear, workers)
		if err != nil {
			t.Fatal(err)
		}
		got, err := whole.Network(opts)
		if err != nil {
			t.Fatal(err)
		}
		gotSlices, err := sliced.Slices(opts)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotSlices, wantSlices) || sliced.Undated() != wantUndated {
			t.Errorf("%d workers: the network or its slices differ from one pass", workers)
		}
	}
	if _, sliced, _ := Count(0, nil, nil, SliceBy{}, 2); sliced != nil {
		t.Error("no slicing asked: a SliceBuilder")
	}
}
