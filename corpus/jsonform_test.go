package corpus

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// The shared samples of the two JSON forms: 58 People's Daily and 15 Wenhui Bao articles,
// each with a MANIFEST.tsv read from the files independently of this package (path, repo,
// commit, chars, date, page, n_paragraphs, authors joined by "|", title).
const (
	rmrbDir = "../../shared/corpus/rmrb-json"
	whbDir  = "../../shared/corpus/whb-json"
)

func needDir(t testing.TB, dir string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST.tsv")); err != nil {
		t.Skipf("skipping: %s is absent (it is in the development tree only)", dir)
	}
}

type manifestRow struct {
	path, date, authors, title string
	chars, page, paragraphs    int
}

func readManifest(t *testing.T, dir string) []manifestRow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []manifestRow
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 9 {
			t.Fatalf("MANIFEST line %d: %d fields", i+1, len(f))
		}
		r := manifestRow{path: f[0], date: f[4], authors: f[7], title: f[8]}
		fmt.Sscan(f[3], &r.chars)
		fmt.Sscan(f[5], &r.page)
		fmt.Sscan(f[6], &r.paragraphs)
		rows = append(rows, r)
	}
	return rows
}

// paragraphTable reads testdata/json_paragraphs.tsv: by path (relative to the shared
// corpus folder), the leading paragraphs left out, and the first and last body paragraph,
// written down by reading each file.
type paragraphRow struct{ lead, first, last string }

func readParagraphTable(t *testing.T) map[string]paragraphRow {
	t.Helper()
	f, err := os.Open("testdata/json_paragraphs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	unescape := strings.NewReplacer(`\t`, "\t", `\\`, `\`)
	out := map[string]paragraphRow{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "path\t") {
			continue
		}
		c := strings.Split(line, "\t")
		out[c[0]] = paragraphRow{c[1], unescape.Replace(c[2]), unescape.Replace(c[3])}
	}
	return out
}

// wantDiagnostics are the diagnostics the READMEs' oddities call for, by file (every other
// file has none): the glued titles (1955/8/313, 1976/10/146, 1977/3/126), the glued bylines
// (1993/1/548, 1996/4/575 split by the text; 1997/7/631, 1999/10/30 not), an author absent
// from the text (1992/8/421), a third headline line the title lacks (1961/8/485), the empty
// texts of a picture and two advertisements and the raw <IMG> tag of the Wenhui Bao.
var wantDiagnostics = map[string][]Kind{
	"rmrb-json/json/1955/8/313.json":  {KindGluedTitle},
	"rmrb-json/json/1961/8/485.json":  {KindHeadlineNotTitle},
	"rmrb-json/json/1976/10/146.json": {KindGluedTitle},
	"rmrb-json/json/1977/3/126.json":  {KindGluedTitle},
	"rmrb-json/json/1992/8/421.json":  {KindAuthorNotInText},
	"rmrb-json/json/1993/1/548.json":  {KindGluedAuthors},
	"rmrb-json/json/1996/4/575.json":  {KindGluedAuthors},
	"rmrb-json/json/1997/7/631.json":  {KindGluedAuthors},
	"rmrb-json/json/1999/10/30.json":  {KindGluedAuthors},
	"whb-json/json/100/100123.json":   {KindHTMLStripped, KindEmptyText},
	"whb-json/json/280/280222.json":   {KindEmptyText},
	"whb-json/json/1230/1230456.json": {KindEmptyText},
}

// splitAuthors are the glued author entries the text shows the break of: （范绪功　安卫东）,
// （记者方益波、实习生杨攀）.
var splitAuthors = map[string][]string{
	"rmrb-json/json/1993/1/548.json": {"范绪功", "安卫东"},
	"rmrb-json/json/1996/4/575.json": {"方益波", "杨攀"},
}

