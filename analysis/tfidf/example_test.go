package tfidf_test

import (
	"fmt"

	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/analysis/tfidf"
)

// Articles as documents, in two passes: count document frequencies, then weigh each
// document. Memory holds the vocabulary and one document.
func Example() {
	docs := [][]string{{"a", "a", "b"}, {"a", "c"}, {"a", "b", "d", "d"}}

	var df terms.Counter // pass 1 (one Counter per worker, then Merge)
	for _, d := range docs {
		df.AddDoc(d)
	}
	m, err := tfidf.NewModel(tfidf.Scheme{TF: tfidf.Raw, IDF: tfidf.Smooth, L2: true}, &df)
	if err != nil {
		panic(err)
	}
	w := m.NewWeigher() // pass 2 (one Weigher per worker)
	for i, d := range docs {
		for _, r := range w.Top(fmt.Sprintf("d%d", i+1), d, 1) {
			fmt.Printf("%s %s tf=%g df=%d idf=%.4f tfidf=%.4f rank=%d\n", r.Doc, r.Term, r.TF, r.DF, r.IDF, r.TFIDF, r.Rank)
		}
	}
	// Output:
	// d1 a tf=2 df=3 idf=1.0000 tfidf=0.8408 rank=1
	// d2 c tf=1 df=1 idf=1.6931 tfidf=0.8610 rank=1
	// d3 d tf=2 df=1 idf=1.6931 tfidf=0.9010 rank=1
}

// Groups (years here) as documents: each group's vocabulary is one document for the
// document frequencies, and its term counts are weighed with TopCounts.
func Example_groups() {
	var years terms.Grouped
	years.AddDoc("1962", []string{"战备", "生产", "生产"})
	years.AddDoc("1962", []string{"生产"})
	years.AddDoc("1966", []string{"革命", "生产"})

	var df terms.Counter
	for _, y := range years.Groups() {
		c, _ := years.Lookup(y)
		df.AddDoc(c.Terms())
	}
	m, err := tfidf.NewModel(tfidf.Scheme{TF: tfidf.Normalized, IDF: tfidf.Plain}, &df)
	if err != nil {
		panic(err)
	}
	// 1962 has 4 tokens, 战备 once → tf 0.25, idf ln(2/1) = 0.6931, weight 0.1733;
	// 生产 is in both years: idf ln(2/2) = 0.
	w := m.NewWeigher()
	for _, y := range years.Groups() {
		c, _ := years.Lookup(y)
		for _, r := range w.TopCounts(y, c, 0) {
			fmt.Printf("%s %s tf=%.2f df=%d idf=%.4f tfidf=%.4f rank=%d\n", r.Doc, r.Term, r.TF, r.DF, r.IDF, r.TFIDF, r.Rank)
		}
	}
	// Output:
	// 1962 战备 tf=0.25 df=1 idf=0.6931 tfidf=0.1733 rank=1
	// 1962 生产 tf=0.75 df=2 idf=0.0000 tfidf=0.0000 rank=2
	// 1966 革命 tf=0.50 df=1 idf=0.6931 tfidf=0.3466 rank=1
	// 1966 生产 tf=0.50 df=2 idf=0.0000 tfidf=0.0000 rank=2
}

func ExampleScheme_Formula() {
	fmt.Println(tfidf.Scheme{TF: tfidf.Log, IDF: tfidf.Smooth, L2: true}.Formula())
	// Output:
	// w(t,d) = tf(t,d) * idf(t)
	//   tf(t,d) = 1 + ln f(t,d) for f(t,d) > 0 (sublinear tf; scikit-learn sublinear_tf=True)
	//   idf(t) = ln((1+N)/(1+df(t))) + 1 (scikit-learn smooth_idf=True)
	//   then L2 normalisation: w'(t,d) = w(t,d) / sqrt(sum over t' in d of w(t',d)^2)
	//   N = documents in the corpus, df(t) = documents containing t, f(t,d) = occurrences of t in d
}
