package tokens

import (
	"slices"
	"testing"

	"github.com/baokan/baokan/analysis/segment"
)

// TestVocabulary: ids in first-seen order (worked by hand), a repeated word keeps its id,
// and a word is copied, not kept pointing into the caller's buffer.
func TestVocabulary(t *testing.T) {
	var v Vocabulary
	buf := []byte("苏联")
	var got []uint32
	for _, w := range []string{"古巴", string(buf), "古巴", "美国"} {
		got = append(got, v.ID(w))
	}
	if want := []uint32{0, 1, 0, 2}; !slices.Equal(got, want) {
		t.Errorf("ids %v, want %v", got, want)
	}
	copy(buf, "中国")
	if want := []string{"古巴", "苏联", "美国"}; !slices.Equal(v.Terms(), want) {
		t.Errorf("terms %q, want %q", v.Terms(), want)
	}
}

// TestVocabularyIDKeyed: mixing keyed and unkeyed words (key 0) gives the ids ID gives for
// the same stream, worked by hand; a key far beyond the others grows the table.
func TestVocabularyIDKeyed(t *testing.T) {
	var v Vocabulary
	words := []string{"古巴", "苏联", "古巴", "USA", "美国", "苏联", "USA", "古巴"}
	keys := []uint32{7, 3, 0, 0, 900000, 3, 0, 7}
	var got []uint32
	for i, w := range words {
		got = append(got, v.IDKeyed(w, keys[i]))
	}
	if want := []uint32{0, 1, 0, 2, 3, 1, 2, 0}; !slices.Equal(got, want) {
		t.Errorf("ids %v, want %v", got, want)
	}
	if want := []string{"古巴", "苏联", "USA", "美国"}; !slices.Equal(v.Terms(), want) {
		t.Errorf("terms %q, want %q", v.Terms(), want)
	}
}

// BenchmarkVocabulary interns the words of the sample's articles (titles and bodies, cut
// unfiltered, as the cache writer receives them), by text (ID) and by the segmenter's keys
// (IDKeyed), into one Vocabulary for the whole run: in a corpus nearly every word is one
// seen before.
//
//	go test -run '^$' -bench Vocabulary ./analysis/tokens
func BenchmarkVocabulary(b *testing.B) {
	tok := newTokenizer(b, 1)
	tok.Filter = segment.Filter{KeepPunct: true, KeepNumbers: true, KeepLatin: true}
	tok.Text = TitleAndBody
	var words []string
	var keys []uint32
	for _, a := range sample(b) {
		words, keys, _ = tok.SplitKeyed(words, keys, a)
	}
	b.Run("ID", func(b *testing.B) {
		var v Vocabulary
		for range b.N {
			for _, w := range words {
				v.ID(w)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	})
	b.Run("IDKeyed", func(b *testing.B) {
		var v Vocabulary
		for range b.N {
			for i, w := range words {
				v.IDKeyed(w, keys[i])
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	})
}
