package cache

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/klauspost/compress/zstd"

	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/corpus"
)

// Block size bounds: a block is closed at the first file boundary after either is reached.
// Blocks are the unit of parallel decoding, so they are kept small enough for many of them
// to exist in a corpus, and large enough for zstd to compress well.
const (
	blockArticles = 256
	blockBodyText = 1 << 20
)

// Writer writes a cache. Feed it the stream of a corpus.Reader in order: AddFile for each
// file (corpus.Options.OnFileInfo gives them), then AddArticle for each of that file's
// articles, then Finish with the reader's summary. A Writer is not safe for concurrent use.
type Writer struct {
	w   *bufio.Writer
	off int64 // bytes written so far
	err error

	vocab tokens.Vocabulary

	meta, toks, body enc
	nfiles           int // files in the current block
	pending          int // articles the open file still expects
	pendingPath      string
	blockArts        int
	index            enc
	nblocks          int
	zw               *zstd.Encoder
	zbuf             []byte

	postings // the articles and positions of each word (postings.go)
	bodyIDs  []uint32
}

// NewWriter writes the magic, version and header (the settings) to w and returns a Writer
// for the rest. The caller closes w after Finish.
func NewWriter(w io.Writer, settings []Setting) (*Writer, error) {
	// zstd frames carry their own checksum (XXH64), checked when the body is read.
	zw, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1), zstd.WithEncoderCRC(true))
	if err != nil {
		return nil, err
	}
	cw := &Writer{w: bufio.NewWriterSize(w, 1<<20), zw: zw}
	var v [4]byte
	binary.LittleEndian.PutUint32(v[:], Version)
	cw.write([]byte(Magic))
	cw.write(v[:])
	var e enc
	e.uint(uint64(len(settings)))
	for _, s := range settings {
		e.str(s.Name)
		e.str(s.Value)
	}
	cw.section(e.b)
	return cw, cw.err
}

func (w *Writer) write(b []byte) {
	if w.err != nil {
		return
	}
	n, err := w.w.Write(b)
	w.off += int64(n)
	w.err = err
}

func (w *Writer) section(payload []byte) {
	var e enc
	e.uint(uint64(len(payload)))
	w.write(e.b)
	w.write(payload)
	var c [4]byte
	binary.LittleEndian.PutUint32(c[:], crc32.Checksum(payload, castagnoli))
	w.write(c[:])
}

// AddFile starts a file; its f.Articles articles follow with AddArticle.
func (w *Writer) AddFile(f corpus.FileInfo) error {
	if w.err != nil {
		return w.err
	}
	if w.pending > 0 {
		return fmt.Errorf("cache: %s: %d articles missing before the next file", w.pendingPath, w.pending)
	}
	if w.blockArts >= blockArticles || len(w.body.b) >= blockBodyText {
		w.flush()
	}
	w.meta.str(f.Path)
	w.meta.uint(uint64(f.Bytes))
	if f.Continued {
		w.meta.str(continuedMark)
	} else {
		w.meta.str(f.Encoding)
	}
	w.meta.uint(uint64(f.Skipped))
	w.meta.diagnostics(f.Diagnostics, f.Path)
	w.meta.uint(uint64(f.Articles))
	w.pending, w.pendingPath = f.Articles, f.Path
	w.nfiles++
	return w.err
}

// continuedMark stands in a file's encoding for a further part of a streamed file
// (corpus.FileInfo.Continued), which has no encoding of its own: older caches never hold it.
const continuedMark = "\x00continued"

// AddArticle adds the next article of the current file with the words cut from it,
// unfiltered: the first titles of them from its titles (kicker, title, subtitles, in that
// order), the rest from its body. keys, if not nil, holds the words' keys from the
// segmenter (segment.Segmenter.AppendKeyed), which intern them faster. The words are
// copied.
func (w *Writer) AddArticle(a *corpus.Article, words []string, keys []uint32, titles int) error {
	if w.err != nil {
		return w.err
	}
	if w.pending == 0 {
		return fmt.Errorf("cache: article %s:%d is not in the current file's count", a.Path, a.Line)
	}
	if titles < 0 || titles > len(words) || keys != nil && len(keys) != len(words) {
		return fmt.Errorf("cache: article %s:%d: %d words, %d keys, %d from the titles", a.Path, a.Line, len(words), len(keys), titles)
	}
	w.pending--
	w.meta.article(a, w.pendingPath)
	w.toks.uint(uint64(titles))
	w.toks.uint(uint64(len(words) - titles))
	w.bodyIDs = w.bodyIDs[:0]
	for i, t := range words {
		var id uint32
		if keys != nil {
			id = w.vocab.IDKeyed(t, keys[i])
		} else {
			id = w.vocab.ID(t)
		}
		w.toks.uint(uint64(id))
		if i >= titles {
			w.bodyIDs = append(w.bodyIDs, id)
		}
	}
	w.noteArticle(w.bodyIDs)
	w.body.list(a.Body)
	w.blockArts++
	return nil
}

