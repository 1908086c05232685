package corpus

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The three real articles the encoding and container tests re-encode: an RW list in the
// body tail (sensitive to the line end of the last body line), body text spilled into ZZ,
// and two FT lines with an empty RW.
var reencoded = []string{
	"1985/198507/19850725/198507250101.TXT",
	"1993/199303/19930328/199303280101.TXT",
	"1997/199710/19971030/199710300102.TXT",
}

func encodeGBK(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode GBK: %v", err)
	}
	return b
}

// gbkToUTF8LF converts a real file the way converted copies in circulation are made:
// GBK decoded with x/text's own GBK decoder (not the package's Decode), CRLF made LF.
func gbkToUTF8LF(t testing.TB, gbk []byte) []byte {
	t.Helper()
	u, err := simplifiedchinese.GBK.NewDecoder().Bytes(gbk)
	if err != nil {
		t.Fatalf("decode GBK: %v", err)
	}
	if bytes.ContainsRune(u, '\uFFFD') {
		t.Fatal("the real file does not decode cleanly as GBK")
	}
	return bytes.ReplaceAll(u, []byte("\r\n"), []byte("\n"))
}

// sameArticle reports how a differs from b in anything but where it was read (Path, Line):
// every field, and the diagnostics by kind, message and line relative to the article.
func sameArticle(a, b *Article) string {
	x, y := *a, *b
	x.Path, x.Line, y.Path, y.Line = "", 0, "", 0
	x.Diagnostics, y.Diagnostics = nil, nil
	if !reflect.DeepEqual(x, y) {
		return fmt.Sprintf("fields differ:\n%+v\n%+v", x, y)
	}
	if len(a.Diagnostics) != len(b.Diagnostics) {
		return fmt.Sprintf("diagnostics %v vs %v", a.Diagnostics, b.Diagnostics)
	}
	for i := range a.Diagnostics {
		da, db := a.Diagnostics[i], b.Diagnostics[i]
		if da.Kind != db.Kind || da.Message != db.Message || da.Line-a.Line != db.Line-b.Line ||
			da.Path != a.Path || db.Path != b.Path {
			return fmt.Sprintf("diagnostic %d: %v vs %v", i, da, db)
		}
	}
	return ""
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeZip(t testing.TB, path string, names []string, data [][]byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data[i])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, buf.Bytes())
}

func writeTarGz(t testing.TB, path string, names []string, data [][]byte) {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for i, name := range names {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data[i])), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write(data[i])
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, buf.Bytes())
}

func parseOne(t testing.TB, name string, data []byte) *Article {
	t.Helper()
	arts, diags := ParseBytes(name, data)
	if len(arts) != 1 {
		t.Fatalf("%s: %d articles, want 1 (diagnostics %v)", name, len(arts), diags)
	}
	return arts[0]
}

