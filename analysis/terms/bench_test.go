package terms

import "testing"

// BenchmarkAddDoc measures the hot path on real articles with one-character tokens:
// about the token density of segmented Chinese text, so ns/op per MB compares with the
// segmenter's ~10 MB/s.
func BenchmarkAddDoc(b *testing.B) {
	texts := readCorpusTexts(b, "../../../shared/corpus/jfjb")
	docs := make([][]string, len(texts))
	var bytes, tokens int64
	for i, text := range texts {
		docs[i] = runeTokens(text)
		bytes += int64(len(text))
		tokens += int64(len(docs[i]))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	var c Counter
	for b.Loop() {
		for _, d := range docs {
			c.AddDoc(d)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(int64(b.N)*tokens), "ns/token")
}

func BenchmarkTop(b *testing.B) {
	texts := readCorpusTexts(b, "../../../shared/corpus/jfjb")
	var c Counter
	for _, text := range texts {
		toks := runeTokens(text)
		// bigrams too, for a larger vocabulary
		n := len(toks)
		for i := 0; i+1 < n; i++ {
			toks = append(toks, toks[i]+toks[i+1])
		}
		c.AddDoc(toks)
	}
	for b.Loop() {
		c.Top(100)
	}
	b.ReportMetric(float64(c.Len()), "terms")
}
