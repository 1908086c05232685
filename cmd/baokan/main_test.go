package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/baokan/baokan"
)

const sharedCorpus = "../../../shared/corpus/jfjb"

// baokanRun runs the command in-process and returns its exit status, stdout and stderr.
func baokanRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, s)
	}
	return rows
}

// sampleFiles decodes the embedded sample's tagged files (the PLA Daily's, .TXT)
// independently of the corpus package (x/text GB18030 directly), for counts made another
// way. sampleJSON gives the sample's People's Daily JSON files.
func sampleFiles(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := fs.WalkDir(baokan.SampleFS, baokan.SampleRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".TXT") {
			return err
		}
		raw, err := fs.ReadFile(baokan.SampleFS, p)
		if err != nil {
			return err
		}
		text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		files[path(p)] = string(text)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func path(p string) string { return filepath.Base(p) }

// sampleRecord is what the tests need of a People's Daily JSON file of the sample, decoded
// with encoding/json independently of the corpus package.
type sampleRecord struct {
	Path    string
	Title   string   `json:"title"`
	Authors []string `json:"authors"`
	Dates   []struct {
		Year, Month, Day int
	} `json:"dates"`
	Parts []struct {
		Text string `json:"text"`
	} `json:"parts"`
	Page int `json:"page_start"`
}

// date is the record's issue day, YYYY-MM-DD.
func (r sampleRecord) date() string {
	return fmt.Sprintf("%04d-%02d-%02d", r.Dates[0].Year, r.Dates[0].Month, r.Dates[0].Day)
}

// sampleJSON decodes the embedded sample's JSON files (8 People's Daily articles, one a
// file; testdata/README.md).
func sampleJSON(t *testing.T) []sampleRecord {
	t.Helper()
	var out []sampleRecord
	err := fs.WalkDir(baokan.SampleFS, baokan.SampleRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		raw, err := fs.ReadFile(baokan.SampleFS, p)
		if err != nil {
			return err
		}
		r := sampleRecord{Path: p}
		if err := json.Unmarshal(raw, &r); err != nil || len(r.Dates) != 1 {
			return fmt.Errorf("%s: %v", p, err)
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 8 {
		t.Fatalf("the sample holds %d JSON files, want 8", len(out))
	}
	return out
}

func TestStatsOnEmbeddedSample(t *testing.T) {
	code, out, errOut := baokanRun(t, "stats", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := map[string]string{}
	for _, row := range readCSV(t, out)[1:] {
		got[row[0]] = row[1]
	}
	// Expected values counted from the raw files with regular expressions, not the parser.
	files := sampleFiles(t)
	withRW, withAuthors, withBody := 0, 0, 0
	rwEntry := regexp.MustCompile(`RW：[^〖\r\n]`)
	authors := regexp.MustCompile(`〖ZZ/作者〗[^〖]`)
	body := regexp.MustCompile(`(?s)〖ZW/正文〗\r\n\s*\S.*〖-ZW/正文〗`)
	for _, text := range files {
		if rwEntry.MatchString(text) {
			withRW++
		}
		if authors.MatchString(text) {
			withAuthors++
		}
		if body.MatchString(text) {
			withBody++
		}
	}
	// The People's Daily JSON files: no RW lists; every one has text beyond its headline
	// (read by hand: testdata/sample/json).
	records := sampleJSON(t)
	for _, r := range records {
		if len(r.Authors) > 0 {
			withAuthors++
		}
		if len(r.Parts) > 0 {
			withBody++
		}
	}
	n := len(files) + len(records) // one article a file in both layouts
	want := map[string]string{
		"files":                      strconv.Itoa(n),
		"articles read":              strconv.Itoa(n),
		"articles with RW":           strconv.Itoa(withRW),
		"articles with authors":      strconv.Itoa(withAuthors),
		"articles with a body":       strconv.Itoa(withBody),
		"first date":                 "1947-06-05", // json/1947/6/123.json; 195808040101.TXT is the earliest tagged file
		"last date":                  "2003-05-28", // 200305280101.TXT the latest
		"articles skipped (damaged)": "0",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if len(files) != 30 {
		t.Errorf("sample holds %d tagged files, want 30", len(files))
	}
	if !strings.Contains(errOut, "38 files, 38 articles") {
		t.Errorf("stderr summary: %q", errOut)
	}
}

func TestStatsByYearAddsUp(t *testing.T) {
	code, out, _ := baokanRun(t, "stats", "--by", "year", "--format", "csv", "-q")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	rows := readCSV(t, out)
	if strings.Join(rows[0], ",") != "year,articles,chars,share" {
		t.Fatalf("header %v", rows[0])
	}
	// Articles per year counted from the sample's file names (YYYYMMDDPPNN.TXT) and the
	// JSON files' dates.
	want := map[string]int{}
	for name := range sampleFiles(t) {
		want[name[:4]]++
	}
	for _, r := range sampleJSON(t) {
		want[r.date()[:4]]++
	}
	total, prev := 0, ""
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[1])
		if n != want[r[0]] {
			t.Errorf("year %s: %d articles, want %d", r[0], n, want[r[0]])
		}
		if r[0] <= prev {
			t.Errorf("years out of order: %s after %s", r[0], prev)
		}
		prev = r[0]
		total += n
		share, _ := strconv.ParseFloat(r[3], 64)
		if exp := float64(n) / 38; share < exp-0.00005 || share > exp+0.00005 {
			t.Errorf("year %s: share %v, want %.4f", r[0], share, exp)
		}
	}
	if total != 38 || len(rows)-1 != len(want) {
		t.Errorf("total %d over %d years, want 38 over %d", total, len(rows)-1, len(want))
	}
}

func TestArticlesOnRealCorpus(t *testing.T) {
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skipf("skipping: %s is absent (development tree and CI only)", sharedCorpus)
	}
	code, out, errOut := baokanRun(t, "articles", "--format", "csv", sharedCorpus)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := readCSV(t, out)
	if got := strings.Join(rows[0], ","); got != strings.Join(articleColumns, ",") {
		t.Fatalf("header %s", got)
	}
	var n int
	_ = filepath.WalkDir(sharedCorpus, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".TXT") {
			n++
		}
		return nil
	})
	if len(rows)-1 != n || n != 119 {
		t.Errorf("%d rows for %d files, want 119", len(rows)-1, n)
	}
	// 19621029 page 03 item 5, checked by hand against the file.
	var row []string
	for _, r := range rows[1:] {
		if strings.HasSuffix(r[0], "196210290305.TXT") {
			row = r
		}
	}
	want := map[string]string{"line": "1", "serial": "1950", "date": "1962-10-29", "page": "3", "item": "5",
		"kicker": "", "title": "赫鲁晓夫肯尼迪互致信件", "subtitle": "", "authors": "", "topics": "美苏（苏联）关系",
		"genres": "新华社通讯", "rw": "赫鲁晓夫/肯尼迪/互致信件", "rw_source": "GJ", "paragraphs": "25"}
	for i, c := range articleColumns {
		if w, ok := want[c]; ok && (row == nil || row[i] != w) {
			t.Errorf("19621029 p3 #5 %s = %q, want %q", c, cell(row, i), w)
		}
	}
	// The body-tail RW of 19930328 p01 #1.
	for _, r := range rows[1:] {
		if strings.HasSuffix(r[0], "199303280101.TXT") && (r[15] != "江泽民/主席/乔石/委员长" || r[16] != "body") {
			t.Errorf("19930328 p1 #1 rw %q source %q", r[15], r[16])
		}
	}
}

