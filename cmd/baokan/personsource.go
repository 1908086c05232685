package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/lexicon"
	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/corpus"
)

// personFlags are the flags of the commands that turn RW lists into persons.
type personFlags struct {
	aliases  string
	fromText bool
	byDate   bool
	source   string // --persons rw|text|both
}

func addPersonFlags(c *cobra.Command, o *personFlags) {
	addRWPersonFlags(c, o)
	c.Flags().BoolVar(&o.fromText, "from-text", false, "also find, as whole words of the cut titles and bodies, persons known from RW lists anywhere in the corpus and the names found in the text (source text); as --persons both")
	c.Flags().StringVar(&o.source, "persons", "rw", "where an article's persons come from: `rw` (its RW list), text (known persons and names found, as whole words of its cut titles and body), both")
}

// textPersons reports whether persons are found in the text (--from-text, --persons text|both).
func (pf *personFlags) textPersons() bool {
	return pf.fromText || pf.source == "text" || pf.source == "both"
}

// checkSource checks --persons.
func (pf *personFlags) checkSource() error {
	switch pf.source {
	case "", "rw", "text", "both":
		return nil
	}
	return fmt.Errorf("--persons %q: choose rw, text or both", pf.source)
}

// addRWPersonFlags adds the flags of the RW resolver: aliases and disambiguation by date.
func addRWPersonFlags(c *cobra.Command, o *personFlags) {
	f := c.Flags()
	f.StringVar(&o.aliases, "aliases", "", "extra aliases from `FILE`, lines alias<TAB>canonical (override the built-in table)")
	f.BoolVar(&o.byDate, "by-date", false, "tell apart persons who share a name by the article's date (布什: 老布什 before 1995, 小布什 from 2000)")
}

// personCollector is the persons.Collector of the flags: add each article, then
// c.Resolve once.
type personCollector struct {
	c        *persons.Collector
	copyText bool // persons.Collector.CloneStrings: the articles come from raw files
}

// newPersonCollector builds the collector of the flags.
func newPersonCollector(pf *personFlags) (*personCollector, error) {
	opts, err := pf.resolverOptions()
	if err != nil {
		return nil, err
	}
	c := persons.NewCollector(opts)
	c.KeepEntries = true
	return &personCollector{c: c}, nil
}

// resolverOptions builds the resolver's options from --by-date and --aliases. The
// segmenter splits run-together entries the rules cannot; its dictionary takes 0.5 to
// 2 s to load, so it is loaded only if some entry needs it.
func (pf *personFlags) resolverOptions() (persons.Options, error) {
	opts := persons.Options{DisambiguateByDate: pf.byDate, Segmenter: persons.LazySegmenter(func() (persons.Segmenter, error) {
		seg, err := segment.New(segment.Options{})
		if err != nil {
			return nil, err
		}
		return seg, nil
	})}
	if pf.aliases != "" {
		f, err := os.Open(pf.aliases)
		if err != nil {
			return opts, fmt.Errorf("--aliases: %w", err)
		}
		opts.Aliases, err = persons.ParseAliases(f)
		f.Close()
		if err != nil {
			return opts, fmt.Errorf("--aliases %s: %w", pf.aliases, err)
		}
	}
	return opts, nil
}

func (c *personCollector) add(a *corpus.Article) {
	c.c.CloneStrings = c.copyText
	c.c.Add(a)
}

// personDoc is the network document of an article with persons (the counts need no ID).
func personDoc(p *persons.Article) network.Doc {
	return network.Doc{Date: p.Date, Page: p.Page, Paper: p.Paper, Persons: p.All()}
}

// collectPersons reads the corpus and resolves every RW list (persons.Collector: every
// list learned before any is resolved). Only articles with an RW list are kept in memory,
// in corpus order; with --from-text or --persons text|both the corpus is read a second
// time for the text (persons.TextPass), and articles whose text names a known person are
// added.
func collectPersons(io *streams, o *corpusOptions, pf *personFlags, args []string) (*persons.Corpus, error) {
	if err := pf.checkSource(); err != nil {
		return nil, err
	}
	collector, err := newPersonCollector(pf)
	if err != nil {
		return nil, err
	}
	textless := *o
	textless.textless = true // the RW lists only; the text is read in the second pass
	s, err := textless.open(io, args)
	if err != nil {
		return nil, err
	}
	collector.copyText = s.cache == nil
	if err := corpus.Drain(s.reader, func(a *corpus.Article) error { collector.add(a); return nil }); err != nil {
		s.close()
		return nil, err
	}
	if err := s.close(); err != nil {
		return nil, err
	}
	corp := collector.c.Resolve()
	if len(corp.Articles) == 0 && !o.quiet {
		noRWNote(io, corp)
	}
	if !pf.textPersons() {
		return corp, nil
	}

	quiet := *o
	quiet.quiet, quiet.verbose, quiet.strict = true, false, false // the first pass reported
	quiet.skipBody, quiet.textless = false, false
	// The names found in the text that the segmenter keeps whole.
	words, err := findWords(io, &quiet, args, lexicon.Options{NoWords: true})
	if err != nil {
		return nil, err
	}
	seg, err := segment.New(tokens.CorpusWords{Found: words.Found}.Options(segment.Options{}))
	if err != nil {
		return nil, err
	}
	names := append(corp.Resolver.Learned(), seg.Added()...)
	finder := persons.NewTextFinder(names, corp.Resolver.Aliases())
	// The text as the word commands cut it (every token, titles too).
	wf := wordFlags{noStopwords: true, keepPunct: true, keepNumbers: true, keepLatin: true, titles: true}
	ws, err := wf.openWords(io, &quiet, args)
	if err != nil {
		return nil, err
	}
	mode := persons.TextAlso
	if pf.source == "text" && !pf.fromText {
		mode = persons.TextOnly
	}
	defer ws.Close()
	pass := corp.TextPass(finder, mode, collector.copyText)
	if err := ws.Each(pass.Add); err != nil {
		return nil, err
	}
	return pass.Done(), nil
}

// noRWNote says on stderr, when articles were read but none has an RW list, that the source
// has none, so that an empty table or network is not taken for a finding. The JSON forms
// of the People's Daily and the Wenhui Bao never have RW lists.
func noRWNote(io *streams, c *persons.Corpus) {
	if n := c.WithoutPersons(); n > 0 {
		fmt.Fprintf(io.err, "baokan: none of the %d articles read has an RW (人物) list: the source has no indexers' person lists (the People's Daily and Wenhui Bao JSON forms never have), so there are no persons to count; persons found in the text alone are not available yet\n", n)
	}
}
