package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/period"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports/report"
)

type reportOptions struct {
	corpusOptions
	wordFlags
	personFlags
	conceptFlags
	concepts   *conceptSet // --concepts, loaded
	dir        string
	force      bool // -o DIR may hold report files not written by baokan report
	heading    string
	by         string
	target     string
	reference  string
	terms      []string
	persons    []string
	top        int
	networkTop int
	seed       uint64
	minCount   int64
	figures    string
	font       string
	passOn     map[string][]string // the flags given that other commands take, by group
}

// Defaults of the report, stated in its methods section.
const (
	reportTop          = 10
	reportNetworkTop   = 30
	reportTimelineN    = 5  // persons and terms followed over time by default
	reportDecadeSpan   = 20 // a corpus spanning more years is cut in decades, else in years
	reportMonthSpan    = 36 // timelines by month when the dated articles span at most this many months
	keynessMinCountDef = 5
)

func newReportCmd(io *streams) *cobra.Command {
	o := &reportOptions{}
	c := &cobra.Command{
		Use:   "report -o DIR [CORPUS...]",
		Short: "A report to read, share and cite: DIR/index.html and its Markdown twin DIR/report.md",
		Long: `report reads the corpus once for its words (after the corpus-words pass, see below) and
writes a report into DIR: index.html, one self-contained page (figures embedded, no script,
nothing fetched), and report.md with its figures in DIR/figures/. Sections:

  1 Corpus overview    what was read; articles and characters by year, page and genre
                       (as 'baokan stats --by year|page|genre')
  2 Words              top terms overall and by period (as 'baokan terms'), TF-IDF
                       keywords of each period (as 'baokan keywords --by PERIOD')
  3 Keyness            the words over- and under-used in a target period against the
                       rest (as 'baokan keyness')
  4 Persons            top persons (as 'baokan persons --summary'), the co-mention
                       network drawn with its communities, its central figures (as
                       'baokan network')
  5 Timelines          the persons and words followed, by year (by month when the dates
                       span at most 36 months, or with --by month), with their Kleinberg
                       bursts (as 'baokan timeline --bursts')
    Concepts           with --concepts FILE: each category's matches per 10,000 words and
                       share of articles, and each --index, raw and standardised (Baker,
                       Bloom & Davis 2016), by the timelines' period, with their bursts (as
                       'baokan timeline --concepts FILE --index EXPR'; counted in a pass of
                       its own over every word as cut)
  6 Methods            every formula, parameter and filter, the diagnostics, and the
                       exact command line, so the report can be cited

Every measure is computed as by the command named above, whose --help gives its formula
and source; the report's methods section states them all, with every parameter, and
lists the commands that give each table again.

Periods (--by): decade when the corpus spans more than 20 years, else year. Keyness
target (--target): by default the latest period against the rest. Timelines follow the
--person names (default: the 5 persons named in most articles) and the --term words
(default: the 5 words most over-used in the keyness target).

Figures are SVG (text stays text; --figures png for pictures) drawn with a font that has
Chinese glyphs: --font FILE, else $BAOKAN_FONT, else Noto Sans CJK, WenQuanYi or the
system's Chinese fonts (Debian: apt-get install fonts-noto-cjk). Without one the report
says so in place of each figure.

` + wordFlagsHelp,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			o.passOn = passOnFlags(c)
			return runReport(io, o, args)
		},
	}
	addCorpusReadFlags(c, &o.corpusOptions)
	addWordFlags(c, &o.wordFlags)
	addRWPersonFlags(c, &o.personFlags)
	f := c.Flags()
	f.StringVarP(&o.dir, "output", "o", "", "write the report into the folder `DIR` (created if needed; required)")
	f.BoolVar(&o.force, "force", false, "replace index.html, report.md and figures/ files in DIR even when they are not a baokan report's")
	f.StringVar(&o.heading, "heading", "Corpus report", "the report's title `TEXT`")
	f.StringVar(&o.by, "by", "", "periods of the word tables: `year|decade|month` (default: decade if the corpus spans more than 20 years, else year)")
	f.StringVar(&o.target, "target", "", "keyness target, a `FILTER` as for 'baokan keyness' (default: the latest period)")
	f.StringVar(&o.reference, "reference", "", "keyness reference, a `FILTER` (default: the rest of the corpus)")
	f.StringArrayVar(&o.terms, "term", nil, "follow the `WORD` over time (repeatable; default: the 5 most over-used words of the keyness target)")
	f.StringArrayVar(&o.persons, "person", nil, "follow the `PERSON` over time (repeatable; default: the 5 persons named in most articles)")
	f.IntVar(&o.top, "top", reportTop, "`N` rows in each table")
	f.IntVar(&o.networkTop, "network-top", reportNetworkTop, "persons in the network: the `N` named in most articles (0: all)")
	f.Uint64Var(&o.seed, "seed", 1, "seed of the Louvain community detection")
	f.Int64Var(&o.minCount, "min-count", keynessMinCountDef, "keyness: keep words whose target + reference count is at least `N`")
	f.StringVar(&o.figures, "figures", report.SVG, "`FORMAT` of the figures: svg, png or none (drawing needs a font with Chinese glyphs)")
	f.StringVar(&o.font, "font", "", "CJK font `FILE` for the figures (default: one found on the system)")
	addConceptFlags(f, &o.conceptFlags)
	_ = c.MarkFlagRequired("output")
	return c
}

