// Package segment cuts Chinese text into words with github.com/go-ego/gse, and is the only
// package of baokan that imports gse.
//
// gse keeps state in package globals, logs instead of returning errors and finds data through
// its source path (see STYLE.md). This package hides all of that:
//
//   - the Chinese dictionary is the one embedded in gse (simplified + traditional, data/dict/zh,
//     587,207 entries), loaded by New with gse's logging off; gse reads nothing from disk. In
//     shortest-path mode gse itself is not loaded: the dictionary gse's load gives is saved
//     once in the user's cache folder, as jieba saves its own, and read back in about 0.1 s
//     instead of 2 (base.go);
//   - every word a caller adds (corpus persons and topics, a user dictionary) is added by New,
//     before the first cut, because adding a token while another goroutine cuts is a data race
//     in gse; after New a Segmenter is immutable and safe for concurrent use (tested with -race);
//   - the HMM model, a package-global map in gse/hmm, is written once per process (sync.Once)
//     instead of by every loaded dictionary, so loading a second Segmenter while another one
//     cuts in HMM mode does not race either.
//
// Two modes: the default is gse's shortest-path segmentation (gse.Segmenter.Cut(text) with no
// flag: maximise the product of the dictionary probabilities of the words, unknown characters
// alone), which this package reimplements on an index of gse's dictionary (shortest.go): the
// same words, token for token, about four times as fast as gse's Cut and without allocating;
// with Options.HMM, gse's DAG + HMM segmentation (gse Cut(text, true), the jieba
// algorithm: maximum-probability path on the word DAG, then a B/M/E/S Viterbi HMM over runs of
// single characters, which recognises words absent from the dictionary).
//
// Tokens are substrings of the input (the original case of Latin letters is kept although gse
// lower-cases internally); whitespace is never a token. A Filter then drops stop words,
// punctuation, numbers, Latin tokens and short tokens in place.
//
// Person names added (Options.Words and Options.Found tagged nr) are not left hidden in
// longer dictionary words that only add a title or a function character to them (布什总统,
// 和普京, 雷锋式): those words are demoted, see hidden.go.
package segment

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/go-ego/gse/hmm"
)

// Word is a dictionary entry to add: its text, its frequency (0: chosen by New so that the
// word is kept whole, see Options.Words) and an optional part-of-speech tag.
type Word struct {
	Text string
	Freq float64
	Pos  string
}

// Options configures New. The zero value gives gse's shortest-path segmentation with its
// embedded dictionary alone.
type Options struct {
	// HMM selects gse's DAG + HMM mode, which finds words missing from the dictionary
	// (about 3 MB/s a core on the PKU test text here, against about 30 for the default
	// mode and 7 for gse's own shortest-path Cut).
	HMM bool

	// Words are added to the dictionary as given, for instance a user dictionary read by
	// ParseDict or the persons a persons layer has recognised.
	//
	// A Word with Freq 0 receives the automatic frequency, high enough that the shortest
	// path keeps it whole (f = max(f_dict(w), 200, T · 2^-(C(w) − 10)), see autoFreq); a
	// word already in gse's dictionary is raised to that frequency, never lowered. A Word
	// with Freq > 0 gets exactly that frequency, replacing the dictionary's (gse itself
	// ignores a word already present, and its file loaders drop frequencies below 2: New
	// does neither).
	Words []Word

	// Candidates are raw entries (RW persons, GJ topics) that are added, with the automatic
	// frequency, only if they pass the conservative rule of IsWordCandidate and are not a
	// run-together list of names (see Segmenter.Rejected). Duplicates are ignored.
	Candidates []string

	// Found are strings found in the corpus itself (analysis/lexicon: names, new words),
	// added after Candidates, with the automatic frequency and their Pos, only where the
	// dictionary needs them: a string the dictionary has already (as any word) is left as
	// it is, and so is one of four or more characters whose best cut into dictionary words
	// has no one-character piece (a compound of known words, 改革开放). Words and
	// Candidates win over them.
	Found []Word

	// Gather, if set, is called on its own goroutine while New loads and indexes the
	// dictionary, and the words and candidates it returns are added before Words and
	// Candidates (so that those win). A first pass over a corpus to collect its persons and
	// topics runs beside the load. An error from Gather ends New.
	Gather func() (words []Word, candidates []string, found []Word, err error)
}

