package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// Damaged archives: a file named .zip that is not one, and a .tar.gz cut in the middle of
// its second member. Reading goes on; each problem is a read_error diagnostic naming the
// archive; the members read before the damage are kept.
func TestDamagedArchives(t *testing.T) {
	dir := t.TempDir()
	a1, a2, a3 := synthetic(1, "甲", "正文一"), synthetic(2, "乙", strings.Repeat("正文二", 3000)), synthetic(3, "丙", "正文三")
	notZip := filepath.Join(dir, "a.zip")
	writeFile(t, notZip, []byte(a1))
	tgz := filepath.Join(dir, "b.tar.gz")
	writeTarGz(t, tgz, []string{"x/1.TXT", "x/2.TXT", "x/3.TXT"}, [][]byte{[]byte(a1), []byte(a2), []byte(a3)})
	full := readFileBytes(t, tgz)
	// The members are stored in order; gzip of the repeated body compresses well, so cut
	// at a point found by trying: the largest prefix that still yields member 1 only.
	cutAt := 0
	for n := len(full) - 1; n > 0; n-- {
		writeFile(t, tgz, full[:n])
		arts, _, _ := ReadAll([]string{tgz}, Options{})
		if len(arts) == 1 {
			cutAt = n
			break
		}
	}
	if cutAt == 0 {
		t.Fatal("no cut point yields exactly the first member")
	}
	writeFile(t, tgz, full[:cutAt])
	var diags []Diagnostic
	arts, sum, err := ReadAll([]string{notZip, tgz}, Options{OnDiagnostic: func(d Diagnostic) { diags = append(diags, d) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].Title != "甲" || arts[0].Path != tgz+"!x/1.TXT" {
		t.Errorf("articles %d", len(arts))
	}
	var errs []string
	for _, d := range diags {
		if d.Kind != KindReadError {
			t.Errorf("unexpected diagnostic %v", d)
			continue
		}
		errs = append(errs, d.Path)
	}
	// The tar reader reports the damage once, on the member it was reading or on the
	// archive itself.
	if len(errs) != 2 || errs[0] != notZip || !strings.HasPrefix(errs[1], tgz) {
		t.Errorf("read errors on %q, want %s then %s", errs, notZip, tgz)
	}
	if sum.FilesNoArticle[KindReadError] != 2 {
		t.Errorf("summary %s", sum)
	}
}

func readFileBytes(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestOpenFS(t *testing.T) {
	fsys := fstest.MapFS{
		"sample/b/2.TXT":     {Data: []byte(synthetic(2, "乙", "正文"))},
		"sample/a/1.txt":     {Data: []byte(synthetic(1, "甲", "正文"))},
		"sample/README.md":   {Data: []byte("# sample")},
		"sample/c/empty.TXT": {Data: nil},
	}
	r, err := OpenFS(fsys, "sample", Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var titles []string
	for a, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		titles = append(titles, a.Path+"="+a.Title)
	}
	want := []string{"sample/a/1.txt=甲", "sample/b/2.TXT=乙"}
	if !sameStrings(titles, want) {
		t.Errorf("articles %q, want %q", titles, want)
	}
	if s := r.Summary(); s.Files != 3 || s.Ignored != 1 || s.FilesNoArticle[KindEmptyFile] != 1 {
		t.Errorf("summary %s (ignored %d)", s, s.Ignored)
	}
	if _, err := OpenFS(fsys, "nothing", Options{}); err == nil {
		t.Error("OpenFS on a missing root succeeded")
	}
}

// Summary.String is the line the command prints; its counts come from the stream.
func TestSummaryString(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "1.TXT"), []byte(synthetic(1, "甲", "正文")))
	writeFile(t, filepath.Join(dir, "2.TXT"), []byte(synthetic(2, "乙", "正文")))
	writeFile(t, filepath.Join(dir, "3.TXT"), nil)
	cut := synthetic(4, "丁", "正文")
	writeFile(t, filepath.Join(dir, "4.TXT"), []byte(cut[:strings.Index(cut, "文\n")])) // ends "    正"
	f, _ := ParseFilter("title=甲")
	_, sum, err := ReadAll([]string{dir}, Options{Filter: f})
	if err != nil {
		t.Fatal(err)
	}
	want := "4 files, 2 articles (1 matched the filter), 1 skipped, 1 files without an article, 2 diagnostics: empty_file 1 truncated 1"
	if got := sum.String(); got != want {
		t.Errorf("summary\n %s\nwant\n %s", got, want)
	}
}