func cell(row []string, i int) string {
	if row == nil {
		return "<no row>"
	}
	return row[i]
}

func TestArticlesJSONAndDeterminism(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	t.Cleanup(func() { runtime.GOMAXPROCS(procs) }) // --workers sets it for the process
	_, one, _ := baokanRun(t, "articles", "--format", "json", "--body", "--workers", "1", "-q")
	_, four, _ := baokanRun(t, "articles", "--format", "json", "--body", "--workers", "4", "-q")
	if one != four {
		t.Fatal("output differs between --workers 1 and --workers 4")
	}
	var arts []map[string]any
	if err := json.Unmarshal([]byte(one), &arts); err != nil {
		t.Fatal(err)
	}
	if len(arts) != 38 {
		t.Fatalf("%d articles", len(arts))
	}
	for _, a := range arts {
		if _, ok := a["rw"].([]any); !ok {
			t.Fatalf("rw is %T, want an array", a["rw"])
		}
		if len(a) != len(articleColumns)+1 {
			t.Fatalf("%d keys, want %d", len(a), len(articleColumns)+1)
		}
	}
}

func TestFilters(t *testing.T) {
	// Sample files dated 1990 or later, page 1, counted from their names.
	wantFrom, wantPage1 := 0, 0
	for name := range sampleFiles(t) {
		if name[:8] >= "19900101" {
			wantFrom++
		}
		if name[8:10] == "01" {
			wantPage1++
		}
	}
	for _, r := range sampleJSON(t) {
		if r.date() >= "1990-01-01" {
			wantFrom++
		}
		if r.Page == 1 {
			wantPage1++
		}
	}
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"--from", "1990-01-01"}, wantFrom},
		{[]string{"--page", "1"}, wantPage1},
		{[]string{"--title", "赫鲁晓夫"}, 3}, // 19580804 p1 #1, 19591002 p2 #5, 19621029 p3 #5
		{[]string{"--from", "1962-10-29", "--to", "1962-10-29"}, 2},
	} {
		code, out, _ := baokanRun(t, append([]string{"articles", "--format", "csv", "-q"}, tc.args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d", tc.args, code)
		}
		if got := len(readCSV(t, out)) - 1; got != tc.want {
			t.Errorf("%v: %d articles, want %d", tc.args, got, tc.want)
		}
	}
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "196210290305.TXT")
	data, err := fs.ReadFile(baokan.SampleFS, baokan.SampleRoot+"/txt/1962/196210/19621029/196210290305.TXT")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(clean, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"stats", "-q"}, exitOK},
		{[]string{"stats", "-q", filepath.Join(dir, "nonexistent")}, exitError},
		{[]string{"stats", "--no-such-flag"}, exitError},
		{[]string{"stats", "--by", "weekday"}, exitError},
		{[]string{"stats", "--format", "xlsx"}, exitError},
		{[]string{"stats", "--from", "1962-13-01"}, exitError},
		{[]string{"stats", "-q", "--strict"}, exitDiagnostics}, // the sample has 3 diagnostics
		{[]string{"stats", "-q", "--strict", clean}, exitOK},
	} {
		if code, _, errOut := baokanRun(t, tc.args...); code != tc.want {
			t.Errorf("%v: exit %d, want %d (%s)", tc.args, code, tc.want, errOut)
		}
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "a.csv")
	code, stdout, _ := baokanRun(t, "articles", "--format", "csv", "-q", "-o", out, "--bom")
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\uFEFFpath,line,")) {
		t.Errorf("file starts %q", data[:20])
	}
}

