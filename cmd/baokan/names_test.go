package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// annotatedName is a row of testdata/names/annotated.tsv: a person name printed in an
// article of ../shared/corpus/jfjb, annotated by reading (see testdata/names/README.md).
type annotatedName struct {
	file, name, kind string
	count            int
}

func readTSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes = '\t', true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[1:]
}

// articleWords returns, by file relative to the corpus, the words of each article's
// kicker, title, subtitles and body as `baokan articles --words` cuts them.
func articleWords(t *testing.T, args ...string) map[string][]string {
	t.Helper()
	_, out, errOut := baokanRun(t, append([]string{"articles", "--words", "--format", "jsonl", "-q", sharedCorpus}, args...)...)
	words := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct{ Path, Words string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("%v: %s", err, errOut)
		}
		rel, err := filepath.Rel(sharedCorpus, a.Path)
		if err != nil {
			t.Fatal(err)
		}
		words[filepath.ToSlash(rel)] = strings.Fields(a.Words)
	}
	return words
}

// nameWholeness counts the occurrences of the annotated names in the cut text and those
// that come out whole: the name is one word, or, for a name with middle dots, each part
// between dots is one word. Occurrences inside a longer annotated name of the same article
// or inside an excluded string are not counted (the table's counting rules). It also
// returns the rows whose count differs from the table's.
func nameWholeness(names []annotatedName, excluded map[string][]string, words map[string][]string) (whole, total int, mismatched []string) {
	byFile := map[string][]string{}
	for _, n := range names {
		byFile[n.file] = append(byFile[n.file], n.name)
	}
	for _, n := range names {
		ws := words[n.file]
		text := strings.Join(ws, "")
		// Word boundaries: byte offsets where a word starts or ends.
		bound := map[int]bool{0: true}
		pos := 0
		for _, w := range ws {
			pos += len(w)
			bound[pos] = true
		}
		var covered [][2]int // spans of longer names and excluded strings
		for _, other := range append(byFile[n.file], append(excluded[n.file], excluded["*"]...)...) {
			if len(other) <= len(n.name) || !strings.Contains(other, n.name) {
				continue
			}
			for i := 0; ; {
				k := strings.Index(text[i:], other)
				if k < 0 {
					break
				}
				covered = append(covered, [2]int{i + k, i + k + len(other)})
				i += k + len(other)
			}
		}
		count := 0
		for i := 0; ; {
			k := strings.Index(text[i:], n.name)
			if k < 0 {
				break
			}
			start, end := i+k, i+k+len(n.name)
			i = start + len(n.name)
			inside := false
			for _, c := range covered {
				if c[0] <= start && end <= c[1] {
					inside = true
				}
			}
			if inside {
				continue
			}
			count++
			ok := bound[start] && bound[end]
			// Inside, a boundary only at a middle dot.
			for p := start + 1; ok && p < end; p++ {
				if bound[p] && !strings.HasPrefix(text[p:], "·") && !strings.HasSuffix(text[:p], "·") {
					ok = false
				}
			}
			if ok {
				whole++
			}
		}
		total += count
		if count != n.count {
			mismatched = append(mismatched, n.file+" "+n.name+" "+strconv.Itoa(count)+" (table "+strconv.Itoa(n.count)+")")
		}
	}
	return whole, total, mismatched
}

// TestNamesKeptWhole measures, on the real articles, the share of the occurrences of the
// person names annotated by reading (testdata/names) that come out of the segmentation as
// one whole word, without and with the names and words found in the text, and the share
// of the names found that are not person names. Targets of issue 17: at least 0.95 whole,
// at most 2 % of the names found wrong. Names printed with a space inside (万 里) are left
// out, no segmenter keeps them whole, and so is the unspaced form of such a name in the
// same article (the cut text has no spaces, so the two cannot be told apart).
func TestNamesKeptWhole(t *testing.T) {
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skipf("skipping: %s is absent (development tree and CI only)", sharedCorpus)
	}
	var names []annotatedName
	annotated := map[string]bool{}
	spaced := map[string]bool{} // file + name without its space
	rows := readTSV(t, "../../testdata/names/annotated.tsv")
	for _, r := range rows {
		annotated[r[1]] = true
		if strings.Contains(r[1], " ") {
			spaced[r[0]+"\t"+strings.ReplaceAll(r[1], " ", "")] = true
		}
	}
	for _, r := range rows {
		n, err := strconv.Atoi(r[3])
		if err != nil {
			t.Fatal(err)
		}
		// The cut text has no spaces: the unspaced form of a name also printed with a space
		// in the same article cannot be counted apart from it.
		if strings.Contains(r[1], " ") || spaced[r[0]+"\t"+r[1]] {
			continue
		}
		names = append(names, annotatedName{r[0], r[1], r[2], n})
	}
	excluded := map[string][]string{}
	for _, r := range readTSV(t, "../../testdata/names/excluded.tsv") {
		excluded[r[0]] = append(excluded[r[0]], r[1])
	}

	wholeBefore, total, mismatched := nameWholeness(names, excluded, articleWords(t, "--no-names", "--no-new-words"))
	if len(mismatched) > 0 {
		t.Fatalf("the cut text does not hold the annotated occurrences: %v", mismatched)
	}
	wholeAfter, _, _ := nameWholeness(names, excluded, articleWords(t))
	before, after := float64(wholeBefore)/float64(total), float64(wholeAfter)/float64(total)
	t.Logf("name occurrences whole: before %d/%d = %.3f, after %d/%d = %.3f", wholeBefore, total, before, wholeAfter, total, after)

	var found, wrong []string
	for _, r := range csvRows(t, "newwords", sharedCorpus)[1:] {
		if r[1] == "name" && r[11] == "true" {
			found = append(found, r[0])
			if !annotated[r[0]] {
				wrong = append(wrong, r[0])
			}
		}
	}
	share := float64(len(wrong)) / float64(max(1, len(found)))
	t.Logf("names found: %d, not annotated as names: %d (%.3f): %v", len(found), len(wrong), share, wrong)
	if after <= before {
		t.Errorf("names whole: %.3f after finding names, %.3f before: no better", after, before)
	}
	// Floor just below the figure measured (0.956 whole, 5 of 376 = 0.013 wrong; see README);
	// the targets are 0.95 and 0.02.
	if after < namesWholeFloor {
		t.Errorf("names whole %.3f, below the floor %.3f", after, namesWholeFloor)
	}
	if share > namesWrongCeiling {
		t.Errorf("names found wrong %.3f, above the ceiling %.3f", share, namesWrongCeiling)
	}
}

