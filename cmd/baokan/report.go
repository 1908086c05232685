package main

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/keyness"
	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/analysis/tfidf"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
	"github.com/baokan/baokan/reports/chart"
	"github.com/baokan/baokan/reports/report"
)

type reportOptions struct {
	corpusOptions
	wordFlags
	personFlags
	dir        string
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
  5 Timelines          the top persons and chosen terms year by year
  6 Methods            every formula, parameter and filter, the diagnostics, and the
                       exact command line, so the report can be cited

Periods (--by): decade when the corpus spans more than 20 years, else year. Keyness
target (--target): by default the latest period against the rest. Timelines follow the
--person names (default: the 5 persons named in most articles) and the --term words
(default: the 5 words most over-used in the keyness target).

Figures are SVG (text stays text; --figures png for pictures) drawn with a font that has
Chinese glyphs: $BAOKAN_FONT, else Noto Sans CJK, WenQuanYi or the system's Chinese fonts
(Debian: apt-get install fonts-noto-cjk). Without one the report says so in place of each
figure.

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
	f.StringVar(&o.heading, "heading", "Corpus report", "the report's title, `TEXT`")
	f.StringVar(&o.by, "by", "", "periods of the word tables: `year|decade|month` (default: decade if the corpus spans more than 20 years, else year)")
	f.StringVar(&o.target, "target", "", "keyness target, a `FILTER` as for 'baokan keyness' (default: the latest period)")
	f.StringVar(&o.reference, "reference", "", "keyness reference, a `FILTER` (default: the rest of the corpus)")
	f.StringArrayVar(&o.terms, "term", nil, "follow the `WORD` over time (repeatable; default: the 5 most over-used words of the keyness target)")
	f.StringArrayVar(&o.persons, "person", nil, "follow the `PERSON` over time (repeatable; default: the 5 persons named in most articles)")
	f.IntVar(&o.top, "top", reportTop, "rows of each table (`N`)")
	f.IntVar(&o.networkTop, "network-top", reportNetworkTop, "persons in the network: the `N` named in most articles (0: all)")
	f.Uint64Var(&o.seed, "seed", 1, "seed of the Louvain community detection")
	f.Int64Var(&o.minCount, "min-count", keynessMinCountDef, "keyness: keep words whose target + reference count is at least `N`")
	f.StringVar(&o.figures, "figures", report.SVG, "figure format: `svg|png|none` (the charts need a font with Chinese glyphs: see 'baokan help report')")
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
	by       string // the period finally used
	byChosen string // how it was chosen, for the methods
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
	people, err := newPersonCollector(&o.personFlags)
	if err != nil {
		return err
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
	ws, err := o.openWords(io, &o.corpusOptions, args)
	if err != nil {
		return err
	}
	err = ws.Each(func(a *corpus.Article, words []string) error {
		d.stats.add(a)
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
	d.choosePeriods()

	r, err := buildReport(io, o, args, d)
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
			var year int
			fmt.Sscanf(y, "%d", &year)
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

// reportBuilder holds what the sections share while the report is put together.
type reportBuilder struct {
	figs    *figureMaker
	o       *reportOptions
	d       *reportData
	params  [][]any // the parameters table of the methods: name, value
	repro   []string
	arts    []*personArticle
	tally   []persons.PersonStats
	keyTerm []string // the most over-used words of the keyness target
}

func (b *reportBuilder) param(name string, value any) {
	b.params = append(b.params, []any{name, value})
}

func buildReport(io *streams, o *reportOptions, args []string, d *reportData) (*report.Report, error) {
	b := &reportBuilder{o: o, d: d, figs: newFigureMaker(o.figures)}
	if b.figs.missing != nil && !o.quiet {
		fmt.Fprintf(io.err, "baokan: report without figures: %v\n", b.figs.missing)
	}
	b.arts = d.people.resolve()
	var t persons.Tally
	for _, p := range b.arts {
		t.Add(p.all(), p.date, p.page)
	}
	b.tally = t.Stats()

	r := &report.Report{Title: o.heading, Subtitle: b.subtitle(args)}
	overview := b.overviewSection()
	words, err := b.wordsSection()
	if err != nil {
		return nil, err
	}
	key, err := b.keynessSection()
	if err != nil {
		return nil, err
	}
	people, err := b.personsSection()
	if err != nil {
		return nil, err
	}
	timelines := b.timelineSection()
	r.Sections = []report.Section{overview, words, key, people, timelines, b.methodsSection(io, args)}
	return r, nil
}

func (b *reportBuilder) subtitle(args []string) string {
	st, sum := b.d.stats, b.d.summary
	src := "the embedded sample of PLA Daily articles"
	if len(args) > 0 {
		src = strings.Join(args, ", ")
	}
	dates := "no dated article"
	if !st.first.IsZero() {
		dates = st.first.String() + " to " + st.last.String()
	}
	return fmt.Sprintf("%s · %s · %d articles", src, dates, sum.Matched)
}

func toReportTable(t reports.Table, caption, note string) *report.Table {
	return &report.Table{Caption: caption, Columns: t.Columns, Rows: t.Rows, Note: note}
}

func (b *reportBuilder) overviewSection() report.Section {
	st, sum := b.d.stats, b.d.summary
	s := report.Section{ID: "overview", Title: "Corpus overview"}
	dates := "no article carries a valid date"
	if !st.first.IsZero() {
		dates = fmt.Sprintf("dated from %s to %s", st.first, st.last)
	}
	span := "undated"
	if !st.first.IsZero() {
		span = fmt.Sprintf("%d–%d", st.first.Year, st.last.Year)
	}
	s.Blocks = append(s.Blocks, report.Facts{
		{Value: thousands(sum.Matched), Label: "articles"},
		{Value: span, Label: "years"},
		{Value: thousands(st.chars), Label: "body characters"},
		{Value: thousands(int(b.d.all.Tokens())), Label: "words (after filtering)"},
		{Value: thousands(len(b.tally)), Label: "persons (RW lists)"},
		{Value: thousands(sum.DiagnosticsTotal()), Label: "diagnostics"},
	})
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"%s articles were kept from %s files (%s bytes), %s. Their bodies hold %s characters; %s articles carry an RW list of persons, %s name their authors. Reading raised %s diagnostics (see the methods).",
		thousands(sum.Matched), thousands(sum.Files), thousands(int(sum.Bytes)), dates, thousands(st.chars),
		thousands(st.withRW), thousands(st.withAuthors), thousands(sum.DiagnosticsTotal()))))
	if years := periodRange("year", st.first, st.last); len(years) > 0 {
		var values []float64
		most, mostYears := 0, []string{}
		for _, y := range years {
			n := 0
			if g := st.groups["year"][y]; g != nil {
				n = g.articles
			}
			values = append(values, float64(n))
			switch {
			case n > most:
				most, mostYears = n, []string{y}
			case n == most:
				mostYears = append(mostYears, y)
			}
		}
		s.Blocks = append(s.Blocks, b.figs.figure("articles-per-year",
			chart.Bars{XLabel: "year", YLabel: "articles", Labels: years, Values: values},
			fmt.Sprintf("Bar chart of the articles of each year from %s to %s; the most, %d, in %s.", years[0], years[len(years)-1], most, strings.Join(mostYears, ", ")),
			"Articles per year (every year from the first to the last dated article; undated articles are left out).")...)
	}
	s.Blocks = append(s.Blocks, toReportTable(st.overview(sum), "What was read and kept.",
		"As 'baokan stats'. Characters are Unicode code points of the body paragraphs."))
	byYear := st.breakdown("year", sum.Matched)
	s.Blocks = append(s.Blocks, toReportTable(byYear, "Articles and body characters by year.",
		"share: the year's articles over all articles kept. As 'baokan stats --by year'."))
	s.Blocks = append(s.Blocks, toReportTable(st.breakdown("page", sum.Matched), "Articles by page (BH).",
		"As 'baokan stats --by page'; (none): articles without a page number."))
	s.Blocks = append(s.Blocks, toReportTable(st.breakdown("genre", sum.Matched), "Articles by genre (TC).",
		"An article with several genres counts in each, so shares can add up to more than 1. As 'baokan stats --by genre'."))
	b.repro = append(b.repro, "baokan stats --by year", "baokan stats --by page", "baokan stats --by genre")
	return s
}

func (b *reportBuilder) wordsSection() (report.Section, error) {
	o, d := b.o, b.d
	s := report.Section{ID: "words", Title: "Words"}
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"%s words (tokens kept after filtering) of %s distinct terms in %s articles. per_10k is a rate per 10,000 words; ranks are competition ranks (tied words share a rank).",
		thousands(int(d.all.Tokens())), thousands(d.all.Len()), thousands(int(d.all.Docs())))))
	rows := [][]any{}
	for _, r := range d.all.Top(o.top) {
		rows = append(rows, []any{r.Term, r.Count, r.Docs, r.Per10k, r.Rank})
	}
	s.Blocks = append(s.Blocks, &report.Table{
		Caption: fmt.Sprintf("The %d most frequent words.", o.top),
		Columns: []string{"term", "count", "docs", "per_10k", "rank"},
		Rows:    rows,
		Note:    fmt.Sprintf("As 'baokan terms --top %d'. Ties are ordered by term.", o.top),
	})

	if len(rows) > 0 {
		var labels []string
		var values []float64
		for _, r := range d.all.Top(o.top) {
			labels = append(labels, r.Term)
			values = append(values, r.Per10k)
		}
		s.Blocks = append(s.Blocks, b.figs.figure("top-words", chart.Bars{XLabel: "word", YLabel: "per 10,000 words", Labels: labels, Values: values},
			fmt.Sprintf("Bar chart of the %d most frequent words per 10,000 words, from %s (%.1f) to %s (%.1f).", len(labels), labels[0], values[0], labels[len(labels)-1], values[len(values)-1]),
			fmt.Sprintf("The %d most frequent words, per 10,000 words.", len(labels)))...)
	}
	var names []string
	var cells [][]string
	for _, g := range d.periods.Top(o.top) {
		names = append(names, groupName(g.Group))
		var col []string
		for _, r := range g.Rows {
			col = append(col, fmt.Sprintf("%s (%d)", r.Term, r.Count))
		}
		cells = append(cells, col)
	}
	s.Blocks = append(s.Blocks, sideBySide(names, cells,
		fmt.Sprintf("The %d most frequent words of each %s, with their counts.", o.top, d.by),
		fmt.Sprintf("As 'baokan terms --by %s --top %d'. (none): the undated articles.", d.by, o.top))...)

	scheme := tfidf.Scheme{TF: tfidf.Raw, IDF: tfidf.Smooth, L2: true}
	model, err := groupModel(scheme, d.periods)
	if err != nil {
		return s, err
	}
	weigher := model.NewWeigher()
	cells = nil
	for _, g := range d.periods.Groups() {
		c, _ := d.periods.Lookup(g)
		var col []string
		for _, r := range weigher.TopCounts(g, c, o.top) {
			col = append(col, fmt.Sprintf("%s (%.3f)", r.Term, r.TFIDF))
		}
		cells = append(cells, col)
	}
	s.Blocks = append(s.Blocks, sideBySide(names, cells,
		fmt.Sprintf("TF-IDF keywords of each %s (the %s's words as one document), with their weights.", d.by, d.by),
		fmt.Sprintf("As 'baokan keywords --by %s --top %d'; scheme %s, scikit-learn's default. A high weight marks a word frequent in the period and rare in the others.", d.by, o.top, scheme))...)
	b.param("periods", d.byChosen)
	b.param("rows of each table (--top)", o.top)
	b.param("TF-IDF scheme", scheme.String())
	b.repro = append(b.repro, fmt.Sprintf("baokan terms --top %d", o.top),
		fmt.Sprintf("baokan terms --by %s --top %d", d.by, o.top),
		fmt.Sprintf("baokan keywords --by %s --top %d", d.by, o.top))
	return s, nil
}