// TestSameArticleEveryEncodingAndContainer reads three real articles as GBK+CRLF (the
// original), UTF-8+LF, UTF-8 with BOM (CRLF kept), inside one multi-article file, a .zip
// and a .tar.gz: every article must equal the original's.
func TestSameArticleEveryEncodingAndContainer(t *testing.T) {
	var names []string
	var originals [][]byte
	var want []*Article
	for _, rel := range reencoded {
		path, data := readReal(t, rel)
		names = append(names, "txt/"+rel)
		originals = append(originals, data)
		want = append(want, parseOne(t, path, data))
	}
	// The originals are checked field by field in TestRealArticlesEveryField; here make sure
	// they are not trivially empty.
	for i, a := range want {
		if a.Title == "" || len(a.Body) < 10 {
			t.Fatalf("%s: title %q, %d paragraphs", reencoded[i], a.Title, len(a.Body))
		}
	}
	dir := t.TempDir()
	for i, data := range originals {
		u8 := gbkToUTF8LF(t, data)
		if bytes.Contains(u8, []byte("\r")) || !bytes.Contains(u8, []byte("〖ZW/正文〗\n")) {
			t.Fatal("conversion to UTF-8+LF failed")
		}
		bom := append([]byte{0xEF, 0xBB, 0xBF}, bytes.ReplaceAll(u8, []byte("\n"), []byte("\r\n"))...)
		for _, v := range []struct {
			name string
			data []byte
			enc  Encoding
		}{
			{"gbk-crlf.TXT", data, EncodingGB18030},
			{"utf8-lf.TXT", u8, EncodingUTF8},
			{"utf8-bom-crlf.TXT", bom, EncodingUTF8BOM},
		} {
			if _, enc, bad := Decode(v.data); enc != v.enc || bad != 0 {
				t.Errorf("%s %s: detected %s with %d invalid, want %s and 0", reencoded[i], v.name, enc, bad, v.enc)
			}
			path := filepath.Join(dir, "enc", fmt.Sprint(i), v.name)
			writeFile(t, path, v.data)
			arts, _, err := ReadAll([]string{path}, Options{})
			if err != nil || len(arts) != 1 {
				t.Fatalf("%s %s: %d articles, %v", reencoded[i], v.name, len(arts), err)
			}
			if arts[0].Path != path || arts[0].Line != 1 {
				t.Errorf("%s %s: at %s:%d", reencoded[i], v.name, arts[0].Path, arts[0].Line)
			}
			if diff := sameArticle(arts[0], want[i]); diff != "" {
				t.Errorf("%s as %s: %s", reencoded[i], v.name, diff)
			}
		}
	}

	// One file holding the three articles, GBK+CRLF, and the same in UTF-8+LF. Each article
	// must start at the line after the previous file's last line (counted with bytes.Count).
	var multi, multiU8, multiBOM []byte
	var firstLines []int
	line := 1
	for _, data := range originals {
		firstLines = append(firstLines, line)
		line += bytes.Count(data, []byte("\n"))
		multi = append(multi, data...)
		multiU8 = append(multiU8, gbkToUTF8LF(t, data)...)
		// cat of UTF-8 files with a BOM each: a BOM starts every article.
		multiBOM = append(append(multiBOM, 0xEF, 0xBB, 0xBF), gbkToUTF8LF(t, data)...)
	}
	if firstLines[1] != 30 || firstLines[2] != 65 {
		// 198507250101 has 29 lines, 199303280101 has 35 (wc -l on the real files).
		t.Fatalf("line counts: %v", firstLines)
	}
	for _, m := range []struct {
		name string
		data []byte
	}{{"month.TXT", multi}, {"month-utf8.txt", multiU8}, {"month-utf8-bom.txt", multiBOM}} {
		path := filepath.Join(dir, "multi", m.name)
		writeFile(t, path, m.data)
		arts, sum, err := ReadAll([]string{path}, Options{})
		if err != nil || len(arts) != 3 || sum.Files != 1 || sum.Articles != 3 {
			t.Fatalf("%s: %d articles, %v, %+v", m.name, len(arts), err, sum)
		}
		for i, a := range arts {
			if a.Path != path || a.Line != firstLines[i] {
				t.Errorf("%s: article %d at %s:%d, want line %d", m.name, i+1, a.Path, a.Line, firstLines[i])
			}
			if diff := sameArticle(a, want[i]); diff != "" {
				t.Errorf("%s: article %d: %s", m.name, i+1, diff)
			}
		}
	}

	// The archives hold the originals and a file that is not an article (ignored).
	memberNames := append(append([]string{}, names...), "README.md")
	members := append(append([][]byte{}, originals...), []byte("not an article"))
	zipPath := filepath.Join(dir, "arch", "jfjb.zip")
	tgzPath := filepath.Join(dir, "arch", "jfjb.tar.gz")
	writeZip(t, zipPath, memberNames, members)
	writeTarGz(t, tgzPath, memberNames, members)
	for _, archive := range []string{zipPath, tgzPath} {
		arts, sum, err := ReadAll([]string{archive}, Options{})
		if err != nil || len(arts) != 3 {
			t.Fatalf("%s: %d articles, %v", archive, len(arts), err)
		}
		if sum.Files != 3 || sum.Ignored != 1 || sum.DiagnosticsTotal() != 2 {
			t.Errorf("%s: summary %+v (want 3 files, 1 ignored, 2 diagnostics: body_in_author, empty_rw)", archive, sum)
		}
		for i, a := range arts {
			if wantPath := archive + "!" + names[i]; a.Path != wantPath || a.Line != 1 {
				t.Errorf("article %d at %s:%d, want %s:1", i+1, a.Path, a.Line, wantPath)
			}
			if diff := sameArticle(a, want[i]); diff != "" {
				t.Errorf("%s: article %d: %s", archive, i+1, diff)
			}
		}
	}
	// The whole folder: the loose files, the multi-article files and both archives, in
	// lexical order (arch/ < enc/ < multi/). The .zip holds the members of the .tar.gz
	// (read first: "jfjb.t" < "jfjb.z"), same names and bytes: they are read once.
	arts, sum, err := ReadAll([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 3+3+9+3+3 || sum.Ignored != 5 || sum.NotRead[KindNotTxt] != 2 || sum.NotRead[KindDuplicateFile] != 3 {
		t.Errorf("folder: %d articles (want 21), not read %v (want not_txt 2, duplicate_file 3)", len(arts), sum.NotRead)
	}
}

// realGBK returns a real GBK article for the damaged-input tests.
func realGBK(t testing.TB, rel string) []byte {
	t.Helper()
	_, data := readReal(t, rel)
	return data
}

// lineOf returns the 1-based line of the first occurrence of s in data.
func lineOf(data []byte, s []byte) int {
	i := bytes.Index(data, s)
	if i < 0 {
		return -1
	}
	return 1 + bytes.Count(data[:i], []byte("\n"))
}

func diagsOf(ds []Diagnostic, kind Kind) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		if d.Kind == kind {
			out = append(out, d)
		}
	}
	return out
}