// reportData is everything one word pass gathers.
type reportData struct {
	stats    *corpusStats
	all      *terms.Counter
	periods  *terms.Grouped // by the --by period, or by year until the span is known
	years    *terms.Grouped // by year, for the timelines (periods itself when by year)
	months   *terms.Grouped // by month while the dates span at most reportMonthSpan months (or --by month), else nil
	target   *terms.Counter // with --target only
	refer    *terms.Counter
	people   *personCollector
	summary  corpus.Summary
	by       string          // the period finally used
	byChosen string          // how it was chosen, for the methods
	contexts []termContext   // --term: concordances and collocates (report_contexts.go)
	concepts *reportConcepts // with --concepts
}

func runReport(io *streams, o *reportOptions, args []string) error {
	if o.top < 1 {
		return fmt.Errorf("--top %d: want 1 or more", o.top)
	}
	if o.networkTop < 0 {
		return fmt.Errorf("--network-top %d: want 0 or more", o.networkTop)
	}
	switch o.by {
	case "", "year", "decade", "month":
	default:
		return fmt.Errorf("--by %q: choose year, decade or month", o.by)
	}
	switch o.figures {
	case report.SVG, report.PNG, "none":
	default:
		return fmt.Errorf("--figures %q: choose svg, png or none", o.figures)
	}
	var target, reference *corpus.Filter
	var err error
	if o.target != "" {
		if target, err = corpus.ParseFilter(o.target); err != nil {
			return fmt.Errorf("--target: %w", err)
		}
	}
	if o.reference != "" {
		if target == nil {
			return errors.New("--reference needs --target")
		}
		if reference, err = corpus.ParseFilter(o.reference); err != nil {
			return fmt.Errorf("--reference: %w", err)
		}
	}
	for _, flag := range []struct {
		name   string
		values []string
	}{{"--term", o.terms}, {"--person", o.persons}} {
		for _, v := range flag.values {
			if strings.TrimSpace(v) == "" {
				return fmt.Errorf("%s: empty", flag.name)
			}
		}
	}
	if o.concepts, err = o.conceptFlags.load(); err != nil {
		return err
	}
	people, err := newPersonCollector(&o.personFlags)
	if err != nil {
		return err
	}
	if path, _ := cacheArg(args); path == "" {
		people.copyText = true // raw files (see personCollector)
	}
	// The font is looked for before reading, so that its absence is said at once; a font
	// named with --font must exist.
	if o.font != "" {
		if _, err := os.Stat(o.font); err != nil {
			return fmt.Errorf("--font: %w", err)
		}
	}
	figs := newFigureMaker(o.figures, o.font)
	if figs.missing != nil && !o.quiet {
		fmt.Fprintf(io.err, "baokan: the report will have no figures: %v\n", figs.missing)
	}

	// The one word pass: the overview, the frequency lists, the keyness counts and the
	// RW lists, all from the same articles.
	d := &reportData{
		stats:  newCorpusStats("year", "month", "page", "genre"),
		months: terms.NewGrouped(),
		all:    terms.NewCounter(),
		years:  terms.NewGrouped(),
		people: people,
		by:     o.by,
	}
	periodOf := groupings["year"]
	switch o.by {
	case "", "year":
		d.periods = d.years
	case "month":
		d.periods, d.months = d.months, nil
		periodOf = groupings["month"]
	default:
		d.periods = terms.NewGrouped()
		periodOf = groupings[o.by]
	}
	if target != nil {
		d.target, d.refer = terms.NewCounter(), terms.NewCounter()
	}
	// The words asked for are added to the segmenter's dictionary, as 'baokan timeline'
	// does, so that they are counted whole.
	for _, t := range o.terms {
		o.extraWords = append(o.extraWords, segment.Word{Text: t})
	}
	if o.concepts != nil {
		o.extraWords = append(o.extraWords, o.concepts.extraWords()...)
	}
	ws, err := o.openWords(io, &o.corpusOptions, args)
	if err != nil {
		return err
	}
	err = ws.Each(func(a *corpus.Article, words []string) error {
		d.stats.add(a, len(a.Body), a.BodyChars())
		d.all.AddDoc(words)
		for _, g := range periodOf(a) {
			d.periods.AddDoc(g, words)
		}
		if d.years != d.periods {
			d.years.AddDoc(groupings["year"](a)[0], words)
		}
		if d.months != nil {
			// Kept only while the corpus is short enough for monthly timelines, so that at
			// most reportMonthSpan+1 months of counts are ever held.
			if monthSpan(d.stats.first, d.stats.last) > reportMonthSpan {
				d.months = nil
			} else {
				d.months.AddDoc(groupings["month"](a)[0], words)
			}
		}
		if target != nil {
			switch {
			case target.Match(a):
				d.target.AddDoc(words)
			case reference == nil || reference.Match(a):
				d.refer.AddDoc(words)
			}
		}
		people.add(a)
		return nil
	})
	closeErr := ws.Close()
	if err != nil {
		return err
	}
	if o.by == "month" {
		d.months = d.periods
	}
	d.summary = ws.Summary()
	if d.summary.Matched == 0 {
		return fmt.Errorf("no article to report on (%s): check the sources and --from, --to, --page, --genre, --title", d.summary)
	}
	d.choosePeriods()
	if d.contexts, err = termContexts(io, o, args); err != nil {
		return err
	}
	if o.concepts != nil {
		if d.concepts, err = o.conceptPass(io, args, d); err != nil {
			return err
		}
	}

	r, err := buildReport(io, o, args, d, figs)
	if err != nil {
		return err
	}
	if err := report.WriteDir(o.dir, r); err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(io.err, "baokan: report written to %s\n", strings.TrimSuffix(o.dir, "/")+"/"+report.HTMLFile)
	}
	return closeErr
}

