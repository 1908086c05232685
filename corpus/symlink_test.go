package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSymlinkedFolder: a folder named through a symbolic link is read like the folder
// itself (filepath.WalkDir alone would see the link as a file and read nothing).
func TestSymlinkedFolder(t *testing.T) {
	dir, err := filepath.Abs("../testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "sample")
	if err := os.Symlink(dir, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	count := func(src string) int {
		r, err := Open([]string{src}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, err := range r.All() {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		return n
	}
	// 38: the embedded sample's articles, one a file: 30 tagged, 8 JSON (testdata/README.md).
	if direct, linked := count(dir), count(link); direct != 38 || linked != direct {
		t.Errorf("articles: %d from the folder, %d through the link; want 38 and 38", direct, linked)
	}
}