// periodsPerTable bounds the columns of a side-by-side table; more periods make more
// tables.
const periodsPerTable = 6

// sideBySide lays out one column per period (names), one row per rank, cut in tables
// of at most periodsPerTable periods; cells holds each period's column.
func sideBySide(names []string, cells [][]string, caption, note string) []report.Block {
	var blocks []report.Block
	for start := 0; start < len(names); start += periodsPerTable {
		end := min(start+periodsPerTable, len(names))
		t := &report.Table{Caption: caption, Columns: append([]string{"#"}, names[start:end]...)}
		if len(names) > periodsPerTable {
			t.Caption = fmt.Sprintf("%s (%s to %s)", caption, names[start], names[end-1])
		}
		n := 0
		for _, col := range cells[start:end] {
			n = max(n, len(col))
		}
		for i := 0; i < n; i++ {
			row := []any{i + 1}
			for _, col := range cells[start:end] {
				if i < len(col) {
					row = append(row, col[i])
				} else {
					row = append(row, "")
				}
			}
			t.Rows = append(t.Rows, row)
		}
		if end == len(names) {
			t.Note = note
		}
		blocks = append(blocks, t)
	}
	return blocks
}

// groupName shows the group of undated articles as stats does.
func groupName(g string) string {
	if g == "" {
		return "(none)"
	}
	return g
}

