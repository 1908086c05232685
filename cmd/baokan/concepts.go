package main

import (
	"errors"
	"fmt"
	"sync"

	"github.com/spf13/pflag"

	"github.com/baokan/baokan/analysis/dictionary"
	"github.com/baokan/baokan/analysis/index"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/corpus"
)

// conceptFlags are the flags of a concept dictionary and its indices (lookup, timeline,
// report). The dictionary is --concepts, not --dict: --dict is the segmenter's user
// dictionary.
type conceptFlags struct {
	file      string
	indexes   []string
	indexBase string
}

func addConceptFlags(f *pflag.FlagSet, o *conceptFlags) {
	f.StringVar(&o.file, "concepts", "", "count the categories of the concept dictionary `FILE` (.yml in quanteda's layout, or .csv category,entry)")
	f.StringArrayVar(&o.indexes, "index", nil, "add the articles matching `EXPR`, a boolean expression over the categories (E AND P AND U; repeatable)")
	f.StringVar(&o.indexBase, "index-base", "", "the base periods `FROM,TO` of the standardised index (period labels; default: every period)")
}

// conceptsHelp explains dictionaries, for the --help of the commands that take them.
const conceptsHelp = `Concept dictionaries (--concepts FILE): categories of entries, each entry a query (see
'baokan help query'), so that the aliases and spellings of one concept go in one category:
  YAML, quanteda's layout (dictionary(file=, format="YAML")): category: [entry, …];
        nested categories are joined with a dot (policy.fiscal), as quanteda flattens them
  CSV   category,entry rows (a header row category,entry is optional; # starts a comment)
An entry is a word as cut (经济), a sequence of words ("财政 政策", quoted), a pattern over
one word (/^经济/), raw text whatever the segmentation (text:"不确定"), or any query; a * is
not a glob (quanteda's econom* is /^econom/ here). A file that does not parse is an error
naming its line (and, for an entry, the character of the query).
The matches of a category: its word entries' occurrences among the body's words as cut
(every word: stop words and punctuation too), its text entries' occurrences in the kicker,
title, subtitles and each body paragraph; occurrences of one category that overlap count
once (the longer first: with 美国 and "美国 政府", 美国 政府 is one match); any other entry
(AND, OR, NOT, NEAR, fields) counts its hits, or 1 when it matches without any.
Words are matched by one map lookup a word, texts by one Aho–Corasick automaton of all the
dictionary's texts. The words of word entries are added to the segmenter's dictionary so
that they are cut whole (from a cache, as it was cut).`

// indexHelp states the index and its scaling.
const indexHelp = `Indices (--index EXPR, repeatable): the articles matching a boolean expression over the
categories — names joined by AND (or side by side), OR, NOT and parentheses, NOT binding
tightest, then AND, then OR; quote a name with spaces — an article matching a category when
the category has a match in it. E.g. --index 'economy AND policy AND uncertainty' is the
economic policy uncertainty index of Baker, Bloom and Davis. Its series, index:EXPR, counts
the matching articles (total: the period's articles; share: the raw share), and the column
index gives the standardised index of S. R. Baker, N. Bloom and S. J. Davis, "Measuring
Economic Policy Uncertainty", Quarterly Journal of Economics 131(4), 2016, 1593–1636:
the matching articles are scaled by the period's articles (X_t = share), standardised to
unit standard deviation over the base periods (Y_t = X_t / sd, the sample standard
deviation, n − 1), and normalised to a mean of 100 over the base periods (I_t = 100 · Y_t /
mean Y). --index-base FROM,TO names the base periods by their labels (1962-01,1962-12 with
--by month; default: all periods). With one paper the standardisation cancels: I_t = 100 ·
X_t / mean X over the base. Periods without articles have no index.`

// conceptSet is a loaded dictionary and its index expressions.
type conceptSet struct {
	dict     *dictionary.Dictionary
	matcher  *dictionary.Matcher
	exprs    []*index.Expr
	resolver *persons.Resolver // when an entry has person: terms
	mu       sync.Mutex        // the resolver is not safe for concurrent use
}

// load reads the dictionary and parses the index expressions; nil without --concepts.
func (o *conceptFlags) load() (*conceptSet, error) {
	if o.file == "" {
		if len(o.indexes) > 0 || o.indexBase != "" {
			return nil, errors.New("--index and --index-base need --concepts FILE")
		}
		return nil, nil
	}
	d, err := dictionary.Read(o.file)
	if err != nil {
		return nil, fmt.Errorf("--concepts: %w", err)
	}
	s := &conceptSet{dict: d, matcher: dictionary.NewMatcher(d)}
	for _, e := range o.indexes {
		x, err := index.Parse(e, d.Names())
		if err != nil {
			return nil, fmt.Errorf("--index: %w", err)
		}
		s.exprs = append(s.exprs, x)
	}
	if s.matcher.NeedsPersons() {
		s.resolver = persons.NewResolver(persons.Options{})
	}
	return s, nil
}