// TestJSONSamplesAgainstManifest checks every field of every file of both samples against
// the MANIFEST, the hand-made paragraph table and the expected diagnostics.
func TestJSONSamplesAgainstManifest(t *testing.T) {
	needDir(t, rmrbDir)
	needDir(t, whbDir)
	table := readParagraphTable(t)
	seen := 0
	for _, dir := range []string{rmrbDir, whbDir} {
		rows := readManifest(t, dir)
		arts, sum, err := ReadAll([]string{dir}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != len(rows) || sum.Files != len(rows) || sum.SkippedTotal() != 0 {
			t.Fatalf("%s: %d articles from %d files (%d skipped), manifest %d", dir, len(arts), sum.Files, sum.SkippedTotal(), len(rows))
		}
		byPath := map[string]*Article{}
		for _, a := range arts {
			rel, _ := filepath.Rel(dir, a.Path)
			byPath[filepath.ToSlash(rel)] = a
		}
		form := filepath.Base(dir)
		for _, r := range rows {
			key := form + "/" + r.path
			a := byPath[r.path]
			if a == nil {
				t.Errorf("%s: not read", key)
				continue
			}
			seen++
			raw, _ := os.ReadFile(filepath.Join(dir, r.path))
			if CountChars(string(raw)) != r.chars {
				t.Errorf("%s: the file has %d characters, the manifest %d (not the same file?)", key, CountChars(string(raw)), r.chars)
			}
			wantPaper := PaperPeoplesDaily
			if form == "whb-json" {
				wantPaper = PaperWenhuiBao
			}
			if a.Paper != wantPaper || a.Line != 1 {
				t.Errorf("%s: paper %q line %d, want %q 1", key, a.Paper, a.Line, wantPaper)
			}
			if a.Date.String() != r.date || a.Page != r.page {
				t.Errorf("%s: date %s page %d, want %s %d", key, a.Date, a.Page, r.date, r.page)
			}
			// Authors: the manifest's entries, glued ones split where the text shows the break.
			wantAuthors := []string(nil)
			if r.authors != "" {
				wantAuthors = strings.Split(r.authors, "|")
			}
			if s, ok := splitAuthors[key]; ok {
				wantAuthors = s
			}
			if !slices.Equal(a.Authors, wantAuthors) {
				t.Errorf("%s: authors %q, want %q", key, a.Authors, wantAuthors)
			}
			// Title: the headline lines in order are the manifest's title, white space aside
			// (the People's Daily joins its lines by two spaces, U+3000 or nothing); the
			// Wenhui Bao's are ytitle / mtitle / ftitle.
			subtitles := a.Subtitles
			if slices.Contains(wantDiagnostics[key], KindHeadlineNotTitle) {
				subtitles = subtitles[:len(subtitles)-1]
			}
			if form == "whb-json" {
				var lines []string
				for _, l := range append([]string{a.Kicker, a.Title}, subtitles...) {
					if l != "" {
						lines = append(lines, l)
					}
				}
				if got := strings.Join(lines, " / "); got != r.title {
					t.Errorf("%s: title %q, want %q", key, got, r.title)
				}
			} else if got := stripSpace(a.Title + strings.Join(subtitles, "")); got != stripSpace(r.title) || a.Kicker != "" {
				t.Errorf("%s: kicker %q title %q subtitles %q, want %q", key, a.Kicker, a.Title, a.Subtitles, r.title)
			}
			// Paragraphs: the manifest counts the file's; the body lacks the leading ones.
			p, ok := table[key]
			if !ok {
				t.Errorf("%s: not in testdata/json_paragraphs.tsv", key)
				continue
			}
			lead := 0
			fmt.Sscan(p.lead, &lead)
			if p.lead != "empty" && len(a.Body)+lead != r.paragraphs {
				t.Errorf("%s: %d body paragraphs + %d leading, want the manifest's %d", key, len(a.Body), lead, r.paragraphs)
			}
			first, last := "", ""
			if len(a.Body) > 0 {
				first, last = a.Body[0], a.Body[len(a.Body)-1]
			}
			if first != p.first || last != p.last {
				t.Errorf("%s: body first %q last %q,\nwant first %q last %q", key, clip(first, 30), clip(last, 30), clip(p.first, 30), clip(p.last, 30))
			}
			// What the forms lack stays empty.
			if a.Serial != 0 || a.Item != 0 || a.Classification != "" || a.Topics != nil || a.RW != nil || a.RWSource != RWNone || a.AuthorUnit != "" {
				t.Errorf("%s: a field the JSON lacks is set: %+v", key, a)
			}
			if form == "rmrb-json" && (a.Column != "" || a.PageName != "" || a.Genres != nil || a.Extra != nil) {
				t.Errorf("%s: column %q page name %q genres %q extra %v: the People's Daily form has none", key, a.Column, a.PageName, a.Genres, a.Extra)
			}
			var kinds []Kind
			for _, d := range a.Diagnostics {
				kinds = append(kinds, d.Kind)
				if d.Path != a.Path || d.Line != 1 {
					t.Errorf("%s: diagnostic located at %s:%d", key, d.Path, d.Line)
				}
			}
			if !slices.Equal(kinds, wantDiagnostics[key]) {
				t.Errorf("%s: diagnostics %v, want %v", key, a.Diagnostics, wantDiagnostics[key])
			}
		}
	}
	if seen != 58+15 {
		t.Errorf("%d files checked, want 73", seen)
	}
}

// TestWenhuiBaoColumns checks the Wenhui Bao keys without a People's Daily counterpart on
// files read by hand: 780789 (masthead = special_issue 体育场, column 五色环下), 1230456
// (column 分类广告, masthead 经济观察·国际版·连载), 1100456 (source 本报, region 津市).
func TestWenhuiBaoColumns(t *testing.T) {
	needDir(t, whbDir)
	for _, c := range []struct {
		file, column, pageName string
		extra                  map[string]string
	}{
		{"json/780/780789.json", "五色环下", "体育场", map[string]string{"id": "780789", "count": "650", "special_issue": "体育场"}},
		{"json/1230/1230456.json", "分类广告", "经济观察·国际版·连载", map[string]string{"id": "1230456", "count": "19"}},
		{"json/1100/1100456.json", "", "国际新闻·国内新闻", map[string]string{"id": "1100456", "count": "705", "source": "本报", "region": "津市"}},
	} {
		arts, _, err := ReadAll([]string{filepath.Join(whbDir, c.file)}, Options{})
		if err != nil || len(arts) != 1 {
			t.Fatalf("%s: %d articles, %v", c.file, len(arts), err)
		}
		a := arts[0]
		extra := map[string]string{}
		for _, f := range a.Extra {
			extra[f.Code] = f.Value
		}
		if a.Column != c.column || a.PageName != c.pageName || !reflect.DeepEqual(extra, c.extra) {
			t.Errorf("%s: column %q page name %q extra %v, want %q %q %v", c.file, a.Column, a.PageName, extra, c.column, c.pageName, c.extra)
		}
	}
}

// sharedJSONFiles returns the paths of every JSON file of both samples, sorted.
func sharedJSONFiles(t testing.TB) []string {
	var out []string
	for _, dir := range []string{rmrbDir, whbDir} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
				out = append(out, p)
			}
			return nil
		})
	}
	slices.Sort(out)
	return out
}