func (b *reportBuilder) keynessSection() (report.Section, error) {
	o, d := b.o, b.d
	s := report.Section{ID: "keyness", Title: "Keyness"}
	tc, rc := d.target, d.refer
	targetDesc, referenceDesc := o.target, "the rest of the corpus"
	if o.reference != "" {
		referenceDesc = o.reference
	}
	if tc == nil {
		// The latest dated period against every other article, undated ones included: what
		// 'baokan keyness --target <its filter>' compares.
		groups := d.periods.Groups()
		latest := ""
		for _, g := range groups {
			if g != "" {
				latest = g
			}
		}
		if latest == "" {
			s.Blocks = append(s.Blocks, report.Paragraph("No article carries a valid date, so there is no latest period to compare; give --target."))
			return s, nil
		}
		filter, err := periodFilter(d.by, latest)
		if err != nil {
			return s, err
		}
		targetDesc = filter + " (the default: the latest " + d.by + ", " + latest + ")"
		tc, rc = terms.NewCounter(), terms.NewCounter()
		for _, g := range groups {
			c, _ := d.periods.Lookup(g)
			if g == latest {
				tc.Merge(c)
			} else {
				rc.Merge(c)
			}
		}
		b.repro = append(b.repro, fmt.Sprintf("baokan keyness --target %s --min-count %d --top %d", shellQuote(filter), o.minCount, o.top))
	} else {
		cmd := fmt.Sprintf("baokan keyness --target %s", shellQuote(o.target))
		if o.reference != "" {
			cmd += " --reference " + shellQuote(o.reference)
		}
		b.repro = append(b.repro, fmt.Sprintf("%s --min-count %d --top %d", cmd, o.minCount, o.top))
	}
	opts := keyness.Options{MinCount: o.minCount}
	b.param("keyness target", targetDesc)
	b.param("keyness reference", referenceDesc)
	b.param("keyness G² form", opts.Form.String())
	b.param("keyness minimum count (target + reference)", o.minCount)
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"Target: %s — %d articles, %d words. Reference: %s — %d articles, %d words. G² is the log-likelihood of Rayson & Garside (2000), p its chi-square upper tail (1 degree of freedom), log_ratio Hardie's (2014) binary log of the ratio of relative frequencies.",
		targetDesc, tc.Docs(), tc.Tokens(), referenceDesc, rc.Docs(), rc.Tokens())))
	rows, err := keyness.Compare(tc, rc, opts)
	if errors.Is(err, keyness.ErrEmptyCorpus) {
		if o.target != "" {
			return s, fmt.Errorf("%w (target %d words, reference %d): check --target and --reference", err, tc.Tokens(), rc.Tokens())
		}
		s.Blocks = append(s.Blocks, report.Paragraph("The target or the reference has no words: nothing to compare (a corpus of one period has no reference)."))
		return s, nil
	}
	if err != nil {
		return s, err
	}
	over, under := keyness.Split(rows)
	over, under = over[:min(o.top, len(over))], under[:min(o.top, len(under))]
	for _, r := range over {
		b.keyTerm = append(b.keyTerm, r.Term)
	}
	columns := []string{"term", "target_count", "reference_count", "target_per_10k", "reference_per_10k", "g2", "p", "log_ratio", "rank"}
	table := func(rows []keyness.Row, caption string) *report.Table {
		t := &report.Table{Caption: caption, Columns: columns,
			Note: "Sorted by G², ties by term; rank is the competition rank by G² among all words. As 'baokan keyness' (which adds chi2 and use)."}
		for _, r := range rows {
			t.Rows = append(t.Rows, []any{r.Term, r.TargetCount, r.ReferenceCount, r.TargetPer10k, r.ReferencePer10k, r.G2, r.P, r.LogRatio, r.Rank})
		}
		return t
	}
	s.Blocks = append(s.Blocks, table(over, "Words over-used in the target."), table(under, "Words under-used in the target."))
	return s, nil
}

