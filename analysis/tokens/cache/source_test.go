package cache

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/baokan/baokan/corpus"
)

// drain reads a source through the contract alone.
func drain(t *testing.T, src corpus.Source) ([]string, corpus.Summary) {
	t.Helper()
	var got []string
	for a, err := range src.All() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, a.Path+":"+a.Title)
	}
	return got, src.Summary()
}

// The raw reader and a scan of the cache made from it are the same corpus.Source: the same
// articles in the same order, the same summary; OpenScan's Close also closes the file, and
// may be called twice.
func TestOpenScanIsSource(t *testing.T) {
	path := writeCache(t, sampleOpen, "", nil)
	raw, err := sampleOpen(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, wantSum := drain(t, raw)
	raw.Close()
	fs, err := OpenScan(path, ScanOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	got, gotSum := drain(t, fs)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the cache gives %d articles, the raw reader %d, or in another order", len(got), len(want))
	}
	if gotSum.Articles != wantSum.Articles || gotSum.Files != wantSum.Files || gotSum.DiagnosticsTotal() != wantSum.DiagnosticsTotal() {
		t.Errorf("summary %+v, want %+v", gotSum, wantSum)
	}
	if err := fs.Close(); err != nil {
		t.Fatal(err)
	}
	if err := fs.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := fs.Reader().file.Stat(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("the cache file is still open after Close (Stat: %v)", err)
	}
}

// Check refuses a flag given with another value than the cache's, accepts flags not given,
// and names both sides; Describe renders the settings as flags. Expected strings written by
// hand from the flags.
func TestSettingsCheck(t *testing.T) {
	made := Segmentation{HMM: false, CorpusWords: true, Names: true, NewWords: false}
	settings, err := made.Settings(nil)
	if err != nil {
		t.Fatal(err)
	}
	h := Header{Settings: settings}
	if got, want := h.Describe(), "--hmm=false --no-new-words"; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	asked := Segmentation{HMM: true, CorpusWords: true, Names: true, NewWords: true}
	if err := h.Check("c.bki", asked, nil); err != nil {
		t.Errorf("flags not given must take the cache's values: %v", err)
	}
	given := func(f string) bool { return f == "hmm" || f == "no-new-words" }
	err = h.Check("c.bki", asked, given)
	want := "c.bki was made with --hmm=false --no-new-words=true; this run asks --hmm=true --no-new-words=false: run 'baokan index' again with these flags, or drop them"
	if err == nil || err.Error() != want {
		t.Errorf("Check = %v,\nwant %s", err, want)
	}
	other := Header{Settings: []Setting{{SettingSegmenter, "gse v0, baokan segment revision 0"}}}
	if err := other.Check("c.bki", asked, nil); err == nil || !strings.Contains(err.Error(), "another segmenter") {
		t.Errorf("a cache of another segmenter: %v", err)
	}
	if _, err := Arg([]string{"a.bki", "b"}); err == nil {
		t.Error("a cache given with other sources must be refused")
	}
	if p, err := Arg([]string{"x/A.BKI"}); p != "x/A.BKI" || err != nil {
		t.Errorf("Arg = %q, %v", p, err)
	}
}