// sameJSONArticle compares what two readings of one article hold, provenance aside.
func sameJSONArticle(a, b *Article) bool {
	x, y := *a, *b
	x.Path, y.Path, x.Line, y.Line, x.Diagnostics, y.Diagnostics = "", "", 0, 0, nil, nil
	for i := range x.Extra {
		x.Extra[i].Line = 0
	}
	for i := range y.Extra {
		y.Extra[i].Line = 0
	}
	return reflect.DeepEqual(x, y)
}

// TestJSONLinesArchivesAndMixed reads the same 73 articles as files, as JSON Lines, in a
// .zip and in a .tar.gz, with the tagged sample mixed in, and finds the same articles.
func TestJSONLinesArchivesAndMixed(t *testing.T) {
	needDir(t, rmrbDir)
	needDir(t, whbDir)
	files := sharedJSONFiles(t)
	direct, _, err := ReadAll(files, Options{})
	if err != nil || len(direct) != 73 {
		t.Fatalf("%d articles, %v", len(direct), err)
	}
	dir := t.TempDir()
	var lines bytes.Buffer
	zipPath, tarPath := filepath.Join(dir, "a.zip"), filepath.Join(dir, "b.tar.gz")
	zf, _ := os.Create(zipPath)
	zw := zip.NewWriter(zf)
	tf, _ := os.Create(tarPath)
	gz := gzip.NewWriter(tf)
	tw := tar.NewWriter(gz)
	for i, f := range files {
		data, _ := os.ReadFile(f)
		lines.Write(data)
		lines.WriteByte('\n')
		name := fmt.Sprintf("x/%03d.json", i)
		w, _ := zw.Create(name)
		w.Write(data)
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg})
		tw.Write(data)
	}
	zw.Close()
	zf.Close()
	tw.Close()
	gz.Close()
	tf.Close()
	jsonl := filepath.Join(dir, "all.jsonl")
	os.WriteFile(jsonl, lines.Bytes(), 0o644)
	// A tagged file between the JSON sources: parsed as the tagged export.
	tagged := filepath.Join(dir, "tagged.txt")
	os.WriteFile(tagged, []byte("〖RQ/日期〗19621029〖-RQ/日期〗\n〖BT/标题〗试验〖-BT/标题〗\n〖ZW/正文〗\n正文一段。\n〖-ZW/正文〗\n"), 0o644)
	// A folder: .json, .jsonl and .txt inside are read, other names ignored.
	folder := filepath.Join(dir, "folder")
	os.MkdirAll(folder, 0o755)
	second, _ := os.ReadFile(files[1])
	os.WriteFile(filepath.Join(folder, "lines.JSONL"), second, 0o644)
	os.WriteFile(filepath.Join(folder, "notes.md"), []byte("{}"), 0o644)

	for _, src := range [][]string{{jsonl}, {zipPath}, {tarPath}} {
		arts, sum, err := ReadAll(src, Options{Workers: 3})
		if err != nil || len(arts) != 73 || sum.SkippedTotal() != 0 {
			t.Fatalf("%v: %d articles (%d skipped), %v", src, len(arts), sum.SkippedTotal(), err)
		}
		for i := range arts {
			if !sameJSONArticle(arts[i], direct[i]) {
				t.Errorf("%v: article %d (%s:%d) differs from %s", src, i, arts[i].Path, arts[i].Line, direct[i].Path)
			}
		}
		if src[0] == jsonl && (arts[5].Line != 6 || arts[5].Path != jsonl) {
			t.Errorf("JSON Lines: article 6 at %s:%d, want line 6", arts[5].Path, arts[5].Line)
		}
	}
	arts, sum, err := ReadAll([]string{files[0], tagged, folder}, Options{TaggedPaper: "解放军报"})
	if err != nil || len(arts) != 3 || sum.Ignored != 1 {
		t.Fatalf("mixed: %d articles, %d ignored, %v", len(arts), sum.Ignored, err)
	}
	if arts[0].Paper != PaperPeoplesDaily || arts[1].Paper != "解放军报" || arts[1].Title != "试验" || arts[2].Paper != PaperPeoplesDaily {
		t.Errorf("mixed: papers %q %q %q, title %q", arts[0].Paper, arts[1].Paper, arts[2].Paper, arts[1].Title)
	}
	// Reading the JSON Lines and the files together: the same 73 articles twice, the second
	// copy of each is a duplicate, read once.
	arts, sum, err = ReadAll(append([]string{jsonl}, files...), Options{})
	if err != nil || len(arts) != 73 || sum.Skipped[KindDuplicate] != 73 || sum.Diagnostics[KindDuplicate] != 73 {
		t.Errorf("twice: %d articles, %v skipped, %v", len(arts), sum.Skipped, err)
	}
}

