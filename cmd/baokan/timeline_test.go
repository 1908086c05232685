package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// sharedTools is ../shared/tools seen from cmd/baokan.
const sharedTools = "../../../shared/tools"

// generated is a corpus made once by ../shared/tools/gencorpus.py for the tests of this
// file: 3,000 articles, seed 7, no damaged file.
var generated struct {
	once sync.Once
	dir  string
	err  error
	skip string
}

func generatedCorpus(t *testing.T) (dir string, truth []map[string]string) {
	t.Helper()
	generated.once.Do(func() {
		script := filepath.Join(sharedTools, "gencorpus.py")
		if _, err := os.Stat(script); err != nil {
			generated.skip = script + " is absent (it is in the development tree and CI only)"
			return
		}
		py, err := exec.LookPath("python3")
		if err != nil {
			generated.skip = "python3 is not installed"
			return
		}
		generated.dir, generated.err = os.MkdirTemp("", "baokan-timeline-")
		if generated.err != nil {
			return
		}
		cmd := exec.Command(py, script, "--out", generated.dir, "--articles", "3000", "--seed", "7", "--malformed", "0")
		if msg, err := cmd.CombinedOutput(); err != nil {
			generated.err = fmt.Errorf("gencorpus.py: %v\n%s", err, msg)
		}
	})
	if generated.skip != "" {
		t.Skip("skipping: " + generated.skip)
	}
	if generated.err != nil {
		t.Fatal(generated.err)
	}
	return generated.dir, readTruthTSV(t, filepath.Join(generated.dir, "truth.tsv"))
}

func TestMain(m *testing.M) {
	code := m.Run()
	if generated.dir != "" {
		os.RemoveAll(generated.dir)
	}
	os.Exit(code)
}

// readTruthTSV reads gencorpus.py's truth.tsv: the generator's own record of every article.
func readTruthTSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var cols []string
	var rows []map[string]string
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if cols == nil {
			cols = fields
			continue
		}
		row := map[string]string{}
		for i, c := range cols {
			if i < len(fields) {
				row[c] = fields[i]
			}
		}
		if row["status"] == "article" {
			rows = append(rows, row)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// truthDate parses truth.tsv's YYYYMMDD.
func truthDate(t *testing.T, s string) time.Time {
	d, err := time.Parse("20060102", s)
	if err != nil {
		t.Fatalf("truth.tsv date %q: %v", s, err)
	}
	return d
}

// timelineRows runs timeline with CSV output and returns the rows by period and series.
func timelineRows(t *testing.T, args ...string) (periods []string, rows map[[2]string][]string) {
	t.Helper()
	code, out, errOut := baokanRun(t, append([]string{"timeline", "--format", "csv", "--quiet"}, args...)...)
	if code != 0 {
		t.Fatalf("timeline %v: exit %d\n%s", args, code, errOut)
	}
	table := readCSV(t, out)
	want := "period,series,count,total,per_10k,share,front_page_share,burst"
	if got := strings.Join(table[0], ","); !strings.HasPrefix(got, want) {
		t.Fatalf("header %s, want %s", got, want)
	}
	rows = map[[2]string][]string{}
	for _, r := range table[1:] {
		if len(periods) == 0 || periods[len(periods)-1] != r[0] {
			periods = append(periods, r[0])
		}
		rows[[2]string{r[0], r[1]}] = r
	}
	return periods, rows
}

func atoiCell(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not an integer", s)
	}
	return n
}

