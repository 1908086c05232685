// Command cutfloor measures the floor that `baokan terms` is compared with: gse's own Cut
// on the same text with the same number of goroutines. It reads the corpus first (not
// timed), keeps the body paragraphs in memory, loads gse's embedded Chinese dictionary (not
// timed), then times N goroutines calling gse's Segmenter.Cut on the paragraphs, and prints
// the UTF-8 bytes of body text, the seconds and MB/s (10^6 bytes a second), and the CPU
// seconds (user + system, as cpu=) the cutting took, which a busy machine inflates less.
//
//	go run ./bench/cutfloor -workers 2 /tmp/c100k
//
// This benchmark harness is the one place outside analysis/segment that imports gse: it
// measures gse itself, as a user of gse would call it.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-ego/gse"

	"github.com/baokan/baokan/corpus"
)

func main() {
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "goroutines that cut")
	flag.Parse()
	arts, _, err := corpus.ReadAll(flag.Args(), corpus.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var paras []string
	var bytes int64
	for _, a := range arts {
		for _, p := range a.Body {
			paras = append(paras, p)
			bytes += int64(len(p))
		}
	}
	arts = nil
	var seg gse.Segmenter
	seg.SkipLog = true
	if err := seg.LoadDictEmbed("zh"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	runtime.GC()
	var next atomic.Int64
	var words atomic.Int64
	var wg sync.WaitGroup
	cpuStart := cpuSeconds()
	start := time.Now()
	for i := 0; i < *workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for {
				k := int(next.Add(1)) - 1
				if k >= len(paras) {
					break
				}
				n += len(seg.Cut(paras[k]))
			}
			words.Add(int64(n))
		}()
	}
	wg.Wait()
	secs := time.Since(start).Seconds()
	cpu := cpuSeconds() - cpuStart
	fmt.Printf("cutfloor paragraphs=%d bytes=%d words=%d seconds=%.3f MB/s=%.2f cpu=%.3f\n", len(paras), bytes, words.Load(), secs, float64(bytes)/secs/1e6, cpu)
}