// TestJSONPaperFilter keeps one paper of a mixed run (Filter.Paper, ParseFilter's paper=).
func TestJSONPaperFilter(t *testing.T) {
	needDir(t, rmrbDir)
	needDir(t, whbDir)
	f, err := ParseFilter("paper=文汇报")
	if err != nil {
		t.Fatal(err)
	}
	arts, sum, err := ReadAll([]string{rmrbDir, whbDir}, Options{Filter: f})
	if err != nil || len(arts) != 15 || sum.Articles != 73 || sum.FilteredOut != 58 {
		t.Errorf("%d articles kept of %d (%d out), %v", len(arts), sum.Articles, sum.FilteredOut, err)
	}
}

// The records of the malformed-input tests. A valid People's Daily record first.
const goodRecord = `{"title":"标题一  标题二","authors":["张三"],"dates":[{"year":1950,"month":5,"day":3}],` +
	`"parts":[{"type":"paragraph","text":"标题一"},{"type":"paragraph","text":"标题二"},{"type":"paragraph","text":"张三"},` +
	`{"type":"paragraph","text":"正文。"}],"comments":[],"comment_pivots":[],"description":"","page_start":2,"page_end":2}`

func kindsOf(ds []Diagnostic) []Kind {
	var out []Kind
	for _, d := range ds {
		out = append(out, d.Kind)
	}
	return out
}

