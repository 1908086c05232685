package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/collocation"
	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type collocationsOptions struct {
	corpusOptions
	wordFlags
	span     string
	minCount int64
	by       string
	sort     string
	top      int
}

// collocationsMethods states the counts and measures, for --help and the report.
const collocationsMethods = `Counting: the words kept by the filters (stop words and punctuation dropped by default)
form the text; for each hit, the window is the L kept words before it and the R after it
(--span L,R), within the body; a word in the windows of several nearby hits counts once
(so that no word is counted more often than it occurs). For a collocate w:
count = O11, its occurrences in the windows; freq = f2, its frequency among the kept words
of the corpus (or group); f1 = the hits; N = the kept words; R1 = the window positions
in the windows (about L+R a hit). expected = E11 = R1·f2/N, the expectation of
surface co-occurrence in windows (Evert 2008, Corpora and collocations, §5.2; ≈ f1·(L+R)·f2/N).
Measures:
  mi       = log2(O11/E11)                                  (Church & Hanks 1990)
  t_score  = (O11 − E11)/√O11                               (Church, Gale, Hanks & Hindle 1991)
  g2       = 2 Σ Oij·ln(Oij/Eij) over the 2×2 table O11, R1−O11, f2−O11, N−R1−f2+O11,
             Eij = row × column / N; negative when O11 < E11 (Dunning 1993)
  log_dice = 14 + log2(2·O11/(f1+f2))                       (Rychlý 2008)`

func newCollocationsCmd(io *streams) *cobra.Command {
	o := &collocationsOptions{}
	c := &cobra.Command{
		Use:   "collocations QUERY [CORPUS...]",
		Short: "The words found around the hits of a query, with MI, t-score, G² and logDice",
		Long: `collocations lists the words within --span L,R words of the hits of QUERY (see 'baokan
help query'; hits as kwic finds them):
  term,count,freq,expected,mi,t_score,g2,log_dice
with --by year|decade|month|page|genre a leading group column, each group counted as a
corpus of its own (so that one sees a word's company change: 美国 in the 1950s and in the
1980s). Words occurring fewer than --min-count times in the windows are left out; rows are
sorted by --sort g2|count|mi|t|logdice (largest first; ties by count, then term in Unicode
code point order), --top N per group.

` + collocationsMethods + `

The hits' article counts and the hits go to stderr.

` + wordFlagsHelp,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error { return runCollocations(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	addWordFlags(c, &o.wordFlags)
	f := c.Flags()
	f.StringVar(&o.span, "span", "5,5", "window of `L,R` words left and right of each hit")
	f.Int64Var(&o.minCount, "min-count", 3, "keep collocates seen at least `N` times in the windows")
	f.StringVar(&o.by, "by", "", "one block per `year|decade|month|page|genre`")
	f.StringVar(&o.sort, "sort", "g2", "sort by `g2|count|mi|t|logdice`, largest first")
	f.IntVar(&o.top, "top", 50, "rows per group (`N`; 0: all)")
	return c
}

func parseSpan(s string) (collocation.Span, error) {
	l, r, ok := strings.Cut(s, ",")
	L, err1 := strconv.Atoi(strings.TrimSpace(l))
	R, err2 := strconv.Atoi(strings.TrimSpace(r))
	if !ok || err1 != nil || err2 != nil || L < 0 || R < 0 || L+R == 0 {
		return collocation.Span{}, fmt.Errorf("--span %q: want L,R, two whole numbers, not both 0 (5,5)", s)
	}
	return collocation.Span{Left: L, Right: R}, nil
}

func parseCollocationOrder(s string) (collocation.Order, error) {
	switch o := collocation.Order(s); o {
	case collocation.ByG2, collocation.ByCount, collocation.ByMI, collocation.ByT, collocation.ByLogDice:
		return o, nil
	}
	return "", fmt.Errorf("--sort %q: choose g2, count, mi, t or logdice", s)
}

// collocationGroup is one group's counts.
type collocationGroup struct {
	name   string
	counts *collocation.Counts
	vocab  []string
}

// countCollocations counts the collocates of m's hits, overall (group nil) or by group,
// in the groups' natural order (collocation.Collector).
func countCollocations(io *streams, co *corpusOptions, wf *wordFlags, m *queryMatcher, span collocation.Span, group func(*corpus.Article) []string, args []string) (groups []collocationGroup, hits, articles int, closeErr, err error) {
	filter, err := wf.filter()
	if err != nil {
		return nil, 0, 0, nil, err
	}
	c := collocation.NewCollector(span, filter.Keep)
	var hs []collocation.Hit
	_, closeErr, err = eachHit(io, co, wf, m, args, true, func(a *corpus.Article, _ int, words []string, ids []uint32, spans []spanT) error {
		hs = hs[:0]
		for _, s := range spans {
			hs = append(hs, collocation.Hit{Start: s.Start, End: s.End})
		}
		var names []string
		if group != nil {
			names = group(a)
		}
		c.Add(names, words, ids, m.q.BoundVocabulary(), hs)
		return nil
	})
	if err != nil {
		return nil, 0, 0, nil, err
	}
	for _, g := range c.Groups(terms.CompareGroups) {
		groups = append(groups, collocationGroup{g.Name, g.Counts, g.Vocab})
	}
	return groups, c.Hits, c.Articles, closeErr, nil
}

func runCollocations(io *streams, o *collocationsOptions, args []string) error {
	format, group, err := o.formatAndGroup(o.by)
	if err != nil {
		return err
	}
	span, err := parseSpan(o.span)
	if err != nil {
		return err
	}
	order, err := parseCollocationOrder(o.sort)
	if err != nil {
		return err
	}
	m, err := compileQuery("QUERY", args[0])
	if err != nil {
		return err
	}
	groups, hits, articles, closeErr, err := countCollocations(io, &o.corpusOptions, &o.wordFlags, m, span, group, args[1:])
	if err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(io.err, "baokan: %d hits in %d articles\n", hits, articles)
	}
	columns := []string{"term", "count", "freq", "expected", "mi", "t_score", "g2", "log_dice"}
	if group != nil {
		columns = append([]string{"group"}, columns...)
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	out := reports.NewWriter(w, format, columns, o.reportOptions()...)
	for _, g := range groups {
		rows := g.counts.Rows(g.vocab, o.minCount, order)
		if o.top > 0 && len(rows) > o.top {
			rows = rows[:o.top]
		}
		for _, r := range rows {
			row := []any{r.Term, r.Count, r.Freq, r.Expected, r.MI, r.T, r.G2, r.LogDice}
			if group != nil {
				row = append([]any{g.name}, row...)
			}
			if err = out.WriteRow(row...); err != nil {
				return finishOutput(out, done, err, closeErr)
			}
		}
	}
	return finishOutput(out, done, nil, closeErr)
}