func (b *reportBuilder) personsSection() (report.Section, error) {
	o, d := b.o, b.d
	s := report.Section{ID: "persons", Title: "Persons"}
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"%d articles carry an RW list; %d distinct persons are named in them (see the methods for how entries become persons).",
		len(b.arts), len(b.tally))))
	t := &report.Table{Caption: fmt.Sprintf("The %d persons named in most articles.", o.top),
		Columns: []string{"person", "articles", "first_date", "last_date", "front_page_articles"},
		Note:    "Ties are ordered by name. As 'baokan persons --summary'."}
	for _, p := range b.tally[:min(o.top, len(b.tally))] {
		t.Rows = append(t.Rows, []any{p.Person, p.Articles, p.First.String(), p.Last.String(), p.FrontPage})
	}
	s.Blocks = append(s.Blocks, t, b.firstAppearances())

	builder := network.NewBuilder()
	feedNetwork(b.arts, d.people.noRW, builder.Add)
	opts := network.Options{Top: o.networkTop, MinWeight: 1, Seed: o.seed, Resolution: 1}
	net, err := builder.Network(opts)
	if err != nil {
		return s, err
	}
	b.param("network: persons kept (--network-top)", networkTopText(o.networkTop))
	b.param("network: minimum edge weight", opts.MinWeight)
	b.param("network: Louvain seed, resolution γ", fmt.Sprintf("%d, %g", opts.Seed, opts.Resolution))
	b.repro = append(b.repro, "baokan persons --summary", fmt.Sprintf("baokan network --top %d --seed %d", o.networkTop, o.seed))
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"The co-mention network of the %s: %d persons, %d edges (two persons named in the same article; weight: the number of such articles), over N = %d articles. Louvain finds %d communities, modularity Q = %.3f.",
		networkTopText(o.networkTop), len(net.Nodes), len(net.Edges), net.Articles, communities(net), net.Modularity)))

	cn := chart.Network{Seed: int64(o.seed)}
	for i, n := range net.Nodes {
		cn.Nodes = append(cn.Nodes, chart.Node{ID: int64(i), Label: n.Person, Size: float64(n.Articles), Group: n.Community})
	}
	for i, e := range net.Edges {
		from, to := net.EdgeIndexes(i)
		cn.Edges = append(cn.Edges, chart.Edge{From: int64(from), To: int64(to), Weight: float64(e.Weight)})
	}
	if len(cn.Nodes) > 0 {
		s.Blocks = append(s.Blocks, b.figs.figure("network", cn,
			fmt.Sprintf("Network of %d persons joined by %d edges, coloured by %d Louvain communities; the largest nodes are %s.",
				len(net.Nodes), len(net.Edges), communities(net), strings.Join(topNames(net, 3), ", ")),
			fmt.Sprintf("Co-mention network of the %s. Node area: articles naming the person; edge width: articles naming both; colour: Louvain community. Layout: Eades's force-directed algorithm (gonum), seed %d.", networkTopText(o.networkTop), o.seed))...)
	}

	// Central figures: by PageRank, ties by name.
	nodes := slices.Clone(net.Nodes)
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].PageRank > nodes[j].PageRank })
	ct := &report.Table{Caption: "Central figures of the network, by PageRank.",
		Columns: []string{"person", "articles", "degree", "weighted_degree", "pagerank", "betweenness", "eigenvector", "community"},
		Note:    "Ties in PageRank are ordered by name. As 'baokan network' (the node table), sorted by PageRank."}
	for _, n := range nodes[:min(o.top, len(nodes))] {
		ct.Rows = append(ct.Rows, []any{n.Person, n.Articles, n.Degree, n.WeightedDegree, n.PageRank, n.Betweenness, n.Eigenvector, n.Community})
	}
	s.Blocks = append(s.Blocks, ct)

	// The communities, largest first, each with its members named in most articles.
	members := map[int][]network.Node{}
	for _, n := range net.Nodes {
		members[n.Community] = append(members[n.Community], n)
	}
	cm := &report.Table{Caption: "Communities of the network (Louvain), largest first.",
		Columns: []string{"community", "persons", "members (most articles first)"},
		Note:    "Communities are numbered by size, ties by their first name; members are ordered by articles, ties by name."}
	for c := 0; c < len(members); c++ {
		ms := members[c]
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Articles > ms[j].Articles })
		var names []string
		for _, m := range ms[:min(8, len(ms))] {
			names = append(names, m.Person)
		}
		list := strings.Join(names, "、")
		if len(ms) > 8 {
			list += fmt.Sprintf(" … (%d more)", len(ms)-8)
		}
		cm.Rows = append(cm.Rows, []any{c, len(ms), list})
	}
	s.Blocks = append(s.Blocks, cm)
	return s, nil
}

