package tfidf

import (
	"testing"

	"github.com/baokan/baokan/analysis/terms"
)

// BenchmarkWeigherTop weighs every real article (one-character tokens) under the
// scikit-learn default scheme and keeps the top 20 terms of each.
func BenchmarkWeigherTop(b *testing.B) {
	docs := realDocs(b)
	var df terms.Counter
	var bytes int64
	for _, d := range docs {
		df.AddDoc(d)
		for _, tok := range d {
			bytes += int64(len(tok))
		}
	}
	m, err := NewModel(Scheme{TF: Raw, IDF: Smooth, L2: true}, &df)
	if err != nil {
		b.Fatal(err)
	}
	w := m.NewWeigher()
	b.SetBytes(bytes)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			w.Top("", d, 20)
		}
	}
}
