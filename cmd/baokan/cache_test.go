package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baokan/baokan"
)

// indexSample writes the cache of the embedded sample into a temporary folder.
func indexSample(t *testing.T, extra ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.bki")
	if code, _, errOut := baokanRun(t, append([]string{"index", "-q", "-o", path}, extra...)...); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, errOut)
	}
	return path
}

// Every analysis command gives the same bytes on stdout and stderr (summary line,
// diagnostics with --verbose) from the cache as from the raw files it was made from: the
// raw run is the independent reference. Filters, word filters and --titles apply to the
// cache as to the raw files.
func TestCacheGivesTheRawOutput(t *testing.T) {
	path := indexSample(t)
	cases := [][]string{
		{"stats", "--by", "genre"},
		{"stats", "--from", "1990-01-01", "--verbose"},
		{"articles", "--body", "--format", "jsonl"},
		{"articles", "--genre", "消息", "--format", "csv"},
		{"persons"},
		{"persons", "--from-text", "--format", "csv"},
		{"network", "--format", "csv"},
		{"terms", "--top", "0", "--format", "csv"},
		{"terms", "--verbose", "--strict", "--top", "5"},
		{"terms", "--by", "year", "--min-len", "2"},
		{"terms", "--titles", "--keep-punct", "--no-stopwords", "--top", "50"},
		{"terms", "--from", "1980-01-01", "--title", "赫鲁晓夫"},
		{"keywords", "--format", "csv"},
		{"keywords", "--by", "year", "--tf", "log"},
		{"keyness", "--target", "from=1990-01-01"},
		{"stats", "--strict"},
		{"timeline", "--by", "year", "--series", "articles,chars,tokens", "--person", "毛泽东", "--format", "csv"},
		{"timeline", "--by", "quarter", "--series", "articles,chars", "--genre-series", "消息"},
	}
	if raceEnabled {
		// Each raw word command loads the dictionary: keep one of each kind of reading.
		cases = [][]string{{"stats", "--from", "1990-01-01", "--verbose"}, {"keywords", "--format", "csv"}}
	}
	for _, args := range cases {
		rawCode, rawOut, rawErr := baokanRun(t, args...)
		code, out, errOut := baokanRun(t, append(args, path)...)
		if code != rawCode || out != rawOut || errOut != rawErr {
			t.Errorf("%v: from the cache exit %d, %d bytes out, stderr %q; from the raw files exit %d, %d bytes, stderr %q",
				args, code, len(out), errOut, rawCode, len(rawOut), rawErr)
		}
	}
}

// The cache's bytes do not depend on the number of workers; nor do analyses of it.
func TestCacheDeterministic(t *testing.T) {
	if raceEnabled {
		t.Skip("two more index runs; under -race TestCacheGivesTheRawOutput's covers index's goroutines")
	}
	one := indexSample(t, "--workers", "1")
	four := indexSample(t, "--workers", "4")
	a, err := os.ReadFile(one)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(four)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("index --workers 1 and 4 wrote different files (%d and %d bytes)", len(a), len(b))
	}
	for _, args := range [][]string{{"terms", "--by", "month"}, {"keywords"}, {"articles"}} {
		_, o1, _ := baokanRun(t, append(args, "--workers", "1", one)...)
		_, o4, _ := baokanRun(t, append(args, "--workers", "4", one)...)
		if o1 != o4 {
			t.Errorf("%v: --workers 1 and 4 differ", args)
		}
	}
}

// Asking for other segmentation settings than the cache's is an error naming both; not
// giving them takes the cache's.
func TestCacheSettingsChecked(t *testing.T) {
	path := indexSample(t)
	code, _, errOut := baokanRun(t, "terms", "--hmm", path)
	if code != exitError || !strings.Contains(errOut, "was made with --hmm=false; this run asks --hmm=true: run 'baokan index' again") {
		t.Errorf("--hmm on a shortest-path cache: exit %d, %q", code, errOut)
	}
	dict := filepath.Join(t.TempDir(), "user.dict")
	if err := os.WriteFile(dict, []byte("城楼上观看\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = baokanRun(t, "keywords", "--dict", dict, path)
	if code != exitError || !strings.Contains(errOut, "was made with no --dict; this run asks --dict "+dict) {
		t.Errorf("--dict on a cache made without: exit %d, %q", code, errOut)
	}
	if code, _, errOut = baokanRun(t, "terms", "--hmm=false", "--no-corpus-words=false", "-q", path); code != exitOK {
		t.Errorf("the cache's own settings given explicitly: exit %d, %q", code, errOut)
	}
	if raceEnabled {
		return // a second index run and a raw one: the checks above need none
	}
	withDict := indexSample(t, "--dict", dict)
	code, _, errOut = baokanRun(t, "terms", "--no-corpus-words", withDict)
	if code != exitError || !strings.Contains(errOut, "--no-corpus-words=false; this run asks --no-corpus-words=true") {
		t.Errorf("--no-corpus-words on a cache with corpus words: exit %d, %q", code, errOut)
	}
	// A word of the user dictionary (城楼上观看: 3 times in the bodies, counted with grep) is one
	// word from the cache made with it, as from the
	// raw files with --dict.
	_, raw, _ := baokanRun(t, "terms", "--top", "0", "--format", "csv", "-q", "--dict", dict)
	_, cached, _ := baokanRun(t, "terms", "--top", "0", "--format", "csv", "-q", withDict)
	if raw != cached || !strings.Contains(raw, "\n城楼上观看,3,") {
		t.Errorf("the --dict cache's terms differ from the raw files' with --dict, or miss 城楼上观看 (3 times in the bodies: grep)")
	}
}

// Sources changed since indexing are a warning, not an error; a cache is no CORPUS among
// others; index refuses filters and a cache as input.
func TestCacheSourcesAndMisuse(t *testing.T) {
	dir := t.TempDir()
	err := fs.WalkDir(baokan.SampleFS, baokan.SampleRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(baokan.SampleFS, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.bki")
	if code, _, errOut := baokanRun(t, "index", "-q", "-o", path, dir); code != exitOK {
		t.Fatalf("index: %s", errOut)
	}
	_, _, errOut := baokanRun(t, "stats", path)
	if strings.Contains(errOut, "changed") {
		t.Errorf("unchanged sources reported: %q", errOut)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.TXT"))
	later := time.Now().Add(time.Hour)
	os.Chtimes(files[3], later, later)
	os.Remove(files[7])
	code, out, errOut := baokanRun(t, "stats", "--format", "csv", path)
	if code != exitOK || !strings.Contains(errOut, "sources changed since indexing: 2 of 38 files differ or are gone (first: "+files[3]) ||
		!strings.Contains(out, "articles read,38") {
		t.Errorf("changed sources: exit %d, stderr %q", code, errOut)
	}
	if _, _, errOut := baokanRun(t, "stats", "-q", path); errOut != "" {
		t.Errorf("--quiet printed %q", errOut)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"stats", path, dir}, "give it alone"},
		{[]string{"index", "-o", filepath.Join(t.TempDir(), "x.bki"), path}, "already a cache"},
		{[]string{"index", "--from", "1990-01-01", "-o", filepath.Join(t.TempDir(), "x.bki")}, "unknown flag: --from"},
		{[]string{"index"}, "-o FILE.bki"},
	} {
		if code, _, errOut := baokanRun(t, c.args...); code != exitError || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, errOut, c.want)
		}
	}
}
