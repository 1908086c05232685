package corpus

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// fuzzSeedFiles are real articles added to the fuzz seed corpus where the corpus is present:
// one of each quirk of FORMAT.md.
var fuzzSeedFiles = []string{
	"1962/196210/19621029/196210290305.TXT",
	"1993/199303/19930328/199303280101.TXT",
	"1985/198507/19850725/198507250101.TXT",
	"1997/199710/19971030/199710300102.TXT",
	"1961/196107/19610712/196107120302.TXT",
	"1958/195808/19580804/195808040101.TXT",
	"1959/195910/19591002/195910020206.TXT",
	"1991/199105/19910517/199105170103.TXT",
}

// handSeeds are small inputs for the quirks no real file shows.
var handSeeds = []string{
	"",
	"\n",
	"\xEF\xBB\xBF",
	"〖",
	"〗〗〗",
	"〖ZQ/总期〗",
	"〖ZW/正文〗",
	"〖-ZW/正文〗\n〖-ZW/正文〗",
	"〖ZW/正文〗text〖-ZW/正文〗",
	"〖ZW/正文〗text〖-ZW",
	"〖BT/标题〗标题〖-BT/标题〗\n〖BT/标题〗第二篇〖-BT/标题〗\n",
	"〖ZZ/作者〗甲〖HH/换行〗DW：单位〖-ZZ/作者〗\n",
	"〖ZZ/作者〗甲〖HH/换行〗正文。〖HH/换行〗又一段〖-ZZ/作者〗\n",
	"〖FL/分类〗RW〖-FL/分类〗\n〖GJ/关键〗RW：〖-GJ/关键〗\n",
	"〖RQ/日期〗19621341〖-RQ/日期〗\n〖ZQ/总期〗-1〖-ZQ/总期〗\n〖BH/版号〗０３〖-BH/版号〗\n",
	"〖BT/标题〗〖JZ/加重〗甲〖-JZ/加重〗〖-BT/标题〗\n〖ZW/正文〗\n    加重〗译文\n    〖JZ；加重〗乙\n    RW：\n〖-ZW/正文〗\n",
	"〖BT/标题〗a〖-BT/标题〗\n〖ZW/正文〗\n    a〖HH/换行〗b〖HH\n    RW：甲；乙/丙\n〖BT/标题〗b〖-BT/标题〗\n",
	"〖XQ/未知〗v〖-XQ/未知〗trailing\nstray\n〖-BM/版名〗\n",
	"〖BT/标题〗〖J〖JZ/加重〗Z/加重〗〖-BT/标题〗",
	"〖TC/体裁〗新华社通讯照片；图片/消息/讣告〖-TC/体裁〗\n",
	"\xA1\xBC\x42\x54\x2F\xB1\xEA\xCC\xE2\xA1\xBD\xC8\x63\xA1\xBC\x2D\x42\x54\x2F\xB1\xEA\xCC\xE2\xA1\xBD\r\n",
	"\x84\x31\xA4\x37\xFF\x80",
}

// wellFormedTag is an inline tag of the archive's shape: 〖, an optional "-", two to four
// Latin letters, a separator, a name of at most 7 characters (real names have 2: 加重,
// 换行), 〗. A parsed value never contains one. (Longer bracketed text is not taken for
// a tag: the parser's limit is 30 bytes between the brackets, and 7 CJK characters after
// "-ABCD；" stay within it.)
var wellFormedTag = regexp.MustCompile(`〖-?[A-Za-z]{2,4}[/；;][^〖〗]{0,7}〗`)

// textValues lists every typed text value of a (not the "?" extra fields: those keep a
// stray line as it was).
func textValues(a *Article) []string {
	vals := []string{a.DateRaw, a.Kicker, a.Title, a.AuthorUnit, a.Classification, a.Column, a.PageName}
	for _, l := range [][]string{a.Subtitles, a.Authors, a.Topics, a.Genres, a.RW, a.Body} {
		vals = append(vals, l...)
	}
	for _, f := range a.Extra {
		if f.Code != "?" {
			vals = append(vals, f.Value)
		}
	}
	return vals
}

// parseWithin parses data and fails if it takes longer than limit (a hang or a blow-up).
func parseWithin(t *testing.T, name string, data []byte, limit time.Duration) ([]*Article, []Diagnostic) {
	t.Helper()
	type result struct {
		arts  []*Article
		diags []Diagnostic
	}
	done := make(chan result, 1)
	go func() {
		a, d := ParseBytes(name, data)
		done <- result{a, d}
	}()
	select {
	case r := <-done:
		return r.arts, r.diags
	case <-time.After(limit):
		t.Fatalf("ParseBytes did not return within %v on %d bytes", limit, len(data))
		return nil, nil
	}
}

