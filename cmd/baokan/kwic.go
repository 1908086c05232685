package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/baokan/baokan/analysis/concordance"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type kwicOptions struct {
	corpusOptions
	wordFlags
	window, chars int
	sort          string
	limit         int
	sample        int
	seed          uint64
}

// kwicColumns are the columns of `baokan kwic`, in order.
var kwicColumns = []string{"path", "line", "date", "page", "item", "title", "left", "match", "right", "position"}

func newKWICCmd(io *streams) *cobra.Command {
	o := &kwicOptions{}
	c := &cobra.Command{
		Use:   "kwic QUERY [CORPUS...]",
		Short: "A concordance: every hit of a query in its context (keyword in context)",
		Long: `kwic prints one line per hit of QUERY (see 'baokan help query') in the articles' bodies:
  path,line,date,page,item,title,left,match,right,position
left and right are the --window words before and after the hit (default 10; or --chars
characters, cut mid-word at the outer end), words joined without a space, running across
paragraphs; match is the hit's words; position is the hit's first word counted from 0
among the body's words as cut (every token, punctuation included: the word positions a
query counts in). Hits are word terms' occurrences, text: occurrences widened to the words
they overlap, NEAR pairs from the first word of one to the last of the other.

Lines come in corpus order (path, line, position), or --sort date (then corpus order),
--sort right (by the first word after the hit, AntConc's R1, then R2, R3…) or --sort left
(L1, L2…); words compare by Unicode code points, an empty context first, ties in corpus
order. --sample N keeps a uniform random sample of N hits (reservoir sampling, Algorithm R,
seeded by --seed: the same corpus, query and seed give the same lines), then sorted.
--limit N prints the first N lines after sorting. The numbers of hits and of articles
with a hit go to stderr.

In table format lines are aligned on the hit (date, page, left, match, right, path:line),
the hit in bold when standard output is a terminal; csv, json and jsonl have the columns.

The words are cut as every word command cuts them (--hmm, --dict, --no-corpus-words; from a
cache as it was made), and never filtered: a query sees stop words and punctuation.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error { return runKWIC(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	addSegmentFlags(c, &o.wordFlags)
	f := c.Flags()
	f.IntVar(&o.window, "window", 10, "`N` words of context each side")
	f.IntVar(&o.chars, "chars", 0, "`N` characters of context each side instead of --window words")
	f.StringVar(&o.sort, "sort", "", "sort lines by `date|left|right` (default: corpus order)")
	f.IntVar(&o.limit, "limit", 0, "print at most `N` lines (0: all)")
	f.IntVar(&o.sample, "sample", 0, "keep a random sample of `N` hits (reproducible with --seed)")
	f.Uint64Var(&o.seed, "seed", 1, "`SEED` of --sample's random numbers")
	return c
}

// keepAllWords makes wf give every word as cut (a query sees them all).
func keepAllWords(wf *wordFlags) {
	wf.noStopwords, wf.keepPunct, wf.keepNumbers, wf.keepLatin, wf.minLen, wf.titles = true, true, true, true, 0, false
}

func runKWIC(io *streams, o *kwicOptions, args []string) error {
	format, _, err := o.formatAndGroup("") // kwic has no --by
	if err != nil {
		return err
	}
	order, err := concordance.ParseOrder(o.sort)
	if err != nil {
		return fmt.Errorf("--sort: %w", err)
	}
	if o.window < 0 || o.chars < 0 || o.limit < 0 || o.sample < 0 {
		return fmt.Errorf("--window, --chars, --limit and --sample take 0 or more")
	}
	m, err := compileQuery("QUERY", args[0])
	if err != nil {
		return err
	}
	opt := concordance.Options{Window: o.window, Chars: o.chars}
	var lines []concordance.Line
	var sampler *concordance.Sampler
	if o.sample > 0 {
		sampler = concordance.NewSampler(o.sample, o.seed)
	}
	hits, articles := 0, 0
	plan := &hitPlan{}
	if sampler == nil && order == concordance.Corpus {
		plan.limit = o.limit
	}
	vocab, closeErr, err := eachHitPlanned(io, &o.corpusOptions, &o.wordFlags, m, args[1:], false, plan, func(a *corpus.Article, ordinal int, words []string, _ []uint32, spans []spanT) error {
		articles++
		hits += len(spans)
		if sampler == nil && o.limit > 0 && order == concordance.Corpus && len(lines) >= o.limit {
			return nil // enough lines in corpus order: only count the rest
		}
		for _, l := range concordance.Make(a, ordinal, words, spans, opt) {
			switch {
			case sampler != nil:
				sampler.Add(l)
			case o.limit > 0 && order == concordance.Corpus && len(lines) >= o.limit:
				// enough lines in corpus order: only count the rest
			default:
				lines = append(lines, l)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if sampler != nil {
		lines = sampler.Lines
	}
	concordance.Sort(lines, order)
	if o.limit > 0 && len(lines) > o.limit {
		lines = lines[:o.limit]
	}
	if plan.counted {
		hits, articles = plan.hits, plan.articles
	}
	if !o.quiet {
		fmt.Fprintf(io.err, "baokan: %d hits in %d articles\n", hits, articles)
		if hits == 0 && m.words {
			m.hintNoHits(io, vocab)
		}
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	if format == reports.FormatTable {
		rows := make([]reports.KWICRow, len(lines))
		for i, l := range lines {
			rows[i] = reports.KWICRow{Before: fmt.Sprintf("%s  p%d", l.Date, l.Page), Left: l.Left, Match: l.Match,
				Right: l.Right, After: fmt.Sprintf("%s:%d", l.Path, l.Line)}
		}
		var bold func(string) string
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			bold = func(s string) string { return "\x1b[1m" + s + "\x1b[0m" }
		}
		if err := reports.WriteKWIC(w, rows, bold); err != nil {
			done()
			return err
		}
		if err := done(); err != nil {
			return err
		}
		return closeErr
	}
	out := reports.NewWriter(w, format, kwicColumns, o.reportOptions()...)
	for _, l := range lines {
		if err = out.WriteRow(l.Path, l.Line, l.Date.String(), l.Page, l.Item, l.Title, l.Left, l.Match, l.Right, l.Position); err != nil {
			break
		}
	}
	return finishOutput(out, done, err, closeErr)
}