// choosePeriods settles the periods when --by was not given: decades when the corpus spans
// more than reportDecadeSpan years, the years counted otherwise.
func (d *reportData) choosePeriods() {
	if d.by != "" {
		d.byChosen = "--by " + d.by
		return
	}
	span := 0
	if !d.stats.first.IsZero() {
		span = d.stats.last.Year - d.stats.first.Year
	}
	if span <= reportDecadeSpan {
		d.by, d.byChosen = "year", fmt.Sprintf("year (the default: the corpus spans %d years, not more than %d)", span, reportDecadeSpan)
		return
	}
	d.by = "decade"
	d.byChosen = fmt.Sprintf("decade (the default: the corpus spans %d years, more than %d)", span, reportDecadeSpan)
	// Each decade's counts are the sum of its years': Counter.Merge adds counts, document
	// frequencies, tokens and documents, exactly what counting by decade would give.
	decades := terms.NewGrouped()
	for _, y := range d.years.Groups() {
		c, _ := d.years.Lookup(y)
		label := ""
		if y != "" {
			year, _ := strconv.Atoi(y) // a label of groupings["year"]: four digits
			label = decadeLabel(year)
		}
		decades.Counter(label).Merge(c)
	}
	d.periods = decades
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
// dated, labelled as the groupings label them.
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
