package main

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"image/png"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/baokan/baokan"
	"github.com/baokan/baokan/analysis/keyness"
	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/reports/chart"
)

// writeReport runs `baokan report -q -o DIR args...` and returns DIR.
func writeReport(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	code, _, errOut := baokanRun(t, append([]string{"report", "-q", "-o", dir}, args...)...)
	if code != exitOK {
		t.Fatalf("report %v: exit %d: %s", args, code, errOut)
	}
	return dir
}

// parsedTable is a table as a reader sees it: its caption (without "Table N. "), header
// and cell texts.
type parsedTable struct {
	caption string
	header  []string
	rows    [][]string
}

func parseHTMLFile(t *testing.T, path string) *html.Node {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func elements(n *html.Node, tag atom.Atom) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == tag {
			out = append(out, d)
		}
	}
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.TrimSpace(b.String())
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

var tableLabel = regexp.MustCompile(`^Table \d+\.\s*`)

// tablesOf reads every table of a parsed page. Captions come from <caption> (the HTML
// report) or from the paragraph just before the table (the Markdown rendered).
func tablesOf(doc *html.Node) []parsedTable {
	var out []parsedTable
	for _, tn := range elements(doc, atom.Table) {
		var pt parsedTable
		if c := elements(tn, atom.Caption); len(c) > 0 {
			pt.caption = textOf(c[0])
		} else {
			for p := tn.PrevSibling; p != nil; p = p.PrevSibling {
				if p.Type == html.ElementNode {
					pt.caption = textOf(p)
					break
				}
			}
		}
		pt.caption = tableLabel.ReplaceAllString(pt.caption, "")
		for _, th := range elements(tn, atom.Th) {
			pt.header = append(pt.header, textOf(th))
		}
		for _, tr := range elements(tn, atom.Tr) {
			var row []string
			for _, td := range elements(tr, atom.Td) {
				row = append(row, textOf(td))
			}
			if row != nil {
				pt.rows = append(pt.rows, row)
			}
		}
		out = append(out, pt)
	}
	return out
}

func findTable(t *testing.T, tables []parsedTable, captionPrefix string) parsedTable {
	t.Helper()
	for _, pt := range tables {
		if strings.HasPrefix(pt.caption, captionPrefix) {
			return pt
		}
	}
	t.Fatalf("no table captioned %q", captionPrefix)
	return parsedTable{}
}

// sameNumber compares a report cell (four decimals) with a CSV cell (exact).
func sameNumber(report, exact string) bool {
	if report == exact {
		return true
	}
	r, err1 := strconv.ParseFloat(report, 64)
	e, err2 := strconv.ParseFloat(exact, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	return math.Abs(r-e) <= 5e-5*math.Max(1, math.Abs(e)) || (e != 0 && math.Abs(r-e) <= 5e-4*math.Abs(e))
}

// compareRows checks got (report cells) against want (CSV rows, header excluded) column
// by column; numeric columns may differ by the report's rounding.
func compareRows(t *testing.T, what string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, want %d", what, len(got), len(want))
		return
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Errorf("%s row %d: %v, want %v", what, i+1, got[i], want[i])
			continue
		}
		for j := range want[i] {
			if !sameNumber(got[i][j], want[i][j]) {
				t.Errorf("%s row %d col %d: %q, want %q", what, i+1, j+1, got[i][j], want[i][j])
			}
		}
	}
}

