package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/internal/version"
	"github.com/baokan/baokan/reports/corpusreport"
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
	f.StringVar(&o.personFlags.source, "persons", "rw", "where an article's persons come from: `rw` (its RW list), text (known persons and names found, as whole words of its cut titles and body), both; as 'baokan persons --persons'")
	f.StringVarP(&o.dir, "output", "o", "", "write the report into the folder `DIR` (created if needed; required)")
	f.BoolVar(&o.force, "force", false, "replace index.html, report.md and figures/ files in DIR even when they are not a baokan report's")
	f.StringVar(&o.heading, "heading", "Corpus report", "the report's title `TEXT`")
	f.StringVar(&o.by, "by", "", "periods of the word tables: `year|decade|month` (default: decade if the corpus spans more than 20 years, else year)")
	f.StringVar(&o.target, "target", "", "keyness target, a `FILTER` as for 'baokan keyness' (default: the latest period)")
	f.StringVar(&o.reference, "reference", "", "keyness reference, a `FILTER` (default: the rest of the corpus)")
	f.StringArrayVar(&o.terms, "term", nil, "follow the `WORD` over time (repeatable; default: the 5 most over-used words of the keyness target)")
	f.StringArrayVar(&o.persons, "person", nil, "follow the `PERSON` over time (repeatable; default: the 5 persons named in most articles)")
	f.IntVar(&o.top, "top", corpusreport.DefaultTop, "`N` rows in each table")
	f.IntVar(&o.networkTop, "network-top", corpusreport.DefaultNetworkTop, "persons in the network: the `N` named in most articles (0: all)")
	f.Uint64Var(&o.seed, "seed", 1, "seed of the Louvain community detection")
	f.Int64Var(&o.minCount, "min-count", corpusreport.DefaultMinCount, "keyness: keep words whose target + reference count is at least `N`")
	f.StringVar(&o.figures, "figures", report.SVG, "`FORMAT` of the figures: svg, png or none (drawing needs a font with Chinese glyphs)")
	f.StringVar(&o.font, "font", "", "CJK font `FILE` for the figures (default: one found on the system)")
	addConceptFlags(f, &o.conceptFlags)
	_ = c.MarkFlagRequired("output")
	return c
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
	ro := corpusreport.Options{Title: o.heading, By: o.by, TargetText: o.target, ReferenceText: o.reference,
		Terms: o.terms, Persons: o.persons, Top: o.top, NetworkTop: o.networkTop, Seed: o.seed,
		MinCount: o.minCount, Workers: o.cores()}
	var err error
	if o.target != "" {
		if ro.Target, err = corpus.ParseFilter(o.target); err != nil {
			return fmt.Errorf("--target: %w", err)
		}
	}
	if o.reference != "" {
		if ro.Target == nil {
			return errors.New("--reference needs --target")
		}
		if ro.Reference, err = corpus.ParseFilter(o.reference); err != nil {
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
	if err := o.concepts.learnPersons(io, &o.corpusOptions, args); err != nil {
		return err
	}
	if ro.PersonOptions, err = o.personFlags.resolverOptions(); err != nil {
		return err
	}
	if err := o.personFlags.checkSource(); err != nil {
		return err
	}
	// The font is looked for before reading, so that its absence is said at once; a font
	// named with --font must exist.
	if o.font != "" {
		if _, err := os.Stat(o.font); err != nil {
			return fmt.Errorf("--font: %w", err)
		}
	}
	figs := corpusreport.NewFigures(o.figures, o.font)
	if figs.Missing != nil && !o.quiet {
		fmt.Fprintf(io.err, "baokan: the report will have no figures: %v\n", figs.Missing)
	}

	// The one word pass: the overview, the frequency lists, the keyness counts and the
	// RW lists, all from the same articles. The words asked for are added to the
	// segmenter's dictionary, as 'baokan timeline' does, so that they are counted whole.
	for _, t := range o.terms {
		o.extraWords = append(o.extraWords, segment.Word{Text: t})
	}
	if o.concepts != nil {
		o.extraWords = append(o.extraWords, o.concepts.extraWords()...)
	}
	o.textless = true // the words and the metadata; a cache gives the body's size as recorded
	ws, err := o.openWords(io, &o.corpusOptions, args)
	if err != nil {
		return err
	}
	col := corpusreport.NewCollector(ro)
	err = ws.EachIDs(func(a *corpus.Article, ids []uint32) error {
		paragraphs, chars := ws.bodySize(a)
		col.AddIDs(a, ids, ws.Vocabulary(), paragraphs, chars)
		return nil
	})
	closeErr := ws.Close()
	if err != nil {
		return err
	}
	in := corpusreport.Inputs{Summary: ws.Summary(), Sources: args, CommandLine: commandLine(io.args),
		Software: softwareVersion(), Filters: o.filterList(), PassOn: o.passOn, Figures: figs,
		Texts: corpusreport.MethodTexts{Words: wordFlagsHelp, Terms: termsColumnsHelp, KeywordGroups: keywordsGroupsHelp,
			Persons: personsRulesHelp, Bursts: burstFormulaHelp, Concepts: conceptsHelp + "\n\n" + indexHelp}}
	in.Words, in.Persons = o.settings()
	if in.Summary.Matched == 0 {
		return fmt.Errorf("no article to report on (%s): check the sources and --from, --to, --page, --genre, --title", in.Summary)
	}
	o.textless = false // the concordances need the text
	if in.Contexts, err = termContexts(io, o, args); err != nil {
		return err
	}
	if o.concepts != nil {
		if in.Concepts, err = o.conceptPass(io, args, col.TimelineUnit()); err != nil {
			return err
		}
	}
	if o.personFlags.textPersons() {
		// The persons as 'baokan persons --persons text|both' finds them (its passes'
		// summaries not repeated).
		po := o.corpusOptions
		po.quiet = true
		if in.PersonCorpus, err = collectPersons(io, &po, &o.personFlags, args); err != nil {
			return err
		}
	}
	r, err := col.Build(in)
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

// conceptPass counts the dictionary by the timelines' unit (month or year) in a pass of
// its own over every word as cut (the report's word pass is filtered).
func (o *reportOptions) conceptPass(io *streams, args []string, unitName string) (*corpusreport.Concepts, error) {
	set := o.concepts
	unit, err := timeline.ParseUnit(unitName)
	if err != nil {
		return nil, err
	}
	wf := o.wordFlags
	keepAllWords(&wf)
	co := o.corpusOptions
	co.quiet, co.verbose, co.strict = true, false, false // the main pass reported
	co.textless = !set.matcher.NeedsText()
	ws, err := wf.openWords(io, &co, args)
	if err != nil {
		return nil, err
	}
	tab, _, err := conceptTable(ws, set, unit)
	ws.Close()
	if err != nil {
		return nil, err
	}
	rc := &corpusreport.Concepts{Dict: set.dict, Tab: tab, Unit: unitName, Indexes: o.indexes, IndexBase: o.indexBase}
	if len(set.exprs) > 0 && len(tab.Periods) > 0 {
		rc.Index, rc.IndexErr = o.conceptFlags.indexValues(tab)
	}
	return rc, nil
}

// filterList is the article filters, for the methods.
func (o *reportOptions) filterList() []string {
	var filters []string
	for _, f := range []struct{ name, value string }{{"from", o.from}, {"to", o.to}, {"genre", o.genre}, {"title", o.title}} {
		if f.value != "" {
			filters = append(filters, f.name+"="+f.value)
		}
	}
	if o.page != 0 {
		filters = append(filters, fmt.Sprintf("page=%d", o.page))
	}
	return filters
}

// settings are the word and person flags, for the methods' parameters.
func (o *reportOptions) settings() (corpusreport.WordSettings, corpusreport.PersonSettings) {
	wf := &o.wordFlags
	return corpusreport.WordSettings{HMM: wf.hmm, Dict: wf.dict, CorpusWords: !wf.noCorpusWords, TermsAdded: len(o.terms) > 0,
			NoStopwords: wf.noStopwords, Stopwords: wf.stopwords, KeepPunct: wf.keepPunct, KeepNumbers: wf.keepNumbers,
			KeepLatin: wf.keepLatin, Titles: wf.titles, MinLen: wf.minLen},
		corpusreport.PersonSettings{Aliases: o.aliases, ByDate: o.byDate}
}

// softwareVersion names the program that wrote the report: its version and the commit
// the binary was built from, as the build recorded them (package version), and the Go
// toolchain.
func softwareVersion() string {
	v := version.Get()
	s := "baokan " + v.String()
	if v.GoVersion != "" {
		s += ", " + v.GoVersion
	}
	return s
}

// Groups of flags that other commands share with report, for the commands that reproduce
// its tables.
const (
	corpusGroup = corpusreport.GroupCorpus
	wordsGroup  = corpusreport.GroupWords
	personGroup = corpusreport.GroupPersons
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

// commandLine renders the command's arguments as a shell would take them back.
func commandLine(args []string) string {
	parts := []string{"baokan"}
	for _, a := range args {
		parts = append(parts, shellQuote(a))
	}
	return strings.Join(parts, " ")
}

// shellQuote quotes s for a POSIX shell when needed (corpusreport.ShellQuote).
func shellQuote(s string) string { return corpusreport.ShellQuote(s) }
