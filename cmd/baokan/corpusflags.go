package main

import (
	"errors"
	"fmt"
	"io"
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
	paper    string // --paper: keep the articles of this paper
	// taggedPaper (--tagged-paper) names the paper of the tagged export's articles.
	taggedPaper string
	query       string // --query (querymatch.go)
	queryM      *queryMatcher
	blocks      []int // a cache's blocks that can hold a match of the query, if known (queryblocks.go)
	workers     int
	strict      bool
	verbose     bool
	quiet       bool
	// maxMember bounds what one archive member may expand to (--max-member-size).
	maxMember int64

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
	f.StringVar(&o.from, "from", "", "keep articles dated on or after `DATE`: YYYY-MM-DD, or YYYY-MM, YYYY for its first day")
	f.StringVar(&o.to, "to", "", "keep articles dated on or before `DATE`: YYYY-MM-DD, or YYYY-MM, YYYY for its last day")
	f.IntVar(&o.page, "page", 0, "keep articles of page `N` (BH)")
	f.StringVar(&o.genre, "genre", "", "keep articles with genre `G` among their TC genres (exact)")
	f.StringVar(&o.paper, "paper", "", "keep articles of paper `NAME` (人民日报, 文汇报, or as --tagged-paper names it)")
	f.StringVar(&o.taggedPaper, "tagged-paper", "", "the paper `NAME` of the tagged export's articles, which the files do not name (e.g. 解放军报); the JSON forms name theirs")
	f.StringVar(&o.title, "title", "", "keep articles whose kicker, title or a subtitle matches `REGEX` (Go syntax)")
	f.StringVar(&o.query, "query", "", "keep articles that match `QUERY` (see 'baokan help query')")
	f.IntVar(&o.workers, "workers", 0, "cores to use (default: all; at most 4 per CPU); the output is the same whatever the number")
	f.BoolVar(&o.strict, "strict", false, "exit with status 2 if reading produced any diagnostic")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "print each diagnostic on stderr (file:line: kind: message)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing on stderr but errors (no summary, no progress bar)")
	f.Int64Var(&o.maxMember, "max-member-size", corpus.DefaultMaxMemberSize, "leave out (member_too_large) an archive member that expands beyond `BYTES`")
}

// filter builds the corpus filter from the flags.
func (o *corpusOptions) filter() (*corpus.Filter, error) {
	f := &corpus.Filter{}
	for _, kv := range [][2]string{{"from", o.from}, {"to", o.to}, {"genre", o.genre}, {"paper", o.paper}} {
		if kv[1] != "" {
			if err := f.Set(kv[0], kv[1]); err != nil {
				return nil, fmt.Errorf("--%w", err)
			}
		}
	}
	if err := f.CheckBounds(); err != nil {
		return nil, fmt.Errorf("--from %s is after --to %s: no article would be kept", o.from, o.to)
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
	var opts []reports.Option
	if o.bom {
		opts = append(opts, reports.WithBOM())
	}
	if w := o.tableWidth(); w > 0 {
		opts = append(opts, reports.WithWidth(w)) // see tablewidth.go
	}
	return opts
}

// articleReader is what a session reads from: a *corpus.Reader over raw files, or a
// *cache.Scanner over a segment-once cache (the corpus.Source contract).
type articleReader = corpus.Source

// session is one run over a corpus: the reader, its progress bar, and the summary and
// strict check at the end.
type session struct {
	opt    *corpusOptions
	io     *streams
	reader articleReader
	bar    *progress.Bar

	cache     *cache.Scanner     // when reading a cache: reader itself
	ownsCache *cache.Reader      // the cache file to close with the session, if the session opened it
	check     *cache.SourceCheck // reported at close
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
		if o.taggedPaper != "" {
			return nil, fmt.Errorf("--tagged-paper: a cache holds the papers named when it was made ('baokan index --tagged-paper NAME')")
		}
		cr, check, err := openCache(o, path)
		if err != nil {
			return nil, err
		}
		o.queryBlocks(cr)
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
		Workers:       o.readers(),
		Filter:        filter,
		SkipBody:      o.skipBody,
		OnFile:        s.onFile,
		OnFileInfo:    o.onFileInfo,
		OnDiagnostic:  o.diagnosticPrinter(io),
		OnNotRead:     o.notReadPrinter(io),
		MaxMemberSize: o.maxMember,
		Stdin:         io.stdinSource(args),
		TaggedPaper:   o.taggedPaper,
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

// notReadPrinter names each file not read on stderr with --verbose; nil otherwise.
func (o *corpusOptions) notReadPrinter(io *streams) func(string, corpus.Kind, string) {
	if !o.verbose {
		return nil
	}
	return func(path string, reason corpus.Kind, msg string) {
		fmt.Fprintf(io.err, "%s: not read: %s: %s\n", path, reason, msg)
	}
}

// prepare checks the flags every session needs and builds the filter.
func (o *corpusOptions) prepare() (*corpus.Filter, error) {
	filter, err := o.filter()
	if err != nil {
		return nil, err
	}
	if o.maxMember < 0 {
		return nil, fmt.Errorf("--max-member-size %d: want a number of bytes", o.maxMember)
	}
	if o.workers < 0 {
		return nil, fmt.Errorf("--workers %d: want 1 or more", o.workers)
	}
	return filter, nil
}

// cores is --workers, or the cores the process may use (runtime.GOMAXPROCS) without it:
// the goroutines that segment, decode a cache or count at once. It is passed down to each
// of them; the process's GOMAXPROCS is left alone (a library caller's setting).
func (o *corpusOptions) cores() int {
	if o.workers > 0 {
		return o.workers
	}
	return runtime.GOMAXPROCS(0)
}

// readers is the number of files the raw reader reads and parses at once: two per core, as
// corpus.Options says (0 lets it take its default, the same from GOMAXPROCS).
func (o *corpusOptions) readers() int {
	if o.workers > 0 {
		return 2 * o.workers
	}
	return 0
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
		Workers:      o.cores(),
		Filter:       filter,
		Body:         !o.textless && !o.skipBody,
		Words:        o.words,
		Keep:         o.keep,
		Blocks:       o.blocks,
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
	s.check.Report(s.io.err) // before the file closes: the check reads it
	if s.ownsCache != nil {
		s.ownsCache.Close()
	}
	sum := s.reader.Summary()
	if !s.opt.quiet {
		fmt.Fprintf(s.io.err, "baokan: %s\n", sum)
	}
	if sum.Articles == 0 {
		return errNoArticle(sum)
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
//
// A run that read no article (corpus.ErrNoArticle) writes nothing: out is not closed, so
// that no empty table or header stands for a result of zero.
func finishOutput(out *reports.Writer, done func() error, err, closeErr error) error {
	if err == nil && errors.Is(closeErr, corpus.ErrNoArticle) {
		done()
		return closeErr
	}
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

// errNoArticle is the error of a run that read no article at all (corpus.NoArticleError).
func errNoArticle(sum corpus.Summary) error { return corpus.NoArticleError(sum) }
