package corpus

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A unit is one file to parse: a file on disk (read by a worker), a file of an fs.FS, an
// archive member whose bytes the producer read in order, or one a worker opens and streams.
type unit struct {
	path    string // what articles will carry (valid UTF-8: see displayName)
	disk    string // file to read, when data and open are nil
	fsys    fs.FS  // or a file of an fs.FS (embedded sample)
	data    []byte
	open    func() (io.ReadCloser, error) // or a member to open and read (zip), or to stream (tar)
	size    int64                         // the member's size as its archive declares it
	member  string                        // the member's name inside its archive (identity)
	done    func()                        // called once the worker has finished with open's reader
	maxSize int64                         // what open's reader may yield (--max-member-size)
	err     error                         // the unit could not be read; reported as a diagnostic
	kind    Kind                          // err's kind; read_error when empty
}

// resolveSources checks that every source exists (expanding glob patterns) before reading
// starts, so that a mistyped path fails at once. A source is a file, a folder, a glob
// pattern, or a .zip / .tar / .tar.gz / .tgz archive.
func resolveSources(sources []string) ([]string, error) {
	var out []string
	stdin := false
	for _, src := range sources {
		if src == StdinSource {
			if stdin {
				return nil, fmt.Errorf("- (standard input) given twice: it can be read once")
			}
			stdin = true
			out = append(out, src)
			continue
		}
		if _, err := os.Stat(src); err == nil {
			out = append(out, src)
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if strings.ContainsAny(src, "*?[") {
			matches, err := filepath.Glob(src)
			if err != nil {
				return nil, fmt.Errorf("pattern %q: %w", src, err)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("pattern %q matches no file", src)
			}
			sort.Strings(matches)
			out = append(out, matches...)
			continue
		}
		return nil, fmt.Errorf("%s: no such file or folder", src)
	}
	return out, nil
}

// archiveKind says which archive a name is: "zip", "tar", "tar.gz", or "" for none.
func archiveKind(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".zip"):
		return "zip"
	case strings.HasSuffix(n, ".tar.gz"), strings.HasSuffix(n, ".tgz"):
		return "tar.gz"
	case strings.HasSuffix(n, ".tar"):
		return "tar"
	}
	return ""
}

func isArchive(name string) bool { return archiveKind(name) != "" }

// unsupportedArchive reports whether a name is an archive or compressed file of a kind
// baokan does not open (it would be read as binary text otherwise).
func unsupportedArchive(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".rar", ".7z", ".gz", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".z", ".tbz", ".tbz2", ".txz", ".cab", ".arj", ".lzh":
		return true
	}
	return false
}

// displayName returns a file or member name as valid UTF-8: unchanged when it is UTF-8
// already, decoded from GB18030 (the GBK names Windows archivers write without the UTF-8
// flag) when that decodes every byte, and otherwise with each invalid byte written \xNN.
func displayName(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	if out, err := simplifiedchinese.GB18030.NewDecoder().String(name); err == nil && !strings.ContainsRune(out, utf8.RuneError) {
		return out
	}
	var b strings.Builder
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, `\x%02X`, name[i])
		} else {
			b.WriteString(name[i : i+size])
		}
		i += size
	}
	return b.String()
}

// producer walks the sources in order and emits units, and the files it does not read
// (skip).
type producer struct {
	ctx  context.Context
	emit func(unit) bool                            // false: stop
	skip func(path string, k Kind, msg string) bool // a file not read, with the reason; false: stop
	opt  *Options
}

// notRead reports a file that is not read because of its name (not .txt, an archive inside
// an archive, an archive kind baokan does not open).
func (p *producer) notRead(name string) bool {
	switch {
	case isArchive(name):
		return p.skip(name, KindNestedArchive, "an archive inside an archive is not opened")
	case unsupportedArchive(name):
		return p.skip(name, KindUnsupportedArchive, "archives of this kind are not opened (.zip, .tar, .tar.gz and .tgz are)")
	default:
		return p.skip(name, KindNotTxt, "not a .txt, .json, .jsonl or .ndjson file")
	}
}

func (p *producer) source(src string) bool {
	if src == StdinSource {
		return p.stdinSource()
	}
	info, err := os.Stat(src)
	if err != nil {
		return p.emit(unit{path: displayName(src), err: err})
	}
	switch {
	case info.IsDir():
		return p.walk(src, displayName(src), nil)
	case !info.Mode().IsRegular():
		return p.emit(unit{path: displayName(src), err: errNotRegular(info.Mode()), kind: KindNotRegular})
	case isArchive(src):
		return p.archive(src)
	case unsupportedArchive(src):
		return p.skip(displayName(src), KindUnsupportedArchive, "archives of this kind are not opened (.zip, .tar, .tar.gz and .tgz are)")
	}
	return p.emit(unit{path: displayName(src), disk: src})
}

func errNotRegular(m fs.FileMode) error {
	what := "not a regular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a device"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	}
	return fmt.Errorf("%s, not read", what)
}

