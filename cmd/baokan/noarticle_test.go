package main

import (
	"strings"
	"testing"
)

// Commands on plain sessions raise "no article read" on an empty folder before writing
// anything: no empty table, no CSV header on stdout, and exit 1 (as the word commands do).
func TestNoArticleWritesNothing(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"stats", dir},
		{"stats", "--by", "year", dir},
		{"articles", dir},
		{"articles", "--format", "csv", dir},
		{"persons", dir},
		{"network", dir},
	} {
		code, out, errOut := baokanRun(t, args...)
		if code != 1 || out != "" || !strings.Contains(errOut, "no article read") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1, nothing on stdout, no article read", args, code, out, errOut)
		}
	}
}
