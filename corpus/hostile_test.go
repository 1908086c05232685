package corpus

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"
)

// The tests of issue 12 ("baokan under hostile input"), on copies of real articles.

// realFour are the four real articles of 1962-10-29 (../shared/corpus/jfjb), one a file.
var realFour = []string{
	"1962/196210/19621029/196210290301.TXT",
	"1962/196210/19621029/196210290302.TXT",
	"1962/196210/19621029/196210290305.TXT",
	"1962/196210/19621029/196210290306.TXT",
}

// copyReal copies the four real articles into dir/txt/... and returns their bytes.
func copyReal(t *testing.T, dir string) [][]byte {
	t.Helper()
	var out [][]byte
	for _, rel := range realFour {
		_, data := readReal(t, rel)
		writeFile(t, filepath.Join(dir, "txt", filepath.FromSlash(rel)), data)
		out = append(out, data)
	}
	return out
}

// readWithin reads the sources and fails if that takes longer than limit (a hang).
func readWithin(t *testing.T, limit time.Duration, sources []string, opt Options) ([]*Article, Summary, map[string]Kind) {
	t.Helper()
	notRead := map[string]Kind{}
	opt.OnNotRead = func(path string, k Kind, _ string) { notRead[path] = k }
	type result struct {
		arts []*Article
		sum  Summary
		err  error
	}
	done := make(chan result, 1)
	go func() {
		a, s, err := ReadAll(sources, opt)
		done <- result{a, s, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.arts, r.sum, notRead
	case <-time.After(limit):
		t.Fatalf("reading %v did not end within %v", sources, limit)
		return nil, Summary{}, nil
	}
}

// Defect 2: overlapping sources read each file once. Expected counts: the four real files,
// once; every other way to them is a duplicate_file.
func TestOverlappingSourcesReadOnce(t *testing.T) {
	dir := t.TempDir()
	data := copyReal(t, dir)
	day := filepath.Join(dir, "txt", "1962", "196210", "19621029")
	// A hard link in the same folder is the same file.
	if err := os.Link(filepath.Join(day, "196210290301.TXT"), filepath.Join(dir, "txt", "link.TXT")); err != nil {
		t.Logf("no hard links here: %v", err)
	}
	for _, c := range []struct {
		name    string
		sources []string
		dups    int
	}{
		// The hard link is a duplicate of its target in every walk of C.
		{"C C", []string{dir, dir}, 6},
		{"C C/day", []string{dir, day}, 5},
		{"C/day C", []string{day, dir}, 5},
		{"file twice", []string{filepath.Join(day, "196210290305.TXT"), filepath.Join(day, "196210290305.TXT")}, 1},
	} {
		if _, err := os.Stat(filepath.Join(dir, "txt", "link.TXT")); err != nil && c.name != "file twice" {
			c.dups-- // no hard link made
			if c.name == "C C" {
				c.dups--
			}
		}
		for _, workers := range []int{1, 8} {
			arts, sum, notRead := readWithin(t, 60*time.Second, c.sources, Options{Workers: workers})
			want := 4
			if c.name == "file twice" {
				want = 1
			}
			if len(arts) != want || sum.Files != want || sum.NotRead[KindDuplicateFile] != c.dups {
				t.Errorf("%s, %d workers: %d articles, %d files, %d duplicates (%v); want %d, %d, %d", c.name, workers, len(arts), sum.Files, sum.NotRead[KindDuplicateFile], notRead, want, want, c.dups)
			}
			if !strings.Contains(sum.String(), "files not read (duplicate_file ") {
				t.Errorf("%s: summary %q does not say so", c.name, sum)
			}
		}
	}

	// x.tar.gz and x.zip of the same members: read once (the .tar.gz comes first in
	// lexical order). A member of the same name with other bytes is read.
	arch := t.TempDir()
	names := []string{"a/1.TXT", "a/2.TXT", "a/3.TXT"}
	writeTarGz(t, filepath.Join(arch, "x.tar.gz"), names, data[:3])
	changed := append(append([]byte{}, data[2]...), encodeGBK(t, "〖ZQ/总期〗9〖-ZQ/总期〗\r\n")...)
	writeZip(t, filepath.Join(arch, "x.zip"), names, [][]byte{data[0], data[1], changed})
	arts, sum, notRead := readWithin(t, 60*time.Second, []string{arch}, Options{})
	if len(arts) != 3+2 || sum.NotRead[KindDuplicateFile] != 2 ||
		notRead[filepath.Join(arch, "x.zip")+"!a/1.TXT"] != KindDuplicateFile || notRead[filepath.Join(arch, "x.zip")+"!a/2.TXT"] != KindDuplicateFile {
		t.Errorf("archives: %d articles (want 3 + 2 of the changed member), not read %v", len(arts), notRead)
	}
}

// Defect 3: a symbolic link to a folder inside a folder is followed; a link back to a
// folder above it is reported (symlink_loop) and not followed; nothing hangs.
func TestSymlinkToFolderFollowedLoopsStopped(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	copyReal(t, other)
	writeFile(t, filepath.Join(dir, "own", "x.TXT"), realGBK(t, "1991/199105/19910517/199105170103.TXT"))
	if err := os.Symlink(filepath.Join(other, "txt"), filepath.Join(dir, "linked")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	loop := filepath.Join(dir, "own", "loop")
	if err := os.Symlink(dir, loop); err != nil {
		t.Fatal(err)
	}
	arts, sum, notRead := readWithin(t, 60*time.Second, []string{dir}, Options{})
	if len(arts) != 5 || notRead[loop] != KindSymlinkLoop || sum.Ignored != 1 {
		t.Errorf("%d articles (want 4 through the link + 1), not read %v", len(arts), notRead)
	}
	if len(arts) == 5 && arts[0].Path != filepath.Join(dir, "linked", "1962", "196210", "19621029", "196210290301.TXT") {
		t.Errorf("first article at %s", arts[0].Path)
	}
}

// Defect 4: files that are not read are counted by reason and named; plain .tar is read;
// a tar hard link to a member read is that member (duplicate_file), a symbolic link member
// is not followed (link_member).
func TestFilesNotReadByReason(t *testing.T) {
	dir := t.TempDir()
	data := copyReal(t, dir)
	writeFile(t, filepath.Join(dir, "README.md"), []byte("notes"))
	writeFile(t, filepath.Join(dir, "old.rar"), []byte("Rar!\x1a\x07\x00"))
	var inner bytes.Buffer
	zw := zip.NewWriter(&inner)
	w, _ := zw.Create("in.TXT")
	w.Write(data[0])
	zw.Close()
	writeZip(t, filepath.Join(dir, "nest.zip"), []string{"inner.zip", "a.TXT"}, [][]byte{inner.Bytes(), data[1]})
	// A plain tar: a member, a hard link to it, a symbolic link to a path outside.
	var tb bytes.Buffer
	tw := tar.NewWriter(&tb)
	tw.WriteHeader(&tar.Header{Name: "t/1.TXT", Mode: 0o644, Size: int64(len(data[2])), Typeflag: tar.TypeReg})
	tw.Write(data[2])
	tw.WriteHeader(&tar.Header{Name: "t/hard.TXT", Linkname: "t/1.TXT", Typeflag: tar.TypeLink})
	tw.WriteHeader(&tar.Header{Name: "t/sym.TXT", Linkname: "../../etc/passwd", Typeflag: tar.TypeSymlink})
	tw.Close()
	tarPath := filepath.Join(dir, "plain.tar")
	writeFile(t, tarPath, tb.Bytes())

	arts, sum, notRead := readWithin(t, 60*time.Second, []string{dir}, Options{})
	// 4 loose + a.TXT of nest.zip + t/1.TXT of plain.tar (= data[2], a different path
	// inside its archive than the loose copy: read).
	if len(arts) != 6 {
		t.Errorf("%d articles, want 6", len(arts))
	}
	want := map[string]Kind{
		filepath.Join(dir, "README.md"):               KindNotTxt,
		filepath.Join(dir, "old.rar"):                 KindUnsupportedArchive,
		filepath.Join(dir, "nest.zip") + "!inner.zip": KindNestedArchive,
		tarPath + "!t/hard.TXT":                       KindDuplicateFile,
		tarPath + "!t/sym.TXT":                        KindLinkMember,
	}
	for p, k := range want {
		if notRead[p] != k {
			t.Errorf("%s: not read as %q, want %q", p, notRead[p], k)
		}
	}
	if len(notRead) != len(want) || sum.Ignored != len(want) {
		t.Errorf("not read %v", notRead)
	}
	line := sum.String()
	if !strings.Contains(line, "5 files not read (duplicate_file 1, link_member 1, nested_archive 1, not_txt 1, unsupported_archive 1)") {
		t.Errorf("summary %q", line)
	}
	// Named on the command line, an unsupported archive is not read as text either.
	_, sum, _ = readWithin(t, 60*time.Second, []string{filepath.Join(dir, "old.rar")}, Options{})
	if sum.NotRead[KindUnsupportedArchive] != 1 || sum.Files != 0 {
		t.Errorf("named .rar: %s", sum)
	}
}

// withRealLines returns data (GBK, CRLF) with the line holding tag repeated right after it.
func repeatLine(t *testing.T, data []byte, tag string) []byte {
	t.Helper()
	start := bytes.Index(data, encodeGBK(t, tag))
	if start < 0 {
		t.Fatalf("no %s line", tag)
	}
	end := start + bytes.IndexByte(data[start:], '\n') + 1
	line := data[start:end]
	return append(append(append([]byte{}, data[:end]...), line...), data[end:]...)
}

// Defect 5: a repeated RQ, BT, BH or ZQ line in one header keeps one article (it was split
// in two, each with a missing_field); duplicate_tag says so, the first value stays, the
// second is kept in Extra. A second article without ZQ after a complete one still starts
// a new article (TestArticlesWithoutSerial).
func TestRepeatedHeaderTag(t *testing.T) {
	orig := realGBK(t, realFour[2]) // 196210290305: ZQ RQ BH TH BT ... (wc: 13 lines)
	want := parseOne(t, "o.TXT", orig)
	for _, tag := range []string{"〖ZQ/总期〗", "〖RQ/日期〗", "〖BH/版号〗", "〖TH/条号〗", "〖BT/标题〗"} {
		data := repeatLine(t, orig, tag)
		arts, diags := ParseBytes("d.TXT", data)
		if len(arts) != 1 {
			t.Errorf("%s twice: %d articles (%v)", tag, len(arts), diags)
			continue
		}
		a := arts[0]
		dup := diagsOf(a.Diagnostics, KindDuplicateTag)
		line := lineOf(data, encodeGBK(t, tag)) + 1
		if len(dup) != 1 || len(a.Diagnostics) != 1 || dup[0].Line != line {
			t.Errorf("%s twice: diagnostics %v, want one duplicate_tag at line %d", tag, a.Diagnostics, line)
		}
		if len(a.Extra) != 1 || "〖"+a.Extra[0].Code+"/" != tag[:len("〖")+3] || a.Extra[0].Line != line {
			t.Errorf("%s twice: extra %+v", tag, a.Extra)
		}
		b := *a
		b.Extra, b.Diagnostics = nil, nil
		w := *want
		w.Diagnostics = nil
		if diff := sameArticle(&b, &w); diff != "" {
			t.Errorf("%s twice: %s", tag, diff)
		}
	}
}

// Defect 5: nested and stray tags are removed from text and reported (broken_markup): a
// 〖YT/引题〗 inside BT, a stray 〖ZW/正文〗 line and one inside a body line, a lone 〖〗.
func TestNestedAndStrayTags(t *testing.T) {
	orig := realGBK(t, realFour[2])
	want := parseOne(t, "o.TXT", orig)
	u8 := string(gbkToUTF8LF(t, orig))
	firstPara := want.Body[0]
	for _, c := range []struct{ name, from, to string }{
		{"YT inside BT", "〖BT/标题〗", "〖BT/标题〗〖YT/引题〗〖-YT/引题〗"},
		{"stray ZW line in the body", "〖ZW/正文〗\n", "〖ZW/正文〗\n〖ZW/正文〗\n"},
		{"ZW inside a body line", firstPara, "〖ZW/正文〗" + firstPara},
		{"lone 〖〗 in the body", firstPara, firstPara[:6] + "〖〗" + firstPara[6:]},
		{"lone 〖〗 in the title", "〖-BT/标题〗", "〖〗〖-BT/标题〗"},
	} {
		src := strings.Replace(u8, c.from, c.to, 1)
		if src == u8 {
			t.Fatalf("%s: nothing replaced", c.name)
		}
		a := parseOne(t, "n.TXT", []byte(src))
		bm := diagsOf(a.Diagnostics, KindBrokenMarkup)
		if len(bm) != 1 || len(a.Diagnostics) != 1 {
			t.Errorf("%s: diagnostics %v, want one broken_markup", c.name, a.Diagnostics)
		}
		b := *a
		b.Diagnostics = nil
		w := *want
		w.Diagnostics = nil
		if diff := sameArticle(&b, &w); diff != "" {
			t.Errorf("%s: %s", c.name, diff)
		}
	}
}

// Defect 6: a zip member named in GBK (as Windows archivers write it, without the UTF-8
// flag) is named in UTF-8; a name that is not GBK either has its bad bytes written \xNN.
func TestGBKMemberNames(t *testing.T) {
	data := realGBK(t, realFour[0])
	gbkName := string(encodeGBK(t, "解放军报/一九六二.TXT"))
	bad := "bad\xff\xfe.TXT"
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{gbkName, bad} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, NonUTF8: true})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "win.zip")
	writeFile(t, zipPath, buf.Bytes())
	arts, _, _ := readWithin(t, 60*time.Second, []string{zipPath}, Options{})
	// Members are read in byte order of their raw names ("b" < 0xBD), then shown decoded;
	// same bytes under different names: both read.
	var paths []string
	for _, a := range arts {
		paths = append(paths, a.Path)
	}
	want := []string{zipPath + `!bad\xFF\xFE.TXT`, zipPath + "!解放军报/一九六二.TXT"}
	if !sameStrings(paths, want) {
		t.Errorf("paths %q, want %q", paths, want)
	}
	// A GBK file name on disk too.
	if runtime.GOOS == "linux" {
		sub := filepath.Join(dir, "disk")
		writeFile(t, filepath.Join(sub, gbkName), data) // a GBK folder and file name
		arts, _, _ := readWithin(t, 60*time.Second, []string{sub}, Options{})
		if len(arts) != 1 || arts[0].Path != filepath.Join(sub, "解放军报", "一九六二.TXT") {
			t.Errorf("disk: %v", arts)
		}
	}
}

