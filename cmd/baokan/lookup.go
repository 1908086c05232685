package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
	"github.com/baokan/baokan/reports/parquetfile"
)

type lookupOptions struct {
	corpusOptions
	wordFlags
	conceptFlags
	by           string
	onlyMatching bool
	parquet      string
}

// lookupByColumns are the columns of `baokan lookup --by`.
var lookupByColumns = []string{"period", "category", "articles", "matching", "share", "matches", "words", "per_10k"}

func newLookupCmd(io *streams) *cobra.Command {
	o := &lookupOptions{}
	c := &cobra.Command{
		Use:   "lookup --concepts FILE [CORPUS...]",
		Short: "Count the categories of a concept dictionary in each article (quanteda's dfm_lookup)",
		Long: `lookup counts, in each article, the matches of each category of a concept dictionary, and
prints the article × category table, one row per article in corpus order:
  path,line,date,page,item,title,words, then for each category C: C,C_match
C is the category's matches in the article, C_match 1 when it has any (else 0); words is
the body's words as cut (every token, punctuation included: the words a query sees).
--index EXPR adds a column index:EXPR, 1 for the articles matching it. --only-matching
keeps the articles with a match in some category. --parquet FILE writes the same table as
a Parquet file (int32 counts; date a date, null when missing) instead of printing it.

--by day|week|month|quarter|year|decade prints instead, per period (every period from the
first to the last dated article's, empty ones included) and category (then each --index):
  period,category,articles,matching,share,matches,words,per_10k
articles: the period's articles; matching: those with a match of the category (matching
the expression, for an index); share = matching / articles; matches: the category's
matches (for an index: matching); words: the period's words as cut; per_10k = matches ×
10,000 / words (both empty for an index). Rates of an empty period are
empty (null in JSON). For the standardised index, bursts and charts, see 'baokan timeline
--concepts'.

` + conceptsHelp + `

Results are the same whatever --workers.`,
		RunE: func(c *cobra.Command, args []string) error { return runLookup(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	addSegmentFlags(c, &o.wordFlags)
	f := c.Flags()
	f.StringVar(&o.conceptFlags.file, "concepts", "", "the concept dictionary `FILE` (.yml in quanteda's layout, or .csv category,entry)")
	f.StringArrayVar(&o.conceptFlags.indexes, "index", nil, "add a column of the articles matching `EXPR`, a boolean expression over the categories (repeatable)")
	f.StringVar(&o.by, "by", "", "count by period `UNIT`: day, week, month, quarter, year or decade")
	f.BoolVar(&o.onlyMatching, "only-matching", false, "list only the articles with a match in some category")
	f.StringVar(&o.parquet, "parquet", "", "write the article × category table to the Parquet `FILE`")
	_ = c.MarkFlagRequired("concepts")
	c.MarkFlagsMutuallyExclusive("by", "parquet")
	return c
}

// lookupColumns are the columns of the article table.
func lookupColumns(set *conceptSet) []string {
	cols := []string{"path", "line", "date", "page", "item", "title", "words"}
	for _, name := range set.dict.Names() {
		cols = append(cols, name, name+"_match")
	}
	for _, x := range set.exprs {
		cols = append(cols, "index:"+x.String())
	}
	return cols
}

func runLookup(io *streams, o *lookupOptions, args []string) error {
	format, err := o.reportFormat()
	if err != nil {
		return err
	}
	set, err := o.conceptFlags.load()
	if err != nil {
		return err
	}
	if err := set.learnPersons(io, &o.corpusOptions, args); err != nil {
		return err
	}
	var unit timeline.Unit
	if o.by != "" {
		if unit, err = timeline.ParseUnit(o.by); err != nil {
			return fmt.Errorf("--by: %w", err)
		}
		if o.onlyMatching {
			return errors.New("--only-matching lists articles: not with --by")
		}
	}
	if o.parquet != "" && o.output != "" {
		return errors.New("--parquet FILE and --output: give one")
	}
	cols := lookupColumns(set)
	if err := checkColumnNames(cols); err != nil {
		return err
	}
	keepAllWords(&o.wordFlags)
	o.extraWords = set.extraWords()
	o.textless = !set.matcher.NeedsText()
	ws, err := o.openWords(io, &o.corpusOptions, args)
	if err != nil {
		return err
	}
	if o.by != "" {
		return o.lookupBy(io, ws, set, unit, format)
	}

	var pw *parquetfile.LookupWriter
	var out *reports.Writer
	var done func() error
	if o.parquet != "" {
		f, err := os.Create(o.parquet)
		if err != nil {
			return fmt.Errorf("--parquet: %w", err)
		}
		buf := bufio.NewWriterSize(f, 1<<20)
		idx := make([]string, len(set.exprs))
		for i, x := range set.exprs {
			idx[i] = x.String()
		}
		if pw, err = parquetfile.NewLookupWriter(buf, set.dict.Names(), idx); err != nil {
			f.Close()
			return err
		}
		done = func() error {
			err := pw.Close()
			if err == nil {
				err = buf.Flush()
			}
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		}
	} else {
		w, d, err := o.outputWriter(io)
		if err != nil {
			return err
		}
		out, done = reports.NewWriter(w, format, cols, o.reportOptions()...), d
	}
	set.matcher.Bind(ws.Vocabulary()) // from a cache, the whole vocabulary; from raw files, none yet
	cw := set.worker()
	row := make([]any, 0, len(cols))
	var words []string
	err = ws.EachIDs(func(a *corpus.Article, ids []uint32) error {
		vocab := ws.Vocabulary()
		words = words[:0]
		for _, id := range ids {
			words = append(words, vocab[id])
		}
		cw.countIDs(a, ids, vocab, words)
		if o.onlyMatching && !anyTrue(cw.matched) {
			return nil
		}
		if pw != nil {
			return pw.Write(a, len(words), cw.counts, cw.indexes)
		}
		row = append(row[:0], a.Path, a.Line, a.Date.String(), a.Page, a.Item, a.Title, len(words))
		for i, n := range cw.counts {
			row = append(row, n, bitOf(cw.matched[i]))
		}
		for _, ok := range cw.indexes {
			row = append(row, bitOf(ok))
		}
		return out.WriteRow(row...)
	})
	closeErr := ws.Close()
	if pw != nil {
		if err != nil {
			done()
			return err
		}
		if err := done(); err != nil {
			return fmt.Errorf("--parquet: %w", err)
		}
		return closeErr
	}
	return finishOutput(out, done, err, closeErr)
}

// lookupBy counts the categories by period.
func (o *lookupOptions) lookupBy(io *streams, ws *wordStream, set *conceptSet, unit timeline.Unit, format reports.Format) error {
	tab, undated, err := conceptTable(ws, set, unit)
	closeErr := ws.Close()
	if err != nil {
		return err
	}
	if undated > 0 && !o.quiet {
		fmt.Fprintf(io.err, "baokan: %d article(s) without a valid date are in no period\n", undated)
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	out := reports.NewWriter(w, format, lookupByColumns, o.reportOptions()...)
	for pi, period := range tab.Periods {
		for i, s := range tab.Series {
			p := tab.Points[i][pi]
			name, words, per10k := s.Value, any(tab.Totals[pi].Tokens), floatCell(p.Per10k())
			if s.Kind == timeline.Index {
				name, words, per10k = "index:"+s.Value, nil, nil
			}
			if err = out.WriteRow(period.String(), name, p.PeriodArticles, p.Articles, floatCell(p.Share()),
				p.Count, words, per10k); err != nil {
				return finishOutput(out, done, err, closeErr)
			}
		}
	}
	return finishOutput(out, done, nil, closeErr)
}

// conceptTable counts the categories and indices of set by period over the word stream
// (every word as cut), one partial aggregation a worker; it returns the table and the
// number of undated articles.
func conceptTable(ws *wordStream, set *conceptSet, unit timeline.Unit) (*timeline.Table, int, error) {
	agg, err := timeline.New(unit, set.series())
	if err != nil {
		return nil, 0, err
	}
	set.matcher.Bind(ws.Vocabulary()) // from a cache, the whole vocabulary; from raw files, none yet
	parts := make([]*timeline.Aggregator, ws.Workers())
	workers := make([]*conceptWorker, len(parts))
	words := make([][]string, len(parts))
	parts[0] = agg
	for w := range parts {
		if w > 0 {
			if parts[w], err = timeline.New(unit, agg.Series()); err != nil {
				return nil, 0, err
			}
		}
		workers[w] = set.worker()
	}
	err = ws.EachIDsParallel(len(parts), func(w int, a *corpus.Article, ids []uint32, chars int) error {
		vocab := ws.Vocabulary()
		words[w] = words[w][:0]
		for _, id := range ids {
			words[w] = append(words[w], vocab[id])
		}
		workers[w].countIDs(a, ids, vocab, words[w])
		d := timeline.DocOf(a, words[w], nil)
		d.Chars = chars
		workers[w].fill(&d)
		parts[w].Add(d)
		return nil
	})
	for _, p := range parts[1:] {
		if err == nil {
			err = agg.Merge(p)
		}
	}
	if err != nil {
		return nil, 0, err
	}
	return agg.Table(), agg.Undated(), nil
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

func bitOf(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkColumnNames rejects a dictionary whose columns clash (a category named like a fixed
// column, or C and C_match).
func checkColumnNames(cols []string) error {
	seen := map[string]bool{}
	for _, c := range cols {
		if seen[c] {
			return fmt.Errorf("--concepts: the column %q would appear twice: rename the category", c)
		}
		seen[c] = true
	}
	return nil
}
