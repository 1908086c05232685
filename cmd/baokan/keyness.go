package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/keyness"
	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type keynessOptions struct {
	corpusOptions
	wordFlags
	target    string
	reference string
	form      string
	yates     bool
	minCount  int64
	top       int
}

func newKeynessCmd(io *streams) *cobra.Command {
	o := &keynessOptions{}
	c := &cobra.Command{
		Use:   "keyness --target FILTER [--reference FILTER] [CORPUS...]",
		Short: "Which words set a subcorpus apart: log-likelihood keyness",
		Long: `keyness compares the words of a target subcorpus with those of a reference subcorpus
(by default the rest of the corpus: every article kept by the common filters that the target
filter does not match) and lists the words over-used in the target, then those under-used:
  term,target_count,reference_count,target_per_10k,reference_per_10k,g2,p,log_ratio,chi2,use,rank
Each list is sorted by G² (ties by term); rank is the competition rank by G² among all words.

A FILTER is comma-separated key=value pairs: from=YYYY-MM-DD, to=YYYY-MM-DD, page=N,
genre=G, title=REGEX (title last, it may hold commas), or query=QUERY alone (see 'baokan
help query'). For example the Cultural Revolution against the rest: --target
'from=1966-05-16,to=1976-10-06'; the articles naming Mao against the rest: --target
'query=person:毛泽东'.

` + keyness.Formulas() + `

` + wordFlagsHelp,
		RunE: func(c *cobra.Command, args []string) error { return runKeyness(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	addWordFlags(c, &o.wordFlags)
	f := c.Flags()
	f.StringVar(&o.target, "target", "", "the target subcorpus, a `FILTER` (required)")
	f.StringVar(&o.reference, "reference", "", "the reference subcorpus, a `FILTER` (default: the rest of the corpus)")
	f.StringVar(&o.form, "g2", "two-term", "form of G²: `two-term` (Rayson's calculator) or four-term (Dunning's full table)")
	f.BoolVar(&o.yates, "yates", false, "apply Yates' continuity correction to chi-square")
	f.Int64Var(&o.minCount, "min-count", 5, "keep words whose target + reference count is at least `N`")
	f.IntVar(&o.top, "top", 50, "over-used and under-used words listed, each (`N`; 0: all)")
	_ = c.MarkFlagRequired("target")
	return c
}

func runKeyness(io *streams, o *keynessOptions, args []string) error {
	format, err := o.reportFormat()
	if err != nil {
		return err
	}
	target, err := parseSubcorpus("--target", o.target)
	if err != nil {
		return err
	}
	var reference *subcorpus
	if o.reference != "" {
		if reference, err = parseSubcorpus("--reference", o.reference); err != nil {
			return err
		}
	}
	opts := keyness.Options{Yates: o.yates, MinCount: o.minCount}
	if opts.Form, err = keyness.ParseG2Form(o.form); err != nil {
		return fmt.Errorf("--g2: %w", err)
	}
	o.textless = true // words and metadata only
	ws, err := o.openWords(io, &o.corpusOptions, args)
	if err != nil {
		return err
	}
	target.attach(ws)
	reference.attach(ws)
	tc, rc := terms.NewCounter(), terms.NewCounter()
	err = ws.EachIDs(func(a *corpus.Article, ids []uint32) error {
		switch {
		case target.match(ws, a):
			tc.AddDocIDs(ids, ws.Vocabulary())
		case reference == nil || reference.match(ws, a):
			rc.AddDocIDs(ids, ws.Vocabulary())
		}
		return nil
	})
	closeErr := ws.Close()
	if err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(io.err, "baokan: target %d articles, %d words; reference %d articles, %d words\n",
			tc.Docs(), tc.Tokens(), rc.Docs(), rc.Tokens())
	}
	rows, err := keyness.Compare(tc, rc, opts)
	if errors.Is(err, keyness.ErrEmptyCorpus) {
		return fmt.Errorf("%w (target %d words, reference %d): check --target and --reference", err, tc.Tokens(), rc.Tokens())
	}
	if err != nil {
		return err
	}
	over, under := keyness.Split(rows)
	if o.top > 0 {
		over, under = over[:min(o.top, len(over))], under[:min(o.top, len(under))]
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	out := reports.NewWriter(w, format, []string{"term", "target_count", "reference_count", "target_per_10k",
		"reference_per_10k", "g2", "p", "log_ratio", "chi2", "use", "rank"}, o.reportOptions()...)
	for _, r := range append(over, under...) {
		if err = out.WriteRow(r.Term, r.TargetCount, r.ReferenceCount, r.TargetPer10k, r.ReferencePer10k,
			r.G2, r.P, r.LogRatio, r.Chi2, r.Use.String(), r.Rank); err != nil {
			break
		}
	}
	return finishOutput(out, done, err, closeErr)
}
