package outguard

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGuard(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "corpus")
	file := filepath.Join(src, "a.TXT")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	alone := filepath.Join(dir, "b.TXT")
	if err := os.WriteFile(alone, []byte("y"), 0o644); err != nil {
		t.Fatal(err)
	}
	linkDir := filepath.Join(dir, "linked")
	if err := os.Symlink(src, linkDir); err != nil {
		t.Skip(err)
	}
	g := New(src, alone, "-", "", filepath.Join(dir, "missing"))
	for _, tc := range []struct {
		path, want string // want "" for accepted
	}{
		{alone, "is a source of this run"},
		{filepath.Join(dir, ".", "b.TXT"), "is a source of this run"},
		{file, "inside the source folder"},
		{filepath.Join(src, "new.csv"), "inside the source folder"},
		{filepath.Join(linkDir, "new.csv"), "inside the source folder"}, // through a symbolic link
		{src, "is a source folder"},
		{filepath.Join(dir, "out.csv"), ""},
		{filepath.Join(dir, "corpus2.csv"), ""}, // a name sharing the folder's prefix is not inside it
		{"-", ""},
		{filepath.Join(dir, "no", "out.csv"), "no folder"},
		{dir, "is a folder"},
	} {
		err := g.CheckFile("-o", tc.path)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v, want accepted", tc.path, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %q", tc.path, err, tc.want)
		}
		var ge *Error
		if err != nil && !errors.As(err, &ge) {
			t.Errorf("%s: %T is not an *Error", tc.path, err)
		}
	}
	for _, tc := range []struct {
		dir   string
		names []string
		want  string
	}{
		{filepath.Join(dir, "report"), nil, ""},
		{filepath.Join(dir, "a", "b", "c"), nil, ""}, // made with its parents
		{dir, []string{"b.TXT"}, "is a source of this run"},
		{dir, []string{"index.html"}, ""},
		{filepath.Join(src, "r"), nil, "inside the source folder"},
		{filepath.Join(alone, "r"), nil, "is a file"},
		{alone, nil, "is a source"},
	} {
		err := g.CheckDir("-o", tc.dir, tc.names...)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("dir %s: %v, want accepted", tc.dir, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("dir %s: %v, want %q", tc.dir, err, tc.want)
		}
	}
}
