package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// sampleBodies returns the embedded sample's articles as `baokan articles --body` gives
// them: path:line → body. The reader is tested on its own; the word layer is checked
// against plain string operations on its output.
func sampleBodies(t *testing.T, args ...string) map[string]string {
	t.Helper()
	_, out, _ := baokanRun(t, append([]string{"articles", "--body", "--format", "jsonl", "-q"}, args...)...)
	bodies := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct {
			Path string
			Line int
			Body string
		}
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		bodies[a.Path+":"+strconv.Itoa(a.Line)] = a.Body
	}
	return bodies
}

func csvRows(t *testing.T, args ...string) [][]string {
	t.Helper()
	args = append(args, "--format", "csv")
	if args[0] != "segment" {
		args = append(args, "-q")
	}
	code, out, errOut := baokanRun(t, args...)
	if code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return readCSV(t, out)
}

func TestTermsCountsNamesWhole(t *testing.T) {
	rows := csvRows(t, "terms", "--top", "0")
	if strings.Join(rows[0], ",") != "term,count,docs,per_10k,rank" {
		t.Fatalf("header %v", rows[0])
	}
	got := map[string][]string{}
	total := 0
	for _, r := range rows[1:] {
		got[r[0]] = r
		n, _ := strconv.Atoi(r[1])
		total += n
	}
	bodies := sampleBodies(t)
	// RW persons are added to the dictionary, so every occurrence of these names in the
	// bodies is one token: the counts equal strings.Count on the text.
	for _, name := range []string{"赫鲁晓夫", "肯尼迪", "江泽民", "叶利钦", "拉扎克"} {
		count, docs := 0, 0
		for _, b := range bodies {
			if c := strings.Count(b, name); c > 0 {
				count += c
				docs++
			}
		}
		r := got[name]
		if r == nil {
			t.Errorf("%s: no row", name)
			continue
		}
		if r[1] != strconv.Itoa(count) || r[2] != strconv.Itoa(docs) {
			t.Errorf("%s: count %s docs %s, want %d and %d (strings.Count on the bodies)", name, r[1], r[2], count, docs)
		}
		per10k, _ := strconv.ParseFloat(r[3], 64)
		if want := float64(count) * 10000 / float64(total); math.Abs(per10k-want) > 1e-9 {
			t.Errorf("%s: per_10k %v, want %v", name, per10k, want)
		}
	}
	for _, dropped := range []string{"，", "。", "的", "1962"} {
		if got[dropped] != nil {
			t.Errorf("%q should be filtered out by default", dropped)
		}
	}
}

func TestKeywordsOfKhrushchevKennedyLetters(t *testing.T) {
	// Keywords of every article of the sample (N = 38); the rows of 19621029 p3 #5 kept.
	var rows [][]string
	for _, r := range csvRows(t, "keywords", "--top", "15", "--l2=false") {
		if strings.Contains(r[0], "196210290305") || r[0] == "doc" {
			rows = append(rows, r)
		}
	}
	top := map[string]bool{}
	for _, r := range rows[1:] {
		top[r[1]] = true
		// Without L2, tfidf = tf × idf with the smooth idf ln((1+N)/(1+df)) + 1, N = 38
		// articles: recomputed here from the printed tf and df.
		tf, _ := strconv.ParseFloat(r[2], 64)
		df, _ := strconv.ParseFloat(r[3], 64)
		idf, _ := strconv.ParseFloat(r[4], 64)
		w, _ := strconv.ParseFloat(r[5], 64)
		if want := math.Log(39/(1+df)) + 1; math.Abs(idf-want) > 1e-12 {
			t.Errorf("%s: idf %v, want %v", r[1], idf, want)
		}
		if math.Abs(w-tf*idf) > 1e-9 {
			t.Errorf("%s: tfidf %v, want tf×idf %v", r[1], w, tf*idf)
		}
	}
	for _, want := range []string{"赫鲁晓夫", "肯尼迪", "古巴", "土耳其"} {
		if !top[want] {
			t.Errorf("%s not among the top keywords of 19621029 p3 #5: %v", want, rows[1:])
		}
	}
}

