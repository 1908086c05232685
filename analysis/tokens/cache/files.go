package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/baokan/baokan/corpus"
)

// Ext is the extension of the cache files 'baokan index' writes.
const Ext = ".bki"

// IsCacheFile reports whether path names a cache: a file ending in .bki (whether or not it
// exists, so that a mistyped cache is not read as a folder of articles), or any regular
// file that starts with the cache magic.
func IsCacheFile(path string) bool {
	if strings.EqualFold(filepath.Ext(path), Ext) {
		return true
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular() && IsCache(path)
}

// Arg returns the cache among a command's sources, "" when they are all raw sources. A
// cache must be the only source.
func Arg(sources []string) (string, error) {
	for _, a := range sources {
		if !IsCacheFile(a) {
			continue
		}
		if len(sources) > 1 {
			return "", fmt.Errorf("%s is a cache made by 'baokan index': give it alone, not with other sources", a)
		}
		return a, nil
	}
	return "", nil
}

// SourcesChecked bounds the sources CheckSources compares with the disk (evenly spread
// over them): about 0.1 s of stat calls.
const SourcesChecked = 10000

// SourceCheck is the comparison of a cache's sources with the files on disk, run in the
// background while the cache is read (CheckSources). The cache is self-sufficient: changed
// or missing sources are a warning, not an error.
type SourceCheck struct {
	path    string
	done    chan struct{}
	changed []string
	checked int
	total   int
	err     error
	once    sync.Once
}

// CheckSources starts comparing the sources of r (opened from path) with the disk, on
// another goroutine: at most SourcesChecked of them, standard input left out. Report it
// before closing r.
func CheckSources(r *Reader, path string) *SourceCheck {
	c := &SourceCheck{path: path, done: make(chan struct{})}
	go func() {
		c.changed, c.checked, c.total, c.err = r.ChangedSources(SourcesChecked)
		// What was read from standard input has no file to compare.
		c.changed = slices.DeleteFunc(c.changed, func(p string) bool { return strings.HasPrefix(p, corpus.StdinPath) })
		close(c.done)
	}()
	return c
}

// Report waits for the check and writes its warnings to w, once (later calls write
// nothing); a nil check reports nothing.
func (c *SourceCheck) Report(w interface{ Write([]byte) (int, error) }) {
	if c == nil {
		return
	}
	c.once.Do(func() {
		<-c.done
		if c.err != nil {
			fmt.Fprintf(w, "baokan: warning: %v\n", c.err)
		}
		if changed := c.changed; len(changed) > 0 {
			of := fmt.Sprintf("%d files", c.total)
			if c.checked < c.total {
				of = fmt.Sprintf("%d files checked (of %d)", c.checked, c.total)
			}
			fmt.Fprintf(w, "baokan: warning: %s: sources changed since indexing: %d of %s differ or are gone (first: %s); run 'baokan index' again to see the changes\n",
				c.path, len(changed), of, changed[0])
		}
	})
}
