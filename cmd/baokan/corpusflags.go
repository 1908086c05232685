package main

import (
	"fmt"
	"io"
	"iter"
	"os"
	"regexp"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
	"github.com/baokan/baokan/reports/progress"
)

// corpusOptions are the flags every command that reads a corpus shares.
type corpusOptions struct {
	from, to string
	page     int
	genre    string
	title    string
	query    string // --query (querymatch.go)
	queryM   *queryMatcher
	workers  int
	strict   bool
	verbose  bool
	quiet    bool

	format string
	output string
	bom    bool

	skipBody bool // for passes that need the metadata only (not a flag)
	// textless: the command reads no body text, only its size (session.bodySize), so a cache
	// need not decompress it (not a flag).
	textless bool
	// words: a cache's words are read too, those of keep (by vocabulary id) only (for the
	// word stream; not flags).
	words bool
	keep  []bool
	// onFileInfo, if set, gets every file read from raw sources (for 'baokan index').
	onFileInfo func(corpus.FileInfo)
}

// addCorpusFlags adds the flags that choose what to read and how to write a table.
func addCorpusFlags(c *cobra.Command, o *corpusOptions) {
	addCorpusReadFlags(c, o)
	f := c.Flags()
	f.StringVar(&o.format, "format", "table", "output `FORMAT`: "+strings.Join(reports.Formats(), ", "))
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of standard output")
	f.BoolVar(&o.bom, "bom", false, "start CSV output with a UTF-8 byte-order mark (for Excel on Windows)")
}

// addCorpusReadFlags adds the flags that choose what to read: filters, cores, diagnostics.
func addCorpusReadFlags(c *cobra.Command, o *corpusOptions) {
	f := c.Flags()
	f.StringVar(&o.from, "from", "", "keep articles dated on or after `YYYY-MM-DD`")
	f.StringVar(&o.to, "to", "", "keep articles dated on or before `YYYY-MM-DD`")
	f.IntVar(&o.page, "page", 0, "keep articles of page `N` (BH)")
	f.StringVar(&o.genre, "genre", "", "keep articles with genre `G` among their TC genres (exact)")
	f.StringVar(&o.title, "title", "", "keep articles whose kicker, title or a subtitle matches `REGEX` (Go syntax)")
	f.StringVar(&o.query, "query", "", "keep articles that match `QUERY` (see 'baokan help query')")
	f.IntVar(&o.workers, "workers", 0, "cores to use (default: all); the output is the same whatever the number")
	f.BoolVar(&o.strict, "strict", false, "exit with status 2 if reading produced any diagnostic")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "print each diagnostic on stderr (file:line: kind: message)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing on stderr but errors (no summary, no progress bar)")
}

// filter builds the corpus filter from the flags.
func (o *corpusOptions) filter() (*corpus.Filter, error) {
	f := &corpus.Filter{}
	for _, kv := range [][2]string{{"from", o.from}, {"to", o.to}, {"genre", o.genre}} {
		if kv[1] != "" {
			if err := f.Set(kv[0], kv[1]); err != nil {
				return nil, fmt.Errorf("--%w", err)
			}
		}
	}
	if o.page < 0 {
		return nil, fmt.Errorf("--page %d is not a page number", o.page)
	}
	f.Page = o.page
	if o.title != "" {
		re, err := regexp.Compile(o.title)
		if err != nil {
			return nil, fmt.Errorf("--title: %w", err)
		}
		f.Title = re
	}
	if f.IsZero() {
		return nil, nil
	}
	return f, nil
}

func (o *corpusOptions) reportFormat() (reports.Format, error) {
	return reports.ParseFormat(o.format)
}

func (o *corpusOptions) reportOptions() []reports.Option {
	if o.bom {
		return []reports.Option{reports.WithBOM()}
	}
	return nil
}

// articleReader is what a session reads from: a *corpus.Reader over raw files, or a
// *cache.Scanner over a segment-once cache.
type articleReader interface {
	Next() (*corpus.Article, error)
	All() iter.Seq2[*corpus.Article, error]
	Summary() corpus.Summary
	Close() error
}

// session is one run over a corpus: the reader, its progress bar, and the summary and
// strict check at the end.
type session struct {
	opt    *corpusOptions
	io     *streams
	reader articleReader
	bar    *progress.Bar

	cache     *cache.Scanner // when reading a cache: reader itself
	ownsCache *cache.Reader  // the cache file to close with the session, if the session opened it
	check     *sourceCheck   // reported at close
}