// TestJSONMalformed feeds damaged records: each gives a diagnostic naming the file and
// line, the good records around it are read.
func TestJSONMalformed(t *testing.T) {
	for _, c := range []struct {
		name, data string
		articles   int
		kinds      []Kind
	}{
		{"good", goodRecord, 1, nil},
		{"truncated", goodRecord[:len(goodRecord)/2], 0, []Kind{KindJSONSyntax}},
		{"truncated line among good", goodRecord + "\n" + goodRecord[:40] + "\n" + goodRecord + "\n", 1, []Kind{KindJSONSyntax, KindDuplicate}},
		{"wrong type parts", strings.Replace(goodRecord, `"parts":[`, `"parts":"x","p":[`, 1), 1, []Kind{KindAuthorNotInText, KindTitleNotInText, KindEmptyText, KindJSONType}},
		{"page as text", strings.Replace(goodRecord, `"page_start":2`, `"page_start":"二"`, 1), 1, []Kind{KindInvalidNumber}},
		{"no such day", strings.Replace(goodRecord, `"month":5,"day":3`, `"month":2,"day":30`, 1), 1, []Kind{KindInvalidDate}},
		{"two dates", strings.Replace(goodRecord, `"dates":[`, `"dates":[{"year":1950,"month":5,"day":4},`, 1), 1, []Kind{KindJSONValue}},
		{"neither form", `{"a":1}`, 0, []Kind{KindJSONUnknown}},
		{"array", `{"title":"x"}` + "\n[1,2]\n", 1, []Kind{KindMissingField, KindTitleNotInText, KindEmptyText, KindJSONUnknown}},
		{"pretty", "{\n  \"mtitle\": \"题\",\n  \"date\": [{\"year\": 1990, \"month\": 1, \"day\": 2}],\n  \"page\": \"3\",\n  \"text\": [{\"type\": \"paragraph\", \"text\": \"文。\"}]\n}\n", 1, nil},
		{"invalid utf-8", strings.Replace(goodRecord, "正文。", "正\xff文。", 1), 1, []Kind{KindInvalidEncoding}},
	} {
		// Duplicates are a reader's business, not a file's: drop them as Reader.Next does.
		res := parseContent("f.jsonl", []byte(c.data), false, "")
		var d duplicates
		d.drop(res)
		arts, diags := res.articles, res.diags
		if len(arts) != c.articles || !slices.Equal(kindsOf(diags), c.kinds) {
			t.Errorf("%s: %d articles, diagnostics %v; want %d, %v", c.name, len(arts), diags, c.articles, c.kinds)
		}
		for _, d := range diags {
			if d.Path != "f.jsonl" || d.Line < 1 {
				t.Errorf("%s: diagnostic %v not located", c.name, d)
			}
		}
	}
}

// TestJSONHugeString: a record holding a 100 MB string is reported as too_large and not
// decoded: reading it allocates a small fraction of its size.
func TestJSONHugeString(t *testing.T) {
	huge := make([]byte, 0, 100<<20+200)
	huge = append(huge, `{"title":"x","parts":[{"type":"paragraph","text":"`...)
	for len(huge) < 100<<20 {
		huge = append(huge, "正文正文正文正文"...)
	}
	huge = append(huge, `"}],"dates":[{"year":1950,"month":1,"day":1}]}`...)
	line := append([]byte(goodRecord+"\n"), huge...)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := parseContent("big.jsonl", line, false, "")
	runtime.ReadMemStats(&after)
	if len(res.articles) != 1 || !slices.Equal(kindsOf(res.diags), []Kind{KindTooLarge}) || res.diags[0].Line != 2 || res.skipped != 1 {
		t.Errorf("%d articles, diagnostics %v", len(res.articles), res.diags)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("reading a 100 MB record allocated %d bytes", grew)
	}
}

