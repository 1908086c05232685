// Package reports writes every tabular result of baokan in one of a few output formats:
// an aligned table for the terminal, CSV, a JSON array of objects, or JSON Lines.
//
// A [Writer] streams rows: CSV, JSON and JSON Lines are written as rows arrive, so memory
// stays bounded however many rows there are; only the terminal table is held until
// [Writer.Close], because its column widths depend on every row. The package knows
// nothing of the command line.
//
// The same input always gives the same bytes; for the terminal table, within the same
// terminal setting, since tablewriter measures ambiguous-width characters (“” and box
// drawing) by the locale (see RUNEWIDTH_EASTASIAN in its documentation). How each Go
// value becomes a cell is documented on [Writer.WriteRow].
package reports

import (
	"fmt"
	"strings"
)

// Format names an output format.
type Format string

// The output formats.
const (
	// FormatTable is an aligned, bordered table for a terminal; column widths follow the
	// display width of the text, so Chinese characters count as two columns.
	FormatTable Format = "table"
	// FormatCSV is CSV as in RFC 4180, UTF-8, with a header line of column names.
	// Lines end in "\n" (not the RFC's "\r\n"), so line breaks inside a field come
	// back unchanged from Python's csv, pandas and R.
	FormatCSV Format = "csv"
	// FormatJSON is one JSON array holding one object a row, one object a line.
	FormatJSON Format = "json"
	// FormatJSONL is JSON Lines: one JSON object a row, each on its own line.
	FormatJSONL Format = "jsonl"
)

// formats lists the formats in the order help texts show them.
var formats = [...]Format{FormatTable, FormatCSV, FormatJSON, FormatJSONL}

// Formats returns the names of all formats, for help texts and flag completion.
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return names
}

// ParseFormat returns the format named s, ignoring case and surrounding spaces.
func ParseFormat(s string) (Format, error) {
	name := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, f := range formats {
		if name == f {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown output format %q (choose one of %s)", s, strings.Join(Formats(), ", "))
}

// String returns the format's name.
func (f Format) String() string { return string(f) }
