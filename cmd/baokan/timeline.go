package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
	"github.com/baokan/baokan/reports/timelinetable"
)

type timelineOptions struct {
	corpusOptions
	wordFlags
	personFlags
	conceptFlags
	concepts    *conceptSet // --concepts, loaded
	indexValues [][]float64 // by series: the standardised index of an --index series
	by          string
	totals      []string
	terms       []string
	termRegexes []string
	persons     []string
	topics      []string
	genres      []string
	papers      []string
	burstS      float64
	burstGamma  float64
	noBursts    bool
	listBursts  bool
	smooth      int
	value       string
	chart       string
	font        string
}

// burstFormulaHelp states the burst model, for `timeline --help` and the methods of
// `baokan report`.
const burstFormulaHelp = `Kleinberg's two-state automaton for batched arrivals (J. Kleinberg, "Bursty and
Hierarchical Structure in Streams", KDD 2002, 91–101; Data Mining and Knowledge Discovery 7
(2003) 373–397, §4 "Enumerating bursts"). In period t, r_t = count of d_t = total; the
base state emits at p₀ = Σr/Σd, the burst state at p₁ = s·p₀ (capped at 0.9999); a period
costs σ(i,t) = −ln[C(d_t,r_t) p_i^r_t (1−p_i)^(d_t−r_t)] in state i, going up costs
γ·ln n (n periods), going down nothing; the cheapest state sequence (Viterbi, from state
0, ties to the lower state) gives the bursts. An empty period costs the same in both
states, so no burst starts or ends in one (one inside a burst stays in it).`

const timelineHelp = `timeline counts the corpus by period, for time series of how often a person, a word, a
topic or a genre appears, against the paper's size at the time.

--by day|week|month|quarter|year|decade (default month): calendar periods; weeks are ISO
8601 weeks labelled with the ISO week-numbering year (2005-01-01 is in 2004-W53); labels
1962-10-29, 1962-W44, 1962-10, 1962-Q4, 1962, 1960s. Every period from the first to the last
article's is listed, empty ones included. Articles without a valid date are in no period:
their number is reported on stderr.

Series (one row per period and series, periods in order, series in the order below):
  --series articles,chars,tokens  the period's totals (default: articles; chars are body
                                  characters, Unicode code points; tokens are the words kept
                                  by the word filters below). --series "" for none.
  --term W          occurrences of the word W among the kept words (repeatable). Each W is
                    added to the segmenter's dictionary so that it is counted whole.
  --term-regex RE   kept words matching the regular expression RE (Go syntax, unanchored:
                    ^导弹 for words that start with 导弹), each counted (repeatable)
  --person P        articles whose RW persons include P, resolved as 'baokan persons'
                    does (see the persons flags); P itself is resolved the same way, so
                    --person 毛主席 counts 毛泽东 (said on stderr) (repeatable)
  --topic T         articles with T among their GJ topics (exact) (repeatable)
  --genre-series G  articles with G among their TC genres (exact) (repeatable; --genre is
                    the corpus filter)
  --paper-series N  articles of paper N (人民日报, 文汇报, or as --tagged-paper names the tagged
                    files) (repeatable; --paper is the corpus filter)
Series names in the output: articles, chars, tokens, term:W, regex:RE, person:P, topic:T,
genre:G, paper:N. Words are segmented only when a word series (tokens, --term, --term-regex) is asked.
A --term, --term-regex, --person, --topic or --genre-series found in no dated article is
said on stderr.

Periods: every period from the first dated article's to the last's, empty ones included;
with --from and --to, every period of that range (--from 1962 --to 1963 --by month: the 24
months, whatever the articles).

Columns: period,series,count,total,per_10k,share,front_page_share,burst
  count            occurrences (term, regex), articles (person, topic, genre, paper), or the total
                   itself (articles, chars, tokens)
  total            the period's kept words (term, regex, tokens), body characters (chars) or
                   articles (person, topic, genre, paper, articles)
  per_10k          count × 10,000 / total: per 10,000 words for word series, per 10,000
                   articles for article series; empty for the totals
  share            articles where the series occurs / the period's articles
  front_page_share of the articles where the series occurs, the share on page 1 (BH 1)
  burst            the Kleinberg burst level of the period (1), empty outside bursts and for
                   the totals
Rates of a period without articles, words or occurrences are empty (null in JSON).
--smooth N adds a column smoothed: the trailing moving average of --value (count, per_10k
or share; default count) over the period and the N−1 before it (fewer at the start; empty
cells left out). Bursts are always computed on the raw counts.

Bursts: ` + burstFormulaHelp + ` --burst-s (default 2) and --burst-gamma
(default 1) are the paper's s and γ; --no-bursts leaves the column empty. --bursts lists
the bursts instead, one row each:
  series,start,end,periods,level,weight
with weight = Σ over the burst of σ(0,t) − σ(1,t) (Kleinberg's burst weight).

--chart FILE.png|FILE.svg draws --value (smoothed with --smooth) of each series but the
totals (the totals when nothing else is asked), one line each, bursts shaded, with a title
and legend in Chinese; --font FILE names the CJK TrueType/OpenType font to use (by default
one found on the system, e.g. Noto Sans CJK).

Results are the same whatever --workers: counts are sums, sorted by period.

`

