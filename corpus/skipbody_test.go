package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// metadataOf is an article without what SkipBody leaves out: the body, and the problems
// found in body text.
func metadataOf(a *Article) Article {
	m := *a
	m.Body = nil
	m.Diagnostics = nil
	for _, d := range a.Diagnostics {
		if d.Kind != KindInvalidEncoding && d.Kind != KindBrokenMarkup {
			m.Diagnostics = append(m.Diagnostics, d)
		}
	}
	return m
}

// checkSkipBody reads sources twice, whole and with SkipBody, and wants the same articles
// but for the body.
func checkSkipBody(t *testing.T, sources ...string) {
	t.Helper()
	full, fullSum, err := ReadAll(sources, Options{})
	if err != nil {
		t.Fatal(err)
	}
	meta, metaSum, err := ReadAll(sources, Options{SkipBody: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != len(meta) || fullSum.SkippedTotal() != metaSum.SkippedTotal() {
		t.Fatalf("%d articles (%d skipped) whole, %d (%d) with SkipBody", len(full), fullSum.SkippedTotal(), len(meta), metaSum.SkippedTotal())
	}
	for i := range full {
		if meta[i].Body != nil {
			t.Fatalf("%s:%d: SkipBody left a body", meta[i].Path, meta[i].Line)
		}
		if f, m := metadataOf(full[i]), metadataOf(meta[i]); !reflect.DeepEqual(f, m) {
			t.Errorf("%s:%d differs with SkipBody:\n whole %+v\n  skip %+v", f.Path, f.Line, f, m)
		}
	}
}

func TestSkipBodyRealCorpus(t *testing.T) {
	dir := filepath.Join(sharedDir, "corpus", "jfjb")
	if !exists(dir) {
		t.Skipf("skipping: %s is absent", dir)
	}
	checkSkipBody(t, dir)
}

func TestSkipBodyGeneratedCorpus(t *testing.T) {
	checkSkipBody(t, filepath.Join(generate(t, "--articles", "2000", "--malformed", "0.1", "--seed", "5"), "txt"))
	checkSkipBody(t, filepath.Join(generate(t, "--articles", "2000", "--malformed", "0.1", "--seed", "6",
		"--layout", "monthly", "--encoding", "utf8", "--lf"), "txt"))
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