// Defect 7: UTF-16 with a byte-order mark, little and big endian, reads as the original.
func TestUTF16WithBOM(t *testing.T) {
	orig := realGBK(t, realFour[2])
	want := parseOne(t, "o.TXT", orig)
	u8 := gbkToUTF8LF(t, orig)
	for _, c := range []struct {
		order unicode.Endianness
		enc   Encoding
	}{{unicode.LittleEndian, EncodingUTF16LE}, {unicode.BigEndian, EncodingUTF16BE}} {
		data, err := unicode.UTF16(c.order, unicode.UseBOM).NewEncoder().Bytes(u8)
		if err != nil {
			t.Fatal(err)
		}
		if _, enc, bad := Decode(data); enc != c.enc || bad != 0 {
			t.Errorf("%s: detected %s, %d invalid", c.enc, enc, bad)
		}
		if diff := sameArticle(parseOne(t, "u.TXT", data), want); diff != "" {
			t.Errorf("%s: %s", c.enc, diff)
		}
		// Streamed (a large file) too.
		path := filepath.Join(t.TempDir(), "u16.TXT")
		writeFile(t, path, data)
		defer setBound(&wholeFileBytes, 100)()
		arts, sum, _ := readWithin(t, 60*time.Second, []string{path}, Options{})
		if len(arts) != 1 || sum.Encodings[string(c.enc)] != 1 {
			t.Fatalf("%s streamed: %d articles, %s", c.enc, len(arts), sum)
		}
		if diff := sameArticle(arts[0], want); diff != "" {
			t.Errorf("%s streamed: %s", c.enc, diff)
		}
	}
}

