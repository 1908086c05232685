package tokens

import "strings"

// Vocabulary interns words as ids, numbered 0, 1, 2 … in the order they are first seen, so
// that counts can be kept in slices indexed by id and the numbering is deterministic for a
// deterministic stream. The zero Vocabulary is empty and ready to use.
type Vocabulary struct {
	ids   map[string]uint32
	terms []string
}

// ID returns the id of word, giving it the next id when it is new. A new word is copied:
// word may point into a buffer the caller reuses.
func (v *Vocabulary) ID(word string) uint32 {
	if id, ok := v.ids[word]; ok {
		return id
	}
	if v.ids == nil {
		v.ids = map[string]uint32{}
	}
	word = strings.Clone(word)
	id := uint32(len(v.terms))
	v.ids[word] = id
	v.terms = append(v.terms, word)
	return id
}

// Terms returns the words by id (term i has id i). The slice grows as ID adds words.
func (v *Vocabulary) Terms() []string { return v.terms }
