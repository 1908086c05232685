package segment

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestSavedBase: the first load goes through gse and saves the base; the next one reads the
// file and gives the same base, equal to gse's dictionary copied directly (baseOf); a
// damaged file is not trusted: the base comes from gse again, and the file is written anew.
func TestSavedBase(t *testing.T) {
	want := baseOf(gseOf(t, plainSegmenter(t)).Dict)
	path := filepath.Join(t.TempDir(), "sub", "base.bin")
	first, err := loadBaseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, want) {
		t.Fatal("the base loaded through gse differs from gse's dictionary")
	}
	saved, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("not saved: %v", err)
	}
	if !bytes.Equal(saved, want.marshal()) || len(saved) < 5<<20 {
		t.Fatalf("saved %d bytes, not the marshalled base", len(saved))
	}
	again, err := loadBaseFile(path)
	if err != nil || !reflect.DeepEqual(again, want) {
		t.Fatalf("the base read back differs (%v)", err)
	}
	if len(again.keys) < 500000 || again.total != want.total || again.maxLen != want.maxLen {
		t.Fatalf("read back: %d entries, total %v, longest %d", len(again.keys), again.total, again.maxLen)
	}
	for name, damage := range map[string][]byte{
		"truncated": saved[:len(saved)-100],
		"empty":     nil,
	} {
		if _, err := unmarshalBase(damage); err == nil {
			t.Errorf("%s: unmarshalBase accepted it", name)
		}
	}
	flipped := bytes.Clone(saved)
	flipped[len(flipped)/2] ^= 1
	if err := os.WriteFile(path, flipped, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := loadBaseFile(path)
	if err != nil || !reflect.DeepEqual(b, want) {
		t.Fatalf("a flipped byte: the base differs (%v)", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, saved) {
		t.Errorf("a flipped byte: the file was not written anew")
	}
}

// TestBasePath: BAOKAN_CACHE_DIR names the folder, "off" turns saving off; a build without
// gse's version (go test's) saves nothing.
func TestBasePath(t *testing.T) {
	t.Setenv("BAOKAN_CACHE_DIR", "off")
	if p := basePath(); p != "" {
		t.Errorf("BAOKAN_CACHE_DIR=off: path %q", p)
	}
	t.Setenv("BAOKAN_CACHE_DIR", t.TempDir())
	if v := GseVersion(); v == "" {
		if p := basePath(); p != "" {
			t.Errorf("no gse version known, but path %q", p)
		}
	} else if p := basePath(); filepath.Dir(p) != os.Getenv("BAOKAN_CACHE_DIR") || !bytes.Contains([]byte(p), []byte(v)) {
		t.Errorf("path %q: want one in $BAOKAN_CACHE_DIR named by gse's version %s", p, v)
	}
}