// Revision numbers this package's segmentation: raise it with any change that cuts some
// text differently (the walk, the frequencies given to added words, the candidate rule),
// so that stored segmentations (analysis/tokens/cache) made before are refused.
const Revision = 2

// Mode names for Segmenter.Mode.
const (
	ModeShortestPath = "shortest-path"
	ModeHMM          = "dag+hmm"
)

// Segmenter cuts text into words. It is built completely by New and never changes afterwards,
// so one Segmenter may be shared by any number of goroutines.
type Segmenter struct {
	gse      gse.Segmenter
	hmm      bool
	added    []string
	demoted  []string // dictionary words that hid a name (hidden.go)
	rejected []Rejection

	// index is gse's dictionary as the shortest-path mode reads it (nil in HMM mode), and
	// states the working memory of its cuts (*cutState), see shortest.go. gse itself is
	// loaded in HMM mode only.
	index  *wordIndex
	states sync.Pool

	// dict answers New's lookups (nil after New); changes are the words New added or
	// changed, in order (the tests rebuild the same dictionary in gse from them).
	dict    dictionary
	changes []Word
}

// dictionary is what New looks up while it plans the words to add.
type dictionary interface {
	// find returns the frequency and part of speech of word if it is a dictionary word
	// (ASCII letters in either case).
	find(word string) (freq float64, pos string, ok bool)
	// totalFreq is the dictionary's total frequency.
	totalFreq() float64
}

// gseDict is the dictionary of a loaded gse Segmenter (HMM mode).
type gseDict struct{ d *gse.Dictionary }

func (g gseDict) find(word string) (float64, string, bool) {
	key := dictKey(word)
	if _, _, err := g.d.Value(key); err != nil {
		return 0, "", false // gse's Find also says yes, with frequency 0, for a prefix
	}
	return g.d.Find(key)
}

func (g gseDict) totalFreq() float64 { return g.d.TotalFreq() }

// hmmModelOnce guards gse/hmm's package-global emission tables: hmm.LoadModel writes them
// and every HMM cut reads them, so they are written once per process and never again.
var hmmModelOnce sync.Once

// New loads gse's embedded Chinese dictionary, adds opts.Words and the accepted
// opts.Candidates, and returns a Segmenter ready for concurrent use. In shortest-path mode
// it takes about 0.5 s and keeps about 60 MB (`baokan segment </dev/null` peaks at 150 MB),
// once the dictionary is saved (see loadBase; the first time, 2 s more); in HMM mode gse
// loads it, 1.6–2.3 s (626 MB allocated, about 190 MB kept), plus about 1 s when words
// change the dictionary (gse recomputes every path length). Build one Segmenter and share it.
func New(opts Options) (*Segmenter, error) {
	if err := checkWords(opts.Words); err != nil {
		return nil, err // before the 2-second load
	}
	// Gather the caller's further words while the dictionary loads.
	type gathered struct {
		words      []Word
		candidates []string
		found      []Word
		err        error
	}
	more := make(chan gathered, 1)
	if opts.Gather != nil {
		go func() {
			var g gathered
			g.words, g.candidates, g.found, g.err = opts.Gather()
			more <- g
		}()
	} else {
		more <- gathered{}
	}
	s := &Segmenter{hmm: opts.HMM}
	g := &s.gse
	var ix *wordIndex
	var loadErr error
	if opts.HMM {
		if loadErr = loadGse(g); loadErr == nil {
			s.dict = gseDict{g.Dict}
		}
	} else {
		// The shortest-path mode needs gse's dictionary only (loadBase), not gse.
		var b *dictBase
		if b, loadErr = loadBase(); loadErr == nil {
			ix = newIndex(b)
			s.dict = ix
		}
	}
	extra := <-more
	if loadErr != nil {
		return nil, loadErr
	}
	if extra.err != nil {
		return nil, extra.err
	}
	if err := checkWords(extra.words); err != nil {
		return nil, err
	}
	opts.Words = append(extra.words, opts.Words...)
	opts.Candidates = append(extra.candidates, opts.Candidates...)
	opts.Found = append(extra.found, opts.Found...)
	if opts.HMM {
		hmmModelOnce.Do(func() { hmm.LoadModel() })
	}

	changed := false
	planned := s.plan(opts)
	demoted := make(map[string]bool, len(s.demoted))
	for _, w := range s.demoted {
		demoted[w] = true
	}
	for _, w := range planned {
		if !demoted[w.Text] {
			s.added = append(s.added, w.Text)
		}
		f, pos, present := s.dict.find(w.Text)
		if present && f == w.Freq && (w.Pos == "" || w.Pos == pos) {
			continue // already there as wanted
		}
		s.changes = append(s.changes, w)
		changed = true
		if ix != nil {
			ix.add(w.Text, w.Freq, w.Pos)
			continue
		}
		// gse's AddToken keeps the old entry of a word already present; ReAddToken deletes
		// it from the trie first (and fails when there is none).
		add := g.AddToken
		if present {
			add = g.ReAddToken
		}
		if err := add(w.Text, w.Freq, w.Pos); err != nil {
			return nil, fmt.Errorf("segment: adding %q: %w", w.Text, err)
		}
	}
	if changed && opts.HMM {
		g.CalcToken() // path lengths depend on every frequency and on the new total
	}
	if ix != nil {
		// The index computes the path lengths itself from the frequencies and the total.
		s.index = ix.freeze()
	}
	s.dict = nil // New's alone: the frozen index keeps no lookup structure
	sort.Strings(s.added)
	return s, nil
}

