package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/baokan/baokan/analysis/keyness"
	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/analysis/tfidf"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/internal/version"
	"github.com/baokan/baokan/reports/chart"
	"github.com/baokan/baokan/reports/report"
)

func (b *reportBuilder) methodsSection(io *streams, args []string) report.Section {
	o, d := b.o, b.d
	s := report.Section{ID: "methods", Title: "Methods"}
	s.Blocks = append(s.Blocks, &report.Code{Caption: "The command that wrote this report", Text: commandLine(io.args)})
	s.Blocks = append(s.Blocks, report.Paragraph("Software: "+softwareVersion()+". The same input and command line give the same report, byte for byte, whatever the number of cores."))

	// The corpus and its filters.
	sources := "the embedded sample (30 real PLA Daily (解放军报) articles in the tagged export, 8 People's Daily (人民日报) articles in its JSON form)"
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
	)
	if d.concepts != nil {
		s.Blocks = append(s.Blocks, &report.Code{Caption: "Concept dictionaries and indices", Text: conceptsHelp + "\n\n" + indexHelp})
	}
	s.Blocks = append(s.Blocks,
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

// figureMaker draws the report's charts, or explains in their place why it cannot.
type figureMaker struct {
	format  string // report.SVG or report.PNG; "" for none
	opts    chart.Options
	missing error // why there are no figures (no CJK font)
}

func newFigureMaker(format, font string) *figureMaker {
	if format == "none" {
		return &figureMaker{}
	}
	if font == "" {
		var err error
		if font, err = chart.FindFont(); err != nil {
			return &figureMaker{missing: err}
		}
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
