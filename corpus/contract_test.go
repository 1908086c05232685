package corpus

import (
	"errors"
	"testing"
	"testing/fstest"
)

// NoArticleError names what was found instead of articles, and wraps ErrNoArticle; the
// message is the one the command printed before it moved here (cmd/baokan's errNoArticle).
func TestNoArticleError(t *testing.T) {
	if NoArticleError(Summary{Articles: 1}) != nil {
		t.Fatal("an error for a run that read an article")
	}
	sum := Summary{Files: 3, Ignored: 2, FilesNoArticle: map[Kind]int{"not_txt": 1, "empty_file": 2}}
	err := NoArticleError(sum)
	want := "no article read (3 files, 2 empty_file, 1 not_txt, 2 not read (--verbose names them)): is this a folder of the archive's tagged .txt files?"
	if err == nil || err.Error() != want || !errors.Is(err, ErrNoArticle) {
		t.Errorf("got %v, want %s", err, want)
	}
}

// Drain reads a Source to its end through the contract: the two articles of two made-up
// files (one article each, as synthetic writes them), and nothing of an empty file.
func TestDrainSource(t *testing.T) {
	fsys := fstest.MapFS{
		"s/1.TXT": {Data: []byte(synthetic(1, "甲", "正文"))},
		"s/2.TXT": {Data: []byte(synthetic(2, "乙", "正文"))},
		"s/3.TXT": {Data: nil},
	}
	r, err := OpenFS(fsys, "s", Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var src Source = r
	defer src.Close()
	var titles []string
	if err := Drain(src, func(a *Article) error { titles = append(titles, a.Title); return nil }); err != nil {
		t.Fatal(err)
	}
	if !sameStrings(titles, []string{"甲", "乙"}) || src.Summary().Articles != 2 || src.Summary().Files != 3 {
		t.Errorf("drained %q, summary %s", titles, src.Summary())
	}
	stop := errors.New("stop")
	r2, _ := OpenFS(fsys, "s", Options{})
	defer r2.Close()
	n := 0
	if err := Drain(r2, func(*Article) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("Drain returned %v after %d calls; want fn's error after 1", err, n)
	}
}