// firstAppearances lists, for each of the top persons, the earliest dated article naming
// them (the first in corpus order among articles of the same date).
func (b *reportBuilder) firstAppearances() *report.Table {
	top := b.tally[:min(b.o.top, len(b.tally))]
	first := map[string]*personArticle{}
	for _, p := range b.arts {
		if p.date.IsZero() {
			continue
		}
		for _, name := range p.all() {
			if f, ok := first[name]; !ok || p.date.Compare(f.date) < 0 {
				first[name] = p
			}
		}
	}
	t := &report.Table{Caption: "Where the top persons first appear: the earliest article naming each.",
		Columns: []string{"person", "date", "page", "title", "file"},
		Note:    "Among articles of the same date, the first in corpus order."}
	for _, ps := range top {
		if p, ok := first[ps.Person]; ok {
			t.Rows = append(t.Rows, []any{ps.Person, p.date.String(), p.page, p.title, fmt.Sprintf("%s:%d", p.path, p.line)})
		}
	}
	return t
}

// thousands writes n with thousands separators, for running text (tables keep plain
// digits, as every baokan table does).
func thousands(n int) string {
	return message.NewPrinter(language.English).Sprintf("%d", n)
}

func networkTopText(n int) string {
	if n == 0 {
		return "all persons"
	}
	return fmt.Sprintf("%d persons named in most articles", n)
}

// topNames are the n persons of net named in most articles, ties by name.
func topNames(net *network.Network, n int) []string {
	nodes := slices.Clone(net.Nodes)
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].Articles > nodes[j].Articles })
	var names []string
	for _, node := range nodes[:min(n, len(nodes))] {
		names = append(names, node.Person)
	}
	return names
}

func communities(net *network.Network) int {
	n := 0
	for _, node := range net.Nodes {
		n = max(n, node.Community+1)
	}
	return n
}

// timelinePersons and timelineTerms are the names followed over time: the flags', or
// the defaults.
func (b *reportBuilder) timelinePersons() ([]string, string) {
	if len(b.o.persons) > 0 {
		return b.o.persons, "--person"
	}
	var names []string
	for _, p := range b.tally[:min(reportTimelineN, len(b.tally))] {
		names = append(names, p.Person)
	}
	return names, fmt.Sprintf("the default: the %d persons named in most articles", reportTimelineN)
}

func (b *reportBuilder) timelineTerms() ([]string, string) {
	if len(b.o.terms) > 0 {
		return b.o.terms, "--term"
	}
	if len(b.keyTerm) > 0 {
		return b.keyTerm[:min(reportTimelineN, len(b.keyTerm))],
			fmt.Sprintf("the default: the %d words most over-used in the keyness target", reportTimelineN)
	}
	var words []string
	for _, r := range b.d.all.Top(reportTimelineN) {
		words = append(words, r.Term)
	}
	return words, fmt.Sprintf("the default: the %d most frequent words (the keyness comparison found none)", reportTimelineN)
}

