package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// report --persons text takes its persons as 'baokan persons --persons text' finds them: on
// the real articles, the report's persons table is the first rows of 'persons --persons
// text --summary' (the independent run), cell for cell; and it is not the RW table.
func TestReportPersonsFromText(t *testing.T) {
	real := filepath.Join("..", "..", "..", "shared", "corpus", "jfjb")
	if _, err := os.Stat(real); err != nil {
		t.Skipf("the real articles are not here (%v)", err)
	}
	personsTable := func(source string) [][]string {
		dir := t.TempDir()
		code, _, errOut := baokanRun(t, "report", "-q", "--figures", "none", "--persons", source, "-o", dir, real)
		if code != 0 {
			t.Fatalf("report --persons %s: exit %d: %s", source, code, errOut)
		}
		md, err := os.ReadFile(filepath.Join(dir, "report.md"))
		if err != nil {
			t.Fatal(err)
		}
		var rows [][]string
		in := false
		for _, line := range strings.Split(string(md), "\n") {
			switch {
			case strings.HasPrefix(line, `| person | articles | first\_date |`):
				in = true
			case in && strings.HasPrefix(line, "| ---"):
			case in && strings.HasPrefix(line, "| "):
				var cells []string
				for _, c := range strings.Split(strings.Trim(line, "| "), " | ") {
					cells = append(cells, strings.TrimSpace(c))
				}
				rows = append(rows, cells)
			case in:
				return rows
			}
		}
		return rows
	}
	got := personsTable("text")
	code, out, errOut := baokanRun(t, "persons", "-q", "--persons", "text", "--summary", "--format", "csv", real)
	if code != 0 {
		t.Fatalf("persons: exit %d: %s", code, errOut)
	}
	want := readCSV(t, out)[1:]
	if len(got) == 0 || len(got) > len(want) {
		t.Fatalf("report's persons table has %d rows, persons --summary %d", len(got), len(want))
	}
	for i, r := range got {
		if strings.Join(r, ",") != strings.Join(want[i], ",") {
			t.Errorf("row %d: report %v, persons --persons text --summary %v", i+1, r, want[i])
		}
	}
	rw := personsTable("rw")
	same := len(rw) == len(got)
	for i := 0; same && i < len(rw); i++ {
		same = strings.Join(rw[i], ",") == strings.Join(got[i], ",")
	}
	if same {
		t.Errorf("the table with --persons text is the RW lists' table: the test proves nothing")
	}
}
