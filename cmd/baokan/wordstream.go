package main

import (
	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/corpus"
)

// wordStream is the one way word commands get their words: the articles of the sources
// named on the command line (or of the embedded sample), each with its filtered words, in
// corpus order. Every command that segments goes through it, so that the segment-once
// cache can stand in for the raw sources in one place.
type wordStream struct {
	io      *streams
	co      *corpusOptions
	args    []string
	tok     *tokens.Tokenizer
	passes  int
	verdict error // the first pass's --strict verdict
}

// openWords builds the segmenter and filter from the flags (after the corpus-words pass,
// unless --no-corpus-words).
func (wf *wordFlags) openWords(io *streams, co *corpusOptions, args []string) (*wordStream, error) {
	tok, err := wf.tokenizer(io, co, args)
	if err != nil {
		return nil, err
	}
	return &wordStream{io: io, co: co, args: args, tok: tok}, nil
}

// Each runs one pass over the corpus: fn gets each article and its words (valid only
// during the call) in corpus order, on the calling goroutine. The first pass shows the
// progress bar and the summary; later passes are quiet.
func (ws *wordStream) Each(fn func(a *corpus.Article, words []string) error) error {
	co := *ws.co
	if ws.passes > 0 {
		co.quiet, co.verbose, co.strict = true, false, false // the first pass reported
	}
	s, err := co.open(ws.io, ws.args)
	if err != nil {
		return err
	}
	err = ws.tok.Each(s.reader, fn)
	verdict := s.close()
	if ws.passes == 0 {
		ws.verdict = verdict
	}
	ws.passes++
	return err
}

// Close returns the first pass's --strict verdict: to be returned once the output is
// written.
func (ws *wordStream) Close() error { return ws.verdict }
