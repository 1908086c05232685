package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// sharedCorpus holds real PLA Daily articles (GBK, CRLF); see shared/FORMAT.md.
const sharedCorpus = "../../shared/corpus/jfjb"

// realArticle is the text of one real article, cut out of its file by hand here so that
// this package does not depend on the corpus reader it serves.
type realArticle struct {
	file, title, body string
}

// between returns the text between the first open and close markers in s.
func between(s, open, close string) string {
	i := strings.Index(s, open)
	if i < 0 {
		return ""
	}
	s = s[i+len(open):]
	if j := strings.Index(s, close); j >= 0 {
		return s[:j]
	}
	return s
}

// readRealArticles reads every .TXT file of the shared corpus, one article a file, with
// CRLF turned into LF as the corpus reader does.
func readRealArticles(t *testing.T) []realArticle {
	t.Helper()
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skipf("real articles not found at %s (the shared folder beside the repository): %v", sharedCorpus, err)
	}
	var articles []realArticle
	err := filepath.WalkDir(sharedCorpus, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".txt") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		if err != nil {
			return err
		}
		s := strings.ReplaceAll(string(text), "\r\n", "\n")
		articles = append(articles, realArticle{
			file:  filepath.Base(path),
			title: between(s, "〖BT/标题〗", "〖-BT/标题〗"),
			body:  strings.Trim(between(s, "〖ZW/正文〗", "〖-ZW/正文〗"), "\n"),
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) < 100 {
		t.Fatalf("found %d articles in %s, want the 120 that FORMAT.md describes", len(articles), sharedCorpus)
	}
	return articles
}

// writeRealArticles writes the articles in format f under the columns file, title,
// body and chars (the body's length in characters).
func writeRealArticles(t *testing.T, f Format, articles []realArticle) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, f, []string{"file", "title", "body", "chars"})
	for _, a := range articles {
		if err := w.WriteRow(a.file, a.title, a.body, utf8.RuneCountInString(a.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRealArticlesRoundTrip: real bodies (many lines, indented, full of Chinese
// punctuation and “quotes”) come back unchanged from encoding/csv and encoding/json.
func TestRealArticlesRoundTrip(t *testing.T) {
	articles := readRealArticles(t)
	records, err := csv.NewReader(bytes.NewReader(writeRealArticles(t, FormatCSV, articles))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != len(articles)+1 {
		t.Fatalf("CSV has %d records for %d articles and a header", len(records), len(articles))
	}
	multiline := 0
	for i, a := range articles {
		if want := []string{a.file, a.title, a.body}; !reflect.DeepEqual(records[i+1][:3], want) {
			t.Errorf("%s: CSV gave back %q, want %q", a.file, records[i+1][:3], want)
		}
		if strings.Contains(a.body, "\n") {
			multiline++
		}
	}
	if multiline < 50 {
		t.Errorf("only %d bodies have line breaks: the test would not test quoting", multiline)
	}

	lines := bytes.Split(bytes.TrimSuffix(writeRealArticles(t, FormatJSONL, articles), []byte("\n")), []byte("\n"))
	if len(lines) != len(articles) {
		t.Fatalf("JSONL has %d lines for %d articles", len(lines), len(articles))
	}
	for i, a := range articles {
		var got struct {
			File, Title, Body string
			Chars             int
		}
		if err := json.Unmarshal(lines[i], &got); err != nil {
			t.Fatalf("%s: %v", a.file, err)
		}
		if got.File != a.file || got.Title != a.title || got.Body != a.body || got.Chars != utf8.RuneCountInString(a.body) {
			t.Errorf("%s: JSONL gave back %+v", a.file, got)
		}
	}
}

// TestRealArticlesPandas: pandas reads the real bodies back unchanged from CSV and JSON
// Lines. Needs the Debian package python3-pandas.
func TestRealArticlesPandas(t *testing.T) {
	articles := readRealArticles(t)
	if err := exec.Command(pythonPath, "-c", "import pandas").Run(); err != nil {
		t.Skipf("pandas not importable by %s (apt-get install -y python3-pandas): %v", pythonPath, err)
	}
	dir := t.TempDir()
	csvPath, jsonlPath := filepath.Join(dir, "a.csv"), filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(csvPath, writeRealArticles(t, FormatCSV, articles), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(jsonlPath, writeRealArticles(t, FormatJSONL, articles), 0o644); err != nil {
		t.Fatal(err)
	}
	const script = `
import json, sys
import pandas as pd
c = pd.read_csv(sys.argv[1], keep_default_na=False, na_values=[])
j = pd.read_json(sys.argv[2], lines=True, dtype=False, convert_dates=False)
rows = lambda df: [[r.file, r.title, r.body, int(r.chars)] for r in df.itertuples(index=False)]
print(json.dumps({"csv": rows(c), "jsonl": rows(j)}, ensure_ascii=False))
`
	out, err := exec.Command(pythonPath, "-c", script, csvPath, jsonlPath).Output()
	if err != nil {
		t.Fatalf("pandas: %v\n%s", err, exitStderr(err))
	}
	var got struct{ CSV, JSONL [][]any }
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for name, rows := range map[string][][]any{"read_csv": got.CSV, "read_json": got.JSONL} {
		if len(rows) != len(articles) {
			t.Fatalf("pandas.%s gave %d rows for %d articles", name, len(rows), len(articles))
		}
		for i, a := range articles {
			want := []any{a.file, a.title, a.body, float64(utf8.RuneCountInString(a.body))}
			if !reflect.DeepEqual(rows[i], want) {
				t.Errorf("pandas.%s, %s: got %q, want %q", name, a.file, rows[i], want)
			}
		}
	}
}

// TestRealArticlesTable: a terminal table of real bodies has every line of one display
// width (the columns line up) and wraps the bodies at tableColumnMax.
func TestRealArticlesTable(t *testing.T) {
	articles := readRealArticles(t)[:20]
	out := string(writeRealArticles(t, FormatTable, articles))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	width := twwidth.Width(lines[0])
	if width <= tableColumnMax {
		t.Fatalf("table only %d wide: bodies not in it?", width)
	}
	for i, line := range lines {
		if w := twwidth.Width(line); w != width {
			t.Fatalf("line %d is %d wide, the first %d:\n%s\n%s", i+1, w, width, lines[0], line)
		}
	}
	if len(lines) < 200 {
		t.Errorf("20 real bodies wrapped into only %d lines", len(lines))
	}
}
