package main

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/lexicon"
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

// personArticle is one article with its persons.
type personArticle struct {
	path       string
	line       int
	date       corpus.Date
	page, item int
	title      string
	source     corpus.RWSource
	rw         []string // the raw RW entries
	entries    []persons.Entry
	persons    []string // distinct, from the RW list, in order
	fromText   []string // found in the text and not in the RW list
}

// all returns the article's persons: the RW list's, then those found in the text.
func (p *personArticle) all() []string {
	if len(p.fromText) == 0 {
		return p.persons
	}
	return append(p.persons[:len(p.persons):len(p.persons)], p.fromText...)
}

// personCollector keeps the articles with an RW list, in the order given, and learns
// their lists; resolve then turns every list into persons. It counts the articles
// without an RW list by date, for measures over all articles.
type personCollector struct {
	resolver *persons.Resolver
	arts     []*personArticle
	noRW     map[corpus.Date]int
	// copyText: the articles come from raw files, whose strings point into the text of
	// their whole file (a cache's point into the mapped file, which costs no heap).
	copyText bool
}

// newPersonCollector builds the resolver of the flags.
func newPersonCollector(pf *personFlags) (*personCollector, error) {
	opts, err := pf.resolverOptions()
	if err != nil {
		return nil, err
	}
	return &personCollector{resolver: persons.NewResolver(opts), noRW: map[corpus.Date]int{}}, nil
}

// resolverOptions builds the resolver's options from --by-date and --aliases. The
// segmenter splits run-together entries the rules cannot; its dictionary takes 0.5 to
// 2 s to load, so it is loaded only if some entry needs it.
func (pf *personFlags) resolverOptions() (persons.Options, error) {
	opts := persons.Options{DisambiguateByDate: pf.byDate, Segmenter: &lazySegmenter{}}
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

// add learns a's RW list and keeps what the persons layer needs of a.
func (c *personCollector) add(a *corpus.Article) {
	if len(a.RW) == 0 {
		c.noRW[a.Date]++
		return
	}
	c.resolver.Learn(a.RW)
	p := &personArticle{path: a.Path, line: a.Line, date: a.Date, page: a.Page, item: a.Item,
		title: a.Title, source: a.RWSource, rw: a.RW}
	if c.copyText {
		// A kept substring would keep its whole file's text alive: 3.2 GB for the
		// `network` of a million raw files, 0.75 GB with these copies.
		p.title = strings.Clone(p.title)
		p.rw = make([]string, len(a.RW))
		for i, e := range a.RW {
			p.rw[i] = strings.Clone(e)
		}
	}
	c.arts = append(c.arts, p)
}

// resolve resolves every list once all are learnt, and returns the articles.
func (c *personCollector) resolve() []*personArticle {
	for _, p := range c.arts {
		p.entries = c.resolver.Resolve(p.rw, p.date)
		p.persons = persons.Persons(p.entries)
	}
	return c.arts
}

// collectPersons reads the corpus and resolves every RW list, in two steps as the persons
// layer needs: learn every list first (names standing alone anywhere help to split
// run-together entries elsewhere), then resolve each. Only articles with an RW list are
// kept in memory, in corpus order; with --from-text the corpus is read a second time for
// the text, and articles whose text names a known person are added.
//
// The articles without persons are counted in noRW by date, when it is not nil, so that
// measures over all articles can count them.
func collectPersons(io *streams, o *corpusOptions, pf *personFlags, args []string, noRW map[corpus.Date]int) ([]*personArticle, *persons.Resolver, error) {
	if err := pf.checkSource(); err != nil {
		return nil, nil, err
	}
	collector, err := newPersonCollector(pf)
	if err != nil {
		return nil, nil, err
	}
	resolver := collector.resolver
	textless := *o
	textless.textless = true // the RW lists only; the text is read in the second pass
	s, err := textless.open(io, args)
	if err != nil {
		return nil, nil, err
	}
	collector.copyText = s.cache == nil
	for a, err := range s.reader.All() {
		if err != nil {
			s.close()
			return nil, nil, err
		}
		collector.add(a)
	}
	if err := s.close(); err != nil {
		return nil, nil, err
	}
	arts := collector.resolve()
	if noRW != nil {
		maps.Copy(noRW, collector.noRW)
	}
	if len(arts) == 0 && !o.quiet {
		noRWNote(io, collector.noRW)
	}
	if !pf.textPersons() {
		return arts, resolver, nil
	}

	quiet := *o
	quiet.quiet, quiet.verbose, quiet.strict = true, false, false // the first pass reported
	quiet.skipBody, quiet.textless = false, false
	// The names found in the text that the segmenter keeps whole.
	words, err := findWords(io, &quiet, args, lexicon.Options{NoWords: true})
	if err != nil {
		return nil, nil, err
	}
	seg, err := segment.New(tokens.CorpusWords{Found: words.Found}.Options(segment.Options{}))
	if err != nil {
		return nil, nil, err
	}
	names := append(resolver.Learned(), seg.Added()...)
	finder := persons.NewTextFinder(names, resolver.Aliases())
	// The text as the word commands cut it (every token, titles too).
	wf := wordFlags{noStopwords: true, keepPunct: true, keepNumbers: true, keepLatin: true, titles: true}
	ws, err := wf.openWords(io, &quiet, args)
	if err != nil {
		return nil, nil, err
	}
	textOnly := pf.source == "text" && !pf.fromText
	var merged []*personArticle
	next := 0
	err = ws.Each(func(a *corpus.Article, words []string) error {
		var p *personArticle
		if next < len(arts) && arts[next].path == a.Path && arts[next].line == a.Line {
			p = arts[next]
			next++
		}
		found := finder.FindWords(words)
		var extra []string
		for _, name := range found {
			if textOnly || p == nil || !slices.Contains(p.persons, name) {
				extra = append(extra, name)
			}
		}
		if p == nil && len(extra) > 0 {
			p = &personArticle{path: a.Path, line: a.Line, date: a.Date, page: a.Page, item: a.Item, title: a.Title}
			if collector.copyText {
				p.title = strings.Clone(p.title)
			}
			if noRW != nil {
				noRW[a.Date]-- // it names persons after all
			}
		}
		if p != nil {
			if textOnly {
				p.persons, p.fromText = extra, nil
			} else {
				p.fromText = extra
			}
			merged = append(merged, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return merged, resolver, nil
}

// noRWNote says on stderr, when articles were read but none has an RW list, that the source
// has none, so that an empty table or network is not taken for a finding. The JSON forms
// of the People's Daily and the Wenhui Bao never have RW lists.
func noRWNote(io *streams, noRW map[corpus.Date]int) {
	n := 0
	for _, k := range noRW {
		n += k
	}
	if n > 0 {
		fmt.Fprintf(io.err, "baokan: none of the %d articles read has an RW (人物) list: the source has no indexers' person lists (the People's Daily and Wenhui Bao JSON forms never have), so there are no persons to count; persons found in the text alone are not available yet\n", n)
	}
}

// lazySegmenter loads the segmenter at its first use.
type lazySegmenter struct {
	once sync.Once
	seg  *segment.Segmenter
}

func (l *lazySegmenter) Cut(text string) []string {
	l.once.Do(func() {
		seg, err := segment.New(segment.Options{})
		if err == nil {
			l.seg = seg
		}
	})
	if l.seg == nil {
		return nil // no segmenter: the entry stays unsplit, as without the hook
	}
	return l.seg.Cut(text)
}