func (b *reportBuilder) timelineSection() report.Section {
	d := b.d
	s := report.Section{ID: "timelines", Title: "Timelines"}
	unit, counts, how := "year", d.years, fmt.Sprintf("year (the dated articles span more than %d months)", reportMonthSpan)
	switch {
	case b.o.by == "month":
		unit, counts, how = "month", d.months, "month (--by month)"
	case d.months != nil:
		unit, counts, how = "month", d.months, fmt.Sprintf("month (the dated articles span at most %d months)", reportMonthSpan)
	}
	periods := periodRange(unit, d.stats.first, d.stats.last)
	if len(periods) == 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("No article carries a valid date: there is no timeline."))
		return s
	}
	label := func(date corpus.Date) string { return groupings[unit](&corpus.Article{Date: date})[0] }
	names, namesHow := b.timelinePersons()
	words, wordsHow := b.timelineTerms()
	b.param("timeline periods", how)
	b.param("timeline persons", strings.Join(names, ", ")+" ("+namesHow+")")
	b.param("timeline words", strings.Join(words, ", ")+" ("+wordsHow+")")
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"By %s, from the first to the last dated article. Persons: the articles naming each; words: occurrences per 10,000 words of the %s.", unit, unit)))

	articles := map[string]int{}
	for p, g := range d.stats.groups[unit] {
		articles[p] = g.articles
	}
	named := map[string]map[string]int{} // person → period → articles
	for _, n := range names {
		named[n] = map[string]int{}
	}
	for _, p := range b.arts {
		if p.date.IsZero() {
			continue
		}
		for _, n := range p.all() {
			if m, ok := named[n]; ok {
				m[label(p.date)]++
			}
		}
	}
	// The charts run over every period; the tables list the periods with articles.
	pt := &report.Table{Caption: fmt.Sprintf("Articles naming each person, by %s.", unit), Columns: append([]string{unit, "articles"}, names...),
		Note: fmt.Sprintf("articles: all articles of the %s; %ss without articles are left out. Counts from the RW lists, as 'baokan persons'.", unit, unit)}
	wt := &report.Table{Caption: fmt.Sprintf("Words per 10,000 words, by %s.", unit), Columns: append([]string{unit, "words"}, words...),
		Note: fmt.Sprintf("words: the words kept in the %s's articles (the denominator); %ss without articles are left out. As 'baokan terms --by %s --top 0'.", unit, unit, unit)}
	personLines := chart.Lines{XLabel: unit, YLabel: "articles", Categories: periods}
	for _, n := range names {
		personLines.Series = append(personLines.Series, chart.Series{Name: n, Values: make([]float64, len(periods))})
	}
	wordLines := chart.Lines{XLabel: unit, YLabel: "per 10,000 words", Categories: periods}
	for _, w := range words {
		wordLines.Series = append(wordLines.Series, chart.Series{Name: w, Values: make([]float64, len(periods))})
	}
	for i, p := range periods {
		c, ok := counts.Lookup(p)
		if !ok {
			c = terms.NewCounter()
		}
		for j, n := range names {
			personLines.Series[j].Values[i] = float64(named[n][p])
		}
		for j, w := range words {
			wordLines.Series[j].Values[i] = terms.Per10k(c.Count(w), c.Tokens())
		}
		if articles[p] == 0 {
			continue
		}
		prow, wrow := []any{p, articles[p]}, []any{p, c.Tokens()}
		for _, n := range names {
			prow = append(prow, named[n][p])
		}
		for _, w := range words {
			wrow = append(wrow, terms.Per10k(c.Count(w), c.Tokens()))
		}
		pt.Rows, wt.Rows = append(pt.Rows, prow), append(wt.Rows, wrow)
	}
	// Bursts on the raw counts: articles naming a person among the period's articles,
	// occurrences of a word among the period's words.
	model := burst.Default()
	bt := &report.Table{Caption: fmt.Sprintf("Bursts of the persons and words followed (Kleinberg's two-state automaton, s = %g, γ = %g).", model.S, model.Gamma),
		Columns: []string{"series", "start", "end", "periods", "level", "weight"},
		Note:    "weight: Σ over the burst of σ(0,t) − σ(1,t), how much better the burst state explains it. As 'baokan timeline --by " + unit + " --bursts' (see the methods)."}
	addBursts := func(lines *chart.Lines, kind string, r func(i, j int) int, d func(i int) int) error {
		for j := range lines.Series {
			rs, ds := make([]int, len(periods)), make([]int, len(periods))
			for i := range periods {
				rs[i], ds[i] = r(i, j), d(i)
			}
			bursts, err := model.Bursts(rs, ds)
			if err != nil {
				return err
			}
			for _, bu := range bursts {
				lines.Series[j].Bursts = append(lines.Series[j].Bursts, chart.Span{From: bu.Start, To: bu.End, Level: bu.Level})
				bt.Rows = append(bt.Rows, []any{kind + ":" + lines.Series[j].Name, periods[bu.Start], periods[bu.End], bu.End - bu.Start + 1, bu.Level, bu.Weight})
			}
		}
		return nil
	}
	tokensOf := func(i int) int {
		if c, ok := counts.Lookup(periods[i]); ok {
			return int(c.Tokens())
		}
		return 0
	}
	// Words first, as 'baokan timeline' lists its series.
	err := addBursts(&wordLines, "term", func(i, j int) int {
		if c, ok := counts.Lookup(periods[i]); ok {
			return int(c.Count(words[j]))
		}
		return 0
	}, tokensOf)
	if err == nil {
		err = addBursts(&personLines, "person", func(i, j int) int { return named[names[j]][periods[i]] }, func(i int) int { return articles[periods[i]] })
	}
	if err != nil {
		s.Blocks = append(s.Blocks, report.Paragraph("Bursts could not be computed: "+err.Error()))
	}
	b.param("bursts", fmt.Sprintf("Kleinberg (2002), two states, s = %g, γ = %g, on the counts by %s", model.S, model.Gamma, unit))

	first, last := periods[0], periods[len(periods)-1]
	s.Blocks = append(s.Blocks, b.figs.figure("timeline-persons", personLines,
		fmt.Sprintf("Line chart of the articles naming %s, %s by %s from %s to %s.", strings.Join(names, ", "), unit, unit, first, last),
		fmt.Sprintf("Articles naming each person, by %s; bursts shaded.", unit))...)
	s.Blocks = append(s.Blocks, b.figs.figure("timeline-words", wordLines,
		fmt.Sprintf("Line chart of %s per 10,000 words, %s by %s from %s to %s.", strings.Join(words, ", "), unit, unit, first, last),
		fmt.Sprintf("Words per 10,000 words, by %s (0 in %ss without articles); bursts shaded.", unit, unit))...)
	if len(bt.Rows) == 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("No burst: no person or word followed here comes in bursts."))
	} else {
		s.Blocks = append(s.Blocks, bt)
	}
	s.Blocks = append(s.Blocks, pt, wt)
	b.repro = append(b.repro, fmt.Sprintf("baokan terms --by %s --top 0", unit))
	var series []string
	for _, w := range words {
		series = append(series, "--term "+shellQuote(w))
	}
	for _, n := range names {
		series = append(series, "--person "+shellQuote(n))
	}
	b.repro = append(b.repro, fmt.Sprintf("baokan timeline --by %s --bursts %s", unit, strings.Join(series, " ")))
	return s
}

// periodRange lists every year ("1962") or month ("1962-10") from first to last, both
// dated, labelled as the groupings label them.
func periodRange(unit string, first, last corpus.Date) []string {
	if first.IsZero() {
		return nil
	}
	var periods []string
	switch unit {
	case "month":
		for m := first.Year*12 + int(first.Month) - 1; m <= last.Year*12+int(last.Month)-1; m++ {
			periods = append(periods, fmt.Sprintf("%04d-%02d", m/12, m%12+1))
		}
	default:
		for y := first.Year; y <= last.Year; y++ {
			periods = append(periods, fmt.Sprintf("%04d", y))
		}
	}
	return periods
}

