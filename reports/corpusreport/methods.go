package corpusreport

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/baokan/baokan/analysis/keyness"
	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/analysis/tfidf"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports/chart"
	"github.com/baokan/baokan/reports/report"
)

func (b *builder) methodsSection() report.Section {
	d, in := b.d, b.in
	s := report.Section{ID: "methods", Title: "Methods"}
	s.Blocks = append(s.Blocks, &report.Code{Caption: "The command that wrote this report", Text: in.CommandLine})
	s.Blocks = append(s.Blocks, report.Paragraph("Software: "+in.Software+". The same input and command line give the same report, byte for byte, whatever the number of cores."))

	// The corpus and its filters.
	sources := "the embedded sample (30 real PLA Daily (解放军报) articles in the tagged export, 8 People's Daily (人民日报) articles in its JSON form)"
	if len(in.Sources) > 0 {
		sources = strings.Join(in.Sources, ", ")
	}
	filterText := "none (every article read)"
	if len(in.Filters) > 0 {
		filterText = strings.Join(in.Filters, ", ")
	}
	params := [][]any{{"sources", sources}, {"article filter", filterText}}
	params = append(params, in.Words.params()...)
	params = append(params, in.Persons.params()...)
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
		&report.Code{Caption: "Words: segmentation and filters", Text: in.Texts.Words},
		&report.Code{Caption: "Frequency lists", Text: in.Texts.Terms},
		&report.Code{Caption: "TF-IDF keywords of periods", Text: "Documents are the periods (" + in.Texts.KeywordGroups +
			"\n\nThe scheme used:\n" + tfidf.Scheme{TF: tfidf.Raw, IDF: tfidf.Smooth, L2: true}.Formula() + "\n\nThe schemes 'baokan keywords' offers:\n" + tfidf.Formulas()},
		&report.Code{Caption: "Keyness", Text: keyness.Formulas()},
		&report.Code{Caption: "Persons from RW lists", Text: in.Texts.Persons},
		&report.Code{Caption: "Bursts", Text: in.Texts.Bursts + "\nweight = Σ over the burst of σ(0,t) − σ(1,t) (Kleinberg's burst weight). Persons: r_t = articles naming the\nperson, d_t = the period's articles; words: r_t = occurrences, d_t = the period's words."},
		&report.Code{Caption: "Co-mention network", Text: network.MeasuresHelp},
	)
	if in.Concepts != nil {
		s.Blocks = append(s.Blocks, &report.Code{Caption: "Concept dictionaries and indices", Text: in.Texts.Concepts})
	}
	s.Blocks = append(s.Blocks,
		&report.Code{Caption: "Reproducing the tables", Text: "Each table is also the output of one of these commands:\n" + strings.Join(b.reproLines(), "\n")},
	)
	return s
}

// ShellQuote quotes s for a POSIX shell when it holds anything but letters, digits and
// punctuation that shells leave alone.
func ShellQuote(s string) string {
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

// Figures draws the report's charts, or explains in their place why it cannot. The zero
// Figures draws none.
type Figures struct {
	format string // report.SVG or report.PNG; "" for none
	opts   chart.Options
	// Missing says why there are no figures (no font with Chinese glyphs), or is nil.
	Missing error
}

// NewFigures draws figures in format (report.SVG, report.PNG, or "none") with the font
// file font, or with a font found on the system when font is "" (chart.FindFont); when
// none is found, Missing says so and each figure is replaced by a note.
func NewFigures(format, font string) *Figures {
	if format == "none" {
		return &Figures{}
	}
	if font == "" {
		var err error
		if font, err = chart.FindFont(); err != nil {
			return &Figures{Missing: err}
		}
	}
	return &Figures{format: format, opts: chart.Options{Font: font}}
}

// Figure draws c as the figure name, or returns a note when figures are off or impossible.
func (f *Figures) Figure(name string, c chart.Chart, alt, caption string) []report.Block {
	if f.Missing != nil {
		return []report.Block{report.Paragraph(fmt.Sprintf("[Figure omitted: %s. %s]", caption, f.Missing))}
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

// Groups of flags that other commands share with the report (Inputs.PassOn), for the
// commands that give its tables again.
const (
	GroupCorpus  = "corpus"
	GroupWords   = "words"
	GroupPersons = "persons"
)

// reproLines completes each command of b.repro with the flags it shares with this run and
// the corpus.
func (b *builder) reproLines() []string {
	var lines []string
	for _, line := range b.repro {
		parts := strings.Fields(line)
		groups := []string{GroupCorpus}
		switch parts[1] {
		case "terms", "keywords", "keyness":
			groups = append(groups, GroupWords)
		case "persons", "network":
			groups = append(groups, GroupPersons)
		}
		for _, g := range groups {
			for _, f := range b.in.PassOn[g] {
				line += " " + f
			}
		}
		for _, a := range b.in.Sources {
			line += " " + ShellQuote(a)
		}
		lines = append(lines, line)
	}
	return lines
}