// TestReportOnEmbeddedSample checks the report of the sample against the commands whose
// tables it gathers, the Markdown twin against the HTML, and one core against four.
func TestReportOnEmbeddedSample(t *testing.T) {
	dir := writeReport(t, "--workers", "1")
	doc := parseHTMLFile(t, filepath.Join(dir, "index.html"))
	tables := tablesOf(doc)

	// Every section, in order.
	var ids []string
	for _, s := range elements(doc, atom.Section) {
		ids = append(ids, attrOf(s, "id"))
	}
	if got := strings.Join(ids, ","); got != "overview,words,keyness,persons,timelines,methods" {
		t.Errorf("sections %s", got)
	}

	// Overview = baokan stats, value for value.
	overview := findTable(t, tables, "What was read and kept")
	compareRows(t, "overview", overview.rows, csvRows(t, "stats")[1:])
	for _, by := range []string{"year", "page", "genre"} {
		pt := findTable(t, tables, map[string]string{"year": "Articles and body characters by year", "page": "Articles by page", "genre": "Articles by genre"}[by])
		compareRows(t, "by "+by, pt.rows, csvRows(t, "stats", "--by", by)[1:])
	}
	// Articles by year counted independently: the RQ dates of the sample's files, decoded
	// with x/text (one article a file in the sample).
	rq := regexp.MustCompile(`〖RQ/日期〗(\d{4})`)
	perYear := map[string]int{}
	for _, text := range sampleFiles(t) {
		for _, m := range rq.FindAllStringSubmatch(text, -1) {
			perYear[m[1]]++
		}
	}
	for _, r := range sampleJSON(t) { // the People's Daily files: their dates, by encoding/json
		perYear[r.date()[:4]]++
	}
	byYear := findTable(t, tables, "Articles and body characters by year")
	if len(byYear.rows) != len(perYear) {
		t.Errorf("%d years, the files have %d", len(byYear.rows), len(perYear))
	}
	for _, r := range byYear.rows {
		if strconv.Itoa(perYear[r[0]]) != r[1] {
			t.Errorf("year %s: %s articles, the files have %d", r[0], r[1], perYear[r[0]])
		}
	}

	// Words = baokan terms and keywords. The sample spans 1958–2003, more than 20 years:
	// decades.
	top := findTable(t, tables, "The 10 most frequent words.")
	compareRows(t, "top terms", top.rows, csvRows(t, "terms", "--top", "10")[1:])
	byDecade := sideBySideTables(t, tables, "The 10 most frequent words of each decade")
	want := map[string][]string{}
	for _, r := range csvRows(t, "terms", "--by", "decade", "--top", "10")[1:] {
		want[r[0]] = append(want[r[0]], r[1]+" ("+r[2]+")")
	}
	checkSideBySide(t, "terms by decade", byDecade, want)
	keywords := sideBySideTables(t, tables, "TF-IDF keywords of each decade")
	want = map[string][]string{}
	for _, r := range csvRows(t, "keywords", "--by", "decade", "--top", "10")[1:] {
		w, _ := strconv.ParseFloat(r[5], 64)
		want[r[0]] = append(want[r[0]], fmt.Sprintf("%s (%.3f)", r[1], w))
	}
	checkSideBySide(t, "keywords by decade", keywords, want)

	// Keyness = baokan keyness with the target the report states, run as the methods'
	// "Reproducing the tables" writes it.
	var keynessArgs []string
	for _, p := range elements(doc, atom.Pre) {
		for _, line := range strings.Split(textOf(p), "\n") {
			if strings.HasPrefix(line, "baokan keyness ") {
				keynessArgs = shellWords(t, strings.TrimPrefix(line, "baokan "))
			}
		}
	}
	if want := "keyness --target from=2000-01-01,to=2009-12-31 --min-count 5 --top 10"; strings.Join(keynessArgs, " ") != want {
		t.Errorf("the methods reproduce keyness with %q, want %q", keynessArgs, want)
	}
	var over, under [][]string
	for _, r := range csvRows(t, keynessArgs...)[1:] {
		row := append(append([]string{}, r[:8]...), r[10]) // without chi2 and use
		if r[9] == keyness.Over.String() {
			over = append(over, row)
		} else {
			under = append(under, row)
		}
	}
	compareRows(t, "over-used", findTable(t, tables, "Words over-used").rows, over)
	compareRows(t, "under-used", findTable(t, tables, "Words under-used").rows, under)
	if !strings.Contains(textOf(doc), "from=2000-01-01,to=2009-12-31 (the default: the latest decade, 2000s)") {
		t.Error("the keyness target is not stated")
	}

	// Persons = baokan persons --summary; central figures = baokan network's nodes by
	// PageRank (stable, so ties stay in name order).
	compareRows(t, "persons", findTable(t, tables, "The 10 persons named in most articles").rows,
		csvRows(t, "persons", "--summary")[1:11])
	nodes := csvRows(t, "network", "--top", "30")[1:]
	sort.SliceStable(nodes, func(i, j int) bool {
		a, _ := strconv.ParseFloat(nodes[i][4], 64)
		b, _ := strconv.ParseFloat(nodes[j][4], 64)
		return a > b
	})
	compareRows(t, "central figures", findTable(t, tables, "Central figures").rows, nodes[:10])
	// First appearances: 毛泽东 first in the 1958-08-04 communiqué (checked by hand).
	first := findTable(t, tables, "Where the top persons first appear")
	if r := first.rows[0]; r[0] != "毛泽东" || r[1] != "1958-08-04" || r[3] != "毛泽东和赫鲁晓夫会谈公报" {
		t.Errorf("first appearance of 毛泽东: %v", r)
	}

	// Timelines: each person's yearly counts add up to their articles in the summary, and
	// the table lists the years with articles.
	persons := map[string]string{}
	for _, r := range csvRows(t, "persons", "--summary")[1:] {
		persons[r[0]] = r[1]
	}
	timeline := findTable(t, tables, "Articles naming each person, by year")
	if len(timeline.rows) != len(perYear) {
		t.Errorf("timeline has %d years, want the %d with articles", len(timeline.rows), len(perYear))
	}
	for j, name := range timeline.header[2:] {
		sum := 0
		for _, r := range timeline.rows {
			n, _ := strconv.Atoi(r[j+2])
			sum += n
		}
		if strconv.Itoa(sum) != persons[name] {
			t.Errorf("timeline of %s adds up to %d, the summary says %s", name, sum, persons[name])
		}
	}

	// Bursts = baokan timeline --bursts, run as the methods write it.
	var timelineArgs []string
	for _, p := range elements(doc, atom.Pre) {
		for _, line := range strings.Split(textOf(p), "\n") {
			if strings.HasPrefix(line, "baokan timeline ") {
				timelineArgs = shellWords(t, strings.TrimPrefix(line, "baokan "))
			}
		}
	}
	if len(timelineArgs) == 0 {
		t.Fatal("the methods do not reproduce the bursts")
	}
	compareRows(t, "bursts", findTable(t, tables, "Bursts of the persons and words").rows, csvRows(t, timelineArgs...)[1:])

	// Methods: the command line, and the formulas as the commands' --help states them.
	pres := ""
	for _, p := range elements(doc, atom.Pre) {
		pres += textOf(p) + "\n"
	}
	for _, s := range []string{"baokan report -q -o " + dir + " --workers 1", keyness.Formulas(),
		strings.TrimSpace(network.MeasuresHelp), termsColumnsHelp, burstFormulaHelp, "baokan keyness --target from=2000-01-01,to=2009-12-31 --min-count 5 --top 10"} {
		if !strings.Contains(pres, s) {
			t.Errorf("the methods lack %.60q", s)
		}
	}
	// The tagged files' body_in_author, empty_rw and glued_rw; the JSON files' glued_authors
	// (1993/1/548: 范绪功安卫东) and glued_title (1955/8/313: …浪费国家资金编辑同志：).
	if d := findTable(t, tables, "Diagnostics of the corpus"); len(d.rows) != 5 || d.rows[0][0] != "body_in_author" || d.rows[2][0] != "glued_authors" || d.rows[4][0] != "glued_title" {
		t.Errorf("diagnostics table %v", d.rows)
	}

	// The Markdown twin holds the same tables: rendered by goldmark (GitHub tables), cell
	// for cell equal to the HTML's.
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	var rendered bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.Table)).Convert(md, &rendered); err != nil {
		t.Fatal(err)
	}
	mdDoc, err := html.Parse(&rendered)
	if err != nil {
		t.Fatal(err)
	}
	mdTables := tablesOf(mdDoc)
	if len(mdTables) != len(tables) {
		t.Fatalf("Markdown has %d tables, HTML %d", len(mdTables), len(tables))
	}
	for i := range tables {
		if fmt.Sprint(mdTables[i]) != fmt.Sprint(tables[i]) {
			t.Errorf("table %d differs between HTML and Markdown:\n%v\n%v", i+1, tables[i], mdTables[i])
		}
	}

	// Figures: each Markdown image is a file in figures/, and the HTML embeds the same bytes.
	htmlImgs, mdImgs := elements(doc, atom.Img), elements(mdDoc, atom.Img)
	if len(htmlImgs) != len(mdImgs) {
		t.Errorf("%d figures in HTML, %d in Markdown", len(htmlImgs), len(mdImgs))
	}
	for i := range min(len(htmlImgs), len(mdImgs)) {
		file, err := os.ReadFile(filepath.Join(dir, attrOf(mdImgs[i], "src")))
		if err != nil {
			t.Errorf("figure %d: %v", i+1, err)
			continue
		}
		src := attrOf(htmlImgs[i], "src")
		data, err := base64.StdEncoding.DecodeString(src[strings.Index(src, ",")+1:])
		if err != nil || !bytes.Equal(data, file) {
			t.Errorf("figure %d: the HTML does not embed %s", i+1, attrOf(mdImgs[i], "src"))
		}
		if attrOf(htmlImgs[i], "alt") == "" {
			t.Errorf("figure %d has no alt text", i+1)
		}
	}

	// The figures, when a CJK font can draw them: SVG whose text stays text.
	if _, err := chart.FindFont(); err != nil {
		if !strings.Contains(textOf(doc), "[Figure omitted") {
			t.Error("no CJK font, and the report does not say why its figures are missing")
		}
	} else {
		var names []string
		for _, f := range reportFigures(t, dir) {
			names = append(names, filepath.Base(f))
		}
		if got := strings.Join(names, ","); got != "articles-per-year.svg,network.svg,timeline-persons.svg,timeline-words.svg,top-words.svg" {
			t.Errorf("figures %s", got)
		}
		svg, err := os.ReadFile(filepath.Join(dir, "figures", "network.svg"))
		if err != nil {
			t.Fatal(err)
		}
		if err := xml.Unmarshal(svg, new(struct{ XMLName xml.Name })); err != nil {
			t.Errorf("network.svg is not XML: %v", err)
		}
		if !bytes.Contains(svg, []byte(">毛泽东<")) {
			t.Error("network.svg does not name 毛泽东 as text")
		}
	}

	// Deterministic: four cores give the same bytes.
	four := writeReport(t, "--workers", "4")
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(four, rel))
		if err != nil {
			return err
		}
		// The command line names the output folder and --workers; nothing else may differ.
		a = bytes.ReplaceAll(bytes.ReplaceAll(a, []byte(dir), []byte("DIR")), []byte("--workers 1"), []byte("--workers N"))
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte(four), []byte("DIR")), []byte("--workers 4"), []byte("--workers N"))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between --workers 1 and 4", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkSideBySide checks a table of one column per period against each period's list.
// sideBySideTables joins the tables captioned with the prefix, which sideBySide cuts at
// periodsPerTable periods, into one: the periods side by side, rows by rank.
func sideBySideTables(t *testing.T, tables []parsedTable, captionPrefix string) parsedTable {
	t.Helper()
	var periods []string
	var cols [][]string
	n := 0
	for _, pt := range tables {
		if !strings.HasPrefix(pt.caption, captionPrefix) {
			continue
		}
		for j, period := range pt.header[1:] {
			var col []string
			for _, r := range pt.rows {
				col = append(col, r[j+1])
			}
			periods, cols = append(periods, period), append(cols, col)
			n = max(n, len(col))
		}
	}
	if periods == nil {
		t.Fatalf("no table captioned %q", captionPrefix)
	}
	out := parsedTable{caption: captionPrefix, header: append([]string{"#"}, periods...)}
	for i := 0; i < n; i++ {
		row := []string{strconv.Itoa(i + 1)}
		for _, col := range cols {
			cell := ""
			if i < len(col) {
				cell = col[i]
			}
			row = append(row, cell)
		}
		out.rows = append(out.rows, row)
	}
	return out
}

