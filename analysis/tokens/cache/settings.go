package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
)

// Names of the segmentation settings a cache records (Header.Settings), by convention
// after the command-line flags that set them.
const (
	SettingSegmenter       = "segmenter"           // gse's version and the segmenter's revision
	SettingHMM             = "hmm"                 // --hmm
	SettingDict            = "dict"                // --dict FILE, as given
	SettingDictHash        = "dict-sha256"         // SHA-256 of that file's bytes
	SettingCorpusWords     = "corpus-words"        // not --no-corpus-words
	SettingCorpusWordsHash = "corpus-words-sha256" // SHA-256 of the persons and topics added
	SettingNames           = "names"               // names found in the text added (not --no-names)
	SettingNewWords        = "new-words"           // new words found in the text added (not --no-new-words)
	SettingFoundHash       = "found-words-sha256"  // SHA-256 of the names and words found
)

// Segmentation is what changes how a corpus is cut, and so what a cache fixes when it is
// made: every other choice (the filters, --titles) is made when the cache is read.
type Segmentation struct {
	HMM         bool   // gse's DAG + HMM mode
	Dict        string // a user dictionary file, as given ("" for none)
	CorpusWords bool   // the corpus's RW persons and GJ topics added before cutting
	Names       bool   // the personal names found in the text added (with CorpusWords)
	NewWords    bool   // the new words found in the text added (with CorpusWords)
}

// Flag reads a true/false setting; a cache made before the setting existed has none, and
// was made without what it turns on.
func (h Header) Flag(name string) bool {
	v, _ := h.Setting(name)
	return v == "true"
}

// SegmenterIdentity names the segmentation code: the gse module version (which fixes its
// embedded dictionary) and segment.Revision (which fixes the walk over it). A cache made by
// another identity is refused.
func SegmenterIdentity() string {
	v := segment.GseVersion()
	if v == "" {
		v = "unknown"
	}
	return "gse " + v + ", baokan segment revision " + strconv.Itoa(segment.Revision)
}

// DictHash returns the SHA-256 of the dictionary file at path, "" for no path.
func DictHash(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("--dict: %w", err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// Settings are the settings a cache cut this way records; words are the corpus words the
// segmenter was given (nil without the corpus-words pass).
func (s Segmentation) Settings(words *tokens.CorpusWords) ([]Setting, error) {
	dh, err := DictHash(s.Dict)
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
	return []Setting{
		{Name: SettingSegmenter, Value: SegmenterIdentity()},
		{Name: SettingHMM, Value: strconv.FormatBool(s.HMM)},
		{Name: SettingDict, Value: s.Dict},
		{Name: SettingDictHash, Value: dh},
		{Name: SettingCorpusWords, Value: strconv.FormatBool(s.CorpusWords)},
		{Name: SettingCorpusWordsHash, Value: wordsHash},
		{Name: SettingNames, Value: strconv.FormatBool(s.CorpusWords && s.Names)},
		{Name: SettingNewWords, Value: strconv.FormatBool(s.CorpusWords && s.NewWords)},
		{Name: SettingFoundHash, Value: foundHash},
	}, nil
}

// Check compares the segmentation a run asks for with the one the cache at path (whose
// header is h) was made with. given tells which of the flags hmm, dict, no-corpus-words,
// no-names and no-new-words the user set (nil: none): those not given take the cache's
// values. The segmenter itself must be the one that made the cache. The error names both
// and says what to do.
func (h Header) Check(path string, s Segmentation, given func(flag string) bool) error {
	dh, err := DictHash(s.Dict)
	if err != nil {
		return err
	}
	changed := func(name string) bool { return given != nil && given(name) }
	get := func(name string) string { v, _ := h.Setting(name); return v }
	if seg := get(SettingSegmenter); seg != SegmenterIdentity() {
		return fmt.Errorf("%s was made by another segmenter (%s; this program has %s): run 'baokan index' again", path, seg, SegmenterIdentity())
	}
	var made, asked []string
	if changed("hmm") && get(SettingHMM) != strconv.FormatBool(s.HMM) {
		made = append(made, "--hmm="+get(SettingHMM))
		asked = append(asked, "--hmm="+strconv.FormatBool(s.HMM))
	}
	if changed("dict") && get(SettingDictHash) != dh {
		was := "no --dict"
		if get(SettingDictHash) != "" {
			was = "--dict " + get(SettingDict) + " (sha256 " + get(SettingDictHash)[:12] + ")"
		}
		now := "no --dict"
		if dh != "" {
			now = "--dict " + s.Dict + " (sha256 " + dh[:12] + ")"
		}
		made, asked = append(made, was), append(asked, now)
	}
	if changed("no-corpus-words") && get(SettingCorpusWords) != strconv.FormatBool(s.CorpusWords) {
		made = append(made, "--no-corpus-words="+strconv.FormatBool(get(SettingCorpusWords) != "true"))
		asked = append(asked, "--no-corpus-words="+strconv.FormatBool(!s.CorpusWords))
	}
	for _, f := range []struct {
		flag, setting string
		off           bool
	}{{"no-names", SettingNames, !s.Names}, {"no-new-words", SettingNewWords, !s.NewWords}} {
		if changed(f.flag) && h.Flag(f.setting) == f.off {
			made = append(made, "--"+f.flag+"="+strconv.FormatBool(!h.Flag(f.setting)))
			asked = append(asked, "--"+f.flag+"="+strconv.FormatBool(f.off))
		}
	}
	if len(made) > 0 {
		return fmt.Errorf("%s was made with %s; this run asks %s: run 'baokan index' again with these flags, or drop them",
			path, strings.Join(made, " "), strings.Join(asked, " "))
	}
	return nil
}

// Describe renders the header's segmentation settings as the flags that set them, for
// messages.
func (h Header) Describe() string {
	get := func(name string) string { v, _ := h.Setting(name); return v }
	parts := []string{"--hmm=" + get(SettingHMM)}
	if d := get(SettingDict); d != "" {
		parts = append(parts, "--dict "+d)
	}
	if get(SettingCorpusWords) != "true" {
		parts = append(parts, "--no-corpus-words")
	}
	if !h.Flag(SettingNames) {
		parts = append(parts, "--no-names")
	}
	if !h.Flag(SettingNewWords) {
		parts = append(parts, "--no-new-words")
	}
	return strings.Join(parts, " ")
}
