package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleArticle is a real article of the embedded sample (one article, GBK, CRLF).
const sampleArticle = "../../testdata/sample/txt/1959/195910/19591002/195910020202.TXT"

// copyArticle copies the sample article to dir/name and returns its path and bytes.
func copyArticle(t *testing.T, dir, name string) (string, []byte) {
	t.Helper()
	data, err := os.ReadFile(sampleArticle)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p, data
}

// assertRefused checks a run stopped with exit 1 and a message naming the output, and
// that the file at path holds want still.
func assertRefused(t *testing.T, args []string, path string, want []byte, message string) {
	t.Helper()
	code, out, errOut := baokanRun(t, args...)
	if code != exitError {
		t.Errorf("%v: exit %d, want %d (stderr %q)", args, code, exitError, errOut)
	}
	if !strings.Contains(errOut, message) {
		t.Errorf("%v: stderr %q, want it to say %q", args, errOut, message)
	}
	if strings.Contains(errOut, "articles,") || out != "" {
		t.Errorf("%v: read before refusing (stdout %q, stderr %q)", args, out, errOut)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%v: %s changed (%d bytes, was %d)", args, path, len(got), len(want))
	}
}

// Every command that writes a file refuses to write it over one of its sources: the
// source's bytes are unchanged and nothing is read (issue 12: `articles --format csv -o
// a.TXT a.TXT` replaced the article with a CSV header).
func TestOutputOverSourceRefused(t *testing.T) {
	dir := t.TempDir()
	a, data := copyArticle(t, dir, "a.TXT")
	const overSource = "is a source of this run"
	for _, args := range [][]string{
		{"stats", "-o", a, a},
		{"stats", "--format", "csv", "-o", a, a},
		{"articles", "--format", "csv", "-o", a, a},
		{"terms", "-o", a, a},
		{"persons", "-o", a, a},
		{"persons", "--entries", "-o", a, a},
		{"timeline", "-o", a, a},
		{"timeline", "--chart", a, a},
		{"network", "-o", a, a},
		{"network", "--gexf", a, a},
		{"network", "--graphml", a, a},
		{"network", "--dot", a, a},
		{"keywords", "-o", a, a},
		{"keyness", "--target", "from=1959", "-o", a, a},
		{"index", "-o", a, a},
		{"segment", "-o", a, a},
		{"stats", "--cpuprofile", a, a},
		{"report", "-o", a, a},
		// A glob pattern names the source too.
		{"stats", "-o", a, filepath.Join(dir, "*.TXT")},
		// An input file given to a flag is a source.
		{"terms", "--stopwords", a, "-o", a},
		{"segment", "--dict", a, "-o", a},
	} {
		assertRefused(t, args, a, data, overSource)
	}

	// A hard link and a symbolic link to the source are the source.
	link := filepath.Join(dir, "link.TXT")
	if err := os.Link(a, link); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	assertRefused(t, []string{"articles", "--format", "csv", "-o", link, a}, a, data, overSource)
	sym := filepath.Join(dir, "sym.TXT")
	if err := os.Symlink(a, sym); err == nil {
		assertRefused(t, []string{"stats", "-o", a, sym}, a, data, overSource)
	}
}

// An output inside a source folder, or the folder itself, is refused: it would be read as
// input (a .txt) or sit among the sources.
func TestOutputInsideSourceFolderRefused(t *testing.T) {
	dir := t.TempDir()
	corpusDir := filepath.Join(dir, "corpus")
	a, data := copyArticle(t, corpusDir, "sub/a.TXT")
	for _, args := range [][]string{
		{"stats", "-o", a, corpusDir},
		{"articles", "--format", "csv", "-o", filepath.Join(corpusDir, "sub", "a.TXT"), corpusDir},
		{"report", "-o", filepath.Join(corpusDir, "sub"), corpusDir},
		{"export", "--parquet", filepath.Join(corpusDir, "out"), corpusDir},
	} {
		assertRefused(t, args, a, data, "inside the source folder")
	}
	assertRefused(t, []string{"report", "-o", corpusDir, corpusDir}, a, data, "is a source folder of this run")
	assertRefused(t, []string{"export", "--parquet", corpusDir, corpusDir}, a, data, "is a source folder of this run")
	// A new file there is not created either.
	code, _, _ := baokanRun(t, "stats", "-o", filepath.Join(corpusDir, "new.csv"), corpusDir)
	if _, err := os.Stat(filepath.Join(corpusDir, "new.csv")); code != exitError || err == nil {
		t.Errorf("-o inside the source folder: exit %d, file made: %v", code, err == nil)
	}
}

