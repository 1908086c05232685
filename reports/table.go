package reports

import (
	"fmt"
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Table is a small table held in memory, for [WriteTable] and [WriteTables].
type Table struct {
	// Title, if set, is printed on a line above the table in FormatTable; other formats
	// ignore it.
	Title string
	// Columns names the columns, as for [NewWriter].
	Columns []string
	// Rows holds one value a column for each row, as for [Writer.WriteRow].
	Rows [][]any
}

// WriteTable writes t to w in format f (see [Writer.WriteRow] for the cell values). It
// stops at the first row that [Writer.WriteRow] rejects.
func WriteTable(w io.Writer, f Format, t Table, opts ...Option) error {
	if t.Title != "" {
		opts = append(opts[:len(opts):len(opts)], WithTitle(t.Title))
	}
	wr := NewWriter(w, f, t.Columns, opts...)
	for _, row := range t.Rows {
		if err := wr.WriteRow(row...); err != nil {
			return err
		}
	}
	return wr.Close()
}

// WriteTables writes several tables to one output, such as an overview followed by a
// breakdown. In FormatTable they follow one another, each under its title, with a blank
// line between. CSV and JSON have room for one table only: for those formats tables
// must hold exactly one, and the caller picks which.
func WriteTables(w io.Writer, f Format, tables []Table, opts ...Option) error {
	if f != FormatTable && len(tables) != 1 {
		return fmt.Errorf("reports: format %s holds one table, not %d", f, len(tables))
	}
	for i, t := range tables {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		if err := WriteTable(w, f, t, opts...); err != nil {
			return err
		}
	}
	return nil
}

// tableEncoder keeps every row, as text, until end: tablewriter needs them all to size
// the columns.
type tableEncoder struct {
	w       io.Writer
	width   int // the table's widest line, 0: no limit (see WithWidth)
	title   string
	columns []string
	rows    [][]string
	// numbers and others count the non-nil cells of each column that are and are not
	// numbers; a column of numbers only is aligned right.
	numbers, others []int
}

func newTableEncoder(w io.Writer, columns []string, title string, width int) *tableEncoder {
	return &tableEncoder{w: w, title: title, columns: columns, width: width,
		numbers: make([]int, len(columns)), others: make([]int, len(columns))}
}

func (e *tableEncoder) begin() error { return nil }

func (e *tableEncoder) row(cells []any) error {
	row := make([]string, len(cells))
	for i, v := range cells {
		s, err := cellText(v, true)
		if err != nil {
			return &cellError{column: i, err: err}
		}
		row[i] = s // wrapped in end, once the widths are known
	}
	for i, v := range cells {
		switch {
		case v == nil:
		case isNumber(v):
			e.numbers[i]++
		default:
			e.others[i]++
		}
	}
	e.rows = append(e.rows, row)
	return nil
}

// tableColumnMax is the widest a table column may grow, in terminal columns; longer
// text wraps onto more lines (see wrapCell).
const tableColumnMax = 60

func (e *tableEncoder) end() error {
	if e.title != "" {
		if _, err := fmt.Fprintln(e.w, e.title); err != nil {
			return err
		}
	}
	header := e.columns
	if e.width > 0 && len(e.rows) > 0 {
		var ok bool
		if header, ok = e.fit(); !ok {
			return e.writeRecords()
		}
	} else {
		for _, row := range e.rows {
			for i, s := range row {
				row[i] = wrapCell(s, tableColumnMax)
			}
		}
	}
	align := make([]tw.Align, len(e.columns))
	for i := range align {
		align[i] = tw.AlignLeft
		if e.numbers[i] > 0 && e.others[i] == 0 {
			align[i] = tw.AlignRight
		}
	}
	t := tablewriter.NewTable(e.w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tableSymbols()})),
		tablewriter.WithHeaderAutoFormat(tw.Off), // keep the column names as the CSV shows them
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAutoWrap(tw.WrapNone), // wrapCell has wrapped the rows
	)
	t.Header(header)
	for _, row := range e.rows {
		if err := t.Append(row); err != nil {
			return fmt.Errorf("reports: table: %w", err)
		}
	}
	e.rows = nil
	return t.Render()
}

// tableSymbols draws the table with light box-drawing lines, or with ASCII +-| where
// tablewriter measures box drawing as two columns wide (a CJK locale in a terminal it
// does not know as modern, or RUNEWIDTH_EASTASIAN=1): there, the lines it draws with
// half as many "─" come out broken in most terminals, while ASCII is one column wide
// everywhere.
func tableSymbols() tw.Symbols {
	if twwidth.Width("─") != 1 {
		return tw.NewSymbols(tw.StyleASCII)
	}
	return tw.NewSymbols(tw.StyleLight)
}
