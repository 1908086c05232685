package reports

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"golang.org/x/term"
)

// WithWidth fits terminal tables into width terminal columns (0: no limit, each column at
// most 60 wide, as without the option). Columns are narrowed, widest first, and their
// text wrapped (column names at their underscores), but never below what keeps a number
// whole, nor below 8 columns of text or 5 of a column name (cut at its underscores
// first); a table that cannot fit so — one with many columns, such as baokan articles —
// is written as records instead, one block per row, one line per column ("name │ value"),
// as psql's expanded display does. Other formats ignore it.
func WithWidth(width int) Option { return func(o *options) { o.width = width } }

// TerminalWidth returns the width that tables written to w should fit: the terminal's
// when w is a terminal, else $COLUMNS when it is set to a number, else 0 (no limit: files
// and pipes get the table as it always was).
func TerminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 0 {
			return width
		}
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 0
}

// minTextWidth is the narrowest a column of text is made to fit a width (four Chinese
// characters); minHeaderWidth the narrowest a column name is cut to, at its underscores
// first, else between letters.
const (
	minTextWidth   = 8
	minHeaderWidth = 5
)

// textWidth returns the width of the widest line of s.
func textWidth(s string) int {
	w := 0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, twwidth.Width(line))
	}
	return w
}

// headerParts splits a column name after each underscore: the pieces a narrow column
// puts on lines of their own ("reference_", "per_", "10k").
func headerParts(name string) []string {
	var parts []string
	for {
		i := strings.IndexByte(name, '_')
		if i < 0 || i == len(name)-1 {
			return append(parts, name)
		}
		parts = append(parts, name[:i+1])
		name = name[i+1:]
	}
}

// wrapHeader puts the parts of name on as few lines of at most width as it can.
func wrapHeader(name string, width int) string {
	if twwidth.Width(name) <= width {
		return name
	}
	var lines []string
	line := ""
	for _, p := range headerParts(name) {
		if line != "" && twwidth.Width(line+p) > width {
			lines = append(lines, line)
			line = ""
		}
		line += p
		if twwidth.Width(line) > width { // a part wider than the column: cut it
			cut := strings.Split(wrapCell(line, width), "\n")
			lines = append(lines, cut[:len(cut)-1]...)
			line = cut[len(cut)-1]
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// fitWidths narrows the columns from natural toward minimum, the widest first (the
// leftmost among equals), until they sum to at most avail; ok is false when the minimums
// alone exceed it.
func fitWidths(natural, minimum []int, avail int) (widths []int, ok bool) {
	widths = append([]int(nil), natural...)
	total := 0
	for _, w := range widths {
		total += w
	}
	for total > avail {
		widest := -1
		for i, w := range widths {
			if w > minimum[i] && (widest < 0 || w > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return nil, false
		}
		widths[widest]--
		total--
	}
	return widths, true
}

// tableOverhead is the width a table's lines take besides its cells: "│ " and " " around
// each cell, and the last "│".
func tableOverhead(columns int) int { return 3*columns + 1 }

// fit prepares e's rows for a table of at most e.width columns: the header and cells
// wrapped to the widths chosen. It returns false when the table cannot fit.
func (e *tableEncoder) fit() (header []string, ok bool) {
	n := len(e.columns)
	natural, minimum := make([]int, n), make([]int, n)
	for i, c := range e.columns {
		natural[i] = twwidth.Width(c)
		for _, p := range headerParts(c) {
			minimum[i] = max(minimum[i], min(twwidth.Width(p), minHeaderWidth))
		}
	}
	cells := make([]int, n)
	for _, row := range e.rows {
		for i, s := range row {
			cells[i] = max(cells[i], textWidth(wrapCell(s, tableColumnMax)))
		}
	}
	for i := range n {
		natural[i] = max(natural[i], cells[i])
		cellMin := min(cells[i], minTextWidth)
		if e.numbers[i] > 0 && e.others[i] == 0 {
			cellMin = cells[i] // numbers stay whole
		}
		minimum[i] = min(max(minimum[i], cellMin), natural[i])
	}
	widths, ok := fitWidths(natural, minimum, e.width-tableOverhead(n))
	if !ok {
		return nil, false
	}
	header = make([]string, n)
	for i, c := range e.columns {
		header[i] = wrapHeader(c, widths[i])
	}
	for _, row := range e.rows {
		for i, s := range row {
			row[i] = wrapCell(s, min(widths[i], tableColumnMax))
		}
	}
	return header, true
}

// writeRecords writes e's rows as records: a rule naming the row's number, then one line
// per column, "name │ value", the value wrapped to the width left.
func (e *tableEncoder) writeRecords() error {
	rule, bar := "─", "│"
	if twwidth.Width("─") != 1 {
		rule, bar = "-", "|"
	}
	nameWidth := 0
	for _, c := range e.columns {
		nameWidth = max(nameWidth, twwidth.Width(c))
	}
	valueWidth := max(e.width-nameWidth-3, minTextWidth)
	var b strings.Builder
	for r, row := range e.rows {
		head := fmt.Sprintf("%s[ %d ]", rule, r+1)
		b.WriteString(head)
		b.WriteString(strings.Repeat(rule, max(0, min(e.width, nameWidth+3+valueWidth)-twwidth.Width(head))))
		b.WriteByte('\n')
		for i, c := range e.columns {
			for j, line := range strings.Split(wrapCell(row[i], valueWidth), "\n") {
				name := ""
				if j == 0 {
					name = c
				}
				b.WriteString(name)
				b.WriteString(strings.Repeat(" ", nameWidth-twwidth.Width(name)))
				b.WriteString(" " + bar)
				if line != "" {
					b.WriteString(" " + line)
				}
				b.WriteByte('\n')
			}
		}
	}
	e.rows = nil
	_, err := io.WriteString(e.w, b.String())
	return err
}