// setBound sets a package bound for a test and returns what restores it.
func setBound[T int | int64 | uint64](p *T, v T) func() {
	old := *p
	*p = v
	return func() { *p = old }
}

// Memory (defect 8): a file larger than wholeFileBytes is streamed in parts and gives the
// same articles, diagnostics and summary as read whole: the real corpus concatenated, in
// GBK+CRLF (the originals) and UTF-8+LF.
func TestStreamedFileSameAsWhole(t *testing.T) {
	arts, _, err := ReadAll([]string{filepath.Join(realCorpusDir, "txt")}, Options{})
	if err != nil {
		t.Skipf("skipping: real corpus absent: %v", err)
	}
	var gbk, u8 []byte
	for _, a := range arts {
		data, err := os.ReadFile(a.Path)
		if err != nil {
			t.Fatal(err)
		}
		gbk = append(gbk, data...)
		u8 = append(u8, gbkToUTF8LF(t, data)...)
	}
	dir := t.TempDir()
	for name, data := range map[string][]byte{"gbk.TXT": gbk, "utf8.TXT": u8} {
		path := filepath.Join(dir, name)
		writeFile(t, path, data)
		whole, wsum, _ := readWithin(t, 60*time.Second, []string{path}, Options{})
		restore := setBound(&wholeFileBytes, 1000)
		restorePart := setBound(&partBytes, 20000)
		var infos []FileInfo
		streamed, ssum, _ := readWithin(t, 60*time.Second, []string{path}, Options{OnFileInfo: func(f FileInfo) { infos = append(infos, f) }})
		noBody, _, _ := readWithin(t, 60*time.Second, []string{path}, Options{SkipBody: true})
		restore()
		for i, a := range noBody {
			if a.Body != nil || i >= len(whole) || a.Title != whole[i].Title {
				t.Fatalf("%s: SkipBody streamed: article %d has a body or another title", name, i)
			}
		}
		restorePart()
		if len(whole) != len(arts) || len(streamed) != len(whole) {
			t.Fatalf("%s: %d articles whole, %d streamed, want %d", name, len(whole), len(streamed), len(arts))
		}
		for i := range whole {
			if whole[i].Line != streamed[i].Line {
				t.Errorf("%s: article %d at line %d, streamed %d", name, i, whole[i].Line, streamed[i].Line)
			}
			if diff := sameArticle(whole[i], streamed[i]); diff != "" {
				t.Errorf("%s: article %d: %s", name, i, diff)
			}
		}
		if wsum.String() != ssum.String() || wsum.Bytes != int64(len(data)) || ssum.Bytes != wsum.Bytes {
			t.Errorf("%s: summary whole %s (%d bytes), streamed %s (%d bytes)", name, wsum, wsum.Bytes, ssum, ssum.Bytes)
		}
		if len(infos) < 5 {
			t.Errorf("%s: streamed in %d parts, want several", name, len(infos))
		}
	}
}

