package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/pipeline"
	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type termsOptions struct {
	corpusOptions
	wordFlags
	by  string
	top int
}

// wordGroupings are the --by choices of the word commands: stats' groupings but column.
var wordGroupings = []string{"year", "decade", "month", "page", "genre", "paper"}

// groupFunc returns the grouping of --by, nil for none.
func groupFunc(by string) (func(*corpus.Article) []string, error) {
	if by == "" {
		return nil, nil
	}
	for _, g := range wordGroupings {
		if g == by {
			return groupings[by], nil
		}
	}
	return nil, fmt.Errorf("--by %q: choose year, decade, month, page, genre or paper", by)
}

// termsColumnsHelp defines the columns of a frequency list, for `terms --help` and the
// methods of `baokan report`.
const termsColumnsHelp = `count: occurrences; docs: articles containing the word; per_10k: count × 10,000 / the
number of words kept (after filtering) in the corpus or group; rank: competition rank by
count ("1224": tied words share a rank). Ties are ordered by term (Unicode code point order).`

func newTermsCmd(io *streams) *cobra.Command {
	o := &termsOptions{}
	c := &cobra.Command{
		Use:   "terms [CORPUS...]",
		Short: "Word frequencies, overall or by year, decade, month, page, genre or paper",
		Long: `terms counts the words of the corpus kept by the filters:
  term,count,docs,per_10k,rank
` + termsColumnsHelp + `
--by year|decade|month|page|genre|paper gives one block per group, with a leading group column;
groups in natural order (page 2 before 10), articles without a value in the group ""
last; an article with several genres counts in each. --top N keeps N rows per group
(0: all).

` + wordFlagsHelp,
		RunE: func(c *cobra.Command, args []string) error { return runTerms(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	addWordFlags(c, &o.wordFlags)
	c.Flags().StringVar(&o.by, "by", "", "one block per `year|decade|month|page|genre|paper`")
	c.Flags().IntVar(&o.top, "top", 100, "rows per group, most frequent first (`N`; 0: all)")
	return c
}

// formatAndGroup checks what the word commands check before reading anything: the output
// --format and --by (nil grouping for none). terms, keywords, kwic and collocations share it.
func (o *corpusOptions) formatAndGroup(by string) (reports.Format, func(*corpus.Article) []string, error) {
	format, err := o.reportFormat()
	if err != nil {
		return format, nil, err
	}
	group, err := groupFunc(by)
	return format, group, err
}

func runTerms(io *streams, o *termsOptions, args []string) error {
	format, group, err := o.formatAndGroup(o.by)
	if err != nil {
		return err
	}
	ws, all, grouped, closeErr, err := countWords(io, &o.corpusOptions, &o.wordFlags, group, args)
	if err != nil {
		return err
	}
	ws.Close() // one pass

	columns := []string{"term", "count", "docs", "per_10k", "rank"}
	if group != nil {
		columns = append([]string{"group"}, columns...)
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	out := reports.NewWriter(w, format, columns, o.reportOptions()...)
	write := func(prefix []any, rows []terms.Row) error {
		for _, r := range rows {
			if err := out.WriteRow(append(prefix, r.Term, r.Count, r.Docs, r.Per10k, r.Rank)...); err != nil {
				return err
			}
		}
		return nil
	}
	if group == nil {
		err = write(nil, all.Top(o.top))
	} else {
		for _, g := range grouped.Top(o.top) {
			if err = write([]any{g.Group}, g.Rows); err != nil {
				break
			}
		}
	}
	return finishOutput(out, done, err, closeErr)
}

// countWords opens the word stream, and counts the corpus's words (pipeline.Count). The
// stream is returned open for a second pass (the caller closes it; on error it is closed
// already, and nil); closeErr is the first pass's verdict (--strict), to return once the
// output is written.
func countWords(io *streams, o *corpusOptions, wf *wordFlags, group func(*corpus.Article) []string, args []string) (ws *wordStream, all *terms.Counter, grouped *terms.Grouped, closeErr, err error) {
	o.textless = true // words and metadata only
	if ws, err = wf.openWords(io, o, args); err != nil {
		return nil, nil, nil, nil, err
	}
	if all, grouped, err = pipeline.Count(ws.p, group); err != nil {
		ws.Close()
		return nil, nil, nil, nil, err
	}
	return ws, all, grouped, ws.Verdict(), nil
}