// checkParseInvariants states what must hold for any input.
func checkParseInvariants(t *testing.T, name string, data []byte, arts []*Article, diags []Diagnostic) {
	t.Helper()
	lines := bytes.Count(data, []byte("\n")) + 1
	inFile := map[Diagnostic]int{}
	for _, d := range diags {
		if d.Path != name || d.Line < 0 || d.Line > lines || d.Kind == "" || d.Message == "" {
			t.Errorf("bad diagnostic %+v (file has %d lines)", d, lines)
		}
		inFile[d]++
	}
	for i, a := range arts {
		if a.Path != name || a.Line < 1 || a.Line > lines {
			t.Errorf("article %d at %s:%d (file has %d lines)", i, a.Path, a.Line, lines)
		}
		if i > 0 && a.Line <= arts[i-1].Line {
			t.Errorf("article %d starts at line %d, not after the previous (%d)", i, a.Line, arts[i-1].Line)
		}
		for _, v := range textValues(a) {
			if m := wellFormedTag.FindString(v); m != "" {
				t.Errorf("article %d: markup %q leaks into %q", i, m, v)
			}
			if !utf8.ValidString(v) {
				t.Errorf("article %d: invalid UTF-8 in %q", i, v)
			}
		}
		for _, p := range a.Body {
			// A lone CR (not CRLF) is kept as text: only LF ends a line.
			if strings.TrimSpace(p) == "" || strings.Contains(p, "\n") {
				t.Errorf("article %d: empty or multi-line paragraph %q", i, p)
			}
		}
		for _, l := range [][]string{a.Authors, a.Topics, a.Genres, a.RW} {
			for _, v := range l {
				if strings.TrimSpace(v) == "" {
					t.Errorf("article %d: empty list item in %q", i, l)
				}
			}
		}
		if a.RWSource == RWNone && len(a.RW) > 0 || a.RWSource != RWNone && len(a.RW) == 0 {
			t.Errorf("article %d: RW %q with source %q", i, a.RW, a.RWSource)
		}
		for _, d := range a.Diagnostics {
			if inFile[d] == 0 {
				t.Errorf("article %d: diagnostic %v is not in the file's list", i, d)
			}
			inFile[d]--
		}
	}
}

func FuzzParseBytes(f *testing.F) {
	for _, s := range handSeeds {
		f.Add([]byte(s))
	}
	for _, rel := range fuzzSeedFiles {
		if data, err := os.ReadFile(filepath.Join(realCorpusDir, "txt", filepath.FromSlash(rel))); err == nil {
			f.Add(data)
			if u, err := simplifiedchinese.GBK.NewDecoder().Bytes(data); err == nil {
				f.Add(bytes.ReplaceAll(u, []byte("\r\n"), []byte("\n")))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz/199303280101.TXT"
		arts, diags := parseWithin(t, name, data, 20*time.Second)
		checkParseInvariants(t, name, data, arts, diags)
		// Parsing is a function of the bytes.
		arts2, diags2 := ParseBytes(name, data)
		if !reflect.DeepEqual(arts, arts2) || !reflect.DeepEqual(diags, diags2) {
			t.Error("two parses of the same bytes differ")
		}
		if len(data) == 0 && (len(diags) != 1 || diags[0].Kind != KindEmptyFile) {
			t.Errorf("empty input: %v", diags)
		}
	})
}

func FuzzDecode(f *testing.F) {
	for _, s := range handSeeds {
		f.Add([]byte(s))
	}
	for _, rel := range fuzzSeedFiles[:3] {
		if data, err := os.ReadFile(filepath.Join(realCorpusDir, "txt", filepath.FromSlash(rel))); err == nil {
			f.Add(data)
		}
	}
	gb18030FFFD := []byte{0x84, 0x31, 0xA4, 0x37}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, enc, invalid := Decode(data)
		if !utf8.ValidString(text) {
			t.Fatalf("%s: invalid UTF-8 out", enc)
		}
		replacements := strings.Count(text, "\uFFFD")
		if invalid < 0 || invalid > replacements {
			t.Errorf("%s: %d invalid, %d U+FFFD in the text", enc, invalid, replacements)
		}
		switch {
		case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
			if enc != EncodingUTF8BOM {
				t.Errorf("BOM: detected %s", enc)
			}
			if utf8.Valid(data) && (text != string(data[3:]) || invalid != 0) {
				t.Errorf("valid UTF-8 with BOM changed, or %d invalid", invalid)
			}
		case utf8.Valid(data):
			if enc != EncodingUTF8 || text != string(data) || invalid != 0 {
				t.Errorf("valid UTF-8 read as %s (%d invalid, changed %v)", enc, invalid, text != string(data))
			}
		}
		if enc == EncodingUTF8 || enc == EncodingUTF8BOM {
			// Every invalid byte is one replacement: the replacements in the text are the
			// invalid bytes plus the U+FFFD the file held already.
			body := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
			if enc == EncodingUTF8 {
				body = data
			}
			if had := bytes.Count(bytes.ToValidUTF8(body, nil), []byte("\uFFFD")); invalid+had != replacements {
				t.Errorf("%s: %d invalid + %d U+FFFD in the file != %d in the text", enc, invalid, had, replacements)
			}
		}
		if enc == EncodingGB18030 && !bytes.Contains(data, gb18030FFFD) && invalid != replacements {
			t.Errorf("GB18030: %d invalid but %d U+FFFD in the text", invalid, replacements)
		}
		// No round-trip property for GB18030: x/text reads 0x80 as € (as code page 936
		// does) and takes malformed four-byte forms such as D4 3F D0 30 (second byte
		// outside 30–39) for a character instead of replacing them (fuzz, testdata
		// f5aad145f6286289 and fa7a04906cd5dd0f).
	})
}