// Defect 8: a line or an article over its bound leaves that article out (too_large,
// naming file and line) and the rest of the file is read, whole or streamed.
func TestTooLargeArticleSkipped(t *testing.T) {
	defer setBound(&maxLineBytes, 1000)()
	defer setBound(&maxArticleBytes, 5000)()
	long := synthetic(2, "长行", strings.Repeat("长", 400)) // a 1,200-byte body line
	many := synthetic(3, "长文", strings.Repeat("短句。\n    ", 600))
	src := synthetic(1, "一", "正文一") + long + synthetic(4, "四", "正文四") + many + synthetic(5, "五", "正文五")
	path := filepath.Join(t.TempDir(), "big.TXT")
	writeFile(t, path, []byte(src))
	for _, whole := range []int64{1 << 20, 100} {
		restore := setBound(&wholeFileBytes, whole)
		var diags []Diagnostic
		arts, sum, _ := readWithin(t, 60*time.Second, []string{path}, Options{OnDiagnostic: func(d Diagnostic) { diags = append(diags, d) }})
		restore()
		var titles []string
		for _, a := range arts {
			titles = append(titles, a.Title)
		}
		if !sameStrings(titles, []string{"一", "四", "五"}) {
			t.Errorf("whole below %d: titles %q", whole, titles)
		}
		tl := diagsOf(diags, KindTooLarge)
		// The long line is line 17 (9 lines a synthetic article with body; the body's line
		// is its 8th); the long article passes 5,000 bytes in its body.
		if len(tl) != 2 || tl[0].Line != 17 || tl[0].Path != path || sum.Skipped[KindTooLarge] != 2 || len(diags) != 2 {
			t.Errorf("whole below %d: diagnostics %v, summary %s", whole, diags, sum)
		}
	}
}