// walk emits the files of folder dir in lexical order, following symbolic links to files
// and folders. ancestors holds the identities of the folders above dir: a link back to one
// of them (a loop) is reported and not followed. A folder reached twice by other ways is
// read twice, and its files are then read once (see Reader: duplicate_file).
func (p *producer) walk(dir, shown string, ancestors []fileID) bool {
	if p.ctx.Err() != nil {
		return false
	}
	if id, ok := statID(dir); ok {
		for _, a := range ancestors {
			if a == id {
				return p.skip(shown, KindSymlinkLoop, "a symbolic link to a folder that contains it: not followed")
			}
		}
		ancestors = append(ancestors, id)
	}
	entries, err := os.ReadDir(dir)
	if err != nil && len(entries) == 0 {
		return p.emit(unit{path: shown, err: err})
	}
	for _, e := range entries { // sorted by name
		full := filepath.Join(dir, e.Name())
		name := full
		if shown != dir || !utf8.ValidString(e.Name()) {
			name = filepath.Join(shown, displayName(e.Name()))
		}
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := os.Stat(full)
			if err != nil {
				if !p.emit(unit{path: name, err: fmt.Errorf("symbolic link: %w", err)}) {
					return false
				}
				continue
			}
			mode = info.Mode().Type()
		}
		ok := true
		switch {
		case mode.IsDir():
			ok = p.walk(full, name, ancestors)
		case isArchive(full):
			if mode.IsRegular() {
				ok = p.archive(full)
			} else {
				ok = p.emit(unit{path: name, err: errNotRegular(mode), kind: KindNotRegular})
			}
		case !isArticleFile(full):
			ok = p.notRead(name)
		case !mode.IsRegular():
			ok = p.emit(unit{path: name, err: errNotRegular(mode), kind: KindNotRegular})
		default:
			ok = p.emit(unit{path: name, disk: full})
		}
		if !ok {
			return false
		}
	}
	if err != nil {
		return p.emit(unit{path: shown, err: err})
	}
	return true
}

// fsys emits the article files of an fs.FS (the embedded sample) in lexical order.
func (p *producer) fsys(fsys fs.FS, root string) bool {
	err := fs.WalkDir(fsys, root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !isArticleFile(path) {
			if !p.notRead(path) {
				return context.Canceled
			}
			return nil
		}
		if !p.emit(unit{path: path, disk: path, fsys: fsys}) {
			return context.Canceled
		}
		return nil
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		return p.emit(unit{path: root, err: err})
	}
	return err == nil
}

func (p *producer) archive(name string) bool {
	switch archiveKind(name) {
	case "zip":
		return p.zip(name)
	case "tar":
		return p.tar(name, false)
	default:
		return p.tar(name, true)
	}
}

// maxRatio and minBombSize: a member that expands more than maxRatio times its compressed
// size, to more than minBombSize bytes, is taken for a decompression bomb and not read.
// Text compresses about 3:1 (GBK) to 10:1 (repetitive UTF-8); deflate cannot pass 1032:1.
var (
	maxRatio    uint64 = 500
	minBombSize uint64 = 64 << 20
)

func (p *producer) maxMember() int64 {
	if p.opt.MaxMemberSize > 0 {
		return p.opt.MaxMemberSize
	}
	return DefaultMaxMemberSize
}

// zip emits the article files of a .zip archive, sorted by member name. Workers open and
// read the members; the archive is closed once the last of them is done.
func (p *producer) zip(name string) bool {
	zr, err := zip.OpenReader(name)
	shownZip := displayName(name)
	if err != nil {
		return p.emit(unit{path: shownZip, err: fmt.Errorf("open zip: %w", err)})
	}
	return p.zipMembers(shownZip, &zr.Reader, zr.Close)
}

// zipMembers emits the article files of the open zip archive shown as shownZip, sorted by
// member name; closeZip is called once the last member has been read.
func (p *producer) zipMembers(shownZip string, zr *zip.Reader, closeZip func() error) bool {
	type member struct {
		f     *zip.File
		shown string
	}
	files := make([]member, 0, len(zr.File))
	var notRead, links []string
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		shown := displayName(f.Name)
		if f.Mode()&fs.ModeSymlink != 0 {
			links = append(links, shown)
			continue
		}
		if !isArticleFile(f.Name) {
			notRead = append(notRead, shown)
			continue
		}
		files = append(files, member{f, shown})
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].f.Name < files[j].f.Name })
	sort.Strings(notRead)
	sort.Strings(links)
	var pending sync.WaitGroup
	defer func() { go func() { pending.Wait(); closeZip() }() }()
	for _, n := range notRead {
		if !p.notRead(shownZip + "!" + n) {
			return false
		}
	}
	for _, n := range links {
		if !p.skip(shownZip+"!"+n, KindLinkMember, "a symbolic link inside an archive is not followed") {
			return false
		}
	}
	limit := p.maxMember()
	for _, m := range files {
		f := m.f
		u := unit{path: shownZip + "!" + m.shown, member: m.shown, size: int64(f.UncompressedSize64), maxSize: limit}
		switch {
		case f.UncompressedSize64 > uint64(limit):
			u.err, u.kind = fmt.Errorf("member of %d bytes, over the limit of %d (--max-member-size): not read", f.UncompressedSize64, limit), KindMemberTooLarge
		case f.UncompressedSize64 > minBombSize && f.UncompressedSize64 > maxRatio*max(1, f.CompressedSize64):
			u.err, u.kind = fmt.Errorf("member expands %d times (%d bytes from %d): a decompression bomb? not read", f.UncompressedSize64/max(1, f.CompressedSize64), f.UncompressedSize64, f.CompressedSize64), KindMemberTooLarge
		default:
			pending.Add(1)
			u.open = func() (io.ReadCloser, error) { return f.Open() }
			u.done = pending.Done
		}
		if !p.emit(u) {
			if u.done != nil {
				u.done()
			}
			return false
		}
	}
	return true
}

