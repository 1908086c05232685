package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/reports"
)

type personsOptions struct {
	corpusOptions
	personFlags
	entries bool
	summary bool
}

// personsRulesHelp says how RW lists become persons, for `persons --help` and the methods
// of `baokan report`.
const personsRulesHelp = `persons turns each article's RW (人物) list into persons: every entry is classified as
person, role (主席, 马来西亚总理), event (会见外宾, 访华) or other (照片), with the reason;
run-together names are split (刘少奇周恩来陈毅) using the names known from the whole corpus,
never splitting a transliterated foreign name (赫鲁晓夫, 福田赳夫); a title glued to a name is
stripped (卡特总统 → 卡特); aliases and known misspellings map to one name (毛主席 → 毛泽东,
朱 基 → 朱镕基). The rules are listed in the documentation of analysis/persons.`

func newPersonsCmd(io *streams) *cobra.Command {
	o := &personsOptions{}
	c := &cobra.Command{
		Use:   "persons [CORPUS...]",
		Short: "Persons of each article, from the indexers' RW lists",
		Long: personsRulesHelp + `

Output, one row per article and person:
  path,date,page,item,person,raw_entry,source
source is GJ or body (where the RW list was), or text with --from-text.
--entries: one row per raw entry: path,date,page,item,raw_entry,class,reason,persons,source
--summary: one row per person, most articles first, ties by name:
  person,articles,first_date,last_date,front_page_articles`,
		RunE: func(c *cobra.Command, args []string) error { return runPersons(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	addPersonFlags(c, &o.personFlags)
	c.Flags().BoolVar(&o.entries, "entries", false, "list every raw RW entry with its class and reason")
	c.Flags().BoolVar(&o.summary, "summary", false, "one row per person: articles, first and last date, front-page articles")
	c.MarkFlagsMutuallyExclusive("entries", "summary")
	return c
}

func runPersons(io *streams, o *personsOptions, args []string) error {
	format, err := o.reportFormat()
	if err != nil {
		return err
	}
	if o.entries && o.fromText {
		return fmt.Errorf("--entries lists RW entries; --from-text adds none")
	}
	corp, err := collectPersons(io, &o.corpusOptions, &o.personFlags, args)
	if err != nil {
		return err
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	shorten, title := o.pathShortener(args)
	pathOpts := o.reportOptions()
	if title != "" {
		pathOpts = append(pathOpts, reports.WithTitle(title))
	}
	var out *reports.Writer
	switch {
	case o.summary:
		out = reports.NewWriter(w, format, []string{"person", "articles", "first_date", "last_date", "front_page_articles"}, o.reportOptions()...)
		for _, s := range corp.Stats() {
			if err = out.WriteRow(s.Person, s.Articles, s.First.String(), s.Last.String(), s.FrontPage); err != nil {
				break
			}
		}
	case o.entries:
		out = reports.NewWriter(w, format, []string{"path", "date", "page", "item", "raw_entry", "class", "reason", "persons", "source"}, pathOpts...)
		for _, p := range corp.Articles {
			for _, e := range p.Entries {
				if err == nil {
					err = out.WriteRow(shorten(p.Path), p.Date.String(), p.Page, p.Item, e.Raw, string(e.Class), e.Reason, list(e.Persons), string(p.Source))
				}
			}
		}
	default:
		out = reports.NewWriter(w, format, []string{"path", "date", "page", "item", "person", "raw_entry", "source"}, pathOpts...)
		for _, p := range corp.Articles {
			for _, m := range p.Mentions() {
				if err == nil {
					err = out.WriteRow(shorten(p.Path), p.Date.String(), p.Page, p.Item, m.Person, m.Raw, m.Source)
				}
			}
		}
	}
	if err != nil {
		done()
		return err
	}
	if err := out.Close(); err != nil {
		done()
		return err
	}
	return done()
}
