package main

import (
	"os"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Tables fit $COLUMNS only when it is set: the tests that compare tables byte for byte
// run without it, whatever the shell exports.
func init() { os.Unsetenv("COLUMNS") }

func widestLine(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, twwidth.Width(line))
	}
	return w
}

// With COLUMNS=100 the tables that were 582 (articles), 221 (persons --entries) and 148
// (keyness) columns wide fit in 100; CSV is untouched; paths are relative to the corpus
// folder; keyness lists the over- and the under-used words apart.
func TestTablesFitColumns(t *testing.T) {
	dir := t.TempDir()
	copyArticle(t, dir, "txt/1959/a.TXT")
	for _, args := range [][]string{
		{"articles", dir},
		{"persons", "--entries", dir},
		{"keyness", "--target", "from=1959-10", "--top", "5"},
		{"stats", "--by", "year"},
	} {
		t.Setenv("COLUMNS", "100")
		code, fitted, errOut := baokanRun(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if w := widestLine(fitted); w > 100 {
			t.Errorf("%v: %d columns wide with COLUMNS=100:\n%s", args, w, fitted)
		}
		csvArgs := append([]string{args[0], "--format", "csv"}, args[1:]...)
		_, csvFitted, _ := baokanRun(t, csvArgs...)
		os.Unsetenv("COLUMNS")
		_, csvPlain, _ := baokanRun(t, csvArgs...)
		if csvFitted != csvPlain {
			t.Errorf("%v: COLUMNS changed the CSV", args)
		}
	}
	t.Setenv("COLUMNS", "100")
	_, out, _ := baokanRun(t, "persons", "--entries", dir)
	if !strings.Contains(out, "Paths relative to "+dir) || strings.Contains(out, dir+"/txt") {
		t.Errorf("paths not relative to the corpus folder:\n%s", out)
	}
	_, out, _ = baokanRun(t, "keyness", "--target", "from=1959-10", "--top", "5")
	over, under := strings.Index(out, "Over-used in the target (5)"), strings.Index(out, "Under-used in the target (5)")
	if over < 0 || under < over {
		t.Errorf("keyness: no over- then under-used table:\n%s", out)
	}
}
