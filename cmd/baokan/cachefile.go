package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/baokan/baokan/analysis/tokens/cache"
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

// openCache opens the cache at path and warns, unless --quiet, when its sources changed
// since it was made (the cache is self-sufficient: changed or missing sources are no
// error).
func openCache(io *streams, o *corpusOptions, path string) (*cache.Reader, error) {
	cr, err := cache.Open(path)
	if err != nil {
		return nil, err
	}
	if !o.quiet {
		if changed := cr.ChangedSources(); len(changed) > 0 {
			fmt.Fprintf(io.err, "baokan: warning: %s: sources changed since indexing: %d of %d files differ or are gone (first: %s); run 'baokan index' again to see the changes\n",
				path, len(changed), len(cr.Header().Sources), changed[0])
		}
	}
	return cr, nil
}
