package corpusreport

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/baokan/baokan/analysis/corpusstats"
	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/analysis/period"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/corpus"
)

// Defaults of the report, stated in its methods section.
const (
	DefaultTop        = 10
	DefaultNetworkTop = 30
	DefaultMinCount   = 5
	TimelineN         = 5  // persons and terms followed over time by default
	DecadeSpan        = 20 // a corpus spanning more years is cut in decades, else in years
	MonthSpan         = 36 // timelines by month when the dated articles span at most this many months
)

// Options are what the report is asked for.
type Options struct {
	Title string // the report's title (default "Corpus report")
	// By is the period of the word tables: "year", "decade" or "month"; "" chooses decade
	// when the corpus spans more than DecadeSpan years, else year.
	By string
	// Target and Reference are the keyness target and reference (nil Target: the latest
	// period against the rest; nil Reference: the rest of the corpus); TargetText and
	// ReferenceText are them as written, for the methods.
	Target, Reference         *corpus.Filter
	TargetText, ReferenceText string
	Terms                     []string // the words followed over time (default: the most over-used)
	Persons                   []string // the persons followed over time (default: the most named)
	Top                       int      // rows of each table (0: DefaultTop)
	// NetworkTop keeps in the network the persons named in most articles (0: all of them;
	// the command's default is DefaultNetworkTop).
	NetworkTop int
	Seed       uint64 // of the Louvain community detection
	MinCount   int64  // keyness: words whose target + reference count is at least this
	Workers    int    // goroutines for the persons and the network (0: all cores)
	// PersonOptions are the RW resolver's (aliases, disambiguation by date).
	PersonOptions persons.Options
}

// DefaultOptions are the options of 'baokan report' without flags.
func DefaultOptions() Options {
	return Options{Title: "Corpus report", Top: DefaultTop, NetworkTop: DefaultNetworkTop, Seed: 1, MinCount: DefaultMinCount}
}

func (o Options) withDefaults() Options {
	if o.Title == "" {
		o.Title = "Corpus report"
	}
	if o.Top < 1 {
		o.Top = DefaultTop
	}
	return o
}

// Inputs is what Build is told besides the articles: what the reader saw, how the report
// was asked for (the methods section cites it), the figures' drawer, and the results of
// the passes of their own (Contexts, Concepts).
type Inputs struct {
	Summary corpus.Summary // of the pass that fed the Collector
	// Sources names what was read ("" or nil: the embedded sample); they end each command
	// of the methods that gives a table again.
	Sources     []string
	CommandLine string   // the command that wrote the report, as a shell takes it back
	Software    string   // the program and its version
	Filters     []string // the article filters, as name=value
	// Words and Persons say how the words were cut and filtered, how persons were
	// resolved.
	Words   WordSettings
	Persons PersonSettings
	Texts   MethodTexts
	// PassOn are the flags given that the commands of the methods take too, by group
	// (GroupCorpus, GroupWords, GroupPersons), each as a command line takes it back.
	PassOn   map[string][]string
	Figures  *Figures      // nil: no figures
	Contexts []TermContext // the Terms' concordances and collocates (nil: no section)
	Concepts *Concepts     // the concept dictionary's counts (nil: no section)
	// PersonCorpus, when not nil, gives the articles' persons as the command found them
	// (as 'baokan persons --persons text|both': persons.Corpus.TextPass), in place of the
	// RW lists the Collector resolves.
	PersonCorpus *persons.Corpus
}

// MethodTexts are the texts of the methods section that the command's --help states too.
type MethodTexts struct {
	Words, Terms, KeywordGroups, Persons, Bursts, Concepts string
}

// collected is what the Collector gathered, with the periods settled.
type collected struct {
	stats    *corpusstats.Stats
	all      *terms.Counter
	periods  *terms.Grouped // by the By period
	years    *terms.Grouped // by year, for the timelines
	months   *terms.Grouped // by month when the timelines are by month, else nil
	target   *terms.Counter // with Target only
	refer    *terms.Counter
	people   []*personArticle
	noRW     map[corpus.Date]int
	summary  corpus.Summary
	by       string // the period finally used
	byChosen string // how it was chosen, for the methods
}