func newTimelineCmd(io *streams) *cobra.Command {
	o := &timelineOptions{}
	c := &cobra.Command{
		Use:   "timeline [CORPUS...]",
		Short: "Series by day, week, month, quarter, year or decade, with Kleinberg bursts and charts",
		Long:  timelineHelp + timelineConceptsHelp + wordFlagsHelp,
		RunE:  func(c *cobra.Command, args []string) error { return runTimeline(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	addWordFlags(c, &o.wordFlags)
	addPersonFlags(c, &o.personFlags)
	f := c.Flags()
	addConceptFlags(f, &o.conceptFlags)
	f.StringVar(&o.by, "by", "month", "period `UNIT`: day, week, month, quarter, year or decade")
	f.StringSliceVar(&o.totals, "series", []string{"articles"}, "totals to list: articles, chars, tokens (comma-separated; \"\" for none)")
	f.StringArrayVar(&o.terms, "term", nil, "count the word `W` (repeatable)")
	f.StringArrayVar(&o.termRegexes, "term-regex", nil, "count the words matching `RE` (repeatable)")
	f.StringArrayVar(&o.persons, "person", nil, "count the articles naming person `P` in their RW list (repeatable)")
	f.StringArrayVar(&o.topics, "topic", nil, "count the articles with GJ topic `T` (repeatable)")
	f.StringArrayVar(&o.genres, "genre-series", nil, "count the articles with TC genre `G` (repeatable)")
	f.StringArrayVar(&o.papers, "paper-series", nil, "count the articles of paper `NAME` (repeatable)")
	f.Float64Var(&o.burstS, "burst-s", burst.DefaultS, "Kleinberg's `s`: the burst state's rate over the base rate")
	f.Float64Var(&o.burstGamma, "burst-gamma", burst.DefaultGamma, "Kleinberg's `γ`: the cost of going up, in units of ln n")
	f.BoolVar(&o.noBursts, "no-bursts", false, "do not compute bursts")
	f.BoolVar(&o.listBursts, "bursts", false, "list the bursts (series,start,end,periods,level,weight) instead of the periods")
	f.IntVar(&o.smooth, "smooth", 0, "add the trailing moving average of --value over `N` periods (column smoothed)")
	f.StringVar(&o.value, "value", "count", "the value --smooth averages and --chart draws: count, per_10k, share or index (the --index series' standardised index)")
	f.StringVar(&o.chart, "chart", "", "draw the series into `FILE`.png or FILE.svg")
	f.StringVar(&o.font, "font", "", "CJK font `FILE` for the chart (default: one found on the system)")
	c.MarkFlagsMutuallyExclusive("bursts", "no-bursts")
	return c
}

// timelineSeries builds the series from the flags, in the documented order.
func (o *timelineOptions) timelineSeries() ([]timeline.Series, error) {
	spec := timeline.Spec{Totals: o.totals, Terms: o.terms, TermRegexes: o.termRegexes, Persons: o.persons,
		Topics: o.topics, Genres: o.genres, Papers: o.papers}
	if o.concepts != nil {
		spec.More = o.concepts.series()
	}
	series, err := spec.Series()
	if errors.Is(err, timeline.ErrNoSeries) {
		return nil, fmt.Errorf("no series: give --series, --term, --term-regex, --person, --topic, --genre-series, --paper-series or --concepts")
	}
	if err != nil {
		return nil, fmt.Errorf("--%w", err)
	}
	return series, nil
}

func runTimeline(io *streams, o *timelineOptions, args []string) error {
	format, err := o.reportFormat()
	if err != nil {
		return err
	}
	unit, err := timeline.ParseUnit(o.by)
	if err != nil {
		return fmt.Errorf("--by: %w", err)
	}
	if o.concepts, err = o.conceptFlags.load(); err != nil {
		return err
	}
	if err := o.concepts.learnPersons(io, &o.corpusOptions, args); err != nil {
		return err
	}
	if o.value == "index" && (o.concepts == nil || len(o.concepts.exprs) == 0) {
		return fmt.Errorf("--value index: give --index EXPR")
	}
	series, err := o.timelineSeries()
	if err != nil {
		return err
	}
	model := burst.Model{S: o.burstS, Gamma: o.burstGamma}
	if _, err := model.Bursts(nil, nil); err != nil {
		return fmt.Errorf("--burst-s %v --burst-gamma %v: %w", o.burstS, o.burstGamma, err)
	}
	if o.smooth < 0 {
		return fmt.Errorf("--smooth %d: want 1 or more periods (0: none)", o.smooth)
	}
	if timelinetable.CheckValue(o.value) != nil {
		return fmt.Errorf("--value %q: choose count, per_10k, share or index", o.value)
	}
	if o.chart != "" {
		if err := o.checkChart(); err != nil {
			return err
		}
	}
	agg, err := timeline.New(unit, series)
	if err != nil {
		return err
	}
	closeErr, err := o.aggregate(io, agg, args)
	if err != nil {
		return err
	}
	if n := agg.Undated(); n > 0 && !o.quiet {
		if n == 1 {
			fmt.Fprintln(io.err, "baokan: 1 article without a valid date is in no period")
		} else {
			fmt.Fprintf(io.err, "baokan: %d articles without a valid date are in no period\n", n)
		}
	}
	if err := o.cover(agg); err != nil {
		return err
	}
	if !o.quiet {
		for _, s := range agg.Absent() {
			fmt.Fprintf(io.err, "baokan: %s %s: never occurs in the dated articles read\n", seriesFlags[s.Kind], s.Value)
		}
	}
	tab := agg.Table()
	if o.concepts != nil && len(o.concepts.exprs) > 0 {
		if o.indexValues, err = o.conceptFlags.indexValues(tab); err != nil {
			return err
		}
	}
	bursts := make([][]burst.Burst, len(series))
	if !o.noBursts {
		if bursts, err = tab.Bursts(model); err != nil {
			return err
		}
	}

	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	table := timelinetable.Options{Value: o.value, Smooth: o.smooth, Index: o.indexValues}
	var out *reports.Writer
	if o.listBursts {
		out = reports.NewWriter(w, format, timelinetable.BurstColumns, o.reportOptions()...)
		err = timelinetable.WriteBursts(out, tab, bursts)
	} else {
		out = reports.NewWriter(w, format, table.Columns(), o.reportOptions()...)
		err = table.WritePeriods(out, tab, bursts)
	}
	if err == nil && o.chart != "" {
		err = o.drawChart(table, tab, bursts)
	}
	return finishOutput(out, done, err, closeErr)
}

// aggregate reads the corpus into agg: through the word stream when a series needs words,
// through the reader alone otherwise; with person series, after the persons pass.
func (o *timelineOptions) aggregate(io *streams, agg *timeline.Aggregator, args []string) (closeErr, err error) {
	var needWords, needPersons, needChars bool
	for _, s := range agg.Series() {
		needWords = needWords || s.Kind.Words()
		needPersons = needPersons || s.Kind == timeline.Person
		needChars = needChars || s.Kind == timeline.Chars
	}
	// A dictionary, as a query, sees every word as cut: the filters keep them all.
	concepts := o.concepts
	var conceptWorkers []*conceptWorker
	if concepts != nil {
		needWords = true
		keepAllWords(&o.wordFlags)
		o.extraWords = append(o.extraWords, concepts.extraWords()...)
	}
	personsOf := func(*corpus.Article) ([]string, error) { return nil, nil }
	if needPersons {
		quiet := o.corpusOptions
		quiet.quiet, quiet.verbose, quiet.strict = true, false, false // the main pass reports
		quiet.skipBody = !o.textPersons()
		corp, err := collectPersons(io, &quiet, &o.personFlags, args)
		if err != nil {
			return nil, err
		}
		if len(corp.Articles) == 0 && !o.quiet {
			noRWNote(io, corp)
		}
		asked := o.askedPersons(io, corp.Resolver)
		cursor := corp.Cursor() // the main pass meets the articles in the same order
		var names []string
		personsOf = func(a *corpus.Article) ([]string, error) {
			p, err := cursor.Next(a)
			if p == nil || err != nil {
				return nil, err
			}
			names = names[:0]
			for _, name := range p.All() {
				names = append(names, asked[name]...)
			}
			return names, nil
		}
	}
	if needWords {
		for _, t := range o.terms {
			o.extraWords = append(o.extraWords, segment.Word{Text: t})
		}
		o.textless = concepts == nil || !concepts.matcher.NeedsText() // body sizes only (from a cache, as recorded)
		ws, err := o.openWords(io, &o.corpusOptions, args)
		if err != nil {
			return nil, err
		}
		defer ws.Close() // on the error paths; closed below otherwise
		if concepts != nil {
			concepts.matcher.Bind(ws.Vocabulary()) // from a cache, the whole vocabulary; from raw files, none yet
			for range ws.Workers() {
				conceptWorkers = append(conceptWorkers, concepts.worker())
			}
		}
		if needPersons { // personsOf walks the persons pass in corpus order
			err = ws.Each(func(a *corpus.Article, words []string) error {
				names, err := personsOf(a)
				if err != nil {
					return err
				}
				d := timeline.DocOf(a, words, names)
				_, d.Chars = ws.bodySize(a)
				if concepts != nil {
					conceptWorkers[0].count(a, words)
					conceptWorkers[0].fill(&d)
				}
				agg.Add(d)
				return nil
			})
			return ws.Close(), err
		}
		// One partial timeline a worker, merged at the end.
		parts := make([]*timeline.Aggregator, ws.Workers())
		words := make([][]string, ws.Workers())
		parts[0] = agg
		for w := 1; w < len(parts); w++ {
			if parts[w], err = timeline.New(agg.Unit(), agg.Series()); err != nil {
				return nil, err
			}
		}
		err = ws.EachIDsParallel(len(parts), func(w int, a *corpus.Article, ids []uint32, chars int) error {
			vocab := ws.Vocabulary()
			words[w] = words[w][:0]
			for _, id := range ids {
				words[w] = append(words[w], vocab[id])
			}
			d := timeline.DocOf(a, words[w], nil)
			d.Chars = chars
			if concepts != nil {
				conceptWorkers[w].countIDs(a, ids, vocab, words[w])
				conceptWorkers[w].fill(&d)
			}
			parts[w].Add(d)
			return nil
		})
		for _, p := range parts[1:] {
			if err == nil {
				err = agg.Merge(p)
			}
		}
		return ws.Close(), err
	}
	co := o.corpusOptions
	co.skipBody = !needChars
	co.textless = true // body sizes only (from a cache, as recorded)
	s, err := co.open(io, args)
	if err != nil {
		return nil, err
	}
	for a, err := range s.reader.All() {
		if err != nil {
			s.close()
			return nil, err
		}
		names, err := personsOf(a)
		if err != nil {
			s.close()
			return nil, err
		}
		d := timeline.DocOf(a, nil, names)
		_, d.Chars = s.bodySize(a)
		agg.Add(d)
	}
	return s.close(), nil
}

// askedPersons maps each resolved name to the --person values that ask for it: a name
// asked as an alias (毛主席) is resolved as the RW lists are (毛泽东), and said so on stderr.
func (o *timelineOptions) askedPersons(io *streams, resolver *persons.Resolver) map[string][]string {
	asked := map[string][]string{}
	for _, name := range o.persons {
		canonical := resolver.Canonical(name)
		if canonical != name && !o.quiet {
			fmt.Fprintf(io.err, "baokan: --person %s counts the RW lists' %s\n", name, canonical)
		}
		asked[canonical] = append(asked[canonical], name)
	}
	return asked
}

// floatCell returns v, or nil (an empty cell, null in JSON) for NaN.
func floatCell(v float64) any { return timelinetable.Cell(v) }

// seriesFlags name the flag that asks for a series of each kind, for messages.
var seriesFlags = map[timeline.Kind]string{timeline.Term: "--term", timeline.TermRegex: "--term-regex",
	timeline.Person: "--person", timeline.Topic: "--topic", timeline.Genre: "--genre-series",
	timeline.Paper: "--paper-series", timeline.Concept: "--concepts category", timeline.Index: "--index"}

// cover makes the table list every period of --from..--to, empty ones included.
func (o *timelineOptions) cover(agg *timeline.Aggregator) error {
	var from, to corpus.Date
	var err error
	if o.from != "" {
		if from, err = corpus.ParseDateBound(o.from, false); err != nil {
			return fmt.Errorf("--from: %w", err)
		}
	}
	if o.to != "" {
		if to, err = corpus.ParseDateBound(o.to, true); err != nil {
			return fmt.Errorf("--to: %w", err)
		}
	}
	agg.Cover(from, to)
	return nil
}