// TestFuzzSeedsPass runs the invariants on the hand seeds under a plain `go test` too, with
// expected article counts written by hand for a few of them.
func TestFuzzSeedsPass(t *testing.T) {
	// Seed 10 (two BT lines in a row) is one article with a duplicate_tag: a second title
	// starts the next article only after the fields that follow a title.
	want := map[int]int{0: 0, 1: 0, 3: 0, 8: 1, 10: 1, 16: 2, 19: 1, 20: 1}
	for i, s := range handSeeds {
		arts, diags := parseWithin(t, "seed.TXT", []byte(s), 5*time.Second)
		checkParseInvariants(t, "seed.TXT", []byte(s), arts, diags)
		if n, ok := want[i]; ok && len(arts) != n {
			t.Errorf("seed %d %q: %d articles, want %d", i, s, len(arts), n)
		}
	}
	// Seed 20 is 〖BT/标题〗萩〖-BT/标题〗 in GBK (python3: '…'.encode('gbk')); 萩 is C8 63, GBK only.
	arts, _ := ParseBytes("hagi.TXT", []byte(handSeeds[20]))
	if len(arts) != 1 || arts[0].Title != "萩" {
		t.Errorf("GBK seed: %+v", arts)
	}
}

// TestPathologicalInputsParseFast guards against quadratic work on hostile files: one GJ
// line with 100,000 distinct topics and as many RW entries (2 MB), and one article with
// 100,000 YT lines (7 MB, joined into one kicker). Linear code parses both in 0.2 s (1.1 s
// under -race, measured on 2 cores); the quadratic code this test was written against
// took 18 s for the first and 7 s for 40,000 YT lines, growing fourfold when doubled
// (about 45 s for 100,000). The 10 s bound leaves room for slow machines.
func TestPathologicalInputsParseFast(t *testing.T) {
	var gj strings.Builder
	gj.WriteString("〖BT/标题〗长〖-BT/标题〗\n〖GJ/关键〗")
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&gj, "题%d/", i)
	}
	gj.WriteString("RW：")
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&gj, "人%d；", i)
	}
	gj.WriteString("〖-GJ/关键〗\n")
	var yt strings.Builder
	yt.WriteString("〖BT/标题〗长〖-BT/标题〗\n")
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&yt, "〖YT/引题〗一二三四五六七八九十%d〖-YT/引题〗\n", i)
	}
	for _, c := range []struct {
		name string
		src  string
		size func(*Article) int
		want int
	}{
		{"100,000 topics and RW entries", gj.String(), func(a *Article) int { return len(a.Topics) + len(a.RW) }, 200000},
		{"100,000 YT lines", yt.String(), func(a *Article) int { return strings.Count(a.Kicker, "十") }, 100000},
	} {
		start := time.Now()
		arts, _ := parseWithin(t, "long.TXT", []byte(c.src), 60*time.Second)
		d := time.Since(start)
		if len(arts) != 1 || c.size(arts[0]) != c.want {
			t.Errorf("%s: %d articles, size %d, want 1 and %d", c.name, len(arts), c.size(arts[0]), c.want)
		}
		if d > 10*time.Second {
			t.Errorf("%s: %v (%d bytes); want linear time", c.name, d, len(c.src))
		}
	}
}

