package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/baokan/baokan/reports"
)

// stdoutWidth is the width of the terminal on standard output, else $COLUMNS, else 0
// (reports.TerminalWidth).
var stdoutWidth = func() int { return reports.TerminalWidth(os.Stdout) }

// tableWidth is the width that a table on standard output fits (the terminal's, or
// $COLUMNS); 0 — the table as it always was — for other formats and for -o FILE.
func (o *corpusOptions) tableWidth() int {
	if o.format != string(reports.FormatTable) || (o.output != "" && o.output != "-") {
		return 0
	}
	return stdoutWidth()
}

// pathShortener returns how a table fitted to a width shows an article's path: relative
// to the folder, when the corpus is one folder named alone, with the title that says so;
// as it is otherwise.
func (o *corpusOptions) pathShortener(args []string) (shorten func(string) string, title string) {
	same := func(p string) string { return p }
	if o.tableWidth() == 0 || len(args) != 1 {
		return same, ""
	}
	info, err := os.Stat(args[0])
	if err != nil || !info.IsDir() {
		return same, ""
	}
	prefix := filepath.Clean(args[0]) + string(filepath.Separator)
	return func(p string) string { return strings.TrimPrefix(p, prefix) }, "Paths relative to " + prefix
}
