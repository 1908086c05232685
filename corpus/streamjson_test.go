package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A JSON Lines file larger than the reader holds whole is streamed record by record
// (streamJSON) and gives the same articles, in the same order and at the same lines, as the
// file read whole; a record over MaxJSONRecordBytes in it is skipped as too_large without
// being held, and the records after it are read.
func TestStreamedJSONLinesSameAsWhole(t *testing.T) {
	needDir(t, rmrbDir)
	needDir(t, whbDir)
	var lines bytes.Buffer
	for _, f := range sharedJSONFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines.Write(bytes.TrimSpace(data))
		lines.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "all.jsonl")
	writeFile(t, path, lines.Bytes())
	whole, wsum, _ := readWithin(t, 20*time.Second, []string{path}, Options{})
	restore := setBound(&wholeFileBytes, 1000)
	streamed, ssum, _ := readWithin(t, 20*time.Second, []string{path}, Options{})
	restore()
	if len(whole) != 73 || len(streamed) != len(whole) {
		t.Fatalf("%d articles whole, %d streamed, want 73", len(whole), len(streamed))
	}
	for i := range whole {
		if whole[i].Line != streamed[i].Line || !sameJSONArticle(whole[i], streamed[i]) {
			t.Errorf("article %d (line %d) differs streamed (line %d)", i, whole[i].Line, streamed[i].Line)
		}
	}
	if wsum.String() != ssum.String() {
		t.Errorf("summary whole %s, streamed %s", wsum, ssum)
	}

	// A record of MaxJSONRecordBytes+ bytes between two good ones.
	huge := `{"title":"x","parts":[{"type":"paragraph","text":"` + strings.Repeat("正", MaxJSONRecordBytes/3+10) + `"}]}`
	other := strings.ReplaceAll(goodRecord, "正文。", "另一篇正文。") // not a duplicate of the first
	src := goodRecord + "\n" + huge + "\n" + other + "\n"
	bigPath := filepath.Join(t.TempDir(), "big.jsonl")
	writeFile(t, bigPath, []byte(src))
	var diags []Diagnostic
	restore = setBound(&wholeFileBytes, 1000)
	arts, sum, _ := readWithin(t, 20*time.Second, []string{bigPath}, Options{OnDiagnostic: func(d Diagnostic) { diags = append(diags, d) }})
	restore()
	tl := diagsOf(diags, KindTooLarge)
	if len(arts) != 2 || arts[0].Line != 1 || arts[1].Line != 3 || len(tl) != 1 || tl[0].Line != 2 || sum.Skipped[KindTooLarge] != 1 {
		t.Errorf("%d articles (lines %v), too_large %v, summary %s", len(arts), linesOf(arts), tl, sum)
	}
}

func linesOf(arts []*Article) []int {
	var out []int
	for _, a := range arts {
		out = append(out, a.Line)
	}
	return out
}
