package corpus

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"
)

const stdinTestArticle = "../testdata/sample/txt/1959/195910/19591002/195910020202.TXT"

// The source "-" reads Options.Stdin: a text as one file, a .tar.gz by its members; the
// articles are those of the same bytes read from a file.
func TestStdinSource(t *testing.T) {
	data, err := os.ReadFile(stdinTestArticle)
	if err != nil {
		t.Fatal(err)
	}
	read := func(sources []string, stdin []byte) []*Article {
		t.Helper()
		opts := Options{}
		if stdin != nil {
			opts.Stdin = bytes.NewReader(stdin)
		}
		r, err := Open(sources, opts)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var out []*Article
		for a, err := range r.All() {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, a)
		}
		return out
	}
	fromFile := read([]string{stdinTestArticle}, nil)
	fromStdin := read([]string{"-"}, data)
	if len(fromFile) != 1 || len(fromStdin) != 1 {
		t.Fatalf("%d and %d articles, want 1 and 1", len(fromFile), len(fromStdin))
	}
	if fromStdin[0].Path != StdinPath || fromStdin[0].Title != fromFile[0].Title || fromStdin[0].Date != fromFile[0].Date {
		t.Errorf("stdin article %s %q %s, want %s %q %s", fromStdin[0].Path, fromStdin[0].Title, fromStdin[0].Date,
			StdinPath, fromFile[0].Title, fromFile[0].Date)
	}

	var tgz bytes.Buffer
	gz := gzip.NewWriter(&tgz)
	tw := tar.NewWriter(gz)
	for _, name := range []string{"a/1.TXT", "a/notes.md"} {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg})
		tw.Write(data)
	}
	tw.Close()
	gz.Close()
	arts := read([]string{"-"}, tgz.Bytes())
	if len(arts) != 1 || arts[0].Path != StdinPath+"!a/1.TXT" {
		t.Errorf("tar.gz on stdin: %d articles (%v)", len(arts), arts)
	}

	// "-" without a Stdin, and "-" twice.
	r, err := Open([]string{"-"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range r.All() {
		_ = err
	}
	r.Close()
	if r.Summary().DiagnosticsTotal() == 0 {
		t.Error("- without Stdin: no diagnostic")
	}
	if _, err := Open([]string{"-", "-"}, Options{Stdin: strings.NewReader("")}); err == nil {
		t.Error("- twice: no error")
	}
}
