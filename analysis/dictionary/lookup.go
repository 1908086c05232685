package dictionary

import (
	"cmp"
	"regexp"
	"slices"
	"unsafe"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"

	"github.com/baokan/baokan/analysis/query"
)

// Matcher counts, in an article, the matches of each category of a dictionary. It is
// read-only once made: use it from several goroutines, each with a Counter of its own.
//
// What a match is, by kind of entry (a category's count adds up its kinds):
//
//   - word entries (a word, a "sequence", a /pattern/) are matched among the body's words as
//     cut, every word looked up once in a map of the dictionary's words (patterns tested
//     once a word per Counter), sequences by their first word. Occurrences of one category
//     that overlap count once, the longer first (quanteda's nested_scope = "key"): with
//     entries 美国 and "美国 政府", 美国 政府 counts once.
//   - text:"…" entries are matched in the kicker, title, subtitles and each body paragraph
//     (never across two of them) by one Aho–Corasick automaton of all the dictionary's
//     texts (github.com/petar-dambovaliev/aho-corasick, overlapping matches), text:/RE/ by
//     the regexp; occurrences of one category that overlap count once, leftmost first,
//     the longer first at one place: one text entry counts as strings.Count does.
//   - any other entry (with AND, OR, NOT, NEAR or a field: title:, person:, topic:, genre:,
//     page:) counts its hits as kwic shows them, or 1 when it matches with none.
type Matcher struct {
	dict *Dictionary
	n    int

	words    map[string][]int32 // single-word entries: word → categories (ascending, distinct)
	patterns []catPattern       // /RE/ over one word
	seqs     map[string][]seqEntry
	texts    []string // distinct text:"…" of the automaton
	textCats [][]int32
	ac       ahocorasick.AhoCorasick
	textRes  []catPattern // text:/RE/
	others   []otherEntry

	needWords, needText, needPersons bool

	bound []wordInfo // by vocabulary id (Bind): what the word starts
}

// wordInfo is what one word of the vocabulary starts: the categories of the single-word
// entries it matches, and whether a sequence begins with it.
type wordInfo struct {
	cats []int32
	seq  bool
}

// info computes the wordInfo of w.
func (m *Matcher) info(w string) wordInfo {
	var cats []int32
	if cs := m.words[w]; len(cs) > 0 {
		cats = slices.Clone(cs)
	}
	for _, p := range m.patterns {
		if !slices.Contains(cats, p.cat) && p.re.MatchString(w) {
			cats = append(cats, p.cat)
		}
	}
	_, seq := m.seqs[w]
	return wordInfo{cats, seq}
}

// Bind looks up every word of a vocabulary once, so that CountIDs matches words by their
// ids with no string looked up. Call it before making Counters; ids past the vocabulary
// (a vocabulary that grows while counting) are looked up by the Counter as they come.
func (m *Matcher) Bind(vocab []string) {
	m.bound = make([]wordInfo, len(vocab))
	for id, w := range vocab {
		m.bound[id] = m.info(w)
	}
}

type catPattern struct {
	re  *regexp.Regexp
	cat int32
}

type seqEntry struct {
	words []string
	cat   int32
}

type otherEntry struct {
	q   *query.Query
	cat int32
}

// NewMatcher prepares the dictionary's entries for matching.
func NewMatcher(d *Dictionary) *Matcher {
	m := &Matcher{dict: d, n: len(d.Categories), words: map[string][]int32{}, seqs: map[string][]seqEntry{}}
	textIndex := map[string]int{}
	for ci, c := range d.Categories {
		cat := int32(ci)
		for _, e := range c.Entries {
			q := e.Query
			m.needPersons = m.needPersons || q.NeedsPersons()
			switch n := q.Root.(type) {
			case *query.Word:
				if !slices.Contains(m.words[n.Word], cat) {
					m.words[n.Word] = append(m.words[n.Word], cat)
				}
				m.needWords = true
			case *query.Pattern:
				m.patterns = append(m.patterns, catPattern{n.Re, cat})
				m.needWords = true
			case *query.Seq:
				m.seqs[n.Words[0]] = append(m.seqs[n.Words[0]], seqEntry{n.Words, cat})
				m.needWords = true
			case *query.Text:
				m.needText = true
				if n.Re == nil && n.Sub == "" {
					m.others = append(m.others, otherEntry{q, cat}) // matches everywhere; no automaton pattern
					continue
				}
				if n.Re != nil {
					m.textRes = append(m.textRes, catPattern{n.Re, cat})
					continue
				}
				i, ok := textIndex[n.Sub]
				if !ok {
					i = len(m.texts)
					textIndex[n.Sub] = i
					m.texts = append(m.texts, n.Sub)
					m.textCats = append(m.textCats, nil)
				}
				if !slices.Contains(m.textCats[i], cat) {
					m.textCats[i] = append(m.textCats[i], cat)
				}
			default:
				m.others = append(m.others, otherEntry{q, cat})
				m.needWords = m.needWords || q.NeedsWords()
				m.needText = m.needText || q.NeedsText()
			}
		}
	}
	if len(m.texts) > 0 {
		b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch, DFA: true})
		m.ac = b.Build(m.texts)
	}
	return m
}

