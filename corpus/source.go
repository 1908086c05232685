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
	"path/filepath"
	"sort"
	"strings"
)

// A unit is one file to parse: a file on disk (read by a worker) or an archive member whose
// bytes were read in order by the producer.
type unit struct {
	path string // what articles will carry
	disk string // file to read, when data is nil
	fsys fs.FS  // or a file of an fs.FS (embedded sample)
	data []byte
	err  error // the unit could not be read; reported as a read_error diagnostic
}

func (u unit) read() ([]byte, error) {
	switch {
	case u.err != nil:
		return nil, u.err
	case u.data != nil:
		return u.data, nil
	case u.fsys != nil:
		return fs.ReadFile(u.fsys, u.disk)
	default:
		return readFile(u.disk)
	}
}

// resolveSources checks that every source exists (expanding glob patterns) before reading
// starts, so that a mistyped path fails at once. A source is a file, a folder, a glob
// pattern, or a .zip / .tar.gz / .tgz archive.
func resolveSources(sources []string) ([]string, error) {
	var out []string
	for _, src := range sources {
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

func isArchive(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".zip") || strings.HasSuffix(n, ".tar.gz") || strings.HasSuffix(n, ".tgz")
}

// producer walks the sources in order and emits units. ignored counts files in folders
// and archives that are not article files.
type producer struct {
	ctx     context.Context
	emit    func(unit) bool // false: stop
	ignored int
}

func (p *producer) source(src string) bool {
	info, err := os.Stat(src)
	if err != nil {
		return p.emit(unit{path: src, err: err})
	}
	if !info.IsDir() {
		if isArchive(src) {
			return p.archive(src)
		}
		return p.emit(unit{path: src, disk: src})
	}
	// WalkDir visits in lexical order, so the stream order is fixed. It does not follow a
	// root that is a symbolic link to a folder unless the root ends with a separator.
	root := src
	if l, err := os.Lstat(src); err == nil && l.Mode()&fs.ModeSymlink != 0 {
		root = src + string(filepath.Separator)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if p.ctx.Err() != nil {
			return p.ctx.Err()
		}
		if err != nil {
			if !p.emit(unit{path: path, err: err}) {
				return context.Canceled
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
			return nil
		case isArchive(path):
			if !p.archive(path) {
				return context.Canceled
			}
		case isArticleFile(path):
			if !p.emit(unit{path: path, disk: path}) {
				return context.Canceled
			}
		default:
			p.ignored++
		}
		return nil
	})
	return err == nil
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
			p.ignored++
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
	if strings.EqualFold(filepath.Ext(name), ".zip") {
		return p.zip(name)
	}
	return p.tar(name)
}

// zip emits the article files of a .zip archive, sorted by member name.
func (p *producer) zip(name string) bool {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return p.emit(unit{path: name, err: fmt.Errorf("open zip: %w", err)})
	}
	defer zr.Close()
	files := make([]*zip.File, 0, len(zr.File))
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		if !isArticleFile(f.Name) {
			p.ignored++
			continue
		}
		files = append(files, f)
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	for _, f := range files {
		u := unit{path: name + "!" + f.Name}
		rc, err := f.Open()
		if err == nil {
			u.data, err = io.ReadAll(rc)
			rc.Close()
		}
		if err != nil {
			u.err = err
		} else if u.data == nil {
			u.data = []byte{}
		}
		if !p.emit(u) {
			return false
		}
	}
	return true
}

// tar emits the article files of a .tar.gz archive in archive order (a gzip stream can only
// be read from the start).
func (p *producer) tar(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return p.emit(unit{path: name, err: err})
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return p.emit(unit{path: name, err: fmt.Errorf("open gzip: %w", err)})
	}
	defer gz.Close()
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return p.emit(unit{path: name, err: fmt.Errorf("read tar: %w", err)})
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		if !isArticleFile(h.Name) {
			p.ignored++
			continue
		}
		data, err := io.ReadAll(tr)
		u := unit{path: name + "!" + h.Name, data: data, err: err}
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