// The cache given as input is a source: index of it is refused already; analyses writing
// over it are refused here.
func TestOutputOverCacheRefused(t *testing.T) {
	dir := t.TempDir()
	bki := filepath.Join(dir, "s.bki")
	if code, _, errOut := baokanRun(t, "index", "-q", "-o", bki); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(bki)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"terms", "-o", bki, bki},
		{"stats", "--format", "csv", "-o", bki, bki},
		{"index", "-o", bki, bki},
	} {
		code, _, errOut := baokanRun(t, args...)
		if code != exitError {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
		if got, _ := os.ReadFile(bki); !bytes.Equal(got, data) {
			t.Errorf("%v: the cache changed", args)
		}
	}
}

// An output that cannot be written is said before reading; nothing is made.
func TestOutputUnwritableUpFront(t *testing.T) {
	dir := t.TempDir()
	a, _ := copyArticle(t, dir, "a.TXT")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"stats", "-o", filepath.Join(dir, "missing", "x.csv"), a}, "cannot be created: no folder"},
		{[]string{"stats", "-o", filepath.Join(a, "x.csv"), a}, "is not a folder"},
		{[]string{"stats", "-o", dir, a}, "is a folder; give a file name"},
		{[]string{"timeline", "--chart", filepath.Join(dir, "missing", "x.svg"), a}, "cannot be created"},
		{[]string{"network", "--format", "csv", "-o", filepath.Join(dir, "missing", "net"), a}, "cannot be created"},
		{[]string{"report", "-o", filepath.Join(a, "r"), a}, "is a file"},
		{[]string{"stats", "-o", filepath.Join(dir, "x.csv"), "--chart-no-such-flag", a}, "unknown flag"},
	} {
		code, out, errOut := baokanRun(t, tc.args...)
		if code != exitError || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "articles,") || out != "" {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 saying %q before reading", tc.args, code, errOut, tc.want)
		}
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := baokanRun(t, "stats", "-o", filepath.Join(ro, "x.csv"), a)
		if code != exitError || !strings.Contains(errOut, "cannot be written") {
			t.Errorf("read-only folder: exit %d, stderr %q", code, errOut)
		}
	}
	// Standard output and devices stay allowed.
	if code, _, errOut := baokanRun(t, "stats", "-q", "-o", "-", a); code != exitOK {
		t.Errorf("-o -: exit %d: %s", code, errOut)
	}
	if code, _, errOut := baokanRun(t, "stats", "-q", "-o", os.DevNull, a); code != exitOK {
		t.Errorf("-o %s: exit %d: %s", os.DevNull, code, errOut)
	}
}

// report -o DIR writes only its own names; a folder holding report files it did not write
// is refused without --force; other files are left as they were; a report's own folder is
// written again.
func TestReportDirKeepsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(out, "notes.txt")
	mine := []byte("my notes\n")
	if err := os.WriteFile(notes, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	// Other files only: written, with a notice; the notes stay.
	code, _, errOut := baokanRun(t, "report", "--figures", "none", "-o", out)
	if code != exitOK {
		t.Fatalf("report: exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "holds other files: writing only index.html, report.md and figures/") {
		t.Errorf("no notice of what is written: %q", errOut)
	}
	if got, _ := os.ReadFile(notes); !bytes.Equal(got, mine) {
		t.Error("notes.txt changed")
	}
	// Its own report: written again.
	if code, _, errOut := baokanRun(t, "report", "--figures", "none", "-o", out); code != exitOK {
		t.Fatalf("report again: exit %d: %s", code, errOut)
	}
	// Someone else's index.html: refused, untouched; --force replaces it.
	other := filepath.Join(dir, "site")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	page := []byte("<html>my site</html>\n")
	index := filepath.Join(other, "index.html")
	if err := os.WriteFile(index, page, 0o644); err != nil {
		t.Fatal(err)
	}
	assertRefused(t, []string{"report", "--figures", "none", "-o", other}, index, page, "not written by baokan report: refusing to overwrite")
	if code, _, errOut := baokanRun(t, "report", "--figures", "none", "--force", "-q", "-o", other); code != exitOK {
		t.Fatalf("report --force: exit %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(index); bytes.Equal(got, page) {
		t.Error("--force did not replace index.html")
	}
}

// index and export write under fresh temporary names: a user's file named like the old
// fixed temporary names (FILE.tmp, NAME.partial) is left as it was.
func TestTemporaryNamesSpareUserFiles(t *testing.T) {
	dir := t.TempDir()
	mine := []byte("mine\n")
	for _, name := range []string{"c.bki.tmp", "articles.parquet.partial"} {
		if err := os.WriteFile(filepath.Join(dir, name), mine, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errOut := baokanRun(t, "index", "-q", "-o", filepath.Join(dir, "c.bki")); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, errOut)
	}
	if code, _, errOut := baokanRun(t, "export", "-q", "--no-tokens", "--parquet", dir); code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	for _, name := range []string{"c.bki.tmp", "articles.parquet.partial"} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); !bytes.Equal(got, mine) {
			t.Errorf("%s changed", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), "articles.parquet articles.parquet.partial c.bki c.bki.tmp"; got != want {
		t.Errorf("folder holds %s, want %s (no temporary file left)", got, want)
	}
}
