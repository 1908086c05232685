package cache

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"unsafe"

	"github.com/klauspost/compress/zstd"

	"github.com/baokan/baokan/corpus"
)

// Reader is an open cache: its header, vocabulary and recorded summary, read at Open; the
// articles are read by Scan, as often as needed, each block with one positioned read of
// the parts a scan needs (the operating system's page cache serves a file read before at
// memory speed, and the process holds only the blocks in flight, whatever the file's
// size). A Reader is safe for concurrent Scans; Close it after every Scanner is closed.
type Reader struct {
	path   string
	file   *os.File
	size   int64
	header Header
	vocab  []string
	sum    corpus.Summary
	srcOff int64 // the sources section, read on demand
	blocks []blockEntry
	zr     *zstd.Decoder

	wordsOff int64        // the postings directory section, read on demand
	postings postingIndex // (postings.go)
}

type blockEntry struct {
	off                           int64
	metaLen, tokLen, bodyLen, raw int
	articles                      int
	metaCRC, tokCRC               uint32
}

// Open opens the cache file at path and checks its magic, version, footer and the
// checksums of its header, vocabulary, summary and index (a block's checksum is checked
// when it is read).
func Open(path string) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	r := &Reader{path: path, file: f, size: info.Size()}
	if err := r.load(); err != nil {
		r.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	r.zr, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0))
	if err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

// IsCache reports whether the file at path starts with the cache magic.
func IsCache(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var b [len(Magic)]byte
	_, err = f.ReadAt(b[:], 0)
	return err == nil && string(b[:]) == Magic
}

// readAt reads n bytes at off into a new buffer.
func (r *Reader) readAt(off int64, n int) ([]byte, error) {
	if off < 0 || n < 0 || off+int64(n) > r.size {
		return nil, formatErr("a part past the end of the file")
	}
	b := make([]byte, n)
	if _, err := r.file.ReadAt(b, off); err != nil {
		return nil, fmt.Errorf("%s: %w", r.path, err)
	}
	return b, nil
}

func (r *Reader) load() error {
	if r.size < int64(len(Magic)+4+footerSize) {
		return formatErr("no %q magic", Magic)
	}
	start, err := r.readAt(0, len(Magic)+4)
	if err != nil {
		return err
	}
	if string(start[:len(Magic)]) != Magic {
		return formatErr("no %q magic", Magic)
	}
	if v := binary.LittleEndian.Uint32(start[len(Magic):]); v != Version {
		return fmt.Errorf("%w: layout version %d, this program reads version %d: made by another version of baokan; run 'baokan index' again to re-index", ErrFormat, v, Version)
	}
	foot, err := r.readAt(r.size-int64(footerSize), footerSize)
	if err != nil {
		return err
	}
	if string(foot[40:]) != endMagic {
		return formatErr("no footer (the file is cut short?)")
	}
	vocabOff := int64(binary.LittleEndian.Uint64(foot[0:]))
	sumOff := int64(binary.LittleEndian.Uint64(foot[8:]))
	srcOff := int64(binary.LittleEndian.Uint64(foot[16:]))
	indexOff := int64(binary.LittleEndian.Uint64(foot[24:]))
	r.wordsOff = int64(binary.LittleEndian.Uint64(foot[32:]))
	end := r.size - int64(footerSize)
	if !(int64(len(Magic)+4) <= vocabOff && vocabOff <= sumOff && sumOff <= srcOff && srcOff <= indexOff && indexOff <= r.wordsOff && r.wordsOff <= end) {
		return formatErr("bad footer offsets")
	}

	hdr, err := r.section(int64(len(Magic)+4), "header")
	if err != nil {
		return err
	}
	h := newDec(hdr, string(hdr))
	n := h.count(2)
	for range n {
		r.header.Settings = append(r.header.Settings, Setting{Name: h.str(), Value: h.str()})
	}
	if h.err != nil {
		return fmt.Errorf("header: %w", h.err)
	}

	r.srcOff = srcOff

	voc, err := r.section(vocabOff, "vocabulary")
	if err != nil {
		return err
	}
	v := newDec(voc, "")
	n = v.count(1)
	lens := make([]int, n)
	total := 0
	for i := range lens {
		lens[i] = int(v.uint())
		total += lens[i]
	}
	if v.err != nil || total != len(voc)-v.off {
		return formatErr("vocabulary lengths")
	}
	all := unsafe.String(unsafe.SliceData(voc[v.off:]), len(voc)-v.off) // voc is ours alone
	r.vocab = make([]string, n)
	pos := 0
	for i, l := range lens {
		r.vocab[i] = all[pos : pos+l]
		pos += l
	}

	sb, err := r.section(sumOff, "summary")
	if err != nil {
		return err
	}
	s := newDec(sb, string(sb))
	r.sum = corpus.Summary{
		Files: int(s.int()), Bytes: s.int(), Ignored: int(s.int()), Articles: int(s.int()),
		Skipped: s.counts(), FilesNoArticle: s.counts(), Diagnostics: s.counts(), ArticlesByKind: s.counts(),
		Encodings: s.stringCounts(), ArticlesProblems: int(s.int()),
	}
	r.sum.Matched = r.sum.Articles
	r.sum.NotRead = map[corpus.Kind]int{}
	if s.err == nil && s.off < len(s.b) { // files not read by reason: absent from older caches
		r.sum.NotRead = s.counts()
	}
	if s.err != nil {
		return fmt.Errorf("summary: %w", s.err)
	}

	ib, err := r.section(indexOff, "index")
	if err != nil {
		return err
	}
	x := newDec(ib, "")
	n = x.count(8)
	r.blocks = make([]blockEntry, n)
	for i := range r.blocks {
		b := blockEntry{off: int64(x.uint()), metaLen: int(x.uint()), tokLen: int(x.uint()), bodyLen: int(x.uint()),
			raw: int(x.uint()), articles: int(x.uint()), metaCRC: uint32(x.uint()), tokCRC: uint32(x.uint())}
		if b.off < 0 || b.off+int64(b.metaLen)+int64(b.tokLen)+int64(b.bodyLen) > vocabOff {
			return formatErr("block %d out of bounds", i)
		}
		r.blocks[i] = b
	}
	if x.err != nil {
		return fmt.Errorf("index: %w", x.err)
	}
	return nil
}