// monthSpan is the number of calendar months from first to last, both included (0 when
// no date is known).
func monthSpan(first, last corpus.Date) int {
	if first.IsZero() {
		return 0
	}
	return (last.Year*12 + int(last.Month)) - (first.Year*12 + int(first.Month)) + 1
}

func (b *reportBuilder) methodsSection(io *streams, args []string) report.Section {
	o, d := b.o, b.d
	s := report.Section{ID: "methods", Title: "Methods"}
	s.Blocks = append(s.Blocks, &report.Code{Caption: "The command that wrote this report", Text: commandLine(io.args)})
	s.Blocks = append(s.Blocks, report.Paragraph("Software: "+softwareVersion()+". The same input and command line give the same report, byte for byte, whatever the number of cores."))

	// The corpus and its filters.
	sources := "the embedded sample (30 real PLA Daily articles)"
	if len(args) > 0 {
		sources = strings.Join(args, ", ")
	}
	filters := []string{}
	for _, f := range []struct{ name, value string }{{"from", o.from}, {"to", o.to}, {"genre", o.genre}, {"title", o.title}} {
		if f.value != "" {
			filters = append(filters, f.name+"="+f.value)
		}
	}
	if o.page != 0 {
		filters = append(filters, fmt.Sprintf("page=%d", o.page))
	}
	filterText := "none (every article read)"
	if len(filters) > 0 {
		filterText = strings.Join(filters, ", ")
	}
	params := [][]any{{"sources", sources}, {"article filter", filterText}}
	params = append(params, b.wordParams()...)
	params = append(params, b.personParams()...)
	params = append(params, b.params...)
	s.Blocks = append(s.Blocks, &report.Table{Caption: "Parameters.", Columns: []string{"parameter", "value"}, Rows: params})

	// Diagnostics.
	sum := d.summary
	s.Blocks = append(s.Blocks, report.Paragraph("Reading: "+sum.String()+". Every problem met while reading is a diagnostic; 'baokan stats --verbose' lists each with its file and line."))
	diag := &report.Table{Caption: "Diagnostics of the corpus, by kind.", Columns: []string{"kind", "diagnostics", "articles with it", "articles skipped", "files without an article"}}
	kinds := map[corpus.Kind]int{}
	for _, m := range []map[corpus.Kind]int{sum.Diagnostics, sum.ArticlesByKind, sum.Skipped, sum.FilesNoArticle} {
		for k := range m {
			kinds[k]++
		}
	}
	for _, k := range corpus.Kinds(kinds) {
		diag.Rows = append(diag.Rows, []any{string(k), sum.Diagnostics[k], sum.ArticlesByKind[k], sum.Skipped[k], sum.FilesNoArticle[k]})
	}
	if len(diag.Rows) == 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("No diagnostic: every file and article read cleanly."))
	} else {
		s.Blocks = append(s.Blocks, diag)
	}

	// Formulas and rules, from the same text as the commands' --help.
	s.Blocks = append(s.Blocks,
		&report.Code{Caption: "Words: segmentation and filters", Text: wordFlagsHelp},
		&report.Code{Caption: "Frequency lists", Text: termsColumnsHelp},
		&report.Code{Caption: "TF-IDF keywords of periods", Text: "Documents are the periods (" + keywordsGroupsHelp +
			"\n\nThe scheme used:\n" + tfidf.Scheme{TF: tfidf.Raw, IDF: tfidf.Smooth, L2: true}.Formula() + "\n\nThe schemes 'baokan keywords' offers:\n" + tfidf.Formulas()},
		&report.Code{Caption: "Keyness", Text: keyness.Formulas()},
		&report.Code{Caption: "Persons from RW lists", Text: personsRulesHelp},
		&report.Code{Caption: "Bursts", Text: burstFormulaHelp + "\nweight = Σ over the burst of σ(0,t) − σ(1,t) (Kleinberg's burst weight). Persons: r_t = articles naming the\nperson, d_t = the period's articles; words: r_t = occurrences, d_t = the period's words."},
		&report.Code{Caption: "Co-mention network", Text: network.MeasuresHelp},
		&report.Code{Caption: "Reproducing the tables", Text: "Each table is also the output of one of these commands:\n" + strings.Join(b.reproLines(args), "\n")},
	)
	return s
}

// wordParams are the word flags, for the parameters table.
func (b *reportBuilder) wordParams() [][]any {
	wf := &b.o.wordFlags
	seg := "gse shortest path (dictionary)"
	if wf.hmm {
		seg = "gse DAG + HMM (--hmm)"
	}
	if wf.dict != "" {
		seg += ", user dictionary " + wf.dict
	}
	if !wf.noCorpusWords {
		seg += ", with the corpus's RW persons and GJ topics added to the dictionary"
	}
	if len(b.o.terms) > 0 {
		seg += "; the --term words added to the dictionary (as 'baokan timeline --term' does; for 'baokan terms' give them in a --dict file)"
	}
	stop := "built-in Chinese list"
	switch {
	case wf.noStopwords:
		stop = "none (--no-stopwords)"
	case wf.stopwords != "":
		stop += " + " + wf.stopwords
	}
	var kept []string
	for _, k := range []struct {
		on   bool
		name string
	}{{wf.keepPunct, "punctuation"}, {wf.keepNumbers, "numbers"}, {wf.keepLatin, "Latin-letter tokens"}} {
		if k.on {
			kept = append(kept, k.name)
		}
	}
	dropped := "punctuation, numbers and Latin-letter tokens dropped"
	if len(kept) > 0 {
		dropped += " (but kept: " + strings.Join(kept, ", ") + ")"
	}
	text := "body paragraphs"
	if wf.titles {
		text = "kicker, title, subtitles and body paragraphs (--titles)"
	}
	return [][]any{
		{"text segmented", text},
		{"segmentation", seg},
		{"stop words", stop},
		{"token filters", dropped + minLenText(wf.minLen)},
	}
}

