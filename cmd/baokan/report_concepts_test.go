package main

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html/atom"
)

// The report's concepts section against the commands it stands for: each category's
// per-10k and share cells against 'lookup --by year', the index's standardised cells
// against 'timeline --concepts --index'.
func TestReportConcepts(t *testing.T) {
	dict := writeConcepts(t, "epu.yml", epuDict)
	expr := "economy AND policy.main"
	dir := writeReport(t, "--concepts", dict, "--index", expr, "--figures", "none")
	doc := parseHTMLFile(t, filepath.Join(dir, "index.html"))
	var ids []string
	for _, s := range elements(doc, atom.Section) {
		ids = append(ids, attrOf(s, "id"))
	}
	if got := strings.Join(ids, ","); got != "overview,words,keyness,persons,timelines,concepts,methods" {
		t.Errorf("sections %s", got)
	}
	tab := findTable(t, tablesOf(doc), "Categories by year")
	by := csvRows(t, "lookup", "--concepts", dict, "--index", expr, "--by", "year")
	tl := csvRows(t, "timeline", "--concepts", dict, "--index", expr, "--by", "year", "--series", "")
	type key struct{ year, series string }
	per10k, share, index := map[key]string{}, map[key]string{}, map[string]string{}
	for _, r := range by[1:] {
		per10k[key{r[0], r[1]}], share[key{r[0], r[1]}] = r[7], r[4]
	}
	for _, r := range tl[1:] {
		if strings.HasPrefix(r[1], "index:") {
			index[r[0]] = r[8]
		}
	}
	cats := []string{"economy", "policy.main", "policy.foreign", "uncertainty"}
	if len(tab.rows) == 0 {
		t.Fatal("no row")
	}
	for _, row := range tab.rows {
		y := row[0]
		for k, c := range cats {
			if !sameNumber(row[3+2*k], per10k[key{y, c}]) || !sameNumber(row[4+2*k], share[key{y, c}]) {
				t.Errorf("%s %s: %s %s, want %s %s", y, c, row[3+2*k], row[4+2*k], per10k[key{y, c}], share[key{y, c}])
			}
		}
		n := len(row)
		if !sameNumber(row[n-2], share[key{y, "index:" + expr}]) || !sameNumber(row[n-1], index[y]) {
			t.Errorf("%s index: %s %s, want %s %s", y, row[n-2], row[n-1], share[key{y, "index:" + expr}], index[y])
		}
	}
}