// FuzzRead drives the whole reading path: the input is written as a file in a folder (read
// whole, and streamed with the bound lowered), as a member of a .zip (under a name made of
// the fuzzed name bytes, flagged not UTF-8), a .tar.gz and a plain .tar (the same member:
// read once), and as UTF-16 with a byte-order mark, and the folder is read. Whatever the
// bytes: reading ends, every path and text is valid UTF-8, the archives' members never
// leave their archive, the streamed file gives the articles of the whole one, and the
// counts add up.
func FuzzRead(f *testing.F) {
	for i, s := range handSeeds {
		f.Add([]byte(s), "m.TXT", i%2 == 0)
	}
	for _, rel := range fuzzSeedFiles[:2] {
		if data, err := os.ReadFile(filepath.Join(realCorpusDir, "txt", filepath.FromSlash(rel))); err == nil {
			f.Add(data, "\xbd\xe2\xb7\xc5.TXT", true) // a GBK name
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, member string, small bool) {
		if len(data) > 1<<20 {
			return
		}
		if member == "" || strings.ContainsRune(member, 0) {
			member = "m.TXT"
		}
		if !isArticleFile(member) {
			member += ".TXT"
		}
		dir := t.TempDir()
		plain := filepath.Join(dir, "a", "x.TXT")
		writeFile(t, plain, data)
		var zb bytes.Buffer
		zw := zip.NewWriter(&zb)
		if w, err := zw.CreateHeader(&zip.FileHeader{Name: member, Method: zip.Deflate, NonUTF8: true}); err == nil {
			w.Write(data)
		}
		zw.Close()
		writeFile(t, filepath.Join(dir, "b.zip"), zb.Bytes())
		writeTarGz(t, filepath.Join(dir, "c.tar.gz"), []string{member}, [][]byte{data})
		var tb bytes.Buffer
		tw := tar.NewWriter(&tb)
		tw.WriteHeader(&tar.Header{Name: member, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg})
		tw.Write(data)
		tw.Close()
		writeFile(t, filepath.Join(dir, "d.tar"), tb.Bytes())
		u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(bytes.ToValidUTF8(data, nil))
		writeFile(t, filepath.Join(dir, "e.TXT"), u16)

		read := func(sources []string) ([]*Article, Summary) {
			t.Helper()
			type result struct {
				arts []*Article
				sum  Summary
				err  error
			}
			done := make(chan result, 1)
			go func() {
				a, s, err := ReadAll(sources, Options{Workers: 3})
				done <- result{a, s, err}
			}()
			select {
			case r := <-done:
				if r.err != nil {
					t.Fatal(r.err)
				}
				return r.arts, r.sum
			case <-time.After(30 * time.Second):
				t.Fatalf("reading %v did not end", sources)
			}
			return nil, Summary{}
		}
		whole, _ := ParseBytes(plain, data)
		arts, sum := read([]string{dir})
		for _, a := range arts {
			if !utf8.ValidString(a.Path) {
				t.Errorf("path %q is not UTF-8", a.Path)
			}
			if strings.Contains(a.Path, "!") && !strings.HasPrefix(a.Path, filepath.Join(dir, "b.zip")+"!") &&
				!strings.HasPrefix(a.Path, filepath.Join(dir, "c.tar.gz")+"!") && !strings.HasPrefix(a.Path, filepath.Join(dir, "d.tar")+"!") &&
				!strings.HasPrefix(a.Path, dir) {
				t.Errorf("article at %q, outside the folder", a.Path)
			}
			for _, v := range textValues(a) {
				if !utf8.ValidString(v) {
					t.Errorf("invalid UTF-8 in %q", v)
				}
			}
		}
		if sum.Articles != len(arts) || sum.Matched != len(arts) {
			t.Errorf("summary %s, %d articles returned", sum, len(arts))
		}
		// The .zip and the plain .tar hold the .tar.gz's member (same name, same bytes).
		if len(data) > 0 && sum.NotRead[KindDuplicateFile] != 2 {
			t.Errorf("duplicates: %v", sum.NotRead)
		}
		// The plain file, streamed, gives the articles of the whole file.
		if small {
			defer setBound(&wholeFileBytes, 64)()
			defer setBound(&partBytes, 128)()
		}
		streamed, ssum := read([]string{plain})
		if len(streamed) != len(whole) || ssum.Bytes != int64(len(data)) {
			t.Fatalf("streamed: %d articles, %d bytes; whole: %d articles, %d bytes", len(streamed), ssum.Bytes, len(whole), len(data))
		}
		for i := range whole {
			a, b := whole[i], streamed[i]
			if a.Line != b.Line || a.Title != b.Title || !reflect.DeepEqual(a.Body, b.Body) || !reflect.DeepEqual(a.RW, b.RW) || !reflect.DeepEqual(a.Extra, b.Extra) {
				t.Errorf("article %d: whole %+v, streamed %+v", i, a, b)
			}
		}
	})
}
