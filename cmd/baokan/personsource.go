package main

import (
	"fmt"
	"os"
	"slices"
	"sync"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/corpus"
)

// personFlags are the flags of the commands that turn RW lists into persons.
type personFlags struct {
	aliases  string
	fromText bool
	byDate   bool
}

func addPersonFlags(c *cobra.Command, o *personFlags) {
	f := c.Flags()
	f.StringVar(&o.aliases, "aliases", "", "extra aliases from `FILE`, lines alias<TAB>canonical (override the built-in table)")
	f.BoolVar(&o.fromText, "from-text", false, "also find, in titles and bodies, persons known from RW lists anywhere in the corpus (source text)")
	f.BoolVar(&o.byDate, "by-date", false, "tell apart persons who share a name by the article's date (布什: 老布什 before 1995, 小布什 from 2000)")
}

// personArticle is one article with its persons.
type personArticle struct {
	path       string
	line       int
	date       corpus.Date
	page, item int
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

// collectPersons reads the corpus and resolves every RW list, in two steps as the persons
// layer needs: learn every list first (names standing alone anywhere help to split
// run-together entries elsewhere), then resolve each. Only articles with an RW list are
// kept in memory, in corpus order; with --from-text the corpus is read a second time for
// the text, and articles whose text names a known person are added.
//
// The articles without persons are counted in noRW by date, when it is not nil, so that
// measures over all articles can count them.
func collectPersons(io *streams, o *corpusOptions, pf *personFlags, args []string, noRW map[corpus.Date]int) ([]*personArticle, *persons.Resolver, error) {
	// The segmenter splits run-together entries the rules cannot; its dictionary takes
	// about 2 s to load, so it is loaded only if some entry needs it.
	opts := persons.Options{DisambiguateByDate: pf.byDate, Segmenter: &lazySegmenter{}}
	if pf.aliases != "" {
		f, err := os.Open(pf.aliases)
		if err != nil {
			return nil, nil, fmt.Errorf("--aliases: %w", err)
		}
		opts.Aliases, err = persons.ParseAliases(f)
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("--aliases %s: %w", pf.aliases, err)
		}
	}
	resolver := persons.NewResolver(opts)

	textless := *o
	textless.textless = true // the RW lists only; the text is read in the second pass
	s, err := textless.open(io, args)
	if err != nil {
		return nil, nil, err
	}
	var arts []*personArticle
	for a, err := range s.reader.All() {
		if err != nil {
			s.close()
			return nil, nil, err
		}
		if len(a.RW) == 0 {
			if noRW != nil {
				noRW[a.Date]++
			}
			continue
		}
		resolver.Learn(a.RW)
		arts = append(arts, &personArticle{path: a.Path, line: a.Line, date: a.Date, page: a.Page,
			item: a.Item, source: a.RWSource, rw: a.RW})
	}
	if err := s.close(); err != nil {
		return nil, nil, err
	}
	for _, p := range arts {
		p.entries = resolver.Resolve(p.rw, p.date)
		p.persons = persons.Persons(p.entries)
	}
	if !pf.fromText {
		return arts, resolver, nil
	}

	finder := persons.NewTextFinder(resolver.Learned(), resolver.Aliases())
	quiet := *o
	quiet.quiet, quiet.verbose, quiet.strict = true, false, false // the first pass reported
	s, err = quiet.open(io, args)
	if err != nil {
		return nil, nil, err
	}
	var merged []*personArticle
	next := 0
	for a, err := range s.reader.All() {
		if err != nil {
			s.close()
			return nil, nil, err
		}
		var p *personArticle
		if next < len(arts) && arts[next].path == a.Path && arts[next].line == a.Line {
			p = arts[next]
			next++
		}
		found := finder.Find(append([]string{a.Kicker, a.Title}, a.Body...)...)
		var extra []string
		for _, name := range found {
			if p == nil || !slices.Contains(p.persons, name) {
				extra = append(extra, name)
			}
		}
		if p == nil && len(extra) > 0 {
			p = &personArticle{path: a.Path, line: a.Line, date: a.Date, page: a.Page, item: a.Item}
			if noRW != nil {
				noRW[a.Date]-- // it names persons after all
			}
		}
		if p != nil {
			p.fromText = extra
			merged = append(merged, p)
		}
	}
	s.close()
	return merged, resolver, nil
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
