package corpus

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// readFile reads a whole file as the reader does.
func readFile(name string) ([]byte, error) {
	data, big, _, err := readDisk(name, 1<<40)
	if big != nil {
		big.Close()
	}
	return data, err
}

// TestReadFile: readFile (readDisk) returns exactly what os.ReadFile returns, for an empty file, a
// small one and one larger than its pooled buffer (read in several calls), read in turn so
// that buffers are reused; and the errors name the file.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("〖ZW/正文〗一二三四五六七八九十\r\n"), 20000) // 760 KB
	for name, data := range map[string][]byte{"empty.txt": nil, "small.txt": []byte("〖RQ/日期〗19621029〖-RQ/日期〗"), "big.txt": big} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for range 2 {
		for _, name := range []string{"small.txt", "big.txt", "empty.txt", "small.txt"} {
			p := filepath.Join(dir, name)
			got, err := readFile(p)
			want, _ := os.ReadFile(p)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%s: %d bytes, %v; want %d bytes", name, len(got), err, len(want))
			}
		}
	}
	_, err := readFile(filepath.Join(dir, "missing.txt"))
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != filepath.Join(dir, "missing.txt") {
		t.Errorf("missing file: %v, want a *fs.PathError naming it, ErrNotExist", err)
	}
	if _, err := readFile(dir); err == nil {
		t.Errorf("a folder read as a file without error")
	}
}
