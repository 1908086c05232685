package cache

import (
	"iter"
	"sync"

	"github.com/baokan/baokan/corpus"
)

// A Scanner is a corpus.Source: code written against the contract reads a cache as it
// reads the raw files.
var _ corpus.Source = (*Scanner)(nil)

// FileScanner is a scan of a cache that owns its file: the corpus.Source a program gets
// from a path (OpenScan). Close stops the scan and closes the file.
type FileScanner struct {
	*Scanner
	r    *Reader
	once sync.Once
	err  error
}

var _ corpus.Source = (*FileScanner)(nil)

// OpenScan opens the cache at path and starts a scan of it with opt.
func OpenScan(path string, opt ScanOptions) (*FileScanner, error) {
	r, err := Open(path)
	if err != nil {
		return nil, err
	}
	return &FileScanner{Scanner: r.Scan(opt), r: r}, nil
}

// Reader returns the open cache (its header, vocabulary and sources).
func (f *FileScanner) Reader() *Reader { return f.r }

// All returns an iterator over the remaining articles (see Scanner.All).
func (f *FileScanner) All() iter.Seq2[*corpus.Article, error] { return f.Scanner.All() }

// Close stops the scan and closes the cache file. It is safe to call more than once.
func (f *FileScanner) Close() error {
	f.once.Do(func() {
		f.Scanner.Close()
		f.err = f.r.Close()
	})
	return f.err
}
