package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/baokan/baokan/corpus"
)

// Builder writes a cache from a read of the raw sources: give OnFileInfo to the reader
// (corpus.Options.OnFileInfo), Start it with the Writer once the settings are known, then
// Add every article with its words, in corpus order, and Finish. Files reach OnFileInfo
// from the reader's goroutine ahead of their articles; the Builder hands them to the
// Writer in order as the articles arrive, and records each source file (an archive's
// members as the archive) for ChangedSources.
type Builder struct {
	mu        sync.Mutex
	files     []corpus.FileInfo // read ahead of their articles
	w         *Writer
	sources   []Source
	remaining int  // articles of the current file not yet added
	keep      bool // record the sources (not for the embedded sample)
}

// NewBuilder returns a Builder; recordSources says whether the files read are files on
// disk whose sizes and times are worth recording (not an embedded sample).
func NewBuilder(recordSources bool) *Builder { return &Builder{keep: recordSources} }

// OnFileInfo queues a file the reader read; safe from any goroutine.
func (b *Builder) OnFileInfo(f corpus.FileInfo) {
	b.mu.Lock()
	b.files = append(b.files, f)
	b.mu.Unlock()
}

// Start sets the writer the articles go to.
func (b *Builder) Start(w *Writer) { b.w = w }

// Writer returns the writer given to Start.
func (b *Builder) Writer() *Writer { return b.w }

// Add writes an article and its words (those of its titles first, then its body, with
// their segmenter keys: Writer.AddArticle), after the files up to its own.
func (b *Builder) Add(a *corpus.Article, words []string, keys []uint32, titles int) error {
	if err := b.takeFiles(false); err != nil {
		return err
	}
	b.remaining--
	return b.w.AddArticle(a, words, keys, titles)
}

// takeFiles writes the files queued so far up to the one holding the next article (all
// of them at the end).
func (b *Builder) takeFiles(all bool) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.remaining == 0 && len(b.files) > 0 {
		f := b.files[0]
		b.files[0] = corpus.FileInfo{}
		b.files = b.files[1:] // the queue holds the files read ahead only
		if err := b.w.AddFile(f); err != nil {
			return err
		}
		// An archive's members come one after the other: one source for them all.
		if src := SourceOf(f.Path); b.keep && (len(b.sources) == 0 || b.sources[len(b.sources)-1].Path != src) {
			b.sources = append(b.sources, Source{Path: src})
		}
		b.remaining = f.Articles
		if all && b.remaining > 0 {
			return fmt.Errorf("index: %s: articles missing", f.Path)
		}
	}
	return nil
}

// Finish writes the files left (those without articles at the end), the sources as they
// are now on disk (paths relative to the working directory), and sum, the reader's final
// summary.
func (b *Builder) Finish(sum corpus.Summary) error {
	if err := b.takeFiles(true); err != nil {
		return err
	}
	base, _ := os.Getwd()
	for i := range b.sources {
		p := b.sources[i].Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(base, p)
		}
		if info, err := os.Stat(p); err == nil {
			b.sources[i].Size, b.sources[i].ModTime = info.Size(), info.ModTime().UnixNano()
		}
	}
	if !b.keep {
		base = "" // no file to check
	}
	return b.w.Finish(sum, base, b.sources)
}

// SourceOf returns the file on disk a path of the reader's stream comes from: the archive
// for ARCHIVE!MEMBER, the path itself otherwise.
func SourceOf(path string) string {
	if i := strings.Index(path, "!"); i > 0 {
		if a := strings.ToLower(path[:i]); strings.HasSuffix(a, ".zip") || strings.HasSuffix(a, ".tar.gz") || strings.HasSuffix(a, ".tgz") {
			return path[:i]
		}
	}
	return path
}

// TempFile is a cache being written under a fresh temporary name beside its destination
// (so that a FILE.tmp of the user's is never replaced, and a failed run leaves nothing):
// Commit renames it into place, Abort removes it.
type TempFile struct {
	*os.File
	dest string
}

// CreateTemp starts writing the cache that is to become dest (mode 0644: a cache is to
// share).
func CreateTemp(dest string) (*TempFile, error) {
	f, err := os.CreateTemp(filepath.Dir(dest), filepath.Base(dest)+".tmp*")
	if err != nil {
		return nil, err
	}
	t := &TempFile{File: f, dest: dest}
	if err := f.Chmod(0o644); err != nil {
		t.Abort()
		return nil, err
	}
	return t, nil
}

// Abort closes and removes the temporary file.
func (t *TempFile) Abort() {
	t.File.Close()
	os.Remove(t.Name())
}

// Commit closes the file and renames it to its destination.
func (t *TempFile) Commit() error {
	if err := t.File.Close(); err != nil {
		os.Remove(t.Name())
		return err
	}
	if err := os.Rename(t.Name(), t.dest); err != nil {
		os.Remove(t.Name())
		return err
	}
	return nil
}