// finish settles the counts by period and resolves the persons.
func (c *Collector) finish(in Inputs) (*collected, error) {
	if c.finished != nil {
		c.finished.summary = in.Summary
		return c.finished, nil
	}
	vocab := c.vocab
	d := &collected{stats: c.stats, target: c.target, refer: c.refer, people: c.people, noRW: c.noRW, summary: in.Summary, by: c.opts.By}
	if c.monthly {
		d.months = c.fine
		d.years = byYear(c.fine, vocab)
	} else {
		d.years = c.fine
	}
	d.all = terms.NewCounter()
	for _, y := range d.years.Groups() {
		yc, _ := d.years.Lookup(y)
		d.all.MergeIDs(yc, vocab)
	}
	switch c.opts.By {
	case "", "year":
		d.periods = d.years
	case "month":
		d.periods = d.months
	case "decade":
		d.periods = decades(d.years, vocab)
	default:
		return nil, fmt.Errorf("period %q: choose year, decade or month", c.opts.By)
	}
	if c.opts.By != "" {
		d.byChosen = "--by " + c.opts.By
	} else {
		span := 0
		if !c.stats.First.IsZero() {
			span = c.stats.Last.Year - c.stats.First.Year
		}
		if span <= DecadeSpan {
			d.by, d.byChosen = "year", fmt.Sprintf("year (the default: the corpus spans %d years, not more than %d)", span, DecadeSpan)
		} else {
			d.by = "decade"
			d.byChosen = fmt.Sprintf("decade (the default: the corpus spans %d years, more than %d)", span, DecadeSpan)
			d.periods = decades(d.years, vocab)
		}
	}
	if in.PersonCorpus != nil {
		d.people, d.noRW = personArticlesOf(in.PersonCorpus)
	} else if err := c.resolvePersons(c.opts.Workers); err != nil {
		return nil, err
	}
	c.finished = d
	return d, nil
}

// decades sums the counts by year into counts by decade.
func decades(years *terms.Grouped, vocab []string) *terms.Grouped {
	out := terms.NewGrouped()
	for _, y := range years.Groups() {
		yc, _ := years.Lookup(y)
		label := ""
		if y != "" {
			t, _ := time.Parse("2006", y) // a year label: four digits
			label = period.Decade.Of(corpus.Date{Year: t.Year(), Month: time.January, Day: 1}).String()
		}
		out.Counter(label).MergeIDs(yc, vocab)
	}
	return out
}

// periodFilter is the corpus filter that selects the period labelled label of the unit
// by, for the keyness target ("2000s" → from=2000-01-01,to=2009-12-31).
func periodFilter(by, label string) (string, error) {
	var first, last time.Time
	switch by {
	case "year":
		t, err := time.Parse("2006", label)
		if err != nil {
			return "", err
		}
		first, last = t, t.AddDate(1, 0, -1)
	case "decade":
		t, err := time.Parse("2006s", label)
		if err != nil {
			return "", err
		}
		first, last = t, t.AddDate(10, 0, -1)
	case "month":
		t, err := time.Parse("2006-01", label)
		if err != nil {
			return "", err
		}
		first, last = t, t.AddDate(0, 1, -1)
	default:
		return "", fmt.Errorf("no period filter for %q", by)
	}
	return "from=" + first.Format("2006-01-02") + ",to=" + last.Format("2006-01-02"), nil
}

// periodRange lists every year ("1962") or month ("1962-10") from first to last, both
// dated, labelled as 'baokan stats --by' labels them.
func periodRange(unit string, first, last corpus.Date) []string {
	if first.IsZero() {
		return nil
	}
	u := period.Year
	if unit == "month" {
		u = period.Month
	}
	var periods []string
	for _, p := range period.Range(u.Of(first), u.Of(last)) {
		periods = append(periods, p.String())
	}
	return periods
}

// monthSpan is the number of calendar months from first to last, both included (0 when
// no date is known).
func monthSpan(first, last corpus.Date) int {
	if first.IsZero() {
		return 0
	}
	return period.Month.Of(last).Index - period.Month.Of(first).Index + 1
}

// feedNetwork gives add the articles with persons in corpus order, then those without
// persons by date (they only count in N), so that the result does not depend on map
// order (as 'baokan network').
func feedNetwork(arts []*personArticle, noRW map[corpus.Date]int, add func(network.Doc)) {
	for _, p := range arts {
		add(network.Doc{Date: p.date, Page: p.page, Persons: p.persons})
	}
	dates := make([]corpus.Date, 0, len(noRW))
	for d := range noRW {
		dates = append(dates, d)
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Compare(dates[j]) < 0 })
	for _, d := range dates {
		for k := 0; k < noRW[d]; k++ {
			add(network.Doc{Date: d})
		}
	}
}

// floatCell returns v, or nil (an empty cell) for NaN.
func floatCell(v float64) any {
	if math.IsNaN(v) {
		return nil
	}
	return v
}

// personArticlesOf returns the articles of pc (their persons from the RW list, then the
// text), in corpus order, and the number of the others by date.
func personArticlesOf(pc *persons.Corpus) ([]*personArticle, map[corpus.Date]int) {
	people := make([]*personArticle, 0, len(pc.Articles))
	for _, a := range pc.Articles {
		people = append(people, &personArticle{path: a.Path, line: a.Line, date: a.Date, page: a.Page, title: a.Title, persons: a.All()})
	}
	noRW := map[corpus.Date]int{}
	for u, n := range pc.NoRW {
		noRW[u.Date] += n
	}
	return people, noRW
}