func TestKeynessAgreesWithCounts(t *testing.T) {
	target := csvRows(t, "terms", "--top", "0", "--to", "1979-12-31")
	reference := csvRows(t, "terms", "--top", "0", "--from", "1980-01-01")
	count := func(rows [][]string) (map[string]float64, float64) {
		m, total := map[string]float64{}, 0.0
		for _, r := range rows[1:] {
			n, _ := strconv.ParseFloat(r[1], 64)
			m[r[0]] = n
			total += n
		}
		return m, total
	}
	tc, c := count(target)
	rc, d := count(reference)
	rows := csvRows(t, "keyness", "--target", "to=1979-12-31", "--top", "0", "--min-count", "1")
	if len(rows) < 100 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows[1:] {
		a, b := tc[r[0]], rc[r[0]]
		if r[1] != strconv.Itoa(int(a)) || r[2] != strconv.Itoa(int(b)) {
			t.Fatalf("%s: counts %s/%s, terms gives %v/%v", r[0], r[1], r[2], a, b)
		}
		// G² by the two-term formula (Rayson & Garside 2000), written out independently.
		e1, e2 := c*(a+b)/(c+d), d*(a+b)/(c+d)
		g2 := 0.0
		if a > 0 {
			g2 += a * math.Log(a/e1)
		}
		if b > 0 {
			g2 += b * math.Log(b/e2)
		}
		g2 *= 2
		got, _ := strconv.ParseFloat(r[5], 64)
		if math.Abs(got-g2) > 1e-9*math.Max(1, g2) {
			t.Errorf("%s: g2 %v, want %v", r[0], got, g2)
		}
		if use := r[9]; (a/c > b/d) != (use == "over") {
			t.Errorf("%s: use %s with rates %v vs %v", r[0], use, a/c, b/d)
		}
	}
}

func TestSegmentScoreByHand(t *testing.T) {
	dir := t.TempDir()
	in, gold := filepath.Join(dir, "in.txt"), filepath.Join(dir, "gold.txt")
	os.WriteFile(in, []byte("赫鲁晓夫和肯尼迪互致信件\n"), 0o644)
	os.WriteFile(gold, []byte("赫鲁晓夫 和 肯尼迪 互致 信件\n"), 0o644)
	// Our cut (checked below): 赫鲁晓夫 和 肯尼迪 互 致 信件: 6 words, of which 4 have the
	// spans of gold words (赫鲁晓夫, 和, 肯尼迪, 信件); the gold has 5 words.
	code, out, errOut := baokanRun(t, "segment", in)
	if code != exitOK || out != "赫鲁晓夫 和 肯尼迪 互 致 信件\n" {
		t.Fatalf("segment: exit %d, %q %s", code, out, errOut)
	}
	rows := csvRows(t, "segment", in, "--score", gold)
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[0]] = r[1]
	}
	p, r := 4.0/6, 4.0/5
	want := map[string]float64{"precision": p, "recall": r, "f1": 2 * p * r / (p + r), "gold_words": 5, "test_words": 6, "correct": 4}
	for k, v := range want {
		g, _ := strconv.ParseFloat(got[k], 64)
		if math.Abs(g-v) > 1e-12 {
			t.Errorf("%s = %s, want %v", k, got[k], v)
		}
	}
	// The gold against itself: its words joined as input, cut by gold must score 1.
	rows = csvRows(t, "segment", gold, "--score", gold, "--dict", writeDict(t, dir, "互致"))
	for _, r := range rows[1:4] {
		if r[1] != "1" {
			t.Errorf("gold vs itself: %s = %s, want 1", r[0], r[1])
		}
	}
}

func writeDict(t *testing.T, dir string, words ...string) string {
	p := filepath.Join(dir, "dict.txt")
	if err := os.WriteFile(p, []byte(strings.Join(words, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWordsDeterministic: the word and network commands print the same bytes on one core
// and on several.
func TestWordsDeterministic(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	t.Cleanup(func() { runtime.GOMAXPROCS(procs) }) // --workers sets it for the process
	for _, args := range [][]string{
		{"keywords", "--top", "5", "--format", "csv", "-q"},
		{"network", "--by", "decade", "--format", "csv", "--edges", "-q"},
	} {
		_, one, _ := baokanRun(t, append(args, "--workers", "1")...)
		_, four, _ := baokanRun(t, append(args, "--workers", "4")...)
		if one == "" || one != four {
			t.Errorf("%v: output differs between --workers 1 and 4 (or is empty)", args)
		}
	}
}