// Dictionary returns the matcher's dictionary.
func (m *Matcher) Dictionary() *Dictionary { return m.dict }

// NeedsWords says whether counting needs the body's words (query.Doc.Words).
func (m *Matcher) NeedsWords() bool { return m.needWords }

// OthersNeedWords says whether CountIDs needs query.Doc.Words too: the entries with
// operators or fields that look at words.
func (m *Matcher) OthersNeedWords() bool {
	for _, o := range m.others {
		if o.q.NeedsWords() {
			return true
		}
	}
	return false
}

// NeedsText says whether counting needs the articles' text.
func (m *Matcher) NeedsText() bool { return m.needText }

// NeedsPersons says whether counting needs query.Doc.Persons (a person: entry).
func (m *Matcher) NeedsPersons() bool { return m.needPersons }

// WordTerms returns the words of the word entries: those a segmenter must keep whole.
func (m *Matcher) WordTerms() []string {
	var ws []string
	for _, c := range m.dict.Categories {
		for _, e := range c.Entries {
			ws = append(ws, e.Query.WordTerms()...)
		}
	}
	return ws
}

// Counter counts with a Matcher on one goroutine.
type Counter struct {
	m       *Matcher
	memo    map[string][]int32 // with patterns: word → categories of its single-word entries
	next    []int              // per category: the first word not yet taken by a match
	startAt []int              // per category: where its last match began
	spans   []textSpan
	extra   []wordInfo // ids past the Matcher's bound vocabulary, from len(bound) on
	known   []bool     // of extra: looked up already
}

type textSpan struct {
	cat        int32
	start, end int
}

// NewCounter returns a Counter of m.
func (m *Matcher) NewCounter() *Counter {
	c := &Counter{m: m, next: make([]int, m.n), startAt: make([]int, m.n)}
	if len(m.patterns) > 0 {
		c.memo = map[string][]int32{}
	}
	return c
}

// Count sets counts[i] (len(counts) = the number of categories) to the matches of category
// i in d: the article, its body's words as cut (all of them, in order) and, when the
// dictionary has person: entries, its persons.
func (c *Counter) Count(d *query.Doc, counts []int) {
	m := c.m
	clear(counts)
	if len(m.words) > 0 || len(m.patterns) > 0 || len(m.seqs) > 0 {
		c.countWords(d.Words, counts)
	}
	c.countRest(d, counts)
}

// countRest counts the text entries and the others.
func (c *Counter) countRest(d *query.Doc, counts []int) {
	m := c.m
	if len(m.texts) > 0 || len(m.textRes) > 0 {
		a := d.Article
		c.countText(a.Kicker, counts)
		c.countText(a.Title, counts)
		for _, s := range a.Subtitles {
			c.countText(s, counts)
		}
		for _, p := range a.Body {
			c.countText(p, counts)
		}
	}
	for _, o := range m.others {
		if ok, hits := o.q.Hits(d); ok {
			counts[o.cat] += max(1, len(hits))
		}
	}
}

// singles returns the categories of the single-word entries matching w.
func (c *Counter) singles(w string) []int32 {
	m := c.m
	if c.memo == nil {
		return m.words[w]
	}
	if cats, ok := c.memo[w]; ok {
		return cats
	}
	cats := slices.Clone(m.words[w])
	for _, p := range m.patterns {
		if !slices.Contains(cats, p.cat) && p.re.MatchString(w) {
			cats = append(cats, p.cat)
		}
	}
	c.memo[w] = cats
	return cats
}

