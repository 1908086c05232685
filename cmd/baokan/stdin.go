package main

import (
	"bytes"
	"io"
	"slices"
	"sync"

	"github.com/baokan/baokan/corpus"
)

// stdinBuffer holds standard input once read: a command may read its corpus twice (the
// corpus-words pass, then the counting pass), and a stream can be read only once.
type stdinBuffer struct {
	once sync.Once
	data []byte
	err  error
}

// stdinSource returns a reader over standard input when args name it ("-"), nil otherwise:
// the whole input, read on first use and kept in memory for the passes that follow.
func (s *streams) stdinSource(args []string) io.Reader {
	if !slices.Contains(args, corpus.StdinSource) || s.in == nil {
		return nil
	}
	if s.stdin == nil {
		s.stdin = &stdinBuffer{}
	}
	b := s.stdin
	b.once.Do(func() { b.data, b.err = io.ReadAll(s.in) })
	if b.err != nil {
		return &errReader{b.err}
	}
	return bytes.NewReader(b.data)
}

type errReader struct{ err error }

func (r *errReader) Read([]byte) (int, error) { return 0, r.err }