// flush writes the current block and its index entry.
func (w *Writer) flush() {
	if w.nfiles == 0 {
		return
	}
	var files enc
	files.uint(uint64(w.nfiles))
	w.zbuf = w.zw.EncodeAll(w.body.b, w.zbuf[:0])
	metaCRC := crc32.Update(crc32.Checksum(files.b, castagnoli), castagnoli, w.meta.b)
	w.index.uint(uint64(w.off))
	w.index.uint(uint64(len(files.b) + len(w.meta.b)))
	w.index.uint(uint64(len(w.toks.b)))
	w.index.uint(uint64(len(w.zbuf)))
	w.index.uint(uint64(len(w.body.b)))
	w.index.uint(uint64(w.blockArts))
	w.index.uint(uint64(metaCRC))
	w.index.uint(uint64(crc32.Checksum(w.toks.b, castagnoli)))
	w.write(files.b)
	w.write(w.meta.b)
	w.write(w.toks.b)
	w.write(w.zbuf)
	w.nblocks++
	w.meta.b, w.toks.b, w.body.b = w.meta.b[:0], w.toks.b[:0], w.body.b[:0]
	w.blockArts, w.nfiles = 0, 0
}

// Terms returns the number of distinct words so far.
func (w *Writer) Terms() int { return len(w.vocab.Terms()) }

// Finish writes the last block, the vocabulary, the summary (the corpus.Reader's, after
// its last article), the sources (paths relative to base unless absolute), the index and
// the footer, and flushes. The Writer is done.
func (w *Writer) Finish(sum corpus.Summary, base string, sources []Source) error {
	if w.err == nil && w.pending > 0 {
		w.err = fmt.Errorf("cache: %s: %d articles missing at the end", w.pendingPath, w.pending)
	}
	w.flush()
	vocabOff := w.off
	var v enc
	v.uint(uint64(len(w.vocab.Terms())))
	for _, t := range w.vocab.Terms() {
		v.uint(uint64(len(t)))
	}
	for _, t := range w.vocab.Terms() {
		v.b = append(v.b, t...)
	}
	w.section(v.b)

	sumOff := w.off
	var s enc
	s.int(int64(sum.Files))
	s.int(sum.Bytes)
	s.int(int64(sum.Ignored))
	s.int(int64(sum.Articles))
	s.counts(sum.Skipped)
	s.counts(sum.FilesNoArticle)
	s.counts(sum.Diagnostics)
	s.counts(sum.ArticlesByKind)
	s.stringCounts(sum.Encodings)
	s.int(int64(sum.ArticlesProblems))
	s.counts(sum.NotRead) // added after version 1's first layout: readers take it if present
	w.section(s.b)

	srcOff := w.off
	var src enc
	src.str(base)
	src.uint(uint64(len(sources)))
	for _, s := range sources {
		src.str(s.Path)
		src.uint(uint64(s.Size))
		src.int(s.ModTime)
	}
	w.section(src.b)

	indexOff := w.off
	var ix enc
	ix.uint(uint64(w.nblocks))
	ix.b = append(ix.b, w.index.b...)
	w.section(ix.b)

	dir := w.writePostings(len(w.vocab.Terms()))
	wordsOff := w.off
	w.section(dir)

	var foot [footerSize]byte
	binary.LittleEndian.PutUint64(foot[0:], uint64(vocabOff))
	binary.LittleEndian.PutUint64(foot[8:], uint64(sumOff))
	binary.LittleEndian.PutUint64(foot[16:], uint64(srcOff))
	binary.LittleEndian.PutUint64(foot[24:], uint64(indexOff))
	binary.LittleEndian.PutUint64(foot[32:], uint64(wordsOff))
	copy(foot[40:], endMagic)
	w.write(foot[:])
	if w.err == nil {
		w.err = w.w.Flush()
	}
	w.zw.Close()
	err := w.err
	if err == nil {
		w.err = errors.New("cache: Finish called twice")
	}
	return err
}
