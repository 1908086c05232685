// Package report lays out a report that researchers can read, share and cite: numbered
// sections of paragraphs, tables, figures and preformatted text (formulas, command
// lines), rendered as one self-contained HTML page (WriteHTML: inline CSS, figures
// embedded as data: URIs, no script and no network needed to view it) and as its
// Markdown twin (WriteMarkdown: GitHub-flavoured tables, figures as files beside it).
// WriteDir writes both, with the figure files, into a folder.
//
// The package knows nothing of the command line nor of where the numbers came from: a
// Report is plain data. Every string of it is text, never markup, and is escaped by each
// renderer, so values read from a corpus (a title holding "<script>") show as written.
// Table cells take the values reports.Writer takes and print as its terminal table does
// (reports.CellText); number columns are aligned right. Tables and figures are numbered
// in document order, so that "Table 3" can be cited.
//
// Output is deterministic: the same Report gives the same bytes.
package report

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/baokan/baokan/reports"
)

// Report is a whole report.
type Report struct {
	Title    string
	Subtitle string // a line under the title: the corpus, its dates, its size
	// Lang is the document's language tag for HTML (default "en"); Chinese text gets the
	// CJK fonts of the style sheet whatever it is.
	Lang     string
	Sections []Section
}

// Section is one numbered section of a report.
type Section struct {
	// ID is the section's anchor in HTML (#overview): ASCII letters, digits and '-',
	// unique in the report.
	ID     string
	Title  string
	Blocks []Block
}

// Block is one piece of a section: a Paragraph, Facts, *Table, *Figure or *Code.
type Block interface{ block() }

// Paragraph is a paragraph of plain text.
type Paragraph string

// Facts are a few key figures shown side by side ("30 articles", "1958–2003"), a list in
// Markdown.
type Facts []Fact

// Fact is one key figure: a value and what it counts.
type Fact struct {
	Value string // "30"
	Label string // "articles"
}

// Table is a table of cells under named columns.
type Table struct {
	Caption string // above the table, after "Table N."
	Columns []string
	// Rows hold one value a column, of the types reports.Writer.WriteRow takes (nil,
	// string, integers, floats, bool, []string, fmt.Stringer). A column whose cells are
	// all numbers (or nil) is aligned right.
	Rows [][]any
	Note string // under the table: sources, how ties were broken
}

// Figure is a picture, SVG or PNG, with its alternative text and caption.
type Figure struct {
	// Name names the figure's file in the Markdown twin (figures/NAME.svg): ASCII letters,
	// digits, '-' and '_', unique in the report.
	Name    string
	Format  string // "svg" or "png"
	Data    []byte
	Alt     string // what the picture shows, for readers who cannot see it
	Caption string // under the figure, after "Figure N."
}

// Code is preformatted text shown as written: formulas, a command line.
type Code struct {
	Caption string // above the text (optional)
	Text    string
}

func (Paragraph) block() {}
func (Facts) block()     {}
func (*Table) block()    {}
func (*Figure) block()   {}
func (*Code) block()     {}

// Figure formats.
const (
	SVG = "svg"
	PNG = "png"
)