// checkWords rejects empty words, words with spaces and frequencies that are not finite
// numbers ≥ 0.
func checkWords(words []Word) error {
	for i, w := range words {
		text := strings.TrimSpace(w.Text)
		if text == "" {
			return fmt.Errorf("segment: Words[%d] is empty", i)
		}
		if strings.ContainsFunc(text, unicode.IsSpace) {
			return fmt.Errorf("segment: Words[%d] %q contains a space", i, text)
		}
		if w.Freq < 0 || math.IsNaN(w.Freq) || math.IsInf(w.Freq, 0) {
			return fmt.Errorf("segment: Words[%d] %q has frequency %v", i, text, w.Freq)
		}
	}
	return nil
}

// plan resolves the words to add, in the order given (Words, then accepted
// Candidates), with their final frequencies. It only reads the dictionary.
func (s *Segmenter) plan(opts Options) []Word {
	var out []Word
	index := make(map[string]int)
	add := func(w Word) {
		if i, ok := index[w.Text]; ok {
			out[i] = w // a later entry for the same word wins
			return
		}
		index[w.Text] = len(out)
		out = append(out, w)
	}
	for _, w := range opts.Words {
		w.Text = strings.TrimSpace(w.Text)
		if w.Freq == 0 {
			w.Freq = autoFreq(s.dict, w.Text)
		}
		add(w)
	}
	accepted, rejected := s.selectCandidates(opts.Candidates, index)
	s.rejected = rejected
	for _, c := range accepted {
		add(Word{Text: c, Freq: autoFreq(s.dict, c)})
	}
	for _, w := range opts.Found {
		w.Text = strings.TrimSpace(w.Text)
		if _, ok := index[w.Text]; ok || w.Text == "" || strings.ContainsFunc(w.Text, unicode.IsSpace) {
			continue
		}
		if _, _, ok := s.dict.find(w.Text); ok {
			continue
		}
		if utf8.RuneCountInString(w.Text) >= 4 && !splitHasSingle(s.dict, w.Text) {
			continue
		}
		w.Freq = autoFreq(s.dict, w.Text)
		add(w)
	}
	// Names hidden in longer dictionary words (hidden.go).
	var names []string
	for _, list := range [][]Word{opts.Words, opts.Found} {
		for _, w := range list {
			if strings.HasPrefix(w.Pos, "nr") {
				names = append(names, strings.TrimSpace(w.Text))
			}
		}
	}
	explicit := make(map[string]int, len(opts.Words))
	for _, w := range opts.Words {
		if !strings.HasPrefix(w.Pos, "nr") {
			explicit[strings.TrimSpace(w.Text)] = 0
		}
	}
	for _, w := range s.hiddenNames(names, explicit) {
		if _, ok := index[w.Text]; !ok {
			s.demoted = append(s.demoted, w.Text)
			add(w)
		}
	}
	return out
}

// AutoFreqMargin is how much more probable (as a power of two) an added word is made than the
// best segmentation of its own characters: 2^10 = 1024 times, enough to survive a neighbour
// that forms a word with its first or last character in most sentences.
const AutoFreqMargin = 10