// Measured figures (README, "Names and new words") minus a margin.
const (
	namesWholeFloor   = 0.95
	namesWrongCeiling = 0.02
)

// TestHeroKeyword: the top TF-IDF keyword of 吕行硕留守记 (1985-07-25) is its hero, who
// occurs 45 times in its body (testdata/names: 46 with the title); without the names found
// in the text he was cut into 吕 / 行 / 硕. 赫鲁晓夫 and 肯尼迪 (RW persons) stay whole in
// the 1962-10-29 article whose title names both.
func TestHeroKeyword(t *testing.T) {
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skipf("skipping: %s is absent (development tree and CI only)", sharedCorpus)
	}
	hero := sharedCorpus + "/txt/1985/198507/19850725/198507250101.TXT:1"
	for _, r := range csvRows(t, "keywords", "--top", "1", sharedCorpus)[1:] {
		if r[0] == hero && (r[1] != "吕行硕" || r[2] != "45") {
			t.Errorf("top keyword of 吕行硕留守记: %v, want 吕行硕 with tf 45", r)
		}
	}
	words := articleWords(t)
	for file, ws := range words {
		text := strings.Join(ws, "")
		for _, name := range []string{"赫鲁晓夫", "肯尼迪"} {
			if strings.Contains(text, name) && !slicesContains(ws, name) {
				t.Errorf("%s: %s is not whole in %v", file, name, ws)
			}
		}
	}
}

func slicesContains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// TestFoundWordsWhateverTheWorkers: what is found, how the text is cut and the cache's
// bytes do not depend on --workers.
func TestFoundWordsWhateverTheWorkers(t *testing.T) {
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skipf("skipping: %s is absent (development tree and CI only)", sharedCorpus)
	}
	var outs []string
	var caches [][]byte
	dir := t.TempDir()
	for _, w := range []string{"1", "3"} {
		_, nw, _ := baokanRun(t, "newwords", "--all", "--format", "csv", "-q", "--workers", w, sharedCorpus)
		_, ws, _ := baokanRun(t, "articles", "--words", "--format", "csv", "-q", "--workers", w, sharedCorpus)
		outs = append(outs, nw+ws)
		path := filepath.Join(dir, "c"+w+".bki")
		if code, _, errOut := baokanRun(t, "index", "-q", "--workers", w, "-o", path, sharedCorpus); code != exitOK {
			t.Fatal(errOut)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		caches = append(caches, data)
	}
	if outs[0] != outs[1] {
		t.Error("newwords or articles --words differ between --workers 1 and 3")
	}
	if string(caches[0]) != string(caches[1]) {
		t.Error("the caches made with --workers 1 and 3 differ")
	}
}

// TestCacheRecordsTheSearch: a cache says whether names and new words were searched for,
// and an analysis asking otherwise stops with an error saying how it was made.
func TestCacheRecordsTheSearch(t *testing.T) {
	dir := t.TempDir()
	on, off := filepath.Join(dir, "on.bki"), filepath.Join(dir, "off.bki")
	for path, flags := range map[string][]string{on: nil, off: {"--no-names", "--no-new-words"}} {
		if code, _, errOut := baokanRun(t, append([]string{"index", "-q", "-o", path}, flags...)...); code != exitOK {
			t.Fatal(errOut)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"terms", "-q", "--no-new-words", on}, "was made with --no-new-words=false"},
		{[]string{"terms", "-q", "--no-names", on}, "was made with --no-names=false"},
		{[]string{"terms", "-q", "--no-names=false", off}, "was made with --no-names=true"},
	} {
		code, _, errOut := baokanRun(t, c.args...)
		if code == exitOK || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want an error with %q", c.args, code, errOut, c.want)
		}
	}
	for _, args := range [][]string{{"terms", "-q", on}, {"terms", "-q", "--no-names", "--no-new-words", off}} {
		if code, _, errOut := baokanRun(t, args...); code != exitOK {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
}