func TestPersonsOnEmbeddedSample(t *testing.T) {
	code, out, errOut := baokanRun(t, "persons", "--summary", "--format", "csv", "-q")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := map[string][]string{}
	for _, r := range readCSV(t, out)[1:] {
		got[r[0]] = r[1:]
	}
	// Counted by hand from the sample's RW lists: 毛泽东 in 19580804 p1, 19591002 p2
	// (毛泽东刘少奇赫鲁晓夫等), 19601002 p1, 19740530 p1, 19760224 p1; 赫鲁晓夫 in 19591002 p2
	// and 19621029 p3.
	for person, want := range map[string]string{
		"毛泽东":  "5,1958-08-04,1976-02-24,4",
		"赫鲁晓夫": "2,1959-10-02,1962-10-29,0",
		"刘少奇":  "2,1959-10-02,1960-10-02,1",
		"肯尼迪":  "1,1962-10-29,1962-10-29,0",
	} {
		if g := strings.Join(got[person], ","); g != want {
			t.Errorf("%s: %s, want %s", person, g, want)
		}
	}
	for _, notPerson := range []string{"会见外宾", "主席", "互致信件", "委员长", "马来西亚总理"} {
		if _, ok := got[notPerson]; ok {
			t.Errorf("%s counted as a person", notPerson)
		}
	}
	// One row per article and person: 19621029 p3 #5 gives exactly 赫鲁晓夫, 肯尼迪.
	_, out, _ = baokanRun(t, "persons", "--format", "csv", "-q", "--title", "互致信件")
	rows := readCSV(t, out)
	if len(rows) != 3 || rows[1][4] != "赫鲁晓夫" || rows[2][4] != "肯尼迪" || rows[1][6] != "GJ" {
		t.Errorf("19621029 p3 #5 persons: %v", rows)
	}
}

func TestNetworkOnEmbeddedSample(t *testing.T) {
	// Expected edges: the pairs of persons of each article, from `baokan persons` (whose
	// rows are checked above), counted here without the network package.
	_, out, _ := baokanRun(t, "persons", "--format", "csv", "-q")
	byArticle := map[string][]string{}
	for _, r := range readCSV(t, out)[1:] {
		byArticle[r[0]] = append(byArticle[r[0]], r[4])
	}
	want := map[string]int{}
	for _, ps := range byArticle {
		for i := range ps {
			for j := range ps {
				if ps[i] < ps[j] {
					want[ps[i]+","+ps[j]]++
				}
			}
		}
	}
	prefix := filepath.Join(t.TempDir(), "net")
	gexf := prefix + ".gexf"
	if code, _, errOut := baokanRun(t, "network", "--format", "csv", "-q", "-o", prefix, "--gexf", gexf); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(prefix + ".edges.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, string(data))
	if strings.Join(rows[0], ",") != "source,target,weight,pmi,npmi,jaccard,dice,g2,first_date,last_date" {
		t.Fatalf("edges header %v", rows[0])
	}
	got := map[string]int{}
	for _, r := range rows[1:] {
		w, _ := strconv.Atoi(r[2])
		got[r[0]+","+r[1]] = w
	}
	if len(got) != len(want) {
		t.Errorf("%d edges, want %d", len(got), len(want))
	}
	for pair, w := range want {
		if got[pair] != w {
			t.Errorf("edge %s weight %d, want %d", pair, got[pair], w)
		}
	}
	nodes, err := os.ReadFile(prefix + ".nodes.csv")
	if err != nil || !strings.HasPrefix(string(nodes), "person,articles,degree,weighted_degree,pagerank,betweenness,eigenvector,community\n") {
		t.Errorf("nodes file: %v %.80q", err, nodes)
	}
	if g, err := os.ReadFile(gexf); err != nil || !bytes.Contains(g, []byte(`version="1.3"`)) {
		t.Errorf("gexf file: %v", err)
	}
}
