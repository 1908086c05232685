package main

import (
	"fmt"
	"sync"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/tfidf"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type keywordsOptions struct {
	corpusOptions
	wordFlags
	by  string
	top int
	tf  string
	idf string
	l2  bool
}

// keywordsGroupsHelp says how groups are weighed as documents, for `keywords --help` and
// the methods of `baokan report`.
const keywordsGroupsHelp = `each group's words form one document). df and N are counted over those documents.
rank is the competition rank by tfidf within the document; ties are ordered by term.`

func newKeywordsCmd(io *streams) *cobra.Command {
	o := &keywordsOptions{}
	c := &cobra.Command{
		Use:   "keywords [CORPUS...]",
		Short: "TF-IDF keywords of each article, or of each year, decade, month, page or genre",
		Long: `keywords weighs every word of every document by TF-IDF and lists the top words of each:
  doc,term,tf,df,idf,tfidf,rank
Documents are articles (doc is PATH:LINE, the article's path and first line, as in
'baokan articles'), or with --by year|decade|month|page|genre|paper the groups (doc is the group:
` + keywordsGroupsHelp + `
Articles as documents take two passes over the corpus (document frequencies first, then the
weights); groups take one.

The scheme (--tf, --idf, --l2; the default is scikit-learn's TfidfVectorizer: raw tf, smooth
idf, L2 normalisation):
` + tfidf.Formulas() + `

` + wordFlagsHelp,
		RunE: func(c *cobra.Command, args []string) error { return runKeywords(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	addWordFlags(c, &o.wordFlags)
	f := c.Flags()
	f.StringVar(&o.by, "by", "", "documents are the groups: `year|decade|month|page|genre|paper`")
	f.IntVar(&o.top, "top", 10, "keywords per document (`N`; 0: all)")
	f.StringVar(&o.tf, "tf", "raw", "term frequency: `raw|log|normalized`")
	f.StringVar(&o.idf, "idf", "smooth", "inverse document frequency: `smooth|plain`")
	f.BoolVar(&o.l2, "l2", true, "L2-normalise each document's weights (--l2=false: none)")
	return c
}

func runKeywords(io *streams, o *keywordsOptions, args []string) error {
	format, group, err := o.formatAndGroup(o.by)
	if err != nil {
		return err
	}
	scheme := tfidf.Scheme{L2: o.l2}
	if scheme.TF, err = tfidf.ParseTF(o.tf); err != nil {
		return fmt.Errorf("--tf: %w", err)
	}
	if scheme.IDF, err = tfidf.ParseIDF(o.idf); err != nil {
		return fmt.Errorf("--idf: %w", err)
	}
	// Pass 1: document frequencies (and, for groups, each group's counts).
	o.reread = group == nil // articles as documents: pass 2 weighs them
	ws, df, grouped, closeErr, err := countWords(io, &o.corpusOptions, &o.wordFlags, group, args)
	if err != nil {
		return err
	}
	defer ws.Close()
	var model *tfidf.Model
	if group != nil {
		model, err = tfidf.NewModel(scheme, grouped.GroupDocs())
	} else {
		model, err = tfidf.NewModel(scheme, df)
	}
	if err != nil {
		return err
	}

	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	out := reports.NewWriter(w, format, []string{"doc", "term", "tf", "df", "idf", "tfidf", "rank"}, o.reportOptions()...)
	weigher := model.NewWeigher()
	write := func(rows []tfidf.Row) error {
		for _, r := range rows {
			if err := out.WriteRow(r.Doc, r.Term, r.TF, r.DF, r.IDF, r.TFIDF, r.Rank); err != nil {
				return err
			}
		}
		return nil
	}
	if group != nil {
		// Groups are weighed independently, on every core, and written in order.
		groups := grouped.Groups()
		rows := make([][]tfidf.Row, len(groups))
		next := make(chan int, len(groups))
		for i := range groups {
			next <- i
		}
		close(next)
		var wg sync.WaitGroup
		for range o.cores() {
			wg.Go(func() {
				weigher := model.NewWeigher()
				for i := range next {
					c, _ := grouped.Lookup(groups[i])
					rows[i] = weigher.TopCounts(groups[i], c, o.top)
				}
			})
		}
		wg.Wait()
		for _, r := range rows {
			if err = write(r); err != nil {
				break
			}
		}
	} else {
		// Pass 2: weigh each article, in corpus order.
		err = ws.Each(func(a *corpus.Article, words []string) error {
			return write(weigher.Top(fmt.Sprintf("%s:%d", a.Path, a.Line), words, o.top))
		})
	}
	return finishOutput(out, done, err, closeErr)
}
