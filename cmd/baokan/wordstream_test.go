package main

import (
	"errors"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/baokan/baokan/corpus"
)

// openFDs counts the open file descriptors of the process (Linux's /proc/self/fd); -1
// where that folder is absent.
func openFDs() int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(entries)
}

// TestWordStreamCloseReleasesCache: Close releases the cache file the stream opened (its
// reads then fail as on a closed file, and the process holds as many descriptors as
// before the stream was opened), and no pass follows it.
func TestWordStreamCloseReleasesCache(t *testing.T) {
	path := indexSample(t)
	streams := &streams{in: nil, out: io.Discard, err: io.Discard}
	co := &corpusOptions{quiet: true}
	wf := &wordFlags{}
	before := openFDs()
	ws, err := wf.openWords(streams, co, []string{path})
	if err != nil {
		t.Fatal(err)
	}
	cr := ws.cache
	articles := 0
	if err := ws.EachIDs(func(*corpus.Article, []uint32) error { articles++; return nil }); err != nil {
		t.Fatal(err)
	}
	// The embedded sample: one article a file, tagged (.TXT) and People's Daily JSON.
	if want := len(sampleFiles(t)) + len(sampleJSON(t)); articles != want {
		t.Errorf("the pass gave %d articles, want %d", articles, want)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := cr.Sources(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("reading the cache after Close: %v, want a closed file's error", err)
	}
	if after := openFDs(); after != before {
		t.Errorf("%d open file descriptors after Close, %d before the stream was opened", after, before)
	}
	if err := ws.EachIDs(func(*corpus.Article, []uint32) error { return nil }); !errors.Is(err, errWordsClosed) {
		t.Errorf("a pass after Close returned %v, want errWordsClosed", err)
	}
	if err := ws.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}

// TestWordStreamCloseReleasesSpill: from raw files with a second pass announced, the
// second pass reads back the first pass's words (analysis/pipeline keeps them in a
// temporary file, whose release its own test checks); Close gives back every descriptor,
// and no pass follows.
func TestWordStreamCloseReleasesSpill(t *testing.T) {
	streams := &streams{in: nil, out: io.Discard, err: io.Discard}
	co := &corpusOptions{quiet: true}
	wf := &wordFlags{reread: true, noCorpusWords: true}
	before := openFDs()
	ws, err := wf.openWords(streams, co, nil) // the embedded sample
	if err != nil {
		t.Fatal(err)
	}
	var first, second int
	if err := ws.EachIDs(func(_ *corpus.Article, ids []uint32) error { first += len(ids); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := ws.EachIDs(func(_ *corpus.Article, ids []uint32) error { second += len(ids); return nil }); err != nil {
		t.Fatal(err)
	}
	if first == 0 || second != first {
		t.Errorf("the second pass read back %d words, the first gave %d", second, first)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	if after := openFDs(); after != before {
		t.Errorf("%d open file descriptors after Close, %d before the stream was opened", after, before)
	}
	if err := ws.EachIDs(func(*corpus.Article, []uint32) error { return nil }); !errors.Is(err, errWordsClosed) {
		t.Errorf("a pass after Close returned %v, want errWordsClosed", err)
	}
}

// TestWorkersLeaveGOMAXPROCS: --workers is passed down to the goroutines that read,
// segment, decode and count; the process's GOMAXPROCS (a library caller's, or the test
// binary's) is left as it was, from raw files and from a cache.
func TestWorkersLeaveGOMAXPROCS(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	workers := "1"
	if procs == 1 {
		workers = "3"
	}
	t.Cleanup(func() { runtime.GOMAXPROCS(procs) })
	path := indexSample(t, "--workers", workers)
	if got := runtime.GOMAXPROCS(0); got != procs {
		t.Errorf("index --workers %s: GOMAXPROCS %d, was %d", workers, got, procs)
	}
	for _, args := range [][]string{
		{"stats", "--workers", workers},
		{"terms", "--workers", workers, path},
		{"network", "--workers", workers},
	} {
		if code, _, errOut := baokanRun(t, append(args, "-q")...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if got := runtime.GOMAXPROCS(0); got != procs {
			t.Errorf("%v: GOMAXPROCS %d, was %d", args, got, procs)
		}
	}
}

// TestHelpSaysBodyInAuthor: the body text the parser recovers from a misplaced author
// field is counted in the body by stats and articles, and their --help says so. The real
// article 198507250101.TXT has 19 ZW paragraphs and 31 spilled into ZZ (counted with
// python3, see corpus.TestRealBodyInAuthorSpill): articles gives 50 paragraphs and the one
// author, and stats counts the same characters.
func TestHelpSaysBodyInAuthor(t *testing.T) {
	for _, cmd := range []string{"stats", "articles"} {
		_, out, _ := baokanRun(t, cmd, "--help")
		if !strings.Contains(out, "body_in_author") || !strings.Contains(out, "author field") {
			t.Errorf("%s --help does not say that body text found in the author field (body_in_author) is counted in the body", cmd)
		}
	}
	file := sharedCorpus + "/txt/1985/198507/19850725/198507250101.TXT"
	if _, err := os.Stat(file); err != nil {
		t.Skipf("skipping: %s is absent (development tree and CI only)", file)
	}
	_, out, _ := baokanRun(t, "articles", "--format", "csv", "-q", file)
	rows := readCSV(t, out)
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	if len(rows) != 2 || rows[1][col["paragraphs"]] != "50" || rows[1][col["authors"]] != "梁陆涛" {
		t.Fatalf("articles: %v", rows)
	}
	_, out, _ = baokanRun(t, "stats", "--format", "csv", "-q", file)
	if !strings.Contains(out, "body characters,"+rows[1][col["chars"]]+"\n") && !strings.Contains(out, "body characters,"+rows[1][col["chars"]]+"\r\n") {
		t.Errorf("stats does not count the %s characters of articles:\n%s", rows[1][col["chars"]], out)
	}
}

// TestNoArticleBeforeOutput: a word command over sources without an article fails before
// it writes anything (it used to print an empty table, then the error).
func TestNoArticleBeforeOutput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(dir+"/empty.TXT", nil, 0o644)
	for _, cmd := range []string{"terms", "keywords", "keyness"} {
		args := []string{cmd, "-q", "--no-corpus-words", dir}
		if cmd == "keyness" {
			args = append(args, "--target", "from=1960")
		}
		code, out, errOut := baokanRun(t, args...)
		if code != exitError || out != "" || !strings.Contains(errOut, "no article read (1 files, 1 empty_file)") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1, nothing written", cmd, code, out, errOut)
		}
	}
}
