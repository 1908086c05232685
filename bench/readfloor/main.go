// Command readfloor measures the floor that `baokan stats` is compared with: reading every
// .txt file under the given folders and decoding it to UTF-8 (corpus.Decode: detection,
// then GB18030 or UTF-8), with the same number of workers, and nothing else.
//
//	go run ./bench/readfloor -workers 2 /tmp/c100k
//
// It prints files, bytes, seconds and MB/s (10^6 bytes a second) on one line.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/baokan/baokan/corpus"
)

func main() {
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "files read at once")
	flag.Parse()
	paths := make(chan string, 64)
	var files, bytes, sink atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < *workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range paths {
				data, err := os.ReadFile(p)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					continue
				}
				text, _, _ := corpus.Decode(data)
				files.Add(1)
				bytes.Add(int64(len(data)))
				sink.Add(int64(len(text)))
			}
		}()
	}
	for _, root := range flag.Args() {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".txt") {
				paths <- p
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	close(paths)
	wg.Wait()
	secs := time.Since(start).Seconds()
	fmt.Printf("readfloor files=%d bytes=%d seconds=%.3f MB/s=%.1f\n", files.Load(), bytes.Load(), secs, float64(bytes.Load())/secs/1e6)
}