func floatCellOf(t *testing.T, s string) float64 {
	if s == "" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

// checkFilled checks that periods are every label from first to last, in order, as next
// (an independent calendar walk with the time package) gives them.
func checkFilled(t *testing.T, periods []string, first time.Time, label func(time.Time) string, next func(time.Time) time.Time, last time.Time) {
	t.Helper()
	var want []string
	for d := first; !d.After(last); d = next(d) {
		if l := label(d); len(want) == 0 || want[len(want)-1] != l {
			want = append(want, l)
		}
	}
	if l := label(last); want[len(want)-1] != l {
		want = append(want, l)
	}
	if strings.Join(periods, " ") != strings.Join(want, " ") {
		t.Errorf("%d periods %v…, want %d %v…", len(periods), periods[:min(5, len(periods))], len(want), want[:min(5, len(want))])
	}
}

func truthSpan(t *testing.T, truth []map[string]string) (first, last time.Time) {
	for _, r := range truth {
		d := truthDate(t, r["date"])
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
	}
	return first, last
}

// TestTimelineArticlesPerMonthQuarterWeek: the articles of every month, quarter and ISO
// week, counted from truth.tsv's dates with the time package (time.Time.ISOWeek for the
// weeks), every period from the first to the last listed, zeros included.
func TestTimelineArticlesPerMonthQuarterWeek(t *testing.T) {
	dir, truth := generatedCorpus(t)
	first, last := truthSpan(t, truth)
	for _, c := range []struct {
		by    string
		label func(time.Time) string
		next  func(time.Time) time.Time
	}{
		{"month", func(d time.Time) string { return d.Format("2006-01") },
			func(d time.Time) time.Time { return d.AddDate(0, 0, 1) }},
		{"quarter", func(d time.Time) string { return fmt.Sprintf("%d-Q%d", d.Year(), (int(d.Month())-1)/3+1) },
			func(d time.Time) time.Time { return d.AddDate(0, 0, 1) }},
		{"week", func(d time.Time) string { y, w := d.ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) },
			func(d time.Time) time.Time { return d.AddDate(0, 0, 1) }},
	} {
		t.Run(c.by, func(t *testing.T) {
			want := map[string]int{}
			for _, r := range truth {
				want[c.label(truthDate(t, r["date"]))]++
			}
			periods, rows := timelineRows(t, dir, "--by", c.by, "--no-bursts")
			checkFilled(t, periods, first, c.label, c.next, last)
			total := 0
			for _, p := range periods {
				r := rows[[2]string{p, "articles"}]
				if r == nil {
					t.Fatalf("no articles row for %s", p)
				}
				n := atoiCell(t, r[2])
				total += n
				if n != want[p] || atoiCell(t, r[3]) != want[p] {
					t.Errorf("%s: count %s total %s, want %d", p, r[2], r[3], want[p])
				}
			}
			if total != len(truth) {
				t.Errorf("%d articles in all, want %d", total, len(truth))
			}
		})
	}
}

// TestTimelinePersonsAndCharsPerYear: persons per year are the articles whose truth.tsv
// persons (the generator's persons, before it added roles and events to the RW list)
// include the name; the share is over the year's articles, the front-page share over the
// person's articles on page 1; body characters per year are the sum of body_chars.
func TestTimelinePersonsAndCharsPerYear(t *testing.T) {
	dir, truth := generatedCorpus(t)
	names := []string{"毛泽东", "邓小平"}
	type tally struct{ articles, front int }
	persons := map[[2]string]*tally{}
	articles := map[string]int{}
	chars := map[string]int{}
	for _, r := range truth {
		year := r["date"][:4]
		articles[year]++
		chars[year] += atoiCell(t, r["body_chars"])
		for _, name := range names {
			k := [2]string{year, name}
			if persons[k] == nil {
				persons[k] = &tally{}
			}
			for _, p := range strings.Split(r["persons"], "/") {
				if p == name {
					persons[k].articles++
					if r["page"] == "1" {
						persons[k].front++
					}
					break
				}
			}
		}
	}
	periods, rows := timelineRows(t, dir, "--by", "year", "--series", "articles,chars",
		"--person", names[0], "--person", names[1])
	if len(periods) != 58 { // the generator's default years, 1946–2003
		t.Errorf("%d years, want 58", len(periods))
	}
	for _, year := range periods {
		if r := rows[[2]string{year, "chars"}]; atoiCell(t, r[2]) != chars[year] {
			t.Errorf("%s chars %s, want %d", year, r[2], chars[year])
		}
		for _, name := range names {
			r := rows[[2]string{year, "person:" + name}]
			want := persons[[2]string{year, name}]
			if atoiCell(t, r[2]) != want.articles || atoiCell(t, r[3]) != articles[year] {
				t.Errorf("%s %s: count %s total %s, want %d of %d", year, name, r[2], r[3], want.articles, articles[year])
			}
			if share := floatCellOf(t, r[5]); math.Abs(share-float64(want.articles)/float64(articles[year])) > 1e-12 {
				t.Errorf("%s %s: share %s", year, name, r[5])
			}
			if want.articles == 0 {
				if r[6] != "" {
					t.Errorf("%s %s: front_page_share %q of no article", year, name, r[6])
				}
			} else if fp := floatCellOf(t, r[6]); math.Abs(fp-float64(want.front)/float64(want.articles)) > 1e-12 {
				t.Errorf("%s %s: front_page_share %s, want %d/%d", year, name, r[6], want.front, want.articles)
			}
		}
	}
}

