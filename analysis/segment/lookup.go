package segment

import (
	"strings"
	"sync"
)

// Lookup tells whether a string is a word of gse's dictionary, and whether that word is
// tagged a person name (nr, nrf, nrfg …). It reads the same saved dictionary as New (loaded
// once per process and shared), so a corpus pass may ask about word boundaries while the
// segmenter loads.
type Lookup struct{ words map[string]bool } // word → tagged nr

var (
	lookupOnce sync.Once
	lookupVal  *Lookup
	lookupErr  error
)

// DictionaryLookup returns the Lookup of gse's dictionary, built once per process.
func DictionaryLookup() (*Lookup, error) {
	lookupOnce.Do(func() {
		b, err := loadBase()
		if err != nil {
			lookupErr = err
			return
		}
		l := &Lookup{words: make(map[string]bool, len(b.keys))}
		for i, k := range b.keys {
			l.words[k] = strings.HasPrefix(b.pos[i], "nr")
		}
		lookupVal = l
	})
	return lookupVal, lookupErr
}

// Word reports whether w is a dictionary word and whether it is tagged a person name.
func (l *Lookup) Word(w string) (ok, nr bool) {
	if l == nil {
		return false, false
	}
	nr, ok = l.words[string(dictKey(w))] // Han words have no letters to lower: no copy kept
	return ok, nr
}
