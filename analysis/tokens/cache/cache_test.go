package cache

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/baokan/baokan"
	"github.com/baokan/baokan/corpus"
)

// runeWords stands in for a segmenter: every character of s is a word. The cache stores
// whatever words it is given; the test needs words it can recompute independently.
func runeWords(dst []string, texts ...string) []string {
	for _, s := range texts {
		for _, r := range s {
			dst = append(dst, string(r))
		}
	}
	return dst
}

func titleTexts(a *corpus.Article) []string {
	return append([]string{a.Kicker, a.Title}, a.Subtitles...)
}

// record is what a read of the raw files or a scan of the cache gives.
type record struct {
	articles []corpus.Article
	diags    []corpus.Diagnostic
	files    []string
	summary  corpus.Summary
}

// readRaw reads a corpus with the corpus package.
func readRaw(t *testing.T, open func(corpus.Options) (*corpus.Reader, error), filter *corpus.Filter) record {
	t.Helper()
	var rec record
	r, err := open(corpus.Options{
		Filter:       filter,
		OnDiagnostic: func(d corpus.Diagnostic) { rec.diags = append(rec.diags, d) },
		OnFile:       func(p string, _, _ int) { rec.files = append(rec.files, p) },
	})
	if err != nil {
		t.Fatal(err)
	}
	for a, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		rec.articles = append(rec.articles, normalize(*a))
	}
	r.Close()
	rec.summary = r.Summary()
	return rec
}

// normalize makes empty lists nil: the cache does not tell them apart, and no command does.
func normalize(a corpus.Article) corpus.Article {
	for _, l := range []*[]string{&a.Subtitles, &a.Authors, &a.Topics, &a.Genres, &a.RW, &a.Body} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	if len(a.Extra) == 0 {
		a.Extra = nil
	}
	if len(a.Diagnostics) == 0 {
		a.Diagnostics = nil
	}
	return a
}

// writeCache writes the cache of a corpus as 'baokan index' does, with runeWords as the
// segmenter, and returns its path.
func writeCache(t *testing.T, open func(corpus.Options) (*corpus.Reader, error), base string, sources []Source) string {
	t.Helper()
	var files []corpus.FileInfo
	r, err := open(corpus.Options{OnFileInfo: func(f corpus.FileInfo) { files = append(files, f) }})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, []Setting{{"hmm", "false"}, {"dict", ""}})
	if err != nil {
		t.Fatal(err)
	}
	next, left := 0, 0
	take := func() {
		for left == 0 && next < len(files) {
			if err := w.AddFile(files[next]); err != nil {
				t.Fatal(err)
			}
			left = files[next].Articles
			next++
		}
	}
	for a, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		take() // the reader has reported the article's file by now
		left--
		titleWords := runeWords(nil, titleTexts(a)...)
		if err := w.AddArticle(a, runeWords(titleWords, a.Body...), nil, len(titleWords)); err != nil {
			t.Fatal(err)
		}
	}
	take()
	r.Close()
	if err := w.Finish(r.Summary(), base, sources); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "c.bki")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// scan reads the cache as readRaw reads the raw files, and checks each article's words
// against runeWords on its text.
func scan(t *testing.T, path string, filter *corpus.Filter, workers int) record {
	t.Helper()
	cr, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	var rec record
	sc := cr.Scan(ScanOptions{
		Workers: workers, Filter: filter, Body: true, Words: true,
		OnDiagnostic: func(d corpus.Diagnostic) { rec.diags = append(rec.diags, d) },
		OnFile:       func(p string, _, _ int) { rec.files = append(rec.files, p) },
	})
	vocab := cr.Vocabulary()
	for a, err := range sc.All() {
		if err != nil {
			t.Fatal(err)
		}
		ids, titles := sc.Tokens()
		words := make([]string, len(ids))
		for i, id := range ids {
			words[i] = vocab[id]
		}
		if want := runeWords(nil, titleTexts(a)...); !reflect.DeepEqual(words[:titles], want) && len(want) > 0 {
			t.Fatalf("%s:%d: title words %q, want %q", a.Path, a.Line, words[:titles], want)
		}
		if want := runeWords(nil, a.Body...); !reflect.DeepEqual(words[titles:], want) && len(want) > 0 {
			t.Fatalf("%s:%d: body words differ", a.Path, a.Line)
		}
		if p, c := sc.BodySize(); p != len(a.Body) || c != a.BodyChars() {
			t.Fatalf("%s:%d: body size %d, %d; the text has %d, %d", a.Path, a.Line, p, c, len(a.Body), a.BodyChars())
		}
		rec.articles = append(rec.articles, normalize(*a))
	}
	sc.Close()
	rec.summary = sc.Summary()
	return rec
}