// learnPersons lets the resolver of person: entries learn the names of every RW list of
// the corpus first, as 'baokan persons' and the query language's person: do
// (queryMatcher.learnPersons); nothing when no entry asks for persons.
func (s *conceptSet) learnPersons(io *streams, co *corpusOptions, args []string) error {
	if s == nil || s.resolver == nil {
		return nil
	}
	return eachRW(io, co, args, s.resolver.Learn)
}

// extraWords are the words of the word entries, for the segmenter to keep whole.
func (s *conceptSet) extraWords() []segment.Word {
	var ws []segment.Word
	seen := map[string]bool{}
	for _, w := range s.matcher.WordTerms() {
		if !seen[w] {
			seen[w] = true
			ws = append(ws, segment.Word{Text: w})
		}
	}
	return ws
}

// series are the timeline series of the categories and the indices, in order.
func (s *conceptSet) series() []timeline.Series {
	var out []timeline.Series
	for _, name := range s.dict.Names() {
		out = append(out, timeline.Of(timeline.Concept, name))
	}
	for _, x := range s.exprs {
		out = append(out, timeline.Of(timeline.Index, x.String()))
	}
	return out
}

// conceptWorker counts the categories of articles on one goroutine.
type conceptWorker struct {
	set     *conceptSet
	counter *dictionary.Counter
	counts  []int
	matched []bool
	indexes []bool
}

func (s *conceptSet) worker() *conceptWorker {
	n := len(s.dict.Categories)
	return &conceptWorker{set: s, counter: s.matcher.NewCounter(), counts: make([]int, n),
		matched: make([]bool, n), indexes: make([]bool, len(s.exprs))}
}

// count counts a's categories (words: the body's words as cut, all of them) and evaluates
// the indices.
func (w *conceptWorker) count(a *corpus.Article, words []string) {
	w.counter.Count(w.doc(a, words), w.counts)
	w.evaluate()
}

// countIDs is count with the words as ids into vocab (words, the same as strings, may be
// nil unless the dictionary's other entries need them: conceptSet.needWords).
func (w *conceptWorker) countIDs(a *corpus.Article, ids []uint32, vocab, words []string) {
	w.counter.CountIDs(w.doc(a, words), ids, vocab, w.counts)
	w.evaluate()
}

func (w *conceptWorker) doc(a *corpus.Article, words []string) *query.Doc {
	d := &query.Doc{Article: a, Words: words}
	if r := w.set.resolver; r != nil && len(a.RW) > 0 {
		w.set.mu.Lock()
		d.Persons = persons.Persons(r.Resolve(a.RW, a.Date))
		w.set.mu.Unlock()
	}
	return d
}

// evaluate sets the matched categories and the indices from the counts.
func (w *conceptWorker) evaluate() {
	for i, n := range w.counts {
		w.matched[i] = n > 0
	}
	for i, x := range w.set.exprs {
		w.indexes[i] = x.Eval(w.matched)
	}
}

// fill gives the counts to a timeline document.
func (w *conceptWorker) fill(d *timeline.Doc) {
	d.Concepts, d.Indexes = w.counts, w.indexes
}

// baseRange returns the indexes of the base periods among periods (index.BaseRange).
func (o *conceptFlags) baseRange(periods []timeline.Period) (from, to int, err error) {
	labels := make([]string, len(periods))
	for i, p := range periods {
		labels[i] = p.String()
	}
	from, to, err = index.BaseRange(labels, o.indexBase)
	switch {
	case err != nil && len(periods) == 0:
		return 0, 0, fmt.Errorf("--index: %w", err)
	case errors.Is(err, index.ErrNoPeriod):
		return 0, 0, fmt.Errorf("--index-base: %w", err)
	case err != nil:
		return 0, 0, fmt.Errorf("--index-base %w", err)
	}
	return from, to, nil
}

// indexValues returns, for each series of tab, the standardised index of an Index series
// by period (nil for the other series).
func (o *conceptFlags) indexValues(tab *timeline.Table) ([][]float64, error) {
	out := make([][]float64, len(tab.Series))
	var from, to int
	var err error
	based := false
	for i, s := range tab.Series {
		if s.Kind != timeline.Index {
			continue
		}
		if !based {
			if from, to, err = o.baseRange(tab.Periods); err != nil {
				return nil, err
			}
			based = true
		}
		shares := make([]float64, len(tab.Periods))
		for pi, p := range tab.Points[i] {
			shares[pi] = p.Share()
		}
		if out[i], err = index.BakerBloomDavis(shares, from, to); err != nil {
			return nil, fmt.Errorf("--index %s: %w", s.Value, err)
		}
	}
	return out, nil
}

// timelineConceptsHelp is the part of 'timeline --help' on dictionaries and indices.
const timelineConceptsHelp = `Concepts: --concepts FILE adds one series per category of the dictionary, concept:NAME:
count its matches, total the period's words (so per_10k is matches per 10,000 words),
share the articles with a match over the period's articles. With --concepts every word as
cut is kept (a dictionary, as a query, sees stop words and punctuation): tokens and --term
count them all. --index EXPR adds the series index:EXPR and the column index (below);
--value index draws the standardised index of the --index series with --chart. Bursts are
computed for these series as for every other. See 'baokan lookup --help' for the
dictionary's files and matches.

` + conceptsHelp + `

` + indexHelp + `

`