// open starts reading the sources named on the command line, or the embedded sample, or
// the cache named alone on the command line.
func (o *corpusOptions) open(io *streams, args []string) (*session, error) {
	if err := o.prepareQuery(); err != nil {
		return nil, err
	}
	path, err := cacheArg(args)
	if err != nil {
		return nil, err
	}
	if path != "" {
		cr, check, err := openCache(o, path)
		if err != nil {
			return nil, err
		}
		s, err := o.openCache(io, cr)
		if err != nil {
			cr.Close()
			return nil, err
		}
		s.ownsCache, s.check = cr, check
		return s, o.withQuery(io, s, args)
	}
	filter, err := o.prepare()
	if err != nil {
		return nil, err
	}
	s := o.newSession(io)
	opts := corpus.Options{
		Filter:       filter,
		SkipBody:     o.skipBody,
		OnFile:       s.onFile,
		OnFileInfo:   o.onFileInfo,
		OnDiagnostic: o.diagnosticPrinter(io),
	}
	if len(args) == 0 {
		s.reader, err = corpus.OpenFS(baokan.SampleFS, baokan.SampleRoot, opts)
	} else {
		s.reader, err = corpus.Open(args, opts)
	}
	if err != nil {
		return nil, err
	}
	return s, o.withQuery(io, s, args)
}

// newSession starts a session with its progress bar (on a terminal, unless --quiet or
// --verbose).
func (o *corpusOptions) newSession(io *streams) *session {
	s := &session{opt: o, io: io}
	stderrFile, _ := io.err.(*os.File)
	s.bar = progress.New(stderrFile, !o.quiet && !o.verbose, "reading")
	return s
}

// onFile advances the progress bar by a file read.
func (s *session) onFile(_ string, bytes, articles int) { s.bar.Add(int64(bytes), articles) }

// diagnosticPrinter prints each diagnostic on stderr with --verbose; nil otherwise.
func (o *corpusOptions) diagnosticPrinter(io *streams) func(corpus.Diagnostic) {
	if !o.verbose {
		return nil
	}
	return func(d corpus.Diagnostic) { fmt.Fprintln(io.err, d) }
}

// prepare checks the flags every session needs, bounds the cores, and builds the filter.
func (o *corpusOptions) prepare() (*corpus.Filter, error) {
	filter, err := o.filter()
	if err != nil {
		return nil, err
	}
	if o.workers < 0 {
		return nil, fmt.Errorf("--workers %d: want 1 or more", o.workers)
	}
	if o.workers > 0 && o.workers != runtime.GOMAXPROCS(0) {
		// Bound the cores, not just the goroutines: the reader runs two goroutines per core
		// and the segmenter one.
		runtime.GOMAXPROCS(o.workers)
	}
	return filter, nil
}

// openCache starts a scan of an open cache: the same articles, filter, summary and
// diagnostics as reading the raw files it was made from.
func (o *corpusOptions) openCache(io *streams, cr *cache.Reader) (*session, error) {
	filter, err := o.prepare()
	if err != nil {
		return nil, err
	}
	s := o.newSession(io)
	opts := cache.ScanOptions{
		Filter:       filter,
		Body:         !o.textless && !o.skipBody,
		Words:        o.words,
		Keep:         o.keep,
		OnFile:       s.onFile,
		OnDiagnostic: o.diagnosticPrinter(io),
	}
	s.cache = cr.Scan(opts)
	s.reader = s.cache
	return s, nil
}

// bodySize returns the body's paragraphs and characters of a, the article the session's
// reader returned last: counted from the text, or, from a cache read without it, as
// recorded.
func (s *session) bodySize(a *corpus.Article) (paragraphs, chars int) {
	if s.cache != nil && a.Body == nil {
		return s.cache.BodySize()
	}
	return len(a.Body), a.BodyChars()
}

// close ends the session: the summary line on stderr, and the --strict verdict.
func (s *session) close() error {
	s.bar.Finish()
	s.reader.Close()
	s.check.report(s.io) // before the file closes: the check reads it
	if s.ownsCache != nil {
		s.ownsCache.Close()
	}
	sum := s.reader.Summary()
	if !s.opt.quiet {
		fmt.Fprintf(s.io.err, "baokan: %s\n", sum)
	}
	if n := sum.DiagnosticsTotal(); s.opt.strict && n > 0 {
		return &strictError{n: n}
	}
	return nil
}

// output opens the destination of the results: -o FILE or standard output.
func (o *corpusOptions) outputWriter(io *streams) (io.Writer, func() error, error) {
	if o.output == "" || o.output == "-" {
		return io.out, func() error { return nil }, nil
	}
	f, err := os.Create(o.output)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

// finishOutput ends a command's output: it closes out unless writing failed (err), then the
// file behind it, and returns the first error, else closeErr (the session's --strict verdict).
func finishOutput(out *reports.Writer, done func() error, err, closeErr error) error {
	if err == nil {
		err = out.Close()
	}
	if err != nil {
		done()
		return err
	}
	if err := done(); err != nil {
		return err
	}
	return closeErr
}