func sampleOpen(o corpus.Options) (*corpus.Reader, error) {
	return corpus.OpenFS(baokan.SampleFS, baokan.SampleRoot, o)
}

func compare(t *testing.T, what string, got, want record) {
	t.Helper()
	if len(got.articles) != len(want.articles) {
		t.Fatalf("%s: %d articles, want %d", what, len(got.articles), len(want.articles))
	}
	for i := range want.articles {
		if !reflect.DeepEqual(got.articles[i], want.articles[i]) {
			t.Fatalf("%s: article %d differs:\n got %+v\nwant %+v", what, i, got.articles[i], want.articles[i])
		}
	}
	if !reflect.DeepEqual(got.diags, want.diags) {
		t.Errorf("%s: diagnostics\n got %v\nwant %v", what, got.diags, want.diags)
	}
	if !reflect.DeepEqual(got.files, want.files) {
		t.Errorf("%s: files\n got %v\nwant %v", what, got.files, want.files)
	}
	if !reflect.DeepEqual(got.summary, want.summary) {
		t.Errorf("%s: summary\n got %+v\nwant %+v", what, got.summary, want.summary)
	}
}

// The cache of the embedded sample (30 real articles, three with diagnostics) gives back
// what the corpus reader gives: every field, every diagnostic in order, the summary, and
// the words it was given; with a filter too, and whatever the number of workers.
func TestRoundTripSample(t *testing.T) {
	path := writeCache(t, sampleOpen, "", nil)
	for _, workers := range []int{1, 3} {
		compare(t, "no filter", scan(t, path, nil, workers), readRaw(t, sampleOpen, nil))
	}
	for _, spec := range []string{"from=1990-01-01", "genre=消息", "title=赫鲁晓夫", "page=4"} {
		f, err := corpus.ParseFilter(spec)
		if err != nil {
			t.Fatal(err)
		}
		compare(t, spec, scan(t, path, f, 2), readRaw(t, sampleOpen, f))
	}
	cr, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	raw := readRaw(t, sampleOpen, nil).summary
	if got := cr.Summary(); !reflect.DeepEqual(got, raw) {
		t.Errorf("recorded summary %+v, want %+v", got, raw)
	}
	if v, _ := cr.Header().Setting("hmm"); v != "false" {
		t.Errorf("setting hmm = %q", v)
	}
}

// A folder with files the reader reports without articles (empty, tagless), a truncated
// article, and several blocks' worth of articles: files and summary are replayed exactly.
func TestRoundTripDamagedAndManyFiles(t *testing.T) {
	dir := t.TempDir()
	one, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "sample", "txt", "1959", "195910", "19591002", "195910020206.TXT"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// 600 copies of a real article: more than two blocks (blockArticles is 256).
	for i := range 600 {
		write("a"+pad(i)+".txt", one)
	}
	write("b-empty.txt", nil)
	write("c-tagless.txt", []byte("no tags here\r\n"))
	write("d-truncated.txt", append(append([]byte{}, one...), one[:len(one)/2]...))
	write("e-ignored.csv", []byte("x"))
	open := func(o corpus.Options) (*corpus.Reader, error) { return corpus.Open([]string{dir}, o) }
	path := writeCache(t, open, "", nil)
	want := readRaw(t, open, nil)
	if want.summary.FilesNoArticleTotal() != 2 || want.summary.SkippedTotal() != 1 || want.summary.Ignored != 1 {
		t.Fatalf("the fixture is not what the test needs: %+v", want.summary)
	}
	compare(t, "folder", scan(t, path, nil, 4), want)
}

func pad(i int) string {
	return string(rune('0'+i/100)) + string(rune('0'+i/10%10)) + string(rune('0'+i%10))
}

