package main

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/baokan/baokan"
	"github.com/baokan/baokan/corpus"
)

// epuDict is a small uncertainty-style dictionary for the embedded sample: words, a
// sequence, text entries (one inside another), a pattern.
const epuDict = `economy: [经济, 'text:"生产"', 工业]
policy:
  main: [政策, 'text:"政府"', 方针]
  foreign: ['"和平 共处"', /^外交/]
uncertainty: ['text:"危机"', 'text:"紧张"', 'text:"紧张局势"', 动荡]
`

func writeConcepts(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return n
}

// The article table on the embedded sample: a text category's counts against strings.Count
// over the articles' decoded kicker, title, subtitles and paragraphs; the _match columns
// and the index column against the counts, worked by hand from the table's own cells.
func TestLookupTable(t *testing.T) {
	dict := writeConcepts(t, "epu.yml", epuDict)
	code, out, errOut := baokanRun(t, "lookup", "--concepts", dict, "--index", "economy AND (policy.main OR policy.foreign) AND NOT uncertainty", "--format", "csv", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := readCSV(t, out)
	head := strings.Join(rows[0], ",")
	if want := "path,line,date,page,item,title,words,economy,economy_match,policy.main,policy.main_match,policy.foreign,policy.foreign_match,uncertainty,uncertainty_match,index:economy AND (policy.main OR policy.foreign) AND NOT uncertainty"; head != want {
		t.Fatalf("header %s, want %s", head, want)
	}
	r, err := corpus.OpenFS(baokan.SampleFS, baokan.SampleRoot, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var arts []*corpus.Article
	byPlace := map[string]*corpus.Article{}
	for a, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
		byPlace[a.Path+":"+strconv.Itoa(a.Line)] = a
	}
	uncertain := 0
	for _, r := range rows[1:] {
		bit := func(col int) int { return atoi(t, r[col]) }
		for col := 7; col < 15; col += 2 {
			if want := map[bool]int{true: 1, false: 0}[bit(col) > 0]; bit(col+1) != want {
				t.Errorf("%s: %s_match %d with %d matches", r[0], rows[0][col], bit(col+1), bit(col))
			}
		}
		want := bit(8) == 1 && (bit(10) == 1 || bit(12) == 1) && bit(14) == 0
		if got := bit(15) == 1; got != want {
			t.Errorf("%s: index %v, want %v (row %v)", r[0], got, want, r)
		}
		if a := byPlace[r[0]+":"+r[1]]; a != nil {
			// uncertainty is text only: 危机, 紧张 and 紧张局势 (inside which 紧张 counts once).
			n := 0
			for _, s := range append(append([]string{a.Kicker, a.Title}, a.Subtitles...), a.Body...) {
				n += strings.Count(s, "危机") + strings.Count(s, "紧张")
			}
			if got := bit(13); got != n {
				t.Errorf("%s: uncertainty %d, want %d", r[0], got, n)
			}
			uncertain += n
		}
	}
	if uncertain == 0 || len(byPlace) != len(rows)-1 {
		t.Errorf("%d uncertainty matches, %d of %d rows found among the sample's articles: the test proves nothing", uncertain, len(byPlace), len(rows)-1)
	}
}

// lookup --by year adds the article table up; timeline --concepts gives the same counts;
// its index column is 100 × share / mean share over the base, computed here from the
// table's shares.
func TestLookupByAndTimelineIndex(t *testing.T) {
	dict := writeConcepts(t, "epu.yml", epuDict)
	expr := "economy AND policy.main"
	_, table, _ := baokanRun(t, "lookup", "--concepts", dict, "--index", expr, "--format", "csv", "-q")
	code, by, errOut := baokanRun(t, "lookup", "--concepts", dict, "--index", expr, "--by", "year", "--format", "csv", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	type key struct{ year, cat string }
	sum := map[key][2]int{} // matches, matching articles
	rows := readCSV(t, table)
	for _, r := range rows[1:] {
		if r[2] == "" {
			continue
		}
		for col := 7; col < len(rows[0]); col++ {
			name := rows[0][col]
			if strings.HasSuffix(name, "_match") {
				continue
			}
			v := sum[key{r[2][:4], name}]
			v[0] += atoi(t, r[col])
			if atoi(t, r[col]) > 0 {
				v[1]++
			}
			sum[key{r[2][:4], name}] = v
		}
	}
	byRows := readCSV(t, by)
	if strings.Join(byRows[0], ",") != strings.Join(lookupByColumns, ",") {
		t.Fatalf("header %v", byRows[0])
	}
	for _, r := range byRows[1:] {
		v := sum[key{r[0], r[1]}]
		if atoi(t, r[5]) != v[0] || atoi(t, r[3]) != v[1] {
			t.Errorf("%s %s: matches %s matching %s, want %d %d (from the article table)", r[0], r[1], r[5], r[3], v[0], v[1])
		}
	}
	code, tl, errOut := baokanRun(t, "timeline", "--concepts", dict, "--index", expr, "--by", "year", "--series", "", "--index-base", "1958,1964", "--format", "csv", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	tlRows := readCSV(t, tl)
	if got := strings.Join(tlRows[0], ","); got != "period,series,count,total,per_10k,share,front_page_share,burst,index" {
		t.Fatalf("header %s", got)
	}
	var shares, index []float64
	var years []string
	for _, r := range tlRows[1:] {
		if r[1] == "index:"+expr {
			s, x := math.NaN(), math.NaN()
			if r[5] != "" {
				s, _ = strconv.ParseFloat(r[5], 64)
				x, _ = strconv.ParseFloat(r[8], 64)
			}
			shares, index, years = append(shares, s), append(index, x), append(years, r[0])
			continue
		}
		name := strings.TrimPrefix(r[1], "concept:")
		if v := sum[key{r[0], name}]; atoi(t, r[2]) != v[0] {
			t.Errorf("timeline %s %s: %s, want %d", r[0], r[1], r[2], v[0])
		}
	}
	// The base 1958–1964: the years' shares, those of years without articles (NaN, an
	// empty cell) left out.
	mean := 0.0
	n := 0
	for i, y := range years {
		if y >= "1958" && y <= "1964" && !math.IsNaN(shares[i]) {
			mean += shares[i]
			n++
		}
	}
	mean /= float64(n)
	for i := range years {
		if want := 100 * shares[i] / mean; math.IsNaN(want) != math.IsNaN(index[i]) || math.Abs(index[i]-want) > 1e-9 {
			t.Errorf("%s: index %v, want 100 × %v / %v = %v", years[i], index[i], shares[i], mean, want)
		}
	}
}

func TestLookupErrors(t *testing.T) {
	bad := writeConcepts(t, "bad.csv", "category,entry\neconomy,经济\npolicy,(政策\n")
	code, _, errOut := baokanRun(t, "lookup", "--concepts", bad, "-q")
	if code == 0 || !strings.Contains(errOut, "bad.csv:3: category \"policy\"") {
		t.Errorf("exit %d, stderr %q: want the file and line 3", code, errOut)
	}
	good := writeConcepts(t, "good.csv", "economy,经济\n")
	code, _, errOut = baokanRun(t, "lookup", "--concepts", good, "--index", "economy AND policy", "-q")
	if code == 0 || !strings.Contains(errOut, `no category "policy"`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = baokanRun(t, "timeline", "--concepts", good, "--index", "economy", "--index-base", "1800,1900", "-q")
	if code == 0 || !strings.Contains(errOut, `no period "1800"`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