func checkSideBySide(t *testing.T, what string, pt parsedTable, want map[string][]string) {
	t.Helper()
	if len(pt.header)-1 != len(want) {
		t.Errorf("%s: %d periods, want %d", what, len(pt.header)-1, len(want))
	}
	for j, period := range pt.header[1:] {
		for i, w := range want[period] {
			if i >= len(pt.rows) || pt.rows[i][j+1] != w {
				t.Errorf("%s: %s #%d = %v, want %q", what, period, i+1, pt.rows[i][j+1], w)
			}
		}
	}
}

// TestReportEscapesCorpusText builds a corpus from the sample in which one real article's
// title is markup, and checks that both renderings show it as text.
func TestReportEscapesCorpusText(t *testing.T) {
	const hostile = `<script>alert("x")</script> & 毛泽东 | *会谈*`
	src := t.TempDir()
	err := fs.WalkDir(baokan.SampleFS, baokan.SampleRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(baokan.SampleFS, p)
		if err != nil {
			return err
		}
		if filepath.Base(p) == "195808040101.TXT" {
			text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
			if err != nil {
				return err
			}
			changed := strings.Replace(string(text), "毛泽东和赫鲁晓夫会谈公报", hostile, 1)
			if changed == string(text) {
				t.Fatal("the sample's 1958-08-04 title is not where expected")
			}
			raw = []byte(changed) // UTF-8 now: the reader detects it
		}
		return os.WriteFile(filepath.Join(src, filepath.Base(p)), raw, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	dir := writeReport(t, "--no-corpus-words", "--figures", "png", src)
	for _, f := range reportFigures(t, dir) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := png.Decode(bytes.NewReader(data)); err != nil || filepath.Ext(f) != ".png" {
			t.Errorf("--figures png: %s: %v", f, err)
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte("<script")) || !bytes.Contains(page, []byte("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; 毛泽东")) {
		t.Error("the title is not escaped in index.html")
	}
	doc := parseHTMLFile(t, filepath.Join(dir, "index.html"))
	if len(elements(doc, atom.Script)) > 0 {
		t.Error("index.html has a <script> element")
	}
	first := findTable(t, tablesOf(doc), "Where the top persons first appear")
	if first.rows[0][3] != hostile {
		t.Errorf("the title shows as %q, want %q", first.rows[0][3], hostile)
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(md, []byte("<script")) || !bytes.Contains(md, []byte("&lt;script&gt;")) {
		t.Error("the title is not escaped in report.md")
	}
	var rendered bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.Table)).Convert(md, &rendered); err != nil {
		t.Fatal(err)
	}
	mdDoc, err := html.Parse(&rendered)
	if err != nil {
		t.Fatal(err)
	}
	if len(elements(mdDoc, atom.Script)) > 0 {
		t.Error("report.md renders a <script> element")
	}
	if got := findTable(t, tablesOf(mdDoc), "Where the top persons first appear").rows[0][3]; got != hostile {
		t.Errorf("report.md shows the title as %q, want %q", got, hostile)
	}
}

func TestReportFlagErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report"}, `"output" not set`},
		{[]string{"report", "-o", t.TempDir(), "--by", "genre"}, `--by "genre"`},
		{[]string{"report", "-o", t.TempDir(), "--top", "0"}, "--top 0"},
		{[]string{"report", "-o", t.TempDir(), "--target", "from=1962-13"}, "--target"}, // from=1962 is a year since issue 12
		{[]string{"report", "-o", t.TempDir(), "--reference", "page=1"}, "--reference needs --target"},
		{[]string{"report", "-o", t.TempDir(), "--term", " "}, "--term: empty"},
		{[]string{"report", "-o", t.TempDir(), "--figures", "pdf"}, `--figures "pdf"`},
		{[]string{"report", "-o", t.TempDir(), "--no-corpus-words", "--from", "2010-01-01"}, "no article to report on"},
	} {
		code, _, errOut := baokanRun(t, tc.args...)
		if code != exitError || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want an error with %q", tc.args, code, errOut, tc.want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	// Expected forms: what a POSIX shell reads back as the same word.
	for in, want := range map[string]string{
		"report":                     "report",
		"--target=from=2000-01-01":   "--target=from=2000-01-01",
		"毛泽东":                        "毛泽东",
		"from=1966-05-16,title=社论 x": "'from=1966-05-16,title=社论 x'",
		"it's":                       `'it'\''s'`,
		"":                           "''",
		"a*b":                        "'a*b'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// shellWords splits a command line as a POSIX shell does, for the quoting shellQuote
// writes (plain words and single-quoted strings).
func shellWords(t *testing.T, line string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	inQuote, inWord := false, false
	for _, r := range line {
		switch {
		case inQuote && r == '\'':
			inQuote = false
		case inQuote:
			cur.WriteRune(r)
		case r == '\'':
			inQuote, inWord = true, true
		case r == ' ':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inQuote {
		t.Fatalf("unclosed quote in %q", line)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// TestReportShortCorpusMonthly: a corpus of two years gets periods of a year and
// timelines by month.
func TestReportShortCorpusMonthly(t *testing.T) {
	filter := []string{"--from", "1995-01-01", "--to", "1996-12-31"}
	dir := writeReport(t, append([]string{"--no-corpus-words", "--figures", "none", "--person", "李鹏", "--term", "合作"}, filter...)...)
	doc := parseHTMLFile(t, filepath.Join(dir, "index.html"))
	tables := tablesOf(doc)
	if len(elements(doc, atom.Img)) != 0 {
		t.Error("--figures none drew figures")
	}
	// Months with articles, as `baokan stats --by month` counts them over the same filter.
	months := map[string]string{}
	for _, r := range csvRows(t, append([]string{"stats", "--by", "month"}, filter...)...)[1:] {
		months[r[0]] = r[1]
	}
	timeline := findTable(t, tables, "Articles naming each person, by month")
	if len(timeline.rows) != len(months) {
		t.Errorf("%d months in the timeline, stats has %d", len(timeline.rows), len(months))
	}
	for _, r := range timeline.rows {
		if months[r[0]] != r[1] {
			t.Errorf("month %s: %s articles, stats says %s", r[0], r[1], months[r[0]])
		}
	}
	if got := strings.Join(timeline.header, ","); got != "month,articles,李鹏" {
		t.Errorf("persons timeline columns %s, want the --person", got)
	}
	if got := strings.Join(findTable(t, tables, "Words per 10,000 words, by month").header, ","); got != "month,words,合作" {
		t.Errorf("words timeline columns %s, want the --term", got)
	}
	findTable(t, tables, "The 10 most frequent words of each year")
	if !strings.Contains(textOf(doc), "from=1996-01-01,to=1996-12-31 (the default: the latest year, 1996)") {
		t.Error("the keyness target is not the latest year")
	}
}

// TestDecadeLabel checks the decades of a few years worked by hand: the 1960s run
// 1960–1969.
func TestDecadeLabel(t *testing.T) {
	for year, want := range map[int]string{1958: "1950s", 1960: "1960s", 1969: "1960s", 2003: "2000s"} {
		if got := decadeLabel(year); got != want {
			t.Errorf("decadeLabel(%d) = %s, want %s", year, got, want)
		}
	}
}
