package parquetfile

import (
	"io"
	"strconv"
	"testing"
)

// BenchmarkTokenWriter writes 1,000 articles of 400 words from a vocabulary of 5,000
// (about the shape of a newspaper corpus); ns/op is per article.
func BenchmarkTokenWriter(b *testing.B) {
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = "词" + strconv.Itoa(i)
	}
	words := make([]string, 400)
	b.ReportAllocs()
	w := NewTokenWriter(io.Discard)
	id := int64(0)
	for b.Loop() {
		for j := range words {
			words[j] = vocab[(int(id)*31+j*j)%len(vocab)]
		}
		if err := w.WriteArticle(id, words); err != nil {
			b.Fatal(err)
		}
		id++
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
}