// An invalid byte (0xFF is never valid in GBK or GB18030) between two characters of a GBK
// body line: the article is kept, the byte becomes U+FFFD, one invalid_encoding diagnostic
// names the file and the line.
func TestInvalidByteInGBKBody(t *testing.T) {
	data := realGBK(t, "1991/199105/19910517/199105170103.TXT")
	at := encodeGBK(t, "在这之前，朱镕基")
	bad := bytes.Replace(data, at, append(append([]byte{}, at...), 0xFF), 1)
	bad = bytes.Replace(bad, encodeGBK(t, "陈毛弟"), append(encodeGBK(t, "陈毛"), 0xFF, 0xFF), 1) // line 7: two more
	if len(bad) != len(data)+1+2-2 {
		t.Fatal("the invalid bytes were not inserted")
	}
	if _, enc, n := Decode(bad); enc != EncodingGB18030 || n != 3 {
		t.Fatalf("Decode: %s with %d invalid sequences, want GB18030 and 3", enc, n)
	}
	arts, diags := ParseBytes("bad.TXT", bad)
	if len(arts) != 1 {
		t.Fatalf("%d articles, want 1 (%v)", len(arts), diags)
	}
	a := arts[0]
	if want := "在这之前，朱镕基\uFFFD、黄菊、吴邦国、陈至立、倪鸿福、陈国栋、胡立教、汪道涵等同志看望过陈云同志，陈云同志和大家进行了亲切的谈话。"; len(a.Body) != 2 || a.Body[1] != want {
		t.Errorf("body %q", a.Body)
	}
	if !sameStrings(a.Authors, []string{"陈毛\uFFFD\uFFFD"}) || a.Title != "陈云听取上海改革开放市政建设汇报" {
		t.Errorf("authors %q title %q", a.Authors, a.Title)
	}
	inv := diagsOf(diags, KindInvalidEncoding)
	if len(inv) != 1 || inv[0].Path != "bad.TXT" || inv[0].Line != 7 || !strings.HasPrefix(inv[0].Message, "3 invalid") {
		t.Errorf("invalid_encoding diagnostics %v, want one at bad.TXT:7 counting 3", inv)
	}
	if len(diags) != 1 || len(a.Diagnostics) != 1 {
		t.Errorf("diagnostics %v, article's %v; want the invalid_encoding one only", diags, a.Diagnostics)
	}
	var n int
	r, err := Open([]string{writeTemp(t, "bad.TXT", bad)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if s := r.Summary(); n != 1 || s.Diagnostics[KindInvalidEncoding] != 1 || s.ArticlesByKind[KindInvalidEncoding] != 1 {
		t.Errorf("stream: %d articles, summary %s", n, s)
	}
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	writeFile(t, path, data)
	return path
}

// A UTF-8 copy with one byte corrupted (the "5" of line 17 "    15时50分，投票开始。" made
// 0xFF) is still read as UTF-8, with one replacement.
func TestCorruptedUTF8StaysUTF8(t *testing.T) {
	u8 := gbkToUTF8LF(t, realGBK(t, "1993/199303/19930328/199303280101.TXT"))
	want := parseOne(t, "orig.TXT", u8)
	i := bytes.Index(u8, []byte("    15时50分"))
	if i < 0 || lineOf(u8, []byte("    15时50分")) != 17 {
		t.Fatal("line 17 not found")
	}
	bad := append([]byte{}, u8...)
	bad[i+5] = 0xFF
	text, enc, n := Decode(bad)
	if enc != EncodingUTF8 || n != 1 || !strings.Contains(text, "1\uFFFD时50分") {
		t.Fatalf("Decode: %s, %d invalid", enc, n)
	}
	a := parseOne(t, "bad.TXT", bad)
	if got := a.Body[7]; got != "1\uFFFD时50分，投票开始。" {
		t.Errorf("paragraph 8 = %q", got)
	}
	if len(a.Diagnostics) != 1 || a.Diagnostics[0].Kind != KindInvalidEncoding || a.Diagnostics[0].Line != 17 {
		t.Errorf("diagnostics %v, want invalid_encoding at line 17", a.Diagnostics)
	}
	a.Body[7] = want.Body[7]
	a.Diagnostics = nil
	if diff := sameArticle(a, want); diff != "" {
		t.Errorf("besides the byte: %s", diff)
	}
	// With BOM too.
	bom := append([]byte{0xEF, 0xBB, 0xBF}, bad...)
	if _, enc, n := Decode(bom); enc != EncodingUTF8BOM || n != 1 {
		t.Errorf("with BOM: %s, %d invalid", enc, n)
	}
}

func TestEmptyAndBinaryFiles(t *testing.T) {
	arts, diags := ParseBytes("empty.TXT", nil)
	if len(arts) != 0 || len(diags) != 1 || diags[0].Kind != KindEmptyFile || diags[0].Path != "empty.TXT" || diags[0].Line != 0 {
		t.Errorf("empty: %d articles, %v", len(arts), diags)
	}
	// A binary file: a real article gzipped (not UTF-8, no tag in any decoding).
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(realGBKOr(t, "1958/195808/19580804/195808040101.TXT"))
	zw.Close()
	arts, diags = ParseBytes("photo.TXT", gz.Bytes())
	if len(arts) != 0 || len(diags) != 1 || diags[0].Kind != KindNoArticle || diags[0].Path != "photo.TXT" {
		t.Errorf("binary: %d articles, %v", len(arts), diags)
	}
	// Through a folder: both accounted for as files without an article.
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.TXT"), nil)
	writeFile(t, filepath.Join(dir, "b.TXT"), gz.Bytes())
	writeFile(t, filepath.Join(dir, "c.TXT"), []byte(synthetic(1, "十月", "")))
	arts, sum, err := ReadAll([]string{dir}, Options{})
	if err != nil || len(arts) != 1 || sum.Files != 3 || sum.FilesNoArticle[KindEmptyFile] != 1 || sum.FilesNoArticle[KindNoArticle] != 1 {
		t.Errorf("folder: %d articles, %v, %s", len(arts), err, sum)
	}
}

// realGBKOr returns a real article, or a synthetic one where the corpus is absent.
func realGBKOr(t testing.TB, rel string) []byte {
	path := filepath.Join(realCorpusDir, "txt", filepath.FromSlash(rel))
	if data, err := os.ReadFile(path); err == nil {
		return data
	}
	return encodeGBK(t, strings.ReplaceAll(synthetic(1, "标题", "正文"), "\n", "\r\n"))
}

// synthetic writes a small article in UTF-8 with LF: serial, title and one body line
// (no body when body is "").
func synthetic(serial int, title, body string) string {
	s := fmt.Sprintf("〖ZQ/总期〗%d〖-ZQ/总期〗\n〖RQ/日期〗19621029〖-RQ/日期〗\n〖BH/版号〗03〖-BH/版号〗\n〖TH/条号〗%d〖-TH/条号〗\n〖BT/标题〗%s〖-BT/标题〗\n〖TC/体裁〗消息〖-TC/体裁〗\n", serial, serial, title)
	if body != "" {
		s += "〖ZW/正文〗\n    " + body + "\n〖-ZW/正文〗\n"
	}
	return s
}

// A file cut short in the middle of the body, without a final newline: the unfinished
// article is skipped and reported; the complete article before it in the same file is kept.
func TestTruncatedFile(t *testing.T) {
	data := realGBK(t, "1991/199105/19910517/199105170103.TXT")
	cut := bytes.Index(data, encodeGBK(t, "陈云同志和大家")) // inside line 12
	if cut < 0 {
		t.Fatal("cut point not found")
	}
	short := data[:cut]
	arts, diags := ParseBytes("cut.TXT", short)
	if len(arts) != 0 || len(diags) != 1 || diags[0].Kind != KindTruncated || diags[0].Line != 12 || diags[0].Path != "cut.TXT" {
		t.Errorf("cut: %d articles, %v; want one truncated at line 12", len(arts), diags)
	}
	other := realGBK(t, "1959/195910/19591002/195910020206.TXT")
	both := append(append([]byte{}, other...), short...)
	path := writeTemp(t, "both.TXT", both)
	got, sum, err := ReadAll([]string{path}, Options{})
	if err != nil || len(got) != 1 || got[0].Serial != 935 {
		t.Fatalf("%d articles, %v", len(got), err)
	}
	if sum.Skipped[KindTruncated] != 1 || sum.SkippedTotal() != 1 || sum.Articles != 1 || len(sum.FilesNoArticle) != 0 {
		t.Errorf("summary %s", sum)
	}
	// Cut right after a closed header line (no newline): the article is complete as far as
	// it goes and is kept.
	end := bytes.Index(data, encodeGBK(t, "〖-TC/体裁〗")) + len(encodeGBK(t, "〖-TC/体裁〗"))
	arts, diags = ParseBytes("header.TXT", data[:end])
	if len(arts) != 1 || len(arts[0].Body) != 0 || diagsOf(diags, KindTruncated) != nil {
		t.Errorf("cut after a header line: %d articles, %v", len(arts), diags)
	}
	// Cut in the middle of a header line.
	mid := bytes.Index(data, encodeGBK(t, "上海改革"))
	arts, diags = ParseBytes("midheader.TXT", data[:mid])
	if len(arts) != 0 || len(diagsOf(diags, KindTruncated)) != 1 || diags[0].Line != 5 {
		t.Errorf("cut in the title: %d articles, %v", len(arts), diags)
	}
}

// The first article's 〖-ZW/正文〗 is missing: both articles are recovered, the first with
// its whole body and an unclosed_body diagnostic at its 〖ZW/正文〗 line.
func TestUnclosedBodyBeforeNextArticle(t *testing.T) {
	first := realGBK(t, "1997/199710/19971030/199710300102.TXT")
	second := realGBK(t, "1959/195910/19591002/195910020206.TXT")
	want1, want2 := parseOne(t, "a.TXT", first), parseOne(t, "b.TXT", second)
	closeTag := encodeGBK(t, "〖-ZW/正文〗\r\n")
	open := bytes.Replace(first, closeTag, nil, 1)
	if len(open) == len(first) {
		t.Fatal("no closing tag removed")
	}
	multi := append(append([]byte{}, open...), second...)
	arts, diags := ParseBytes("multi.TXT", multi)
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2 (%v)", len(arts), diags)
	}
	// 199710300102: 〖ZW/正文〗 on line 11, 22 lines once the closing line is gone.
	if arts[0].Line != 1 || arts[1].Line != 23 {
		t.Errorf("lines %d and %d, want 1 and 23", arts[0].Line, arts[1].Line)
	}
	if !sameStrings(arts[0].Body, want1.Body) || !sameStrings(arts[1].Body, want2.Body) {
		t.Errorf("bodies differ: %d and %d paragraphs", len(arts[0].Body), len(arts[1].Body))
	}
	ub := diagsOf(arts[0].Diagnostics, KindUnclosedBody)
	if len(ub) != 1 || ub[0].Line != 11 || ub[0].Path != "multi.TXT" {
		t.Errorf("unclosed_body %v, want one at line 11", ub)
	}
	// The file's list (what OnDiagnostic and Summary see) has it once too.
	if ub := diagsOf(diags, KindUnclosedBody); len(ub) != 1 {
		t.Errorf("file diagnostics: %d unclosed_body, want 1: %v", len(ub), ub)
	}
	arts[0].Diagnostics = diagsOf(arts[0].Diagnostics, KindEmptyRW)
	if diff := sameArticle(arts[0], want1); diff != "" {
		t.Errorf("first article: %s", diff)
	}
	if diff := sameArticle(arts[1], want2); diff != "" {
		t.Errorf("second article: %s", diff)
	}
	// At the end of the file: the body runs to the end.
	arts, diags = ParseBytes("end.TXT", open)
	if len(arts) != 1 || !sameStrings(arts[0].Body, want1.Body) || len(diagsOf(diags, KindUnclosedBody)) != 1 {
		t.Fatalf("unclosed at the end: %d articles, %v", len(arts), diags)
	}
	// The article carries it (Summary.ArticlesByKind counts from there).
	if ub := diagsOf(arts[0].Diagnostics, KindUnclosedBody); len(ub) != 1 || ub[0].Line != 11 {
		t.Errorf("unclosed at the end: article diagnostics %v, want unclosed_body at line 11", arts[0].Diagnostics)
	}
}

// Articles whose ZQ line is missing start at their first header after a body (or at a
// second RQ/BT when the previous article had no body).
func TestArticlesWithoutSerial(t *testing.T) {
	withBody := realGBK(t, "1959/195910/19591002/195910020206.TXT")
	noBody := realGBK(t, "1961/196107/19610712/196107120302.TXT")
	next := realGBK(t, "1991/199105/19910517/199105170103.TXT")
	wantNext := parseOne(t, "c.TXT", next)
	zq := encodeGBK(t, "〖ZQ/总期〗12180〖-ZQ/总期〗\r\n")
	nextNoZQ := bytes.Replace(next, zq, nil, 1)
	if len(nextNoZQ) == len(next) {
		t.Fatal("ZQ line not removed")
	}
	for _, c := range []struct {
		name  string
		first []byte
		line  int // 1 + lines of the first file (12 and 9, wc -l)
	}{{"after a body", withBody, 13}, {"after an article without body", noBody, 10}} {
		multi := append(append([]byte{}, c.first...), nextNoZQ...)
		arts, diags := ParseBytes("m.TXT", multi)
		if len(arts) != 2 {
			t.Errorf("%s: %d articles (%v)", c.name, len(arts), diags)
			continue
		}
		b := arts[1]
		if b.Line != c.line || b.Serial != 0 || b.Title != wantNext.Title || !sameStrings(b.Body, wantNext.Body) {
			t.Errorf("%s: second article at line %d serial %d title %q, want line %d", c.name, b.Line, b.Serial, b.Title, c.line)
		}
		b.Serial = wantNext.Serial
		if diff := sameArticle(b, wantNext); diff != "" {
			t.Errorf("%s: %s", c.name, diff)
		}
		if diff := sameArticle(arts[0], parseOne(t, "a.TXT", c.first)); diff != "" {
			t.Errorf("%s: first article: %s", c.name, diff)
		}
	}
}

// Broken inline markup: a body line "    加重〗译文" (its opening lost) and 〖JZ；加重〗 in
// text are removed and reported; well-formed tags are removed silently; nothing leaks.
func TestBrokenMarkup(t *testing.T) {
	src := "〖ZQ/总期〗1〖-ZQ/总期〗\n" +
		"〖RQ/日期〗19621029〖-RQ/日期〗\n" +
		"〖BH/版号〗03〖-BH/版号〗\n" +
		"〖TH/条号〗1〖-TH/条号〗\n" +
		"〖BT/标题〗〖JZ/加重〗重要〖-JZ/加重〗声明〖-BT/标题〗\n" +
		"〖TC/体裁〗消息〖-TC/体裁〗\n" +
		"〖ZW/正文〗\n" +
		"    第一段。\n" +
		"    加重〗译文\n" +
		"    这是〖JZ；加重〗重点〖-JZ；加重〗文字，〖JZ/加重〗强调〖-JZ/加重〗。\n" +
		"    上〖HH/换行〗下\n" +
		"〖-ZW/正文〗\n"
	a := parseOne(t, "m.TXT", []byte(src))
	if a.Title != "重要声明" {
		t.Errorf("title %q", a.Title)
	}
	want := []string{"第一段。", "译文", "这是重点文字，强调。", "上", "下"}
	if !sameStrings(a.Body, want) {
		t.Errorf("body %q, want %q", a.Body, want)
	}
	bm := diagsOf(a.Diagnostics, KindBrokenMarkup)
	if len(bm) != 2 || bm[0].Line != 9 || bm[1].Line != 10 || len(a.Diagnostics) != 2 {
		t.Errorf("diagnostics %v, want broken_markup at lines 9 and 10 only", a.Diagnostics)
	}
	// An ordinary word 加重 (real: "反而加重了这种威胁", 196410170101) is text.
	b := parseOne(t, "w.TXT", []byte(synthetic(1, "标题", "反而加重了这种威胁")))
	if !sameStrings(b.Body, []string{"反而加重了这种威胁"}) || len(b.Diagnostics) != 0 {
		t.Errorf("word 加重: %q %v", b.Body, b.Diagnostics)
	}
}

func TestUnknownTagKeptInExtra(t *testing.T) {
	src := strings.Replace(synthetic(7, "标题", "正文"), "〖TC/体裁〗", "〖XQ/未知〗某值〖-XQ/未知〗\n〖TC/体裁〗", 1)
	a := parseOne(t, "x.TXT", []byte(src))
	want := []Field{{Code: "XQ", Name: "未知", Value: "某值", Line: 6}}
	if !reflect.DeepEqual(a.Extra, want) {
		t.Errorf("extra %+v, want %+v", a.Extra, want)
	}
	if len(a.Diagnostics) != 1 || a.Diagnostics[0].Kind != KindUnknownTag || a.Diagnostics[0].Line != 6 {
		t.Errorf("diagnostics %v", a.Diagnostics)
	}
	if a.Title != "标题" || a.Serial != 7 || len(a.Genres) != 1 || !sameStrings(a.Body, []string{"正文"}) {
		t.Errorf("other fields: %+v", a)
	}
}

func TestGlobAndMissingSources(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b.TXT"), []byte(synthetic(2, "乙", "正文")))
	writeFile(t, filepath.Join(dir, "a.TXT"), []byte(synthetic(1, "甲", "正文")))
	writeFile(t, filepath.Join(dir, "c.txt"), []byte(synthetic(3, "丙", "正文")))
	writeFile(t, filepath.Join(dir, "d.dat"), []byte(synthetic(4, "丁", "正文")))
	arts, sum, err := ReadAll([]string{filepath.Join(dir, "*.TXT")}, Options{})
	if err != nil || len(arts) != 2 || arts[0].Title != "甲" || arts[1].Title != "乙" || sum.Files != 2 {
		t.Errorf("*.TXT: %d articles, %v", len(arts), err)
	}
	arts, _, err = ReadAll([]string{filepath.Join(dir, "[ac].*")}, Options{})
	if err != nil || len(arts) != 2 || arts[0].Title != "甲" || arts[1].Title != "丙" {
		t.Errorf("[ac].*: %d articles, %v", len(arts), err)
	}
	// A folder reads .txt in any case and ignores the rest.
	arts, sum, err = ReadAll([]string{dir}, Options{})
	if err != nil || len(arts) != 3 || sum.Ignored != 1 {
		t.Errorf("folder: %d articles, %d ignored, %v", len(arts), sum.Ignored, err)
	}
	// A file named on the command line is read whatever its name.
	arts, _, err = ReadAll([]string{filepath.Join(dir, "d.dat")}, Options{})
	if err != nil || len(arts) != 1 || arts[0].Title != "丁" {
		t.Errorf("d.dat: %d articles, %v", len(arts), err)
	}
	for _, src := range []string{
		filepath.Join(dir, "missing.TXT"),
		filepath.Join(dir, "*.xml"),
		filepath.Join(dir, "[.TXT"),
		filepath.Join(dir, "nodir", "a.TXT"),
	} {
		r, err := Open([]string{filepath.Join(dir, "a.TXT"), src}, Options{})
		if err == nil || r != nil {
			t.Errorf("Open(%s) succeeded", src)
		}
	}
}

// writeCorpusCopy builds a folder of many small files (copies of the real articles where
// present, synthetic ones otherwise) with a few damaged ones, for stream tests.
func writeCorpusCopy(t testing.TB, copies int) string {
	t.Helper()
	dir := t.TempDir()
	var sources [][]byte
	if entries, err := filepath.Glob(filepath.Join(realCorpusDir, "txt", "*", "*", "*", "*.TXT")); err == nil {
		for _, e := range entries {
			if data, err := os.ReadFile(e); err == nil {
				sources = append(sources, data)
			}
		}
	}
	if len(sources) == 0 {
		for i := 0; i < 50; i++ {
			sources = append(sources, []byte(synthetic(i+1, fmt.Sprint("标题", i), "正文")))
		}
	}
	for c := 0; c < copies; c++ {
		for i, data := range sources {
			writeFile(t, filepath.Join(dir, fmt.Sprintf("%02d", c), fmt.Sprintf("%04d.TXT", i)), data)
		}
	}
	writeFile(t, filepath.Join(dir, "00", "empty.TXT"), nil)
	// Cut before the newline of the line before the last (the last body line when the
	// article ends with 〖-ZW/正文〗): truncated inside the body.
	first := sources[0]
	writeFile(t, filepath.Join(dir, "00", "cut.TXT"), first[:bytes.LastIndexByte(first[:len(first)-2], '\n')])
	return dir
}

func TestDeterministicWhateverTheWorkers(t *testing.T) {
	dir := writeCorpusCopy(t, 3)
	var diags1, diags8 []Diagnostic
	one, sum1, err1 := ReadAll([]string{dir}, Options{Workers: 1, OnDiagnostic: func(d Diagnostic) { diags1 = append(diags1, d) }})
	eight, sum8, err8 := ReadAll([]string{dir}, Options{Workers: 8, OnDiagnostic: func(d Diagnostic) { diags8 = append(diags8, d) }})
	if err1 != nil || err8 != nil {
		t.Fatal(err1, err8)
	}
	if len(one) < 100 || !reflect.DeepEqual(one, eight) {
		t.Errorf("1 worker: %d articles; 8 workers: %d; sequences differ", len(one), len(eight))
	}
	if !reflect.DeepEqual(diags1, diags8) || !reflect.DeepEqual(sum1, sum8) {
		t.Errorf("diagnostics or summaries differ:\n%s\n%s", sum1, sum8)
	}
	if sum1.FilesNoArticle[KindEmptyFile] != 1 || sum1.Skipped[KindTruncated] != 1 {
		t.Errorf("summary %s", sum1)
	}
}

// settledGoroutines waits until the goroutine count is back to at most base.
func settledGoroutines(base int) (int, bool) {
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if n = runtime.NumGoroutine(); n <= base {
			return n, true
		}
	}
	return n, false
}