// section returns the payload of the section at off after checking its checksum.
func (r *Reader) section(off int64, name string) ([]byte, error) {
	head, err := r.readAt(off, int(min(binary.MaxVarintLen64, r.size-off)))
	if err != nil {
		return nil, err
	}
	n, k := binary.Uvarint(head)
	if k <= 0 || n > uint64(r.size-off-int64(k)-4) {
		return nil, formatErr("%s section length", name)
	}
	b, err := r.readAt(off+int64(k), int(n)+4)
	if err != nil {
		return nil, err
	}
	p := b[:n]
	if crc32.Checksum(p, castagnoli) != binary.LittleEndian.Uint32(b[n:]) {
		return nil, formatErr("%s checksum mismatch", name)
	}
	return p, nil
}

// Header returns how the cache was made: settings and sources.
func (r *Reader) Header() Header { return r.header }

// Vocabulary returns every term of the cache, indexed by id. The slice is shared: do not
// change it.
func (r *Reader) Vocabulary() []string { return r.vocab }

// Summary returns the summary recorded when the cache was made (no filter: Matched equals
// Articles). A Scanner's Summary counts what its scan read, filter included.
func (r *Reader) Summary() corpus.Summary { return r.sum }

// Articles returns the number of articles in the cache.
func (r *Reader) Articles() int {
	n := 0
	for _, b := range r.blocks {
		n += b.articles
	}
	return n
}

// Close releases the file. Strings handed out by Scanners stay valid.
func (r *Reader) Close() error {
	if r.zr != nil {
		r.zr.Close()
		r.zr = nil
	}
	return r.file.Close()
}

// Sources returns the files the cache was made from and the folder relative paths start
// from (read from the file at each call).
func (r *Reader) Sources() (base string, sources []Source, err error) {
	err = r.eachSource(func(b string, s Source) {
		base = b
		sources = append(sources, s)
	})
	return base, sources, err
}

func (r *Reader) eachSource(fn func(base string, s Source)) error {
	p, err := r.section(r.srcOff, "sources")
	if err != nil {
		return err
	}
	d := newDec(p, unsafe.String(unsafe.SliceData(p), len(p))) // p is ours alone
	base := d.str()
	n := d.count(3)
	for range n {
		s := Source{Path: d.str(), Size: int64(d.uint()), ModTime: d.int()}
		if d.err != nil {
			break
		}
		fn(base, s)
	}
	if d.err != nil {
		return fmt.Errorf("%s: sources: %w", r.path, d.err)
	}
	return nil
}

// ChangedSources compares the recorded sources with the files now on disk (size and
// modification time) and returns the paths of those that differ or are gone, in recorded
// order, how many were compared, and how many there are. Files added to a folder since are
// not seen. At most limit sources are compared (all when limit <= 0): every one when there
// are no more, else limit of them evenly spread over the list, first and last included —
// a stat costs a few microseconds, and an archive has a million files.
func (r *Reader) ChangedSources(limit int) (changed []string, checked, total int, err error) {
	if err = r.eachSource(func(string, Source) { total++ }); err != nil {
		return nil, 0, 0, err
	}
	i := 0
	err = r.eachSource(func(base string, s Source) {
		i++
		// Source i (1-based) is checked when the running count of checks due, i·limit/total
		// rounded down, steps up (with the last source always among them).
		if limit > 0 && total > limit && (i*limit)/total == ((i-1)*limit)/total {
			return
		}
		checked++
		p := s.Path
		if !filepath.IsAbs(p) && base != "" {
			p = filepath.Join(base, p)
		}
		info, err := os.Stat(p)
		if err != nil || info.Size() != s.Size || info.ModTime().UnixNano() != s.ModTime {
			changed = append(changed, s.Path)
		}
	})
	return changed, checked, total, err
}
