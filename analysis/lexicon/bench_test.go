package lexicon

import (
	"os"
	"testing"

	"github.com/baokan/baokan/corpus"
)

// BenchmarkFinder: the name scan and the new-word statistics over the articles of a
// generated corpus ($BAOKAN_BENCH_CORPUS, default /tmp/fixes-c10k, made by
// ../shared/tools/gencorpus.py; skipped when absent), one Finder per iteration.
func BenchmarkFinder(b *testing.B) {
	dir := os.Getenv("BAOKAN_BENCH_CORPUS")
	if dir == "" {
		dir = "/tmp/fixes-c10k"
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("skipping: no corpus at %s (BAOKAN_BENCH_CORPUS)", dir)
	}
	arts, _, err := corpus.ReadAll([]string{dir}, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(arts) > 5000 {
		arts = arts[:5000]
	}
	for _, names := range []bool{true, false} {
		name := "names"
		if !names {
			name = "words"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				f := NewFinder(Options{NoNames: !names, NoWords: names, Workers: 1})
				for _, a := range arts {
					f.Add(a)
				}
				f.Result()
			}
		})
	}
}