func TestCloseMidStream(t *testing.T) {
	dir := writeCorpusCopy(t, 4)
	base := runtime.NumGoroutine()
	for _, workers := range []int{1, 3, 16} {
		r, err := Open([]string{dir}, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 5; i++ {
			if _, err := r.Next(); err != nil {
				t.Fatal(err)
			}
		}
		done := make(chan struct{})
		go func() {
			r.Close()
			r.Close() // twice is allowed
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("workers %d: Close hangs", workers)
		}
		if n, ok := settledGoroutines(base); !ok {
			t.Errorf("workers %d: %d goroutines after Close, %d before Open", workers, n, base)
		}
	}
	// Close before reading anything, and after the end.
	r, err := Open([]string{dir}, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	arts, _, err := ReadAll([]string{filepath.Join(dir, "01")}, Options{})
	if err != nil || len(arts) == 0 {
		t.Fatal(err)
	}
	if n, ok := settledGoroutines(base); !ok {
		t.Errorf("%d goroutines at the end, %d before", n, base)
	}
}

// Next after Close must not hang: it reports the end or an error.
func TestNextAfterClose(t *testing.T) {
	dir := writeCorpusCopy(t, 2)
	r, err := Open([]string{dir}, Options{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	r.Next()
	r.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 10000; i++ {
			if _, err := r.Next(); err != nil {
				return
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Next after Close hangs")
	}
}

// A drained Reader returns io.EOF, and the article before it.
func TestReaderEOF(t *testing.T) {
	path := writeTemp(t, "one.TXT", []byte(synthetic(1, "标题", "正文")))
	r, err := Open([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if a, err := r.Next(); err != nil || a.Title != "标题" {
		t.Fatal(a, err)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("second Next: %v, want io.EOF", err)
	}
}

// An invalid byte on the first line of an article (here inside the tag name of a ZQ line)
// is reported at that line and belongs to that article, not to the one before or to the
// file as a whole.
func TestInvalidByteOnArticleFirstLine(t *testing.T) {
	first := realGBK(t, "1959/195910/19591002/195910020206.TXT")
	second := realGBK(t, "1991/199105/19910517/199105170103.TXT")
	zq := encodeGBK(t, "〖ZQ/总期〗12180")
	bad := bytes.Replace(second, zq, append(encodeGBK(t, "〖ZQ/总"), append([]byte{0xFF}, encodeGBK(t, "期〗12180")...)...), 1)
	if len(bad) != len(second)+1 {
		t.Fatal("byte not inserted")
	}
	for _, c := range []struct {
		name    string
		data    []byte
		article int // index of the damaged article
		line    int // its first line: 1, or 13 after the 12 lines of 195910020206
	}{{"alone", bad, 0, 1}, {"second", append(append([]byte{}, first...), bad...), 1, 13}} {
		arts, diags := ParseBytes("f.TXT", c.data)
		if len(arts) != c.article+1 || arts[c.article].Serial != 12180 {
			t.Fatalf("%s: %d articles", c.name, len(arts))
		}
		inv := diagsOf(diags, KindInvalidEncoding)
		if len(inv) != 1 || inv[0].Line != c.line {
			t.Errorf("%s: file diagnostics %v, want invalid_encoding at line %d", c.name, inv, c.line)
		}
		for i, a := range arts {
			got := len(diagsOf(a.Diagnostics, KindInvalidEncoding))
			if want := map[bool]int{true: 1, false: 0}[i == c.article]; got != want {
				t.Errorf("%s: article %d has %d invalid_encoding diagnostics, want %d", c.name, i, got, want)
			}
		}
	}
}

// A short UTF-8 file cut in the middle of its last character (a copy interrupted) is still
// UTF-8: the incomplete sequence at the end is one damaged character, not evidence of
// GBK. (Found with a 5-line fragment: 40 valid multi-byte characters and the 2 bytes of
// the cut 题 made Decode choose GB18030 and report "not a text file?".)
func TestCutShortUTF8File(t *testing.T) {
	full := []byte(synthetic(1, "标题0", "正文"))
	cut := full[:bytes.Index(full, []byte("〖-BT/标题〗"))+len("〖-BT/标")+2] // 题 is E9 A2 98
	if !bytes.HasSuffix(cut, []byte{0xE9, 0xA2}) {
		t.Fatalf("cut at the wrong place: %q", cut)
	}
	if _, enc, n := Decode(cut); enc != EncodingUTF8 || n != 2 {
		t.Errorf("Decode: %s with %d invalid, want UTF-8 with 2 (one U+FFFD a byte)", enc, n)
	}
	arts, diags := ParseBytes("cut.TXT", cut)
	if len(arts) != 0 || len(diagsOf(diags, KindTruncated)) != 1 || len(diagsOf(diags, KindNoArticle)) != 0 {
		t.Errorf("%d articles, diagnostics %v; want the article skipped as truncated", len(arts), diags)
	}
}

// TestCROnlyLineEnds: a file with classic Mac line ends (CR alone) reads like its LF copy.
func TestCROnlyLineEnds(t *testing.T) {
	lf := "〖ZQ/总期〗1950〖-ZQ/总期〗\n〖RQ/日期〗19621029〖-RQ/日期〗\n〖BT/标题〗题〖-BT/标题〗\n〖ZW/正文〗\n    第一段\n    第二段\n〖-ZW/正文〗\n"
	want, _ := ParseBytes("lf.txt", []byte(lf))
	got, diags := ParseBytes("cr.txt", []byte(strings.ReplaceAll(lf, "\n", "\r")))
	if len(got) != 1 || len(want) != 1 || len(diags) != 0 {
		t.Fatalf("got %d articles, %v", len(got), diags)
	}
	if g, w := strings.Join(got[0].Body, "|"), strings.Join(want[0].Body, "|"); g != w || g != "第一段|第二段" || got[0].Serial != 1950 {
		t.Errorf("body %q, want %q", g, w)
	}
}

// TestStrayTextHasNoMarkup: text kept in Extra is cleaned like every other value.
func TestStrayTextHasNoMarkup(t *testing.T) {
	arts, _ := ParseBytes("s.txt", []byte("〖ZQ/总期〗1〖-ZQ/总期〗\nstray 〖JZ/加重〗line〖-JZ/加重〗\n〖BT/标题〗题〖-BT/标题〗\n"))
	if len(arts) != 1 || len(arts[0].Extra) != 1 || arts[0].Extra[0].Value != "stray line" {
		t.Fatalf("extra %+v", arts)
	}
}

// TestAuthorBeforeTitle: tag codes are told apart exactly (ZZ once shared a bit with BT,
// so a BT after a ZZ started a new article).
func TestAuthorBeforeTitle(t *testing.T) {
	arts, diags := ParseBytes("zz.txt", []byte("〖ZQ/总期〗1〖-ZQ/总期〗\n〖RQ/日期〗19621029〖-RQ/日期〗\n〖ZZ/作者〗某人〖-ZZ/作者〗\n〖BT/标题〗题〖-BT/标题〗\n"))
	if len(arts) != 1 || arts[0].Title != "题" || len(arts[0].Authors) != 1 || len(diags) != 0 {
		t.Fatalf("%d articles, diagnostics %v", len(arts), diags)
	}
	arts, _ = ParseBytes("zz.txt", []byte("〖ZQ/总期〗1〖-ZQ/总期〗\n〖RQ/日期〗19621029〖-RQ/日期〗\n〖ZZ/作者〗某人〖-ZZ/作者〗\n"))
	if len(arts) != 1 || len(arts[0].Diagnostics) != 1 || arts[0].Diagnostics[0].Kind != KindMissingField {
		t.Fatalf("no-title article: %+v", arts)
	}
}