// Damage is an error that says so, never wrong data.
func TestDamagedCache(t *testing.T) {
	path := writeCache(t, sampleOpen, "", nil)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	try := func(name string, b []byte) error {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		cr, err := Open(p)
		if err != nil {
			return err
		}
		defer cr.Close()
		sc := cr.Scan(ScanOptions{Body: true, Words: true})
		defer sc.Close()
		for _, err := range sc.All() {
			if err != nil {
				return err
			}
		}
		return nil
	}
	if err := try("cut.bki", data[:len(data)-10]); !errors.Is(err, ErrFormat) {
		t.Errorf("cut short: %v, want ErrFormat", err)
	}
	flipped := bytes.Clone(data)
	flipped[len(Magic)+4+200] ^= 0x40 // inside the header or the first block
	if err := try("flip.bki", flipped); !errors.Is(err, ErrFormat) {
		t.Errorf("a flipped bit: %v, want ErrFormat", err)
	}
	next := bytes.Clone(data)
	next[len(Magic)] = Version + 1
	if err := try("next.bki", next); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), fmt.Sprintf("version %d", Version+1)) {
		t.Errorf("version %d: %v", Version+1, err)
	}
	// A cache of version 1 (before Article.Paper) is refused with the advice to index again.
	v1 := bytes.Clone(data)
	v1[len(Magic)] = 1
	if err := try("v1.bki", v1); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "layout version 1") || !strings.Contains(err.Error(), "baokan index") {
		t.Errorf("version 1: %v", err)
	}
	if err := try("text.bki", []byte("hello")); !errors.Is(err, ErrFormat) {
		t.Errorf("not a cache: %v", err)
	}
	if err := try("ok.bki", data); err != nil {
		t.Errorf("the intact copy: %v", err)
	}
}

// Sources whose size or modification time changed, or that are gone, are reported.
func TestChangedSources(t *testing.T) {
	dir := t.TempDir()
	var sources []Source
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(p)
		sources = append(sources, Source{Path: name, Size: info.Size(), ModTime: info.ModTime().UnixNano()})
	}
	path := writeCache(t, sampleOpen, dir, sources)
	cr, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	if c, _, n, err := cr.ChangedSources(0); len(c) != 0 || n != 3 || err != nil {
		t.Fatalf("unchanged sources: %v reported, %d of 3 read, %v", c, n, err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "b.txt"), later, later); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "c.txt"))
	if c, checked, _, _ := cr.ChangedSources(0); !reflect.DeepEqual(c, []string{"b.txt", "c.txt"}) || checked != 3 {
		t.Errorf("changed %v of %d checked, want [b.txt c.txt] of 3", c, checked)
	}
	// Two of three: the spread takes sources 2 and 3 (i·2/3 steps up at i = 2 and 3).
	if c, checked, _, _ := cr.ChangedSources(2); !reflect.DeepEqual(c, []string{"b.txt", "c.txt"}) || checked != 2 {
		t.Errorf("limit 2: changed %v of %d checked, want [b.txt c.txt] of 2", c, checked)
	}
	// One: the last.
	if c, checked, _, _ := cr.ChangedSources(1); !reflect.DeepEqual(c, []string{"c.txt"}) || checked != 1 {
		t.Errorf("limit 1: changed %v of %d checked, want [c.txt] of 1", c, checked)
	}
}

// The writer checks that each file gets the articles it announced.
func TestWriterChecksArticleCounts(t *testing.T) {
	w, err := NewWriter(io.Discard, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.AddFile(corpus.FileInfo{Path: "x.txt", Articles: 2}); err != nil {
		t.Fatal(err)
	}
	if err := w.AddArticle(&corpus.Article{Path: "x.txt", Line: 1}, []string{"字"}, nil, 0); err != nil {
		t.Fatal(err)
	}
	if err := w.AddFile(corpus.FileInfo{Path: "y.txt"}); err == nil {
		t.Error("a file started while the previous one misses an article: no error")
	}
}

// Keep filters the words while decoding: the result is runeWords on the text with the
// dropped characters taken out, and the title count counts the kept title words.
func TestScanKeep(t *testing.T) {
	path := writeCache(t, sampleOpen, "", nil)
	cr, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	drop := func(w string) bool { return strings.ContainsAny(w, "的，。、") || w == "毛" }
	keep := make([]bool, len(cr.Vocabulary()))
	for id, term := range cr.Vocabulary() {
		keep[id] = !drop(term)
	}
	filtered := func(words []string) []string {
		var out []string
		for _, w := range words {
			if !drop(w) {
				out = append(out, w)
			}
		}
		return out
	}
	sc := cr.Scan(ScanOptions{Words: true, Keep: keep, Body: true})
	defer sc.Close()
	n := 0
	for a, err := range sc.All() {
		if err != nil {
			t.Fatal(err)
		}
		ids, titles := sc.Tokens()
		var got []string
		for _, id := range ids {
			got = append(got, cr.Vocabulary()[id])
		}
		wantTitles := filtered(runeWords(nil, titleTexts(a)...))
		want := append(wantTitles, filtered(runeWords(nil, a.Body...))...)
		if titles != len(wantTitles) || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s:%d: %d title words of %d, want %d of %d", a.Path, a.Line, titles, len(got), len(wantTitles), len(want))
		}
		n++
	}
	if n != 38 { // 30 tagged and 8 JSON files of one article each (testdata/README.md)
		t.Errorf("%d articles, want the sample's 38", n)
	}
}
