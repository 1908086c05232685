package segment

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentCutMatchesSerial cuts every paragraph of the real sample from 8 goroutines
// sharing one Segmenter, in both modes, and compares with a serial cut. Run with -race to
// prove that sharing a Segmenter is safe.
func TestConcurrentCutMatchesSerial(t *testing.T) {
	lines := strings.Split(sampleText(t), "\n")
	for _, s := range []*Segmenter{plainSegmenter(t), hmmSegmenter(t)} {
		if s.hmm {
			lines = lines[:min(len(lines), 300)] // the HMM is slow, more so under -race
		}
		serial := make([][]string, len(lines))
		for i, l := range lines {
			serial[i] = s.Cut(l)
		}
		const workers = 8
		got := make([][][]string, workers)
		var wg sync.WaitGroup
		for w := range workers {
			got[w] = make([][]string, len(lines))
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf []string
				for k := range lines {
					i := (k + w*len(lines)/workers) % len(lines) // each worker starts elsewhere
					buf = s.AppendTokens(buf[:0], lines[i])
					got[w][i] = slices.Clone(buf)
				}
			}()
		}
		wg.Wait()
		for w := range workers {
			for i := range lines {
				if !slices.Equal(got[w][i], serial[i]) {
					t.Fatalf("%s: worker %d line %d: %v, serial %v", s.Mode(), w, i, got[w][i], serial[i])
				}
			}
		}
	}
}

// TestNewWhileHMMCut loads a second Segmenter while goroutines cut with an HMM Segmenter:
// with gse alone, loading writes the HMM model's package-global map that HMM cuts read (a
// data race -race reports); New writes it once per process.
func TestNewWhileHMMCut(t *testing.T) {
	lines := strings.Split(sampleText(t), "\n")
	s := hmmSegmenter(t)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				s.Cut(lines[i%len(lines)])
			}
		}()
	}
	second, err := New(Options{HMM: true})
	close(done)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := second.Cut(lines[0]), s.Cut(lines[0]); !slices.Equal(got, want) {
		t.Errorf("second Segmenter: %v, first %v", got, want)
	}
}