func minLenText(n int) string {
	if n <= 1 {
		return "; no minimum length"
	}
	return fmt.Sprintf("; words shorter than %d characters dropped", n)
}

// personParams are the person flags, for the parameters table.
func (b *reportBuilder) personParams() [][]any {
	aliases := "the built-in table"
	if b.o.aliases != "" {
		aliases += " + " + b.o.aliases
	}
	byDate := "no"
	if b.o.byDate {
		byDate = "yes (--by-date)"
	}
	return [][]any{
		{"persons: source", "RW lists (the indexers' persons), resolved as 'baokan persons'"},
		{"persons: aliases", aliases},
		{"persons: same names told apart by date", byDate},
	}
}

// commandLine renders the command's arguments as a shell would take them back.
func commandLine(args []string) string {
	parts := []string{"baokan"}
	for _, a := range args {
		parts = append(parts, shellQuote(a))
	}
	return strings.Join(parts, " ")
}

// shellQuote quotes s for a POSIX shell when it holds anything but letters, digits and
// punctuation that shells leave alone.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_./=:,@%+", r) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// softwareVersion names the program that wrote the report: the module version and the
// VCS revision the binary was built from, when the build recorded them.
func softwareVersion() string {
	v := "baokan"
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if info.Main.Version != "" {
		v += " " + info.Main.Version
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			v += ", revision " + s.Value
		}
		if s.Key == "vcs.modified" && s.Value == "true" {
			v += " (modified)"
		}
	}
	return v + ", " + info.GoVersion
}

// figureMaker draws the report's charts, or explains in their place why it cannot.
type figureMaker struct {
	format  string // report.SVG or report.PNG; "" for none
	opts    chart.Options
	missing error // why there are no figures (no CJK font)
}

func newFigureMaker(format string) *figureMaker {
	if format == "none" {
		return &figureMaker{}
	}
	font, err := chart.FindFont()
	if err != nil {
		return &figureMaker{missing: err}
	}
	return &figureMaker{format: format, opts: chart.Options{Font: font}}
}

// figure draws c as the figure name, or returns a note when figures are off or impossible.
func (f *figureMaker) figure(name string, c chart.Chart, alt, caption string) []report.Block {
	if f.missing != nil {
		return []report.Block{report.Paragraph(fmt.Sprintf("[Figure omitted: %s. %s]", caption, f.missing))}
	}
	if f.format == "" {
		return nil
	}
	var buf bytes.Buffer
	if err := c.Write(&buf, f.format, f.opts); err != nil {
		return []report.Block{report.Paragraph(fmt.Sprintf("[Figure omitted: %s. %v]", caption, err))}
	}
	return []report.Block{&report.Figure{Name: name, Format: f.format, Data: buf.Bytes(), Alt: alt, Caption: caption}}
}

// Groups of flags that other commands share with report, for the commands that reproduce
// its tables.
const (
	corpusGroup = "corpus"
	wordsGroup  = "words"
	personGroup = "persons"
)

// passOnFlags collects the flags given on the command line that change results and that
// other commands take: the corpus filters, the word flags and the person flags, each
// written as the command line takes it back.
func passOnFlags(c *cobra.Command) map[string][]string {
	groups := map[string]map[string]bool{}
	for group, add := range map[string]func(*cobra.Command){
		corpusGroup: func(c *cobra.Command) { addCorpusReadFlags(c, &corpusOptions{}) },
		wordsGroup:  func(c *cobra.Command) { addWordFlags(c, &wordFlags{}) },
		personGroup: func(c *cobra.Command) { addRWPersonFlags(c, &personFlags{}) },
	} {
		probe := &cobra.Command{}
		add(probe)
		groups[group] = map[string]bool{}
		probe.Flags().VisitAll(func(f *pflag.Flag) { groups[group][f.Name] = true })
	}
	// These change what is printed on stderr or how fast, not the results.
	for _, name := range []string{"workers", "strict", "verbose", "quiet"} {
		delete(groups[corpusGroup], name)
	}
	out := map[string][]string{}
	c.Flags().Visit(func(f *pflag.Flag) { // in name order
		for group, names := range groups {
			if !names[f.Name] {
				continue
			}
			if f.Value.Type() == "bool" && f.Value.String() == "true" {
				out[group] = append(out[group], "--"+f.Name)
			} else {
				out[group] = append(out[group], "--"+f.Name+"="+shellQuote(f.Value.String()))
			}
		}
	})
	return out
}

// reproLines completes each command of b.repro with the flags it shares with this run and
// the corpus.
func (b *reportBuilder) reproLines(args []string) []string {
	var lines []string
	for _, line := range b.repro {
		parts := strings.Fields(line)
		groups := []string{corpusGroup}
		switch parts[1] {
		case "terms", "keywords", "keyness":
			groups = append(groups, wordsGroup)
		case "persons", "network":
			groups = append(groups, personGroup)
		}
		for _, g := range groups {
			for _, f := range b.o.passOn[g] {
				line += " " + f
			}
		}
		for _, a := range args {
			line += " " + shellQuote(a)
		}
		lines = append(lines, line)
	}
	return lines
}
