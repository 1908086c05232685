package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/analysis/tokens/cache"
)

// Names of the segmentation settings a cache records.
const (
	settingSegmenter       = "segmenter"           // gse's version and our segmenter's revision
	settingHMM             = "hmm"                 // --hmm
	settingDict            = "dict"                // --dict FILE, as given
	settingDictHash        = "dict-sha256"         // SHA-256 of that file's bytes
	settingCorpusWords     = "corpus-words"        // not --no-corpus-words
	settingCorpusWordsHash = "corpus-words-sha256" // SHA-256 of the persons and topics added
	settingNames           = "names"               // names found in the text added (not --no-names)
	settingNewWords        = "new-words"           // new words found in the text added (not --no-new-words)
	settingFoundHash       = "found-words-sha256"  // SHA-256 of the names and words found
)

// flagSetting reads a true/false setting; a cache made before the setting existed has
// none, and was made without what it turns on.
func flagSetting(h *cache.Header, name string) bool {
	v, _ := h.Setting(name)
	return v == "true"
}

// segmenterIdentity names the segmentation code: the gse module version (which fixes its
// embedded dictionary) and segment.Revision (which fixes our walk over it).
func segmenterIdentity() string {
	v := segment.GseVersion()
	if v == "" {
		v = "unknown"
	}
	return "gse " + v + ", baokan segment revision " + strconv.Itoa(segment.Revision)
}

// dictHash returns the SHA-256 of the --dict file, "" without one.
func (o *wordFlags) dictHash() (string, error) {
	if o.dict == "" {
		return "", nil
	}
	data, err := os.ReadFile(o.dict)
	if err != nil {
		return "", fmt.Errorf("--dict: %w", err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// segmentSettings are the settings a cache made with these flags records.
func (o *wordFlags) segmentSettings(words *tokens.CorpusWords) ([]cache.Setting, error) {
	dh, err := o.dictHash()
	if err != nil {
		return nil, err
	}
	wordsHash := ""
	if words != nil {
		h := sha256.New()
		for _, list := range [][]string{words.Persons, words.Topics} {
			for _, w := range list {
				h.Write([]byte(w))
				h.Write([]byte{'\n'})
			}
			h.Write([]byte{0})
		}
		wordsHash = hex.EncodeToString(h.Sum(nil))
	}
	foundHash := ""
	if words != nil && words.Found != nil {
		h := sha256.New()
		for _, e := range words.Found {
			h.Write([]byte(e.Kind + "\t" + e.Text + "\n"))
		}
		foundHash = hex.EncodeToString(h.Sum(nil))
	}
	return []cache.Setting{
		{Name: settingSegmenter, Value: segmenterIdentity()},
		{Name: settingHMM, Value: strconv.FormatBool(o.hmm)},
		{Name: settingDict, Value: o.dict},
		{Name: settingDictHash, Value: dh},
		{Name: settingCorpusWords, Value: strconv.FormatBool(!o.noCorpusWords)},
		{Name: settingCorpusWordsHash, Value: wordsHash},
		{Name: settingNames, Value: strconv.FormatBool(o.findsWords() && !o.noNames)},
		{Name: settingNewWords, Value: strconv.FormatBool(o.findsWords() && !o.noNewWords)},
		{Name: settingFoundHash, Value: foundHash},
	}, nil
}

// checkSettings compares the segmentation flags given on the command line with those the
// cache at path was made with (h; nil only checks that the flags can be read). Flags not
// given take the cache's values; the segmenter itself must be the one that made it.
func (o *wordFlags) checkSettings(path string, h *cache.Header) error {
	dh, err := o.dictHash()
	if err != nil || h == nil {
		return err
	}
	changed := func(name string) bool { return o.flags != nil && o.flags.Changed(name) }
	get := func(name string) string { v, _ := h.Setting(name); return v }
	if seg := get(settingSegmenter); seg != segmenterIdentity() {
		return fmt.Errorf("%s was made by another segmenter (%s; this program has %s): run 'baokan index' again", path, seg, segmenterIdentity())
	}
	var made, asked []string
	if changed("hmm") && get(settingHMM) != strconv.FormatBool(o.hmm) {
		made = append(made, "--hmm="+get(settingHMM))
		asked = append(asked, "--hmm="+strconv.FormatBool(o.hmm))
	}
	if changed("dict") && get(settingDictHash) != dh {
		was := "no --dict"
		if get(settingDictHash) != "" {
			was = "--dict " + get(settingDict) + " (sha256 " + get(settingDictHash)[:12] + ")"
		}
		now := "no --dict"
		if dh != "" {
			now = "--dict " + o.dict + " (sha256 " + dh[:12] + ")"
		}
		made, asked = append(made, was), append(asked, now)
	}
	if changed("no-corpus-words") && get(settingCorpusWords) != strconv.FormatBool(!o.noCorpusWords) {
		made = append(made, "--no-corpus-words="+strconv.FormatBool(get(settingCorpusWords) != "true"))
		asked = append(asked, "--no-corpus-words="+strconv.FormatBool(o.noCorpusWords))
	}
	for _, f := range []struct {
		flag, setting string
		off           bool
	}{{"no-names", settingNames, o.noNames}, {"no-new-words", settingNewWords, o.noNewWords}} {
		if changed(f.flag) && flagSetting(h, f.setting) == f.off {
			made = append(made, "--"+f.flag+"="+strconv.FormatBool(!flagSetting(h, f.setting)))
			asked = append(asked, "--"+f.flag+"="+strconv.FormatBool(f.off))
		}
	}
	if len(made) > 0 {
		return fmt.Errorf("%s was made with %s; this run asks %s: run 'baokan index' again with these flags, or drop them",
			path, strings.Join(made, " "), strings.Join(asked, " "))
	}
	return nil
}

// describeSettings renders a cache's segmentation settings as flags, for messages.
func describeSettings(h cache.Header) string {
	get := func(name string) string { v, _ := h.Setting(name); return v }
	parts := []string{"--hmm=" + get(settingHMM)}
	if d := get(settingDict); d != "" {
		parts = append(parts, "--dict "+d)
	}
	if get(settingCorpusWords) != "true" {
		parts = append(parts, "--no-corpus-words")
	}
	if !flagSetting(&h, settingNames) {
		parts = append(parts, "--no-names")
	}
	if !flagSetting(&h, settingNewWords) {
		parts = append(parts, "--no-new-words")
	}
	return strings.Join(parts, " ")
}
