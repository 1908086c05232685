package keyness

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/baokan/baokan/analysis/terms"
)

// Real PLA Daily articles, one-character tokens: target = the articles of 1957–1960,
// reference = all the others. The counts in the rows must equal strings.Count over the
// decoded texts (an independent count), every character of the corpus must get a row,
// and the direction must agree with the per-10k rates.
func TestCompareRealArticles(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "corpus", "jfjb")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("real articles not available at %s: %v", root, err)
	}
	var targetTexts, referenceTexts []string
	target, reference, whole := terms.NewCounter(), terms.NewCounter(), terms.NewCounter()
	dec := simplifiedchinese.GB18030.NewDecoder()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".txt") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text, err := dec.String(string(raw))
		if err != nil {
			return err
		}
		var toks []string
		for s := text; len(s) > 0; {
			_, size := utf8.DecodeRuneInString(s)
			toks = append(toks, s[:size])
			s = s[size:]
		}
		whole.AddDoc(toks)
		if year := filepath.Base(path)[:4]; year >= "1957" && year <= "1960" {
			target.AddDoc(toks)
			targetTexts = append(targetTexts, text)
		} else {
			reference.AddDoc(toks)
			referenceTexts = append(referenceTexts, text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(targetTexts) == 0 || len(referenceTexts) == 0 {
		t.Skipf("need articles of 1957–1960 and others under %s (have %d and %d)", root, len(targetTexts), len(referenceTexts))
	}
	rows, err := Compare(target, reference, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != whole.Len() {
		t.Errorf("%d rows, the corpus has %d distinct characters", len(rows), whole.Len())
	}
	count := func(texts []string, s string) (n int64) {
		for _, text := range texts {
			n += int64(strings.Count(text, s))
		}
		return n
	}
	byTerm := make(map[string]Row, len(rows))
	for i, r := range rows {
		byTerm[r.Term] = r
		if i > 0 && (rows[i-1].G2 < r.G2 || (rows[i-1].G2 == r.G2 && rows[i-1].Term >= r.Term)) {
			t.Fatalf("rows out of order at %d: %+v then %+v", i, rows[i-1], r)
		}
		if (r.Use == Over) != (r.TargetPer10k > r.ReferencePer10k) || (r.Use == Under) != (r.TargetPer10k < r.ReferencePer10k) {
			t.Errorf("%q: direction %v but rates %v / %v", r.Term, r.Use, r.TargetPer10k, r.ReferencePer10k)
		}
	}
	for _, ch := range []string{"的", "苏", "美", "军", "毛", "邓"} {
		r, ok := byTerm[ch]
		a, b := count(targetTexts, ch), count(referenceTexts, ch)
		if !ok && a+b > 0 {
			t.Errorf("%q (%d + %d occurrences) has no row", ch, a, b)
			continue
		}
		if r.TargetCount != a || r.ReferenceCount != b {
			t.Errorf("%q: counts %d / %d, strings.Count gives %d / %d", ch, r.TargetCount, r.ReferenceCount, a, b)
		}
	}
	t.Logf("target %d articles / %d tokens, reference %d / %d; top: %s %s %s",
		len(targetTexts), target.Tokens(), len(referenceTexts), reference.Tokens(), rows[0].Term, rows[1].Term, rows[2].Term)
}
