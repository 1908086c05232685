package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The shared samples of the JSON forms (58 People's Daily, 15 Wenhui Bao articles).
const (
	sharedRMRB = "../../../shared/corpus/rmrb-json"
	sharedWHB  = "../../../shared/corpus/whb-json"
)

func needShared(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if _, err := os.Stat(d); err != nil {
			t.Skipf("skipping: %s is absent (it is in the development tree only)", d)
		}
	}
}

// TestArticlesPaperColumn: the paper column is last, 人民日报 for the People's Daily form,
// --tagged-paper for the tagged export; --paper keeps one paper.
func TestArticlesPaperColumn(t *testing.T) {
	needShared(t, sharedRMRB, sharedCorpus)
	code, out, errOut := baokanRun(t, "articles", "--format", "csv", "--tagged-paper", "解放军报", sharedRMRB, sharedCorpus)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := readCSV(t, out)
	if got := rows[0][len(rows[0])-1]; got != "paper" || len(rows) != 1+58+119 {
		t.Fatalf("last column %q, %d rows; want paper, 177", got, len(rows)-1)
	}
	papers := map[string]int{}
	for _, r := range rows[1:] {
		papers[r[len(r)-1]]++
	}
	if papers["人民日报"] != 58 || papers["解放军报"] != 119 {
		t.Errorf("papers %v", papers)
	}
	// 1984/2/437, read by hand: two headline lines, the inline byline stays in the text.
	for _, r := range rows[1:] {
		if strings.HasSuffix(r[0], filepath.Join("1984", "2", "437.json")) {
			want := []string{"1984-02-08", "1", "长期参加野外科学工作成绩显著", "38人获竺可桢野外科学工作奖", "王溪元", "2"}
			got := []string{r[3], r[4], r[7], r[8], r[9], r[17]}
			if !slices.Equal(got, want) {
				t.Errorf("1984/2/437: %q, want %q", got, want)
			}
		}
	}
	code, out, _ = baokanRun(t, "articles", "--format", "csv", "--paper", "人民日报", "--tagged-paper", "解放军报", sharedRMRB, sharedCorpus)
	if rows := readCSV(t, out); code != exitOK || len(rows) != 1+58 {
		t.Errorf("--paper 人民日报: exit %d, %d rows", code, len(rows)-1)
	}
}

// TestStatsByPaper: the breakdown by paper counts each sample's articles.
func TestStatsByPaper(t *testing.T) {
	needShared(t, sharedRMRB, sharedWHB)
	code, out, errOut := baokanRun(t, "stats", "--by", "paper", "--format", "csv", sharedRMRB, sharedWHB)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := readCSV(t, out)
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[0]] = r[1]
	}
	if len(rows) != 3 || got["人民日报"] != "58" || got["文汇报"] != "15" {
		t.Errorf("by paper: %v", rows)
	}
	if !strings.Contains(errOut, "73 files, 73 articles") {
		t.Errorf("summary: %s", errOut)
	}
}

// TestPersonsWithoutRW: on a source without RW lists the persons commands say so.
func TestPersonsWithoutRW(t *testing.T) {
	needShared(t, sharedRMRB)
	for _, args := range [][]string{{"persons", "--summary"}, {"network"}} {
		code, _, errOut := baokanRun(t, append(args, sharedRMRB)...)
		if code != exitOK || !strings.Contains(errOut, "none of the 58 articles read has an RW (人物) list") {
			t.Errorf("%v: exit %d, stderr %s", args, code, errOut)
		}
	}
	// The embedded sample has RW lists: no such note.
	if _, _, errOut := baokanRun(t, "persons", "--summary"); strings.Contains(errOut, "RW (人物) list") {
		t.Errorf("a note on the sample: %s", errOut)
	}
}

// TestCacheKeepsPaper: a cache of the JSON forms gives the articles (paper included) as
// the raw files do.
func TestCacheKeepsPaper(t *testing.T) {
	needShared(t, sharedRMRB, sharedWHB)
	path := filepath.Join(t.TempDir(), "json.bki")
	if code, _, errOut := baokanRun(t, "index", "-q", "-o", path, sharedRMRB, sharedWHB); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, errOut)
	}
	_, raw, _ := baokanRun(t, "articles", "--format", "csv", sharedRMRB, sharedWHB)
	_, cached, errOut := baokanRun(t, "articles", "--format", "csv", path)
	if raw != cached || !strings.Contains(raw, "文汇报") {
		t.Errorf("the cache's articles differ from the raw files' (%d and %d bytes): %s", len(cached), len(raw), errOut)
	}
}

// TestCacheTaggedPaper: 'index --tagged-paper' keeps the tagged files' paper in the cache;
// --tagged-paper on a cache is refused (the cache holds what index was told).
func TestCacheTaggedPaper(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.bki")
	if code, _, errOut := baokanRun(t, "index", "-q", "--tagged-paper", "解放军报", "-o", path); code != exitOK {
		t.Fatalf("index: exit %d: %s", code, errOut)
	}
	code, out, _ := baokanRun(t, "stats", "--by", "paper", "--format", "csv", "-q", path)
	rows := readCSV(t, out)
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[0]] = r[1]
	}
	// The sample: 30 tagged PLA Daily files, 8 People's Daily JSON files (testdata/README.md).
	if code != exitOK || got["解放军报"] != "30" || got["人民日报"] != "8" || len(got) != 2 {
		t.Errorf("by paper from the cache: exit %d, %v", code, got)
	}
	if code, _, errOut := baokanRun(t, "stats", "--tagged-paper", "x", path); code == exitOK || !strings.Contains(errOut, "--tagged-paper") {
		t.Errorf("--tagged-paper on a cache: exit %d, %s", code, errOut)
	}
}
