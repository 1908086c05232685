package main

import (
	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/analysis/tokens/cache"
)

// segmentation is the cutting the flags ask for, as a cache records it.
func (o *wordFlags) segmentation() cache.Segmentation {
	return cache.Segmentation{HMM: o.hmm, Dict: o.dict, CorpusWords: !o.noCorpusWords, Names: !o.noNames, NewWords: !o.noNewWords}
}

// segmentSettings are the settings a cache made with these flags records.
func (o *wordFlags) segmentSettings(words *tokens.CorpusWords) ([]cache.Setting, error) {
	return o.segmentation().Settings(words)
}

// checkSettings compares the segmentation flags given on the command line with those the
// cache at path was made with (h; nil only checks that the flags can be read).
func (o *wordFlags) checkSettings(path string, h *cache.Header) error {
	if h == nil {
		_, err := cache.DictHash(o.dict)
		return err
	}
	var given func(string) bool
	if o.flags != nil {
		given = o.flags.Changed
	}
	return h.Check(path, o.segmentation(), given)
}

// describeSettings renders a cache's segmentation settings as flags, for messages.
func describeSettings(h cache.Header) string { return h.Describe() }