// TestJSONSkipBody: with SkipBody the body is not kept, the rest is as without.
func TestJSONSkipBody(t *testing.T) {
	needDir(t, rmrbDir)
	full, _, _ := ReadAll([]string{rmrbDir}, Options{})
	head, _, _ := ReadAll([]string{rmrbDir}, Options{SkipBody: true})
	for i := range full {
		full[i].Body = nil
		if !reflect.DeepEqual(full[i], head[i]) {
			t.Errorf("%s differs with SkipBody", full[i].Path)
		}
	}
}

// FuzzJSONRecord: any bytes after "{" are read without a panic; every article names its
// paper, every diagnostic its file and line, and articles plus skipped records account for
// every non-blank line.
func FuzzJSONRecord(f *testing.F) {
	f.Add([]byte(goodRecord))
	f.Add([]byte(`{"id":1,"date":[{"year":1987,"month":6,"day":18}],"page":"3","mtitle":"题","authors":["甲;乙"],"text":[{"type":"paragraph","text":"<FONT class=imgsm>说明</FONT>"}]}`))
	f.Add([]byte("{\n}\n{\"title\":1}\n"))
	f.Add([]byte(`{"dates":[{"year":"1950","month":5,"day":3}],"parts":null,"title":"图片"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if sniffForm(data) != formJSON {
			return
		}
		res := parseContent("fuzz.jsonl", data, false, "")
		for _, a := range res.articles {
			if a.Paper != PaperPeoplesDaily && a.Paper != PaperWenhuiBao {
				t.Fatalf("article without its paper: %+v", a)
			}
		}
		for _, d := range res.diags {
			if d.Path != "fuzz.jsonl" || d.Line < 1 || d.Kind == "" {
				t.Fatalf("diagnostic %v", d)
			}
		}
		if len(res.keys) != len(res.articles) {
			t.Fatalf("%d keys for %d articles", len(res.keys), len(res.articles))
		}
	})
}

// TestJSONLinesLargeFile: a JSON Lines file of several megabytes is parsed in pieces on
// every core; articles, lines and diagnostics come out as one pass would give them.
func TestJSONLinesLargeFile(t *testing.T) {
	var b bytes.Buffer
	const n = 12000
	bad := map[int]bool{777: true, 5001: true, 11999: true}
	for i := 1; i <= n; i++ {
		rec := strings.Replace(goodRecord, "正文。", fmt.Sprintf("正文第%d段。%s", i, strings.Repeat("长", 200)), 1)
		if bad[i] {
			rec = rec[:50]
		}
		b.WriteString(rec)
		b.WriteByte('\n')
		if i%1000 == 0 {
			b.WriteByte('\n') // blank lines count as lines
		}
	}
	if b.Len() < 4*jsonChunk {
		t.Fatalf("%d bytes: too small to be cut in pieces", b.Len())
	}
	res := parseContent("big.jsonl", b.Bytes(), false, "")
	if len(res.articles) != n-len(bad) || res.skipped != len(bad) || len(res.keys) != len(res.articles) {
		t.Fatalf("%d articles, %d skipped", len(res.articles), res.skipped)
	}
	lineOf := func(i int) int { return i + (i-1)/1000 } // record i's line: blank lines before it
	k := 0
	for i := 1; i <= n; i++ {
		if bad[i] {
			continue
		}
		a := res.articles[k]
		k++
		if a.Line != lineOf(i) || a.Body[0] != fmt.Sprintf("正文第%d段。%s", i, strings.Repeat("长", 200)) {
			t.Fatalf("record %d: line %d, body %q", i, a.Line, clip(a.Body[0], 12))
		}
	}
	var lines []int
	for _, d := range res.diags {
		lines = append(lines, d.Line)
	}
	if want := []int{lineOf(777), lineOf(5001), lineOf(11999)}; !slices.Equal(lines, want) {
		t.Errorf("diagnostics at lines %v, want %v", lines, want)
	}
}
