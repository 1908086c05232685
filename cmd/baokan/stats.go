package main

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type statsOptions struct {
	corpusOptions
	by string
}

// groupings are the breakdowns of `stats --by`. Each gives an article's groups (an
// article with several genres counts once in each); "" is shown as (none).
var groupings = map[string]func(a *corpus.Article) []string{
	"year": func(a *corpus.Article) []string {
		if a.Date.IsZero() {
			return []string{""}
		}
		return []string{fmt.Sprintf("%04d", a.Date.Year)}
	},
	"month": func(a *corpus.Article) []string {
		if a.Date.IsZero() {
			return []string{""}
		}
		return []string{fmt.Sprintf("%04d-%02d", a.Date.Year, int(a.Date.Month))}
	},
	"page": func(a *corpus.Article) []string {
		if a.Page == 0 {
			return []string{""}
		}
		return []string{fmt.Sprintf("%02d", a.Page)}
	},
	"genre": func(a *corpus.Article) []string {
		if len(a.Genres) == 0 {
			return []string{""}
		}
		return a.Genres
	},
	"column": func(a *corpus.Article) []string { return []string{a.Column} },
}

func newStatsCmd(io *streams) *cobra.Command {
	o := &statsOptions{}
	c := &cobra.Command{
		Use:   "stats [CORPUS...]",
		Short: "Overview of a corpus, and breakdowns by year, month, page, genre or column",
		Long: `stats reads the corpus and prints an overview: files, articles, date range, body
characters, articles with a body / an RW list / authors, and diagnostics by kind.

--by year|month|page|genre|column adds a breakdown: articles, body characters, and share
(the group's articles over all articles kept). An article with several genres counts in each
of its genres, so genre shares can add up to more than 1. Groups are sorted by name;
articles without a value are grouped under "(none)", listed last. In csv, json and jsonl
formats the output holds the breakdown alone when --by is given, the overview otherwise.

Characters are Unicode code points of the body paragraphs (indentation, markup and the RW
tail excluded).`,
		RunE: func(c *cobra.Command, args []string) error { return runStats(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	c.Flags().StringVar(&o.by, "by", "", "break down by `year|month|page|genre|column`")
	return c
}

type groupCount struct{ articles, chars int }

func runStats(io *streams, o *statsOptions, args []string) error {
	group, ok := groupings[o.by]
	if o.by != "" && !ok {
		return fmt.Errorf("--by %q: choose year, month, page, genre or column", o.by)
	}
	format, err := o.reportFormat()
	if err != nil {
		return err
	}
	o.textless = true // body sizes only
	s, err := o.open(io, args)
	if err != nil {
		return err
	}
	var (
		chars, withBody, withRW, withAuthors int
		first, last                          corpus.Date
		groups                               = map[string]*groupCount{}
	)
	for a, err := range s.reader.All() {
		if err != nil {
			s.close()
			return err
		}
		paragraphs, n := s.bodySize(a)
		chars += n
		if paragraphs > 0 {
			withBody++
		}
		if len(a.RW) > 0 {
			withRW++
		}
		if len(a.Authors) > 0 {
			withAuthors++
		}
		if !a.Date.IsZero() {
			if first.IsZero() || a.Date.Compare(first) < 0 {
				first = a.Date
			}
			if last.IsZero() || a.Date.Compare(last) > 0 {
				last = a.Date
			}
		}
		if group != nil {
			for _, g := range group(a) {
				gc := groups[g]
				if gc == nil {
					gc = &groupCount{}
					groups[g] = gc
				}
				gc.articles++
				gc.chars += n
			}
		}
	}
	closeErr := s.close()
	sum := s.reader.Summary()

	overview := reports.Table{Title: "Corpus", Columns: []string{"measure", "value"}}
	add := func(k string, v any) { overview.Rows = append(overview.Rows, []any{k, v}) }
	add("files", sum.Files)
	add("bytes", sum.Bytes)
	for _, enc := range sortedKeys(sum.Encodings) {
		add("files in "+enc, sum.Encodings[enc])
	}
	if sum.Ignored > 0 {
		add("files ignored (not .txt)", sum.Ignored)
	}
	add("articles read", sum.Articles)
	if sum.FilteredOut > 0 {
		add("articles kept by the filter", sum.Matched)
	}
	add("articles skipped (damaged)", sum.SkippedTotal())
	for _, k := range corpus.Kinds(sum.Skipped) {
		add("articles skipped: "+string(k), sum.Skipped[k])
	}
	add("files without an article", sum.FilesNoArticleTotal())
	add("first date", first.String())
	add("last date", last.String())
	add("body characters", chars)
	add("articles with a body", withBody)
	add("articles with RW", withRW)
	add("articles with authors", withAuthors)
	add("articles with diagnostics", sum.ArticlesProblems)
	for _, k := range corpus.Kinds(sum.ArticlesByKind) {
		add("articles with "+string(k), sum.ArticlesByKind[k])
	}
	for _, k := range corpus.Kinds(sum.Diagnostics) {
		add("diagnostics: "+string(k), sum.Diagnostics[k])
	}
	for _, k := range corpus.Kinds(sum.FilesNoArticle) {
		add("files without an article: "+string(k), sum.FilesNoArticle[k])
	}

	tables := []reports.Table{overview}
	if group != nil {
		tables = append(tables, breakdown(o.by, groups, sum.Matched))
		if format != reports.FormatTable {
			tables = tables[1:]
		}
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	if err := reports.WriteTables(w, format, tables, o.reportOptions()...); err != nil {
		done()
		return err
	}
	if err := done(); err != nil {
		return err
	}
	return closeErr
}

func breakdown(by string, groups map[string]*groupCount, total int) reports.Table {
	t := reports.Table{Title: "By " + by, Columns: []string{by, "articles", "chars", "share"}}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		// "(none)" last; otherwise by name (years, months and zero-padded pages sort right).
		if (keys[i] == "") != (keys[j] == "") {
			return keys[j] == ""
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		g := groups[k]
		share := 0.0
		if total > 0 {
			share = float64(g.articles) / float64(total)
		}
		name := k
		if name == "" {
			name = "(none)"
		}
		t.Rows = append(t.Rows, []any{name, g.articles, g.chars, roundShare(share)})
	}
	return t
}

// roundShare keeps four decimals, so that shares print the same in every format.
func roundShare(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
