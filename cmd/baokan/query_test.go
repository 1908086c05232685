package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/baokan/baokan"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
)

// hitCounts reads kwic's or collocations' "N hits in M articles" line.
func hitCounts(t *testing.T, stderr string) (hits, articles int) {
	t.Helper()
	m := regexp.MustCompile(`(\d+) hits in (\d+) articles`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no hit count on stderr:\n%s", stderr)
	}
	hits, _ = strconv.Atoi(m[1])
	articles, _ = strconv.Atoi(m[2])
	return hits, articles
}

// kwicBodies are the sample's articles as 'articles --body' gives them, keyed path:line.
func kwicBodies(t *testing.T, args ...string) map[string]string {
	t.Helper()
	code, out, errOut := baokanRun(t, append([]string{"articles", "--body", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("articles: %d %s", code, errOut)
	}
	var rows []struct {
		Path string `json:"path"`
		Line int    `json:"line"`
		Body string `json:"body"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	bodies := map[string]string{}
	for _, r := range rows {
		bodies[r.Path+":"+strconv.Itoa(r.Line)] = r.Body
	}
	return bodies
}

// text: hits are the occurrences of the characters in the bodies, counted by
// strings.Count on the decoded bodies (paragraphs joined by a newline, which no query
// text holds).
func TestKWICTextCountsSubstrings(t *testing.T) {
	bodies := kwicBodies(t)
	// Not 人民: the word 中华人民共和国全国人民代表大会 holds it twice, one hit (hits are
	// spans of words).
	for _, s := range []string{"古巴", "中国", "解放军", "美帝国主义", "。"} {
		want, wantArts := 0, 0
		for _, b := range bodies {
			if n := strings.Count(b, s); n > 0 {
				want += n
				wantArts++
			}
		}
		code, _, errOut := baokanRun(t, "kwic", "text:"+strconv.Quote(s), "--format", "csv")
		if code != 0 {
			t.Fatalf("kwic text:%s: %d %s", s, code, errOut)
		}
		hits, arts := hitCounts(t, errOut)
		// A hit is widened to the words it overlaps: two occurrences within one word
		// would be one hit; none of these strings repeats inside a word.
		if hits != want || arts != wantArts {
			t.Errorf("kwic text:%q: %d hits in %d articles, want %d in %d (strings.Count)", s, hits, arts, want, wantArts)
		}
	}
}

// termCount is a word's count in 'terms' with nothing filtered out.
func termCount(t *testing.T, word string, args ...string) int {
	t.Helper()
	code, out, errOut := baokanRun(t, append([]string{"terms", "--top", "0", "--format", "csv", "--no-stopwords", "--keep-punct", "--keep-numbers", "--keep-latin"}, args...)...)
	if code != 0 {
		t.Fatalf("terms: %d %s", code, errOut)
	}
	for _, r := range readCSV(t, out)[1:] {
		if r[0] == word {
			n, _ := strconv.Atoi(r[1])
			return n
		}
	}
	return 0
}

// Word hits are the word's occurrences among the segmenter's words, as the frequency list
// counts them (another code path: the word stream's counter); from the raw files and from
// a cache.
func TestKWICWordCountsAgainstTerms(t *testing.T) {
	bki := indexSample(t)
	for _, w := range []string{"古巴", "的", "人民", "，"} {
		want := termCount(t, w)
		for _, src := range [][]string{nil, {bki}} {
			code, _, errOut := baokanRun(t, append([]string{"kwic", w, "--format", "csv"}, src...)...)
			if code != 0 {
				t.Fatalf("kwic %s: %d %s", w, code, errOut)
			}
			if hits, _ := hitCounts(t, errOut); hits != want || want == 0 {
				t.Errorf("kwic %s %v: %d hits, terms counts %d", w, src, hits, want)
			}
		}
	}
}

// --query keeps the articles kwic finds a hit in; the word counts of those articles are
// the hits' (a word query on itself); raw files and cache agree.
func TestQueryFlag(t *testing.T) {
	bki := indexSample(t)
	_, _, errOut := baokanRun(t, "kwic", "古巴", "--format", "csv")
	hits, arts := hitCounts(t, errOut)
	for _, src := range [][]string{nil, {bki}} {
		code, out, errOut := baokanRun(t, append([]string{"articles", "--query", "古巴", "--format", "csv"}, src...)...)
		if code != 0 || len(readCSV(t, out))-1 != arts {
			t.Errorf("articles --query 古巴 %v: %d rows, want %d (%s)", src, len(readCSV(t, out))-1, arts, errOut)
		}
		if !strings.Contains(errOut, "("+strconv.Itoa(arts)+" matched the filter)") {
			t.Errorf("summary: %s", errOut)
		}
		if n := termCount(t, "古巴", append([]string{"--query", "古巴"}, src...)...); n != hits {
			t.Errorf("terms --query 古巴 %v: 古巴 %d, want %d", src, n, hits)
		}
	}
	// Field queries need no segmenting and agree with the flags of the same meaning.
	for _, c := range [][2][]string{
		{{"--query", "page:1"}, {"--page", "1"}},
		{{"--query", "title:/^中/"}, {"--title", "^中"}},
	} {
		_, a, _ := baokanRun(t, append([]string{"articles", "--format", "csv"}, c[0]...)...)
		_, b, _ := baokanRun(t, append([]string{"articles", "--format", "csv"}, c[1]...)...)
		if a != b || len(readCSV(t, a)) < 2 {
			t.Errorf("%v and %v differ:\n%s\n%s", c[0], c[1], a, b)
		}
	}
	// The raw files' and the cache's outputs are the same for every kind of command.
	for _, cmd := range [][]string{
		{"terms", "--top", "20", "--query", "古巴 OR 美国"},
		{"stats", "--query", `text:"人民" NOT page:1`},
		{"network", "--query", "人民"},
		{"keyness", "--target", "query=/^美/", "--min-count", "2"},
		{"collocations", "人民", "--by", "year"},
		{"kwic", `"中国 人民" OR 美国 NEAR/3 古巴`, "--sort", "right", "--window", "4"},
	} {
		_, raw, e1 := baokanRun(t, append(cmd, "--format", "csv")...)
		_, cached, e2 := baokanRun(t, append(cmd, "--format", "csv", bki)...)
		if raw != cached || raw == "" {
			t.Errorf("%v: raw and cache differ:\n%s\n%s\n%s\n%s", cmd, raw, e1, cached, e2)
		}
	}
}

// The output does not depend on the cores used.
func TestQueryDeterministicAcrossWorkers(t *testing.T) {
	bki := indexSample(t)
	for _, cmd := range [][]string{
		{"kwic", "/^中/", "--sort", "left", "--window", "3"},
		{"kwic", "人民", "--sample", "7", "--seed", "3"},
		{"collocations", "中国", "--min-count", "2"},
		{"terms", "--query", "中国", "--top", "10"},
	} {
		for _, src := range [][]string{nil, {bki}} {
			var first string
			for _, w := range []string{"1", "2", "4"} {
				_, out, _ := baokanRun(t, append(append(cmd, "--workers", w, "--format", "csv"), src...)...)
				if w == "1" {
					first = out
				} else if out != first {
					t.Errorf("%v %v: --workers %s differs from 1", cmd, src, w)
				}
			}
		}
	}
}

func TestKWICSampleAndSort(t *testing.T) {
	_, all, _ := baokanRun(t, "kwic", "人民", "--format", "csv")
	rows := readCSV(t, all)[1:]
	_, s1, _ := baokanRun(t, "kwic", "人民", "--format", "csv", "--sample", "5", "--seed", "9")
	_, s2, _ := baokanRun(t, "kwic", "人民", "--format", "csv", "--sample", "5", "--seed", "9")
	sample := readCSV(t, s1)[1:]
	if s1 != s2 || len(sample) != 5 {
		t.Fatalf("sample: %d lines, same twice %v", len(sample), s1 == s2)
	}
	// Every sampled line is a line of the whole concordance.
	whole := map[string]bool{}
	for _, r := range rows {
		whole[strings.Join(r, "\t")] = true
	}
	for _, r := range sample {
		if !whole[strings.Join(r, "\t")] {
			t.Errorf("sampled line not in the concordance: %v", r)
		}
	}
	// --sort date: dates never decrease; --limit keeps the first lines.
	_, byDate, _ := baokanRun(t, "kwic", "人民", "--format", "csv", "--sort", "date", "--limit", "30")
	d := readCSV(t, byDate)[1:]
	if len(d) != 30 {
		t.Fatalf("--limit 30: %d lines", len(d))
	}
	for i := 1; i < len(d); i++ {
		if d[i][2] < d[i-1][2] {
			t.Errorf("--sort date: %s after %s", d[i][2], d[i-1][2])
		}
	}
}

func TestBadQueries(t *testing.T) {
	for _, args := range [][]string{
		{"kwic", "古巴 AND"},
		{"terms", "--query", "(古巴"},
		{"stats", "--query", "foo:bar"},
		{"keyness", "--target", "query=古巴 NEAR/x 导弹"},
	} {
		code, _, errOut := baokanRun(t, args...)
		if code != 1 || !strings.Contains(errOut, "at character") || !strings.Contains(errOut, "^") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	code, _, errOut := baokanRun(t, "kwic", "page:1")
	if code != 1 || !strings.Contains(errOut, "no word") {
		t.Errorf("kwic page:1: %d %s", code, errOut)
	}
}

// show marks each hit's characters where the words are, and nothing when not asked.
func TestShowMarksHits(t *testing.T) {
	a := &corpus.Article{Path: "x.TXT", Line: 1, Title: "题", Body: []string{"美国帝国主义在古巴", "古巴人民"}}
	words := []string{"美国", "帝国主义", "在", "古巴", "古巴", "人民"}
	var b strings.Builder
	w := bufio.NewWriter(&b)
	writeArticle(w, a, words, []spanT{{Start: 0, End: 2}, {Start: 4, End: 5}}, true)
	w.Flush()
	want := "\x1b[1;7m美国帝国主义\x1b[0m在古巴\n\x1b[1;7m古巴\x1b[0m人民\n"
	if !strings.HasSuffix(b.String(), want) {
		t.Errorf("got %q, want suffix %q", b.String(), want)
	}
	b.Reset()
	w = bufio.NewWriter(&b)
	writeArticle(w, a, words, []spanT{{Start: 0, End: 2}}, false)
	w.Flush()
	if strings.Contains(b.String(), "\x1b") || !strings.HasSuffix(b.String(), "\n美国帝国主义在古巴\n古巴人民\n") {
		t.Errorf("plain: %q", b.String())
	}
}

// A cache of several blocks where 古巴 is in the last block only: a query of words reads
// that block alone, and gives, on stdout and stderr, what a scan of every block and the
// raw files give.
func TestQueryReadsOnlyTheBlocksWithTheWords(t *testing.T) {
	dir := t.TempDir()
	var cuba, other []string
	err := fs.WalkDir(baokan.SampleFS, baokan.SampleRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(baokan.SampleFS, p)
		if err != nil {
			return err
		}
		text, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		if strings.Contains(string(text), "古巴") {
			cuba = append(cuba, p)
		} else {
			other = append(other, p)
		}
		return nil
	})
	if err != nil || len(cuba) == 0 {
		t.Fatalf("%v, %d files with 古巴", err, len(cuba))
	}
	copyTo := func(sub string, files []string) {
		for _, p := range files {
			raw, _ := fs.ReadFile(baokan.SampleFS, p)
			dst := filepath.Join(dir, sub, filepath.Base(p))
			os.MkdirAll(filepath.Dir(dst), 0o755)
			if err := os.WriteFile(dst, raw, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// 10 × 27 articles without 古巴 (the first block closes after 256), then those with it.
	for i := range 10 {
		copyTo(fmt.Sprintf("c%02d", i), other)
	}
	copyTo("d", cuba)
	bki := filepath.Join(t.TempDir(), "c.bki")
	if code, _, errOut := baokanRun(t, "index", "-q", "-o", bki, dir); code != 0 {
		t.Fatalf("index: %s", errOut)
	}
	cr, err := cache.Open(bki)
	if err != nil {
		t.Fatal(err)
	}
	blocks := cr.Blocks()
	cr.Close()
	if blocks < 2 {
		t.Fatalf("%d blocks", blocks)
	}
	for _, cmd := range [][]string{
		{"kwic", "古巴", "--format", "csv"},
		{"kwic", "古巴 OR 帝国主义", "--format", "csv"},
		{"articles", "--query", "古巴", "--format", "csv"},
		{"stats", "--query", "古巴 领土", "--format", "csv"},
		{"terms", "--query", "古巴", "--top", "10", "--format", "csv"},
		{"kwic", "古巴", "--from", "1960-01-01", "--format", "csv"},
		{"collocations", "古巴", "--format", "csv"},
		// Counted from the postings, the first hits read from the blocks that hold them.
		{"kwic", "人民", "--limit", "3", "--format", "csv"},
		{"kwic", "人民", "--limit", "400", "--format", "csv"},
		{"kwic", "古巴", "--limit", "2", "--format", "csv"},
		{"kwic", `"的 人民"`, "--limit", "2", "--format", "csv"},
		{"kwic", "古巴 NEAR/5 美国", "--limit", "1", "--format", "csv"},
		{"kwic", "/^古/ AND 人民", "--limit", "5", "--format", "csv"},
	} {
		c1, raw, e1 := baokanRun(t, append(cmd, dir)...)
		c2, cached, e2 := baokanRun(t, append(cmd, bki)...)
		if c1 != 0 || c2 != 0 || raw != cached || e1 != e2 || raw == "" {
			t.Errorf("%v: raw and cache differ:\n%s%s\n%s%s", cmd, raw, e1, cached, e2)
		}
	}
}

// person: matches the persons 'baokan persons' resolves, with the names it learns from the
// whole corpus's RW lists. On the real articles: for every person persons finds, the
// articles that person:NAME keeps are those persons lists for NAME (raw and cached; kwic
// and terms see the same articles). By hand: 吕行硕 and 陈克会 stand alone in one RW list,
// so another article's run-together 吕行硕陈克会等 names both (as persons says), which
// resolving that article's list on its own did not see.
func TestPersonQueryLearnsFromTheCorpus(t *testing.T) {
	dir := writeChenCorpus(t)
	code, out, errOut := baokanRun(t, "articles", "-q", "--format", "csv", "--query", "person:陈克会", dir)
	if code != 0 {
		t.Fatalf("articles: %d %s", code, errOut)
	}
	var paths []string
	for _, r := range readCSV(t, out)[1:] {
		paths = append(paths, filepath.Base(r[0]))
	}
	if strings.Join(paths, " ") != "a1.txt a2.txt a3.txt" {
		t.Errorf("person:陈克会 keeps %v, want a1.txt a2.txt a3.txt", paths)
	}

	real := filepath.Join("..", "..", "..", "shared", "corpus", "jfjb")
	if _, err := os.Stat(real); err != nil {
		t.Skipf("the real articles are not here (%v)", err)
	}
	code, out, errOut = baokanRun(t, "persons", "-q", "--format", "csv", real)
	if code != 0 {
		t.Fatalf("persons: %d %s", code, errOut)
	}
	want := map[string]map[string]bool{} // person → paths
	rows := readCSV(t, out)
	for _, r := range rows[1:] {
		if want[r[4]] == nil {
			want[r[4]] = map[string]bool{}
		}
		want[r[4]][r[0]] = true
	}
	if len(want) < 20 {
		t.Fatalf("persons found %d persons in the real articles", len(want))
	}
	bki := filepath.Join(t.TempDir(), "real.bki")
	if code, _, errOut := baokanRun(t, "index", "-q", "-o", bki, real); code != 0 {
		t.Fatalf("index: %s", errOut)
	}
	for name, paths := range want {
		for _, src := range []string{real, bki} {
			code, out, errOut := baokanRun(t, "articles", "-q", "--format", "csv", "--query", "person:"+name, src)
			if code != 0 {
				t.Fatalf("articles --query person:%s: %s", name, errOut)
			}
			got := readCSV(t, out)[1:]
			ok := len(got) == len(paths)
			for _, r := range got {
				ok = ok && paths[r[0]]
			}
			if !ok {
				t.Errorf("person:%s on %s: %d articles, persons lists %d", name, src, len(got), len(paths))
			}
		}
	}
}