// autoFreqFloor is the least automatic frequency: about that of a well-known name in gse's
// dictionary (迟浩田 130, 肯尼迪 192, 赫鲁晓夫 218).
const autoFreqFloor = 200

// autoFreq is the frequency New gives to an added word whose frequency is not stated:
//
//	f = max(f_dict(w), 200, T · 2^-(C(w) − 10))
//
// where T is the dictionary's total frequency, f_dict(w) the frequency w already has (0 if
// none), and C(w) the length of the shortest path through w's characters in at least two
// pieces, the cost gse's shortest-path segmentation gives the best way of splitting w
// (Σ log2(T / f_i) over the pieces; a character missing from the dictionary costs 32, as in
// gse). Then log2(T/f) ≤ C(w) − 10: keeping w whole is at least 2^10 = 1024 times more
// probable than any split of it, which survives a neighbour forming a word with w's first or
// last character in practice. A word already frequent enough keeps its frequency. Rounded up.
func autoFreq(d dictionary, word string) float64 {
	total := d.totalFreq()
	f := math.Ceil(total * math.Exp2(-(splitCost(d, word) - AutoFreqMargin)))
	f = max(f, autoFreqFloor)
	if old, _, ok := d.find(word); ok {
		f = max(f, old)
	}
	return f
}

// splitCost is the least Σ log2(T/f) over the cuts of word into two or more dictionary
// pieces, a single character missing from the dictionary costing 32 (gse's pseudo-token
// distance). Pieces are gse's units: one character, or one run of ASCII letters and digits.
func splitCost(d dictionary, word string) float64 {
	logTotal := math.Log2(d.totalFreq())
	units := new(gse.Segmenter).SplitTextToWords([]byte(word)) // gse's units, dictionary aside
	n := len(units)
	cost := make([]float64, n+1)
	for j := 1; j <= n; j++ {
		cost[j] = math.Inf(1)
	}
	var key []byte
	for i := 0; i < n; i++ {
		if math.IsInf(cost[i], 1) {
			continue
		}
		key = key[:0]
		for j := i + 1; j <= n; j++ {
			key = append(key, units[j-1]...)
			if i == 0 && j == n {
				break // the whole word is not a split
			}
			piece := math.Inf(1)
			if f, _, ok := d.find(string(key)); ok && f > 0 {
				piece = logTotal - math.Log2(f)
			} else if j == i+1 {
				piece = 32
			}
			cost[j] = min(cost[j], cost[i]+piece)
		}
	}
	if n < 2 {
		return 32 // a single unit cannot be split: as costly as an unknown character
	}
	return cost[n]
}

// splitHasSingle reports whether the best cut of word into two or more dictionary pieces
// (as splitCost) has a piece of one character.
func splitHasSingle(d dictionary, word string) bool {
	units := []rune(word)
	n := len(units)
	logTotal := math.Log2(d.totalFreq())
	cost := make([]float64, n+1)
	single := make([]bool, n+1)
	for j := 1; j <= n; j++ {
		cost[j] = math.Inf(1)
	}
	for i := 0; i < n; i++ {
		if math.IsInf(cost[i], 1) {
			continue
		}
		for j := i + 1; j <= n; j++ {
			if i == 0 && j == n {
				break
			}
			piece := math.Inf(1)
			if f, _, ok := d.find(string(units[i:j])); ok && f > 0 {
				piece = logTotal - math.Log2(f)
			} else if j == i+1 {
				piece = 32
			}
			if c := cost[i] + piece; c < cost[j] {
				cost[j], single[j] = c, single[i] || j == i+1
			}
		}
	}
	return single[n]
}

// Mode returns ModeShortestPath or ModeHMM.
func (s *Segmenter) Mode() string {
	if s.hmm {
		return ModeHMM
	}
	return ModeShortestPath
}

// Added returns the words New put in the dictionary (Words and accepted Candidates, including
// those already there with the wanted frequency), sorted.
func (s *Segmenter) Added() []string { return append([]string(nil), s.added...) }

// Rejected returns the Candidates New did not add, with the reason, sorted by entry.
func (s *Segmenter) Rejected() []Rejection { return append([]Rejection(nil), s.rejected...) }