// Defect 8: archive members are bounded: over --max-member-size (declared, or found while
// reading a member whose header lies) or expanding like a bomb, a member is left out
// with member_too_large; the other members are read.
func TestMemberBounds(t *testing.T) {
	data := realGBK(t, realFour[0])
	big := bytes.Repeat(data, 50) // 50 articles, about 100 KB
	dir := t.TempDir()
	zipPath, tgzPath := filepath.Join(dir, "m.zip"), filepath.Join(dir, "m.tar.gz")
	writeZip(t, zipPath, []string{"a.TXT", "b.TXT"}, [][]byte{data, big})
	writeTarGz(t, tgzPath, []string{"a.TXT", "b.TXT"}, [][]byte{data, big})
	for _, archive := range []string{zipPath, tgzPath} {
		var diags []Diagnostic
		arts, sum, _ := readWithin(t, 60*time.Second, []string{archive}, Options{MaxMemberSize: 50000, OnDiagnostic: func(d Diagnostic) { diags = append(diags, d) }})
		if len(arts) != 1 || len(diags) != 1 || diags[0].Kind != KindMemberTooLarge || diags[0].Path != archive+"!b.TXT" || sum.FilesNoArticle[KindMemberTooLarge] != 1 {
			t.Errorf("%s: %d articles, diagnostics %v", archive, len(arts), diags)
		}
		// Streamed and cut at the limit: the articles before it are read.
		restore := setBound(&wholeFileBytes, 1000)
		diags = nil
		arts, _, _ = readWithin(t, 60*time.Second, []string{archive}, Options{MaxMemberSize: 1 << 20, OnDiagnostic: func(d Diagnostic) { diags = append(diags, d) }})
		restore()
		if len(arts) != 51 || len(diags) != 0 {
			t.Errorf("%s streamed: %d articles (want 51), %v", archive, len(arts), diags)
		}
	}
	// A bomb: 4 MB of zeros in a zip of 4 KB (ratio about 1000), with the bomb bound
	// lowered to 1 MB for the test.
	defer setBound(&minBombSize, uint64(1<<20))()
	bomb := filepath.Join(dir, "bomb.zip")
	writeZip(t, bomb, []string{"a.TXT", "zero.TXT"}, [][]byte{data, make([]byte, 4<<20)})
	var diags []Diagnostic
	arts, _, _ := readWithin(t, 60*time.Second, []string{bomb}, Options{OnDiagnostic: func(d Diagnostic) { diags = append(diags, d) }})
	if len(arts) != 1 || len(diags) != 1 || diags[0].Kind != KindMemberTooLarge || !strings.Contains(diags[0].Message, "bomb") {
		t.Errorf("bomb: %d articles, %v", len(arts), diags)
	}
	// The same as a .tar.gz: the archive is read no further.
	tbomb := filepath.Join(dir, "bomb.tar.gz")
	var tb bytes.Buffer
	gz := gzip.NewWriter(&tb)
	tw := tar.NewWriter(gz)
	for i, d := range [][]byte{make([]byte, 4<<20), data} {
		tw.WriteHeader(&tar.Header{Name: []string{"zero.TXT", "a.TXT"}[i], Mode: 0o644, Size: int64(len(d)), Typeflag: tar.TypeReg})
		tw.Write(d)
	}
	tw.Close()
	gz.Close()
	writeFile(t, tbomb, tb.Bytes())
	diags = nil
	readWithin(t, 60*time.Second, []string{tbomb}, Options{OnDiagnostic: func(d Diagnostic) { diags = append(diags, d) }})
	if len(diagsOf(diags, KindMemberTooLarge)) != 1 {
		t.Errorf("tar.gz bomb: %v", diags)
	}
}

// Closing a Reader in the middle of a streamed file (on disk, a zip member, a tar member
// the producer waits on) ends every goroutine promptly.
func TestCloseMidStreamedFile(t *testing.T) {
	data := realGBK(t, realFour[0])
	big := bytes.Repeat(data, 200)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.TXT"), big)
	writeZip(t, filepath.Join(dir, "b.zip"), []string{"b.TXT"}, [][]byte{append(big, data...)})
	writeTarGz(t, filepath.Join(dir, "c.tar.gz"), []string{"c.TXT", "d.TXT"}, [][]byte{append(big, data[:10]...), data})
	defer setBound(&wholeFileBytes, 1000)()
	defer setBound(&partBytes, 2000)()
	base := runtime.NumGoroutine()
	for _, src := range []string{"a.TXT", "b.zip", "c.tar.gz"} {
		r, err := Open([]string{filepath.Join(dir, src)}, Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		for range 3 {
			if _, err := r.Next(); err != nil {
				t.Fatal(err)
			}
		}
		done := make(chan struct{})
		go func() { r.Close(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Close did not return", src)
		}
	}
	if n, ok := settledGoroutines(base); !ok {
		t.Errorf("%d goroutines left running (%d before)", n, base)
	}
}
