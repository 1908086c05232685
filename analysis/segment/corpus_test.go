package segment

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// sampleArticle is what the tests need of a real article of the PLA Daily sample in
// ../../../shared/corpus/jfjb, read here with a few lines of code rather than through the
// corpus package, so that this package's tests do not depend on it.
type sampleArticle struct {
	topics, rw []string
	body       []string // paragraphs, the RW list appended to the last one removed
}

var (
	gjField  = regexp.MustCompile(`〖GJ/关键〗(.*?)〖-GJ/关键〗`)
	rwSuffix = regexp.MustCompile(`RW：(.*)$`)
	entrySep = regexp.MustCompile(`[/；]`)
)

// readSample reads every article of the sample (GBK, CRLF), skipping the test if absent.
func readSample(t testing.TB) []sampleArticle {
	t.Helper()
	root := sharedFile(t, "corpus/jfjb")
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".txt") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	dec := simplifiedchinese.GB18030.NewDecoder()
	var arts []sampleArticle
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, err := dec.String(string(raw))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		arts = append(arts, parseSample(strings.ReplaceAll(text, "\r\n", "\n")))
	}
	if len(arts) == 0 {
		t.Skip("no article in the sample")
	}
	return arts
}

func splitEntries(s string) []string {
	var out []string
	for _, e := range entrySep.Split(s, -1) {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

func parseSample(text string) sampleArticle {
	var a sampleArticle
	if m := gjField.FindStringSubmatch(text); m != nil {
		topics, rw, _ := strings.Cut(m[1], "RW：")
		a.topics = splitEntries(topics)
		a.rw = splitEntries(rw)
	}
	inBody := false
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "〖ZW/正文〗"):
			inBody = true
		case strings.HasPrefix(line, "〖-ZW/正文〗"):
			inBody = false
		case inBody:
			if m := rwSuffix.FindStringSubmatchIndex(line); m != nil {
				a.rw = append(a.rw, splitEntries(line[m[2]:m[3]])...)
				line = line[:m[0]]
			}
			if line = strings.TrimSpace(line); line != "" {
				a.body = append(a.body, line)
			}
		}
	}
	return a
}

// sampleText is the body text of the whole sample, one paragraph a line.
func sampleText(t testing.TB) string {
	var b strings.Builder
	for _, a := range readSample(t) {
		for _, p := range a.body {
			b.WriteString(p)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
