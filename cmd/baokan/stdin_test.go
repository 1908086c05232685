package main

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// baokanRunStdin runs the command with stdin as standard input.
func baokanRunStdin(t *testing.T, stdin []byte, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, bytes.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// "-" reads standard input: a tagged text, or an archive. Each command gives what it gives
// for the same bytes in a file, but for the path (<stdin>).
func TestStdinSource(t *testing.T) {
	a, data := copyArticle(t, t.TempDir(), "a.TXT")
	for _, args := range [][]string{
		{"stats", "--format", "csv"},
		{"articles", "--format", "csv"},
		{"terms", "--format", "csv", "--top", "20"}, // two passes over the input
		{"persons", "--format", "csv"},
		{"timeline", "--format", "csv"},
	} {
		code, fromFile, errFile := baokanRun(t, append(args, a)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errFile)
		}
		code, fromStdin, errStdin := baokanRunStdin(t, data, append(args, "-")...)
		if code != exitOK {
			t.Fatalf("%v -: exit %d: %s", args, code, errStdin)
		}
		if want := strings.ReplaceAll(fromFile, a, "<stdin>"); fromStdin != want {
			t.Errorf("%v -: got\n%s\nwant\n%s", args, fromStdin, want)
		}
		if errStdin != errFile {
			t.Errorf("%v -: summary %q, want %q", args, errStdin, errFile)
		}
	}

	// A zip archive on standard input: its members are read.
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for _, name := range []string{"x/1.TXT", "x/2.TXT"} {
		w, _ := zw.Create(name)
		w.Write(data)
	}
	zw.Close()
	code, out, errOut := baokanRunStdin(t, zbuf.Bytes(), "articles", "--format", "csv", "-")
	rows := readCSV(t, out)
	if code != exitOK || len(rows) != 3 || rows[1][0] != "<stdin>!x/1.TXT" || rows[2][0] != "<stdin>!x/2.TXT" {
		t.Errorf("zip on stdin: exit %d, %v, %s", code, rows, errOut)
	}

	// "-" twice is an error before reading.
	code, _, errOut = baokanRunStdin(t, data, "stats", "-", "-")
	if code != exitError || !strings.Contains(errOut, "given twice") {
		t.Errorf("- -: exit %d, %q", code, errOut)
	}
}
