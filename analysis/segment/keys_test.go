package segment

import (
	"slices"
	"strings"
	"testing"
)

// TestAppendKeyed checks the keys against gse's own dictionary on the real articles (with
// the corpus words added) and on hand-made text: the words are AppendTokens's; a word with a
// key is in gse's trie as written (Dictionary.Value finds its exact bytes) and the key is
// the index node that a walk of its units reaches; a word without one is either absent from
// gse's trie or written with capitals; and one key never stands for two different strings.
func TestAppendKeyed(t *testing.T) {
	for _, s := range []*Segmenter{plainSegmenter(t), wordsSegmenter(t)} {
		var texts []string
		for _, a := range readSample(t) {
			texts = append(texts, a.topics...)
			texts = append(texts, a.body...)
		}
		texts = append(texts, "NATO组织和nato组织", "X光、Ｘ光与x光", "卡拉OK", "2003年WTO", "\xff\xfe坏字节", "𠀀𪚥汉字")
		wordOf := map[uint32]string{}
		keyed, unkeyed := 0, 0
		for _, text := range texts {
			words, keys := s.AppendKeyed(nil, nil, text)
			if want := s.AppendTokens(nil, text); !slices.Equal(words, want) {
				t.Fatalf("%q: AppendKeyed words %q, AppendTokens %q", text, words, want)
			}
			if len(keys) != len(words) {
				t.Fatalf("%q: %d words, %d keys", text, len(words), len(keys))
			}
			for i, w := range words {
				k := keys[i]
				_, _, err := gseOf(t, s).Dict.Value([]byte(w))
				inGse := err == nil
				if k == 0 {
					unkeyed++
					if inGse && !strings.ContainsAny(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
						t.Errorf("%q: %q is in gse's dictionary as written but has no key", text, w)
					}
					continue
				}
				keyed++
				if int(k) >= s.KeyLimit() {
					t.Errorf("%q: key %d ≥ KeyLimit %d", w, k, s.KeyLimit())
				}
				if !inGse {
					t.Errorf("%q: key %d for a word gse's trie lacks", w, k)
				}
				if e := indexWord(s.index, w); e == nil || e != &s.index.nodes[k-1] {
					t.Errorf("%q: key %d is not the node its units lead to", w, k)
				}
				if prev, ok := wordOf[k]; ok && prev != w {
					t.Errorf("key %d stands for %q and %q", k, prev, w)
				}
				wordOf[k] = w
			}
		}
		if keyed < 10000 || unkeyed == 0 {
			t.Errorf("%d words with a key, %d without: the sample should give many of both", keyed, unkeyed)
		}
	}
}

// TestAppendKeyedHMM: in HMM mode no word has a key.
func TestAppendKeyedHMM(t *testing.T) {
	s := hmmSegmenter(t)
	words, keys := s.AppendKeyed(nil, nil, "中华人民共和国成立了")
	if len(words) == 0 || len(keys) != len(words) || slices.ContainsFunc(keys, func(k uint32) bool { return k != 0 }) {
		t.Errorf("words %q keys %v: want one 0 key a word", words, keys)
	}
}
