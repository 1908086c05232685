package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
)

// cacheExt is the extension of the files 'baokan index' writes.
const cacheExt = ".bki"

// cacheArg returns the cache named on the command line, "" when the arguments are raw
// sources. A cache (a .bki file, or any file starting with the cache magic) must be the
// only argument.
func cacheArg(args []string) (string, error) {
	for _, a := range args {
		if !isCacheFile(a) {
			continue
		}
		if len(args) > 1 {
			return "", fmt.Errorf("%s is a cache made by 'baokan index': give it alone, not with other sources", a)
		}
		return a, nil
	}
	return "", nil
}

func isCacheFile(path string) bool {
	if strings.EqualFold(filepath.Ext(path), cacheExt) {
		return true
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular() && cache.IsCache(path)
}

// openCache opens the cache at path and, unless --quiet, starts checking whether its
// sources changed since it was made: a stat of every source, run while the articles are
// read, reported when the first session closes. The cache is self-sufficient: changed or
// missing sources are a warning, not an error.
func openCache(o *corpusOptions, path string) (*cache.Reader, *sourceCheck, error) {
	cr, err := cache.Open(path)
	if err != nil {
		return nil, nil, err
	}
	if o.quiet {
		return cr, nil, nil
	}
	c := &sourceCheck{path: path, done: make(chan struct{})}
	go func() {
		c.changed, c.checked, c.total, c.err = cr.ChangedSources(sourcesChecked)
		// What was read from standard input has no file to compare.
		c.changed = slices.DeleteFunc(c.changed, func(p string) bool { return strings.HasPrefix(p, corpus.StdinPath) })
		close(c.done)
	}()
	return cr, c, nil
}

// sourcesChecked bounds the sources compared with the disk at each run (evenly spread over
// them): about 0.1 s of stat calls.
const sourcesChecked = 10000

// sourceCheck is the comparison of a cache's sources with the files on disk.
type sourceCheck struct {
	path    string
	done    chan struct{}
	changed []string
	checked int
	total   int
	err     error
	once    sync.Once
}

// report waits for the check and prints the warning, once; a nil check reports nothing.
func (c *sourceCheck) report(io *streams) {
	if c == nil {
		return
	}
	c.once.Do(func() {
		<-c.done
		if c.err != nil {
			fmt.Fprintf(io.err, "baokan: warning: %v\n", c.err)
		}
		if changed := c.changed; len(changed) > 0 {
			of := fmt.Sprintf("%d files", c.total)
			if c.checked < c.total {
				of = fmt.Sprintf("%d files checked (of %d)", c.checked, c.total)
			}
			fmt.Fprintf(io.err, "baokan: warning: %s: sources changed since indexing: %d of %s differ or are gone (first: %s); run 'baokan index' again to see the changes\n",
				c.path, len(changed), of, changed[0])
		}
	})
}
