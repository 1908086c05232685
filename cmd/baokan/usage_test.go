package main

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/baokan/baokan/internal/version"
)

// Usage errors are said before any reading (no summary line), in one voice.
func TestUsageErrorsUpFront(t *testing.T) {
	a, _ := copyArticle(t, t.TempDir(), "a.TXT")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"stats", "--from", "1970", "--to", "1960"}, "--from 1970 is after --to 1960"},
		{[]string{"stats", "--from", "1962-10-30", "--to", "1962-10-29"}, "is after --to"},
		{[]string{"stats", "--from", "1962-13"}, `--from: date "1962-13" does not exist`},
		{[]string{"stats", "--to", "1962/10/29"}, "want YYYY-MM-DD, YYYY-MM or YYYY"},
		{[]string{"terms", "--top", "-1"}, "--top -1: want 0 or more"},
		{[]string{"network", "--top", "-1"}, "--top -1: want 0 or more"},
		{[]string{"network", "--min-weight", "-2"}, "--min-weight -2: want 0 or more"},
		{[]string{"network", "--resolution", "-1"}, "--resolution -1: want 0 or more"},
		{[]string{"network", "--resolution", "NaN"}, "--resolution NaN: want 0 or more"},
		{[]string{"keyness", "--target", "from=1959", "--min-count", "-3"}, "--min-count -3: want 0 or more"},
		{[]string{"keywords", "--top", "-5"}, "--top -5: want 0 or more"},
		{[]string{"timeline", "--smooth", "-2"}, "--smooth -2: want 0 or more"},
		{[]string{"terms", "--min-len", "-1"}, "--min-len -1: want 0 or more"},
		{[]string{"report", "-o", filepath.Join(t.TempDir(), "r"), "--network-top", "-1"}, "--network-top -1: want 0 or more"},
		{[]string{"stats", "--workers", "-1"}, "--workers -1: want 0 or more"},
		{[]string{"keyness", "--target", "from=1963,to=1962"}, "is after"},
	} {
		code, out, errOut := baokanRun(t, append(tc.args, a)...)
		if code != exitError || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "articles,") || out != "" {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 saying %q before reading", tc.args, code, errOut, tc.want)
		}
	}
}

// --from and --to take YYYY, YYYY-MM and YYYY-MM-DD (and the archive's YYYYMMDD): a year
// or month is its first day as --from, its last as --to. The sample article is of
// 1959-10-02 (its RQ line).
func TestDateBoundForms(t *testing.T) {
	a, _ := copyArticle(t, t.TempDir(), "a.TXT")
	for _, tc := range []struct {
		from, to string
		kept     bool
	}{
		{"1959", "1959", true},
		{"1959-10", "1959-10", true},
		{"195910", "195910", true},
		{"1959-10-02", "1959-10-02", true},
		{"19591002", "19591002", true},
		{"1959-11", "", false},
		{"", "1959-09", false},
		{"1960", "", false},
		{"", "1958", false},
	} {
		args := []string{"articles", "--format", "csv"}
		if tc.from != "" {
			args = append(args, "--from", tc.from)
		}
		if tc.to != "" {
			args = append(args, "--to", tc.to)
		}
		code, out, errOut := baokanRun(t, append(args, a)...)
		if code != exitOK {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
			continue
		}
		if got := len(readCSV(t, out)) == 2; got != tc.kept {
			t.Errorf("%v: kept %v, want %v", args, got, tc.kept)
		}
	}
}

func TestWorkerCap(t *testing.T) {
	for _, tc := range []struct{ n, cpus, want int }{
		{0, 2, 0}, {1, 2, 1}, {8, 2, 8}, {9, 2, 8}, {100000, 2, 8}, {100000, 64, 256}, {3, 0, 3},
	} {
		if got := workerCap(tc.n, tc.cpus); got != tc.want {
			t.Errorf("workerCap(%d, %d) = %d, want %d", tc.n, tc.cpus, got, tc.want)
		}
	}
	// The command applies it and says so.
	a, _ := copyArticle(t, t.TempDir(), "a.TXT")
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	code, _, errOut := baokanRun(t, "stats", "--workers", "100000", a)
	if code != exitOK || !strings.Contains(errOut, "--workers 100000: using ") {
		t.Errorf("--workers 100000: exit %d, stderr %q", code, errOut)
	}
	if got, most := runtime.GOMAXPROCS(0), workersPerCPU*runtime.NumCPU(); got > most {
		t.Errorf("--workers 100000 set GOMAXPROCS to %d, want at most %d", got, most)
	}
}

// --version prints the build's version and commit (package version; "devel" when the
// build recorded none, as in tests).
func TestVersionFlag(t *testing.T) {
	code, out, errOut := baokanRun(t, "--version")
	want := "baokan " + version.Get().String() + "\n"
	if code != exitOK || out != want {
		t.Errorf("--version: exit %d, %q (stderr %q), want %q", code, out, errOut, want)
	}
	if !strings.HasPrefix(out, "baokan devel") && !strings.HasPrefix(out, "baokan v") {
		t.Errorf("--version %q names no version", out)
	}
	if !strings.Contains(softwareVersion(), version.Get().String()) {
		t.Errorf("the report's software line %q lacks the version", softwareVersion())
	}
}

// timeline --from/--to lists every period asked for; a series that never occurs is said.
// The sample article is of 1959-10-02.
func TestTimelineRangeAndAbsent(t *testing.T) {
	a, _ := copyArticle(t, t.TempDir(), "a.TXT")
	code, out, errOut := baokanRun(t, "timeline", "--format", "csv", "--by", "month", "--from", "1959-08", "--to", "1959-12",
		"--person", "无此人", "--term", "无此词", a)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var periods []string
	for _, row := range readCSV(t, out)[1:] {
		if row[1] == "articles" {
			periods = append(periods, row[0])
		}
	}
	if got, want := strings.Join(periods, " "), "1959-08 1959-09 1959-10 1959-11 1959-12"; got != want {
		t.Errorf("periods %s, want %s", got, want)
	}
	for _, want := range []string{"--person 无此人: never occurs", "--term 无此词: never occurs"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q lacks %q", errOut, want)
		}
	}
}
