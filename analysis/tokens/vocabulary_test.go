package tokens

import (
	"slices"
	"testing"
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
