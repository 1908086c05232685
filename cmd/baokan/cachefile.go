package main

import "github.com/baokan/baokan/analysis/tokens/cache"

// cacheArg returns the cache named on the command line, "" when the arguments are raw
// sources (cache.Arg).
func cacheArg(args []string) (string, error) { return cache.Arg(args) }

// openCache opens the cache at path and, unless --quiet, starts checking whether its
// sources changed since it was made (reported when the first session closes).
func openCache(o *corpusOptions, path string) (*cache.Reader, *cache.SourceCheck, error) {
	cr, err := cache.Open(path)
	if err != nil {
		return nil, nil, err
	}
	if o.quiet {
		return cr, nil, nil
	}
	return cr, cache.CheckSources(cr, path), nil
}
