package dictionary

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/corpus"
)

// BenchmarkCountText counts a dictionary of 500 text:"…" entries (20 categories of 25:
// two-character strings taken from the bodies) over the real articles of
// ../shared/corpus/jfjb; b.SetBytes gives the body text scanned a second.
func BenchmarkCountText(b *testing.B) {
	benchCount(b, func(w string) string { return `'text:"` + w + `"'` })
}

// BenchmarkCountWords is BenchmarkCountText with the two-character strings as word entries,
// over the bodies cut at every two characters (a stand-in for the segmenter's words).
func BenchmarkCountWords(b *testing.B) {
	benchCount(b, func(w string) string { return "'" + w + "'" })
}

func benchCount(b *testing.B, entry func(string) string) {
	if _, err := os.Stat(jfjbDir); err != nil {
		b.Skipf("real articles not found at %s: %v", jfjbDir, err)
	}
	arts, _, err := corpus.ReadAll([]string{jfjbDir}, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	// Two-character words: every body cut into pairs of characters.
	seen := map[string]bool{}
	var pool []string
	words := make([][]string, len(arts))
	bytes := 0
	for i, a := range arts {
		for _, p := range a.Body {
			bytes += len(p)
			rs := []rune(p)
			for j := 0; j+1 < len(rs); j += 2 {
				w := string(rs[j : j+2])
				words[i] = append(words[i], w)
				if !seen[w] && utf8.RuneCountInString(strings.TrimSpace(w)) == 2 && !strings.ContainsAny(w, `"'\`) {
					seen[w] = true
					pool = append(pool, w)
				}
			}
		}
	}
	if len(pool) < 1000 {
		b.Skipf("only %d distinct pairs", len(pool))
	}
	var yml strings.Builder
	for c := range 20 {
		fmt.Fprintf(&yml, "c%02d:\n", c)
		for _, w := range pool[500+25*c : 500+25*(c+1)] {
			fmt.Fprintf(&yml, "  - %s\n", entry(w))
		}
	}
	d, err := ParseYAML("bench.yml", []byte(yml.String()))
	if err != nil {
		b.Fatal(err)
	}
	m := NewMatcher(d)
	cn := m.NewCounter()
	counts := make([]int, len(d.Categories))
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for range b.N {
		for i, a := range arts {
			cn.Count(&query.Doc{Article: a, Words: words[i]}, counts)
		}
	}
}
