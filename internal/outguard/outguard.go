// Package outguard checks, before a command reads anything or opens anything for writing,
// that the files it will write are neither its sources nor inside them, and that they can
// be written: so that no run ever destroys its input, and a run that cannot write its
// result fails at once instead of after minutes of reading.
//
// A source is a file, a folder or an archive named on the command line (glob patterns are
// expanded as the corpus reader expands them), or an input file given to a flag (--dict,
// --stopwords...). An output is refused when it:
//   - is a source (the same file: os.SameFile, so hard links and symbolic links count);
//   - lies inside a source folder (after resolving symbolic links), where it would be read
//     again by the next run, or by this one;
//   - is an existing folder where a file is wanted, or an existing file where a folder is;
//   - lies in a folder that does not exist or cannot be written.
package outguard

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Guard holds the sources of one run.
type Guard struct {
	sources []source
}

type source struct {
	name string      // as given
	abs  string      // absolute, symbolic links resolved
	info os.FileInfo // followed (os.Stat)
}

// New records the sources. Names that do not exist are skipped (the reader reports them);
// "-" (standard input) and "" are skipped; glob patterns are expanded.
func New(sources ...string) *Guard {
	g := &Guard{}
	for _, s := range sources {
		g.Add(s)
	}
	return g
}

// Add records one more source (a name as for New).
func (g *Guard) Add(name string) {
	if name == "" || name == "-" {
		return
	}
	names := []string{name}
	if _, err := os.Stat(name); err != nil && strings.ContainsAny(name, "*?[") {
		if m, err := filepath.Glob(name); err == nil {
			sort.Strings(m)
			names = m
		}
	}
	for _, n := range names {
		info, err := os.Stat(n)
		if err != nil {
			continue
		}
		g.sources = append(g.sources, source{name: n, abs: resolve(n), info: info})
	}
}

// resolve returns the absolute path of name with symbolic links resolved as far as the
// path exists (the missing tail is kept as written).
func resolve(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		return filepath.Clean(name)
	}
	var tail []string
	p := abs
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(append([]string{r}, tail...)...)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return abs
		}
		tail = append([]string{filepath.Base(p)}, tail...)
		p = parent
	}
}

// within reports whether path lies inside (or is) the folder dir; both are resolved.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// Error is a refused output: the flag, the path and why.
type Error struct {
	Flag   string // "-o", "--chart"...
	Path   string
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("%s %s: %s", e.Flag, e.Path, e.Reason) }

// CheckFile checks that the file path may be written for flag (named in the error): it is
// not a source nor inside a source folder, it is not a folder, and its folder exists and
// can be written. "" and "-" (standard output) pass. Nothing is created or changed.
func (g *Guard) CheckFile(flag, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if err := g.checkNotSource(flag, path); err != nil {
		return err
	}
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return &Error{flag, path, "is a folder; give a file name"}
	case err == nil:
		if !info.Mode().IsRegular() {
			return nil // a device or a pipe (/dev/null, /dev/stdout): written as a stream
		}
		if !writable(path) {
			return &Error{flag, path, "cannot be written (permission denied)"}
		}
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return checkParent(flag, path)
	default: // "not a directory": a file on the way
		if perr := checkParent(flag, path); perr != nil {
			return perr
		}
		return &Error{flag, path, err.Error()}
	}
}

// CheckDir checks that the folder dir may receive the files names (relative to dir): dir
// is not a source, not inside a source folder, and holds no source among names; it is a
// folder or can be created (its nearest existing parent is a folder that can be written).
// Nothing is created or changed.
func (g *Guard) CheckDir(flag, dir string, names ...string) error {
	if dir == "" {
		return &Error{flag, dir, "no folder given"}
	}
	if err := g.checkNotSource(flag, dir); err != nil {
		return err
	}
	for _, n := range names {
		if err := g.checkNotSource(flag, filepath.Join(dir, n)); err != nil {
			return err
		}
	}
	info, err := os.Stat(dir)
	switch {
	case err == nil && !info.IsDir():
		return &Error{flag, dir, "is a file, not a folder"}
	case err == nil:
		if !writable(dir) {
			return &Error{flag, dir, "cannot be written (permission denied)"}
		}
		return nil
	default:
		// Created with its parents: the nearest existing ancestor must be a writable folder.
		p := filepath.Dir(filepath.Clean(dir))
		for {
			info, err := os.Stat(p)
			if err == nil {
				if !info.IsDir() {
					return &Error{flag, dir, fmt.Sprintf("cannot be created: %s is a file", p)}
				}
				if !writable(p) {
					return &Error{flag, dir, fmt.Sprintf("cannot be created: %s cannot be written", p)}
				}
				return nil
			}
			parent := filepath.Dir(p)
			if parent == p {
				return &Error{flag, dir, "cannot be created"}
			}
			p = parent
		}
	}
}

// checkNotSource refuses path when it is a source or lies inside a source folder.
func (g *Guard) checkNotSource(flag, path string) error {
	abs := resolve(path)
	info, statErr := os.Stat(path)
	for _, s := range g.sources {
		if statErr == nil && os.SameFile(info, s.info) || abs == s.abs {
			what := "a source of this run"
			if s.info.IsDir() {
				what = "a source folder of this run"
			}
			return &Error{flag, path, fmt.Sprintf("is %s (%s): refusing to write over it", what, s.name)}
		}
		if s.info.IsDir() && within(abs, s.abs) {
			return &Error{flag, path, fmt.Sprintf("is inside the source folder %s: refusing to write there (the output would be read as input); write it elsewhere", s.name)}
		}
	}
	return nil
}

// checkParent checks that the folder of the new file path exists and can be written.
func checkParent(flag, path string) error {
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{flag, path, fmt.Sprintf("cannot be created: no folder %s", dir)}
	case err != nil:
		return &Error{flag, path, err.Error()}
	case !info.IsDir():
		return &Error{flag, path, fmt.Sprintf("cannot be created: %s is not a folder", dir)}
	case !writable(dir):
		return &Error{flag, path, fmt.Sprintf("cannot be created: %s cannot be written (permission denied)", dir)}
	}
	return nil
}