// Cut returns the words of text in order, punctuation included, whitespace left out. Each
// word is a substring of text.
func (s *Segmenter) Cut(text string) []string {
	return s.AppendTokens(nil, text)
}

// AppendTokens appends the words of text to dst and returns the extended slice. In the
// shortest-path mode, with a reused dst, it allocates nothing.
func (s *Segmenter) AppendTokens(dst []string, text string) []string {
	if s.index != nil {
		st := s.shortestCut(text)
		for k := len(st.spans) - 1; k >= 0; k-- {
			dst = append(dst, text[st.spans[k].Start:st.spans[k].End])
		}
		s.release(st)
		return dst
	}
	s.walkHMM(text, func(start, end int) {
		dst = append(dst, text[start:end])
	})
	return dst
}

// AppendKeyed is AppendTokens that also appends to keys, for each word, the number of the
// dictionary entry the word is: a key from 1 to KeyLimit()-1, or 0 when it is none (a
// character or letter run the dictionary lacks, a word written with capitals the dictionary
// holds in lower case, and every word in HMM mode). Two words with the same key other than
// 0 are the same string, so the key can stand for the word where hashing the text would
// cost more (tokens.Vocabulary interns by key). Keys number this Segmenter's entries only.
func (s *Segmenter) AppendKeyed(dst []string, keys []uint32, text string) ([]string, []uint32) {
	if s.index != nil {
		st := s.shortestCut(text)
		for k := len(st.spans) - 1; k >= 0; k-- {
			dst = append(dst, text[st.spans[k].Start:st.spans[k].End])
			keys = append(keys, st.keys[k])
		}
		s.release(st)
		return dst, keys
	}
	s.walkHMM(text, func(start, end int) {
		dst = append(dst, text[start:end])
		keys = append(keys, 0)
	})
	return dst, keys
}

// KeyLimit bounds the keys AppendKeyed gives: every key is below it.
func (s *Segmenter) KeyLimit() int {
	if s.index == nil {
		return 1
	}
	return len(s.index.nodes) + 1
}

// Span is a word's byte offsets in the text it was cut from: text[Start:End].
type Span struct{ Start, End int }

// AppendSpans appends the byte spans of the words of text to dst, as AppendTokens does the
// words; concordances and windows need the offsets.
func (s *Segmenter) AppendSpans(dst []Span, text string) []Span {
	if s.index != nil {
		st := s.shortestCut(text)
		for k := len(st.spans) - 1; k >= 0; k-- {
			dst = append(dst, st.spans[k])
		}
		s.release(st)
		return dst
	}
	s.walkHMM(text, func(start, end int) {
		dst = append(dst, Span{start, end})
	})
	return dst
}

// walkHMM maps the words of gse's HMM cut back to text. gse lower-cases the whole string with
// strings.ToLower, which keeps the number of runes (not always of bytes), and its words
// concatenate to that string, so the words are aligned on text by rune counts.
func (s *Segmenter) walkHMM(text string, emit func(start, end int)) {
	if text == "" {
		return
	}
	pos := 0
	for _, w := range s.gse.Cut(text, true) {
		start := pos
		for n := utf8.RuneCountInString(w); n > 0 && pos < len(text); n-- {
			_, size := utf8.DecodeRuneInString(text[pos:])
			pos += size
		}
		word := text[start:pos]
		perRune := utf8.RuneCountInString(word) > 1 && isPunct(word)
		// gse's HMM keeps a run of punctuation ("。”") as one word, and may glue white space
		// to a neighbour (" ７"): cut punctuation runs into characters, words at white space.
		runStart := -1
		for i := 0; i <= len(word); {
			r, size := utf8.DecodeRuneInString(word[i:])
			if i == len(word) || unicode.IsSpace(r) || perRune {
				if runStart >= 0 {
					emit(start+runStart, start+i)
					runStart = -1
				}
				if i == len(word) {
					break
				}
				if perRune && !unicode.IsSpace(r) {
					emit(start+i, start+i+size)
				}
			} else if runStart < 0 {
				runStart = i
			}
			i += size
		}
	}
}

// dictKey is word as gse's trie stores it: ASCII letters lower-cased.
func dictKey(word string) []byte {
	key := []byte(word)
	for i, c := range key {
		if 'A' <= c && c <= 'Z' {
			key[i] = c + 'a' - 'A'
		}
	}
	return key
}

func isSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