var (
	idPattern   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*$`)
	namePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)
	pngMagic    = "\x89PNG\r\n\x1a\n"
)

// ErrInvalid is wrapped by every error about a malformed Report.
var ErrInvalid = errors.New("report: invalid")

// Validate checks what the renderers rely on: section IDs and figure names well formed
// and unique, figures of a known format whose bytes look like it, rows as wide as the
// columns, and every cell of a type reports.CellText knows.
func (r *Report) Validate() error {
	ids, names := map[string]bool{}, map[string]bool{}
	for i := range r.Sections {
		s := &r.Sections[i]
		if !idPattern.MatchString(s.ID) || ids[s.ID] {
			return fmt.Errorf("%w: section %d: ID %q is not a unique anchor (letters, digits, '-')", ErrInvalid, i+1, s.ID)
		}
		ids[s.ID] = true
		for j, b := range s.Blocks {
			where := fmt.Sprintf("section %q, block %d", s.ID, j+1)
			switch b := b.(type) {
			case Paragraph, Facts, *Code:
			case *Table:
				if err := b.validate(); err != nil {
					return fmt.Errorf("%w: %s: %w", ErrInvalid, where, err)
				}
			case *Figure:
				if err := b.validate(); err != nil {
					return fmt.Errorf("%w: %s: %w", ErrInvalid, where, err)
				}
				if names[b.Name] {
					return fmt.Errorf("%w: %s: figure name %q used twice", ErrInvalid, where, b.Name)
				}
				names[b.Name] = true
			case nil:
				return fmt.Errorf("%w: %s is nil", ErrInvalid, where)
			default:
				return fmt.Errorf("%w: %s: unknown block %T", ErrInvalid, where, b)
			}
		}
	}
	return nil
}

func (t *Table) validate() error {
	if len(t.Columns) == 0 {
		return errors.New("table without columns")
	}
	for i, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return fmt.Errorf("table row %d has %d cells for %d columns", i+1, len(row), len(t.Columns))
		}
		for _, v := range row {
			if _, _, err := reports.CellText(v); err != nil {
				return fmt.Errorf("table row %d: %w", i+1, err)
			}
		}
	}
	return nil
}

func (f *Figure) validate() error {
	if !namePattern.MatchString(f.Name) {
		return fmt.Errorf("figure name %q: want ASCII letters, digits, '-' and '_'", f.Name)
	}
	switch f.Format {
	case SVG:
		if !strings.Contains(string(f.Data), "<svg") {
			return fmt.Errorf("figure %s: the data is not SVG", f.Name)
		}
	case PNG:
		if !strings.HasPrefix(string(f.Data), pngMagic) {
			return fmt.Errorf("figure %s: the data is not PNG", f.Name)
		}
	default:
		return fmt.Errorf("figure %s: format %q: want svg or png", f.Name, f.Format)
	}
	return nil
}

// FileName is the figure's file name in the Markdown twin: NAME.svg or NAME.png.
func (f *Figure) FileName() string { return f.Name + "." + f.Format }

// Figures returns the report's figures in document order.
func (r *Report) Figures() []*Figure {
	var figs []*Figure
	for _, s := range r.Sections {
		for _, b := range s.Blocks {
			if f, ok := b.(*Figure); ok {
				figs = append(figs, f)
			}
		}
	}
	return figs
}

// cell is a table cell's text and whether it is a number.
type cell struct {
	Text   string
	Number bool
	Short  bool // kept on one line
}

// shortText is the length, in characters, up to which a text column is kept on one line
// (names, dates, terms), so that a narrow table does not break 中央政治局 or 1958-08-04.
const shortText = 16

// tableCells formats every cell of t, and tells which columns are numeric: those with
// at least one number and nothing else but empty cells.
func tableCells(t *Table) (rows [][]cell, numeric []bool) {
	rows, numeric, _ = tableLayout(t)
	return rows, numeric
}

// tableLayout is tableCells, and which columns hold short text only (see shortText).
func tableLayout(t *Table) (rows [][]cell, numeric, short []bool) {
	numeric = make([]bool, len(t.Columns))
	short = make([]bool, len(t.Columns))
	for j := range short {
		short[j] = true
	}
	others := make([]bool, len(t.Columns))
	rows = make([][]cell, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = make([]cell, len(row))
		for j, v := range row {
			text, number, _ := reports.CellText(v) // Validate checked the types
			rows[i][j] = cell{Text: text, Number: number}
			short[j] = short[j] && utf8.RuneCountInString(text) <= shortText
			switch {
			case number:
				numeric[j] = true
			case v != nil && text != "":
				others[j] = true
			}
		}
	}
	for j := range numeric {
		numeric[j] = numeric[j] && !others[j]
	}
	return rows, numeric, short
}

// numbering gives each table and figure its number in document order.
type numbering struct {
	tables, figures map[any]int
}

func number(r *Report) numbering {
	n := numbering{tables: map[any]int{}, figures: map[any]int{}}
	for _, s := range r.Sections {
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *Table:
				n.tables[b] = len(n.tables) + 1
			case *Figure:
				n.figures[b] = len(n.figures) + 1
			}
		}
	}
	return n
}