// tar emits the article files of a .tar, .tar.gz or .tgz archive in archive order (a
// stream can only be read from the start). A member up to wholeFileBytes is read here; a
// larger one is streamed by a worker while the producer waits. A hard link to a member read
// before is the same file (duplicate_file); symbolic links are not followed (link_member).
func (p *producer) tar(name string, gzipped bool) bool {
	shownTar := displayName(name)
	f, err := os.Open(name)
	if err != nil {
		return p.emit(unit{path: shownTar, err: err})
	}
	defer f.Close()
	return p.tarStream(shownTar, f, gzipped)
}

// tarStream emits the article files of the tar stream in (gzip-compressed when gzipped) of
// the archive shown as shownTar.
func (p *producer) tarStream(shownTar string, in io.Reader, gzipped bool) bool {
	compressed := &countingReader{r: in}
	var r io.Reader = compressed
	if gzipped {
		gz, err := gzip.NewReader(compressed)
		if err != nil {
			return p.emit(unit{path: shownTar, err: fmt.Errorf("open gzip: %w", err)})
		}
		defer gz.Close()
		r = gz
	}
	expanded := &countingReader{r: r}
	tr := tar.NewReader(expanded)
	read := map[string]bool{} // members read, for hard links
	limit := p.maxMember()
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return p.emit(unit{path: shownTar, err: fmt.Errorf("read tar: %w", err)})
		}
		if gzipped && expanded.n > minBombSize && expanded.n > maxRatio*max(1, compressed.n) {
			return p.emit(unit{path: shownTar, kind: KindMemberTooLarge,
				err: fmt.Errorf("the archive expands %d times (%d bytes from %d so far): a decompression bomb? the rest is not read", expanded.n/max(1, compressed.n), expanded.n, compressed.n)})
		}
		shown := displayName(h.Name)
		full := shownTar + "!" + shown
		switch h.Typeflag {
		case tar.TypeReg, tar.TypeRegA:
		case tar.TypeLink:
			if !isArticleFile(h.Name) {
				if !p.notRead(full) {
					return false
				}
			} else if read[path.Clean(h.Linkname)] {
				if !p.skip(full, KindDuplicateFile, "a hard link to "+shownTar+"!"+displayName(h.Linkname)+", read already") {
					return false
				}
			} else if !p.skip(full, KindLinkMember, "a hard link to "+displayName(h.Linkname)+", a member that was not read") {
				return false
			}
			continue
		case tar.TypeSymlink:
			if isArticleFile(h.Name) && !p.skip(full, KindLinkMember, "a symbolic link inside an archive is not followed") {
				return false
			}
			continue
		default:
			continue // folders, devices, FIFOs: nothing to read
		}
		if !isArticleFile(h.Name) {
			if !p.notRead(full) {
				return false
			}
			continue
		}
		read[path.Clean(h.Name)] = true
		u := unit{path: full, member: shown, size: h.Size, maxSize: limit}
		if h.Size > limit {
			u.err, u.kind = fmt.Errorf("member of %d bytes, over the limit of %d (--max-member-size): not read", h.Size, limit), KindMemberTooLarge
			if !p.emit(u) {
				return false
			}
			continue
		}
		if h.Size > wholeFileBytes {
			// Streamed by a worker; the tar stream must not move until it is done.
			finished := make(chan struct{})
			u.open = func() (io.ReadCloser, error) { return io.NopCloser(io.LimitReader(tr, h.Size)), nil }
			u.done = func() { close(finished) }
			if !p.emit(u) {
				return false
			}
			<-finished // the worker gives up promptly when reading is cancelled
			if p.ctx.Err() != nil {
				return false
			}
			continue
		}
		data, err := io.ReadAll(tr)
		u.data, u.err = data, err
		if u.data == nil {
			u.data = []byte{}
		}
		if !p.emit(u) {
			return false
		}
		if err != nil {
			return true // the gzip or tar stream is broken: Next would report it again
		}
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n uint64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += uint64(n)
	return n, err
}
