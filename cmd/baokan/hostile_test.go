package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Issue 12, the command's side of the reader's bounds: a run that reads no article is an
// error (exit 1) saying why; files not read are in the summary by reason and named by
// --verbose; --max-member-size bounds archive members.
func TestNoArticleIsAnError(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("notes"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.TXT"), nil, 0o644)
	code, _, errOut := baokanRun(t, "stats", "--verbose", dir)
	if code != exitError || !strings.Contains(errOut, "no article read (1 files, 1 empty_file, 1 not read") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(errOut, filepath.Join(dir, "notes.md")+": not read: not_txt: not a .txt, .json, .jsonl or .ndjson file") ||
		!strings.Contains(errOut, "1 files not read (not_txt 1)") {
		t.Errorf("stderr does not name the file not read: %q", errOut)
	}
	if code, _, errOut := baokanRun(t, "stats", "/dev/null"); code != exitError || !strings.Contains(errOut, "not_regular") {
		t.Errorf("/dev/null: exit %d, %q", code, errOut)
	}
}

func TestMaxMemberSizeFlag(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sharedCorpus, "txt/1962/196210/19621029/196210290305.TXT"))
	if err != nil {
		t.Skipf("skipping: real corpus absent: %v", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"a.TXT", "b.TXT"} {
		w, _ := zw.Create(n)
		w.Write(data)
		if n == "b.TXT" {
			w.Write(bytes.Repeat(data, 9)) // ten articles
		}
	}
	zw.Close()
	z := filepath.Join(t.TempDir(), "m.zip")
	os.WriteFile(z, buf.Bytes(), 0o644)
	limit := len(data) * 5
	code, _, errOut := baokanRun(t, "stats", "--max-member-size", strconv.Itoa(limit), z)
	if code != exitOK || !strings.Contains(errOut, "2 files, 1 articles, 1 files without an article, 1 diagnostics: member_too_large 1") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	code, _, errOut = baokanRun(t, "stats", z)
	if code != exitOK || !strings.Contains(errOut, "2 files, 11 articles") {
		t.Errorf("default limit: exit %d, %q", code, errOut)
	}
}

// A cache says which files were not read, as the raw files do: the summary lines match.
func TestCacheKeepsFilesNotRead(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sharedCorpus, "txt/1962/196210/19621029/196210290305.TXT"))
	if err != nil {
		t.Skipf("skipping: real corpus absent: %v", err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.TXT"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("notes"), 0o644)
	bki := filepath.Join(t.TempDir(), "c.bki")
	if code, _, errOut := baokanRun(t, "index", dir, dir, "-o", bki); code != exitOK {
		t.Fatalf("index: %d %s", code, errOut)
	}
	_, rawOut, rawErr := baokanRun(t, "stats", dir, dir)
	_, cacheOut, cacheErr := baokanRun(t, "stats", bki)
	want := "baokan: 1 files, 1 articles, 3 files not read (duplicate_file 1, not_txt 2), no diagnostics\n"
	if rawErr != want || cacheErr != want || rawOut != cacheOut {
		t.Errorf("raw %q, cache %q, want %q (tables equal: %v)", rawErr, cacheErr, want, rawOut == cacheOut)
	}
}