// TestTimelineDeterministic: the same bytes with 1 and 4 workers, bursts and smoothing
// included.
func TestTimelineDeterministic(t *testing.T) {
	dir, _ := generatedCorpus(t)
	args := []string{"timeline", dir, "--by", "quarter", "--series", "articles,chars", "--person", "陈云",
		"--topic", "拥军优属", "--genre-series", "消息", "--smooth", "4", "--format", "csv", "--quiet"}
	_, one, _ := baokanRun(t, append(args, "--workers", "1")...)
	_, four, _ := baokanRun(t, append(args, "--workers", "4")...)
	if one != four || len(one) < 1000 {
		t.Errorf("output differs with 1 and 4 workers (%d and %d bytes)", len(one), len(four))
	}
}

// TestTimelineBurstsListed: the --bursts rows and the burst column tell the same story, and
// the person whose era the generator bounds (邓小平, 1952–1997) bursts within it.
func TestTimelineBurstsListed(t *testing.T) {
	dir, _ := generatedCorpus(t)
	periods, rows := timelineRows(t, dir, "--by", "year", "--series", "", "--person", "邓小平")
	code, out, errOut := baokanRun(t, "timeline", dir, "--by", "year", "--series", "", "--person", "邓小平",
		"--bursts", "--format", "csv", "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	listed := readCSV(t, out)
	if strings.Join(listed[0], ",") != "series,start,end,periods,level,weight" || len(listed) < 2 {
		t.Fatalf("bursts:\n%s", out)
	}
	inBurst := map[string]bool{}
	for _, b := range listed[1:] {
		if b[0] != "person:邓小平" || b[1] < "1952" || b[2] > "1997" || floatCellOf(t, b[5]) <= 0 {
			t.Errorf("burst %v: want 邓小平 within 1952–1997 with a positive weight", b)
		}
		from, to := atoiCell(t, b[1]), atoiCell(t, b[2])
		if atoiCell(t, b[3]) != to-from+1 {
			t.Errorf("burst %v: periods", b)
		}
		for y := from; y <= to; y++ {
			inBurst[strconv.Itoa(y)] = true
		}
	}
	for _, p := range periods {
		if got := rows[[2]string{p, "person:邓小平"}][7]; (got == "1") != inBurst[p] || (got != "" && got != "1") {
			t.Errorf("%s: burst column %q, listed %v", p, got, inBurst[p])
		}
	}
}

// TestTimelineTermsAgreeWithTerms: on the embedded sample, the occurrences of a word per
// year and the tokens per year are those of 'baokan terms --by year', which counts with
// another code path (analysis/terms) over the same word stream.
func TestTimelineTermsAgreeWithTerms(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: segments the sample (-short)")
	}
	rows := csvRows(t, "terms", "--by", "year", "--top", "0")
	counts := map[[2]string]int{}
	tokens := map[string]int{}
	for _, r := range rows[1:] {
		n := atoiCell(t, r[2])
		counts[[2]string{r[0], r[1]}] = n
		tokens[r[0]] += n
	}
	periods, got := timelineRows(t, "--by", "year", "--series", "tokens", "--term", "赫鲁晓夫", "--term", "美国",
		"--term-regex", "^美国$")
	for _, p := range periods {
		if n := atoiCell(t, got[[2]string{p, "tokens"}][2]); n != tokens[p] {
			t.Errorf("%s: %d tokens, terms counts %d", p, n, tokens[p])
		}
		for _, term := range []string{"赫鲁晓夫", "美国"} {
			r := got[[2]string{p, "term:" + term}]
			if n := atoiCell(t, r[2]); n != counts[[2]string{p, term}] || atoiCell(t, r[3]) != tokens[p] {
				t.Errorf("%s %s: %s of %s, terms counts %d of %d", p, term, r[2], r[3], counts[[2]string{p, term}], tokens[p])
			}
		}
		if a, b := got[[2]string{p, "regex:^美国$"}][2], got[[2]string{p, "term:美国"}][2]; a != b {
			t.Errorf("%s: regex ^美国$ counts %s, term 美国 %s", p, a, b)
		}
	}
	if counts[[2]string{"1962", "赫鲁晓夫"}] == 0 {
		t.Error("赫鲁晓夫 is not in the sample's 1962 counts: the test checks nothing")
	}
}

func TestTimelineUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--by", "fortnight"}, "fortnight"},
		{[]string{"--series", "pages"}, "pages"},
		{[]string{"--series", ""}, "no series"},
		{[]string{"--term-regex", "("}, "--term-regex"},
		{[]string{"--burst-s", "1"}, "--burst-s"},
		{[]string{"--smooth", "-1"}, "--smooth"},
		{[]string{"--value", "mean"}, "--value"},
		{[]string{"--person", "毛泽东", "--person", "毛泽东"}, "twice"},
		{[]string{"--chart", "t.gif"}, ".gif"},
		{[]string{"--chart", "t.png", "--font", "/nonexistent.ttf"}, "--font"},
	} {
		code, _, errOut := baokanRun(t, append([]string{"timeline"}, c.args...)...)
		if code != 1 || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", c.args, code, errOut, c.msg)
		}
	}
}

// TestTimelineUndatedReported: the sample has no undated article; a filter cannot make
// one, so this checks the line's absence, and the package test checks the count.
func TestTimelineSampleSummary(t *testing.T) {
	code, out, errOut := baokanRun(t, "timeline", "--by", "decade", "--format", "csv")
	if code != 0 || strings.Contains(errOut, "without a valid date") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := readCSV(t, out)
	sum := 0
	var labels []string
	for _, r := range rows[1:] {
		sum += atoiCell(t, r[2])
		labels = append(labels, r[0])
	}
	if sum != 38 || !sort.StringsAreSorted(labels) {
		t.Errorf("decades %v hold %d articles, want the sample's 38", labels, sum)
	}
}

// TestTimelinePersonAlias: --person 毛主席 counts what --person 毛泽东 counts (the built-in
// alias table maps the one to the other), and says so.
func TestTimelinePersonAlias(t *testing.T) {
	code, out, errOut := baokanRun(t, "timeline", "--by", "decade", "--series", "", "--person", "毛主席", "--person", "毛泽东", "--format", "csv")
	if code != 0 || !strings.Contains(errOut, "--person 毛主席 counts the RW lists' 毛泽东") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := readCSV(t, out)
	sum := 0
	for i := 1; i+1 < len(rows); i += 2 {
		alias, name := rows[i], rows[i+1]
		if alias[1] != "person:毛主席" || name[1] != "person:毛泽东" || strings.Join(alias[2:], ",") != strings.Join(name[2:], ",") {
			t.Errorf("%v and %v differ", alias, name)
		}
		sum += atoiCell(t, name[2])
	}
	if sum == 0 {
		t.Error("毛泽东 is in no article of the sample: the test checks nothing")
	}
}

// TestTimelineUndatedCounted: an article with an impossible date (1962-13-05) is in no
// period, and said so on stderr; the other two are counted.
func TestTimelineUndatedCounted(t *testing.T) {
	dir := t.TempDir()
	article := func(date, title string) string {
		return "〖ZQ/总期〗1〖-ZQ/总期〗\n〖RQ/日期〗" + date + "〖-RQ/日期〗\n〖BH/版号〗01〖-BH/版号〗\n" +
			"〖TH/条号〗1〖-TH/条号〗\n〖BT/标题〗" + title + "〖-BT/标题〗\n〖ZW/正文〗\n    正文。\n〖-ZW/正文〗\n"
	}
	for name, text := range map[string]string{
		"a.txt": article("19621005", "甲"), "b.txt": article("19621305", "乙"), "c.txt": article("19621231", "丙"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := baokanRun(t, "timeline", dir, "--by", "quarter", "--format", "csv")
	if code != 0 || !strings.Contains(errOut, "1 article without a valid date is in no period") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	// 1962-10-05 and 1962-12-31 are both in 1962-Q4.
	if rows := readCSV(t, out); len(rows) != 2 || rows[1][0] != "1962-Q4" || rows[1][2] != "2" {
		t.Errorf("rows %v, want 1962-Q4 with 2 articles", rows)
	}
}