// CountIDs is Count with the body's words given as ids into vocab (d.Words may be nil
// unless the dictionary has entries with operators or fields): each id is looked up in the
// table Bind made, or once per Counter for ids past it.
func (c *Counter) CountIDs(d *query.Doc, ids []uint32, vocab []string, counts []int) {
	m := c.m
	clear(counts)
	if len(m.words) > 0 || len(m.patterns) > 0 || len(m.seqs) > 0 {
		c.countIDs(ids, vocab, counts)
	}
	c.countRest(d, counts)
}

func (c *Counter) wordInfo(id uint32, vocab []string) *wordInfo {
	if int(id) < len(c.m.bound) {
		return &c.m.bound[id]
	}
	i := int(id) - len(c.m.bound)
	if i >= len(c.extra) {
		c.extra = append(c.extra, make([]wordInfo, i+1-len(c.extra))...)
		c.known = append(c.known, make([]bool, i+1-len(c.known))...)
	}
	if !c.known[i] {
		c.extra[i], c.known[i] = c.m.info(vocab[id]), true
	}
	return &c.extra[i]
}

func (c *Counter) countIDs(ids []uint32, vocab []string, counts []int) {
	clear(c.next)
	for i, id := range ids {
		info := c.wordInfo(id, vocab)
		for _, cat := range info.cats {
			c.take(counts, cat, i, 1)
		}
		if !info.seq {
			continue
		}
		for _, s := range c.m.seqs[vocab[id]] {
			if i+len(s.words) > len(ids) {
				continue
			}
			j := 1
			for j < len(s.words) && vocab[ids[i+j]] == s.words[j] {
				j++
			}
			if j == len(s.words) {
				c.take(counts, s.cat, i, len(s.words))
			}
		}
	}
}

// take counts a match of cat over the words i to i+n, unless it overlaps the category's
// previous match: matches are taken leftmost first and, at one word, the longest.
func (c *Counter) take(counts []int, cat int32, i, n int) {
	switch {
	case i >= c.next[cat]:
		counts[cat]++
		c.next[cat], c.startAt[cat] = i+n, i
	case c.startAt[cat] == i:
		c.next[cat] = max(c.next[cat], i+n) // a longer match at the same word
	}
}

// countWords counts the word entries' matches, leftmost first and, at one word, the
// longest, without overlap within a category.
func (c *Counter) countWords(words []string, counts []int) {
	clear(c.next)
	for i, w := range words {
		for _, cat := range c.singles(w) {
			c.take(counts, cat, i, 1)
		}
		for _, s := range c.m.seqs[w] {
			if i+len(s.words) <= len(words) && slices.Equal(words[i:i+len(s.words)], s.words) {
				c.take(counts, s.cat, i, len(s.words))
			}
		}
	}
}

// countText counts the text entries' matches in s.
func (c *Counter) countText(s string, counts []int) {
	if s == "" {
		return
	}
	m := c.m
	spans := c.spans[:0]
	if len(m.texts) > 0 {
		// The automaton only reads the haystack: no copy of s is needed.
		it := m.ac.IterOverlappingByte(unsafe.Slice(unsafe.StringData(s), len(s)))
		for x := it.Next(); x != nil; x = it.Next() {
			for _, cat := range m.textCats[x.Pattern()] {
				spans = append(spans, textSpan{cat, x.Start(), x.End()})
			}
		}
	}
	for _, p := range m.textRes {
		for _, loc := range p.re.FindAllStringIndex(s, -1) {
			spans = append(spans, textSpan{p.cat, loc[0], loc[1]})
		}
	}
	c.spans = spans
	if len(spans) == 0 {
		return
	}
	slices.SortFunc(spans, func(a, b textSpan) int {
		return cmp.Or(cmp.Compare(a.cat, b.cat), cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	end := -1
	for i, sp := range spans {
		if i > 0 && sp.cat != spans[i-1].cat {
			end = -1
		}
		if sp.start >= end {
			counts[sp.cat]++
			end = max(sp.end, sp.start+1)
		}
	}
}
