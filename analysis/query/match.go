package query

import (
	"slices"
	"strings"

	"github.com/baokan/baokan/corpus"
)

// Span is a hit: the body words Start to End (exclusive), counted from 0 among the words as
// cut.
type Span struct{ Start, End int }

// Doc is what a query is matched against: the article, the words cut from its body (all
// of them, in order) and its persons. Words may be nil when the query needs none
// (Query.NeedsWords), Persons when it needs none (NeedsPersons). IDs, if set, are the
// words' ids in the vocabulary given to Query.Bind (matching then looks no string up).
type Doc struct {
	Article *corpus.Article
	Words   []string
	IDs     []uint32
	Persons []string

	offsets []wordOffset // computed on demand for text: hits
}

type wordOffset struct{ para, start, end int } // byte offsets in the paragraph; para -1: not found

// Query is a parsed query ready to match. It is not safe for concurrent use (Bind's
// tables aside, matching keeps no state, but Bind must come before).
type Query struct {
	Root  Node
	src   string
	bound bool // Bind was called: word terms hold their tables
	vocab []string
}

// Compile parses q.
func Compile(q string) (*Query, error) {
	n, err := Parse(q)
	if err != nil {
		return nil, err
	}
	return &Query{Root: n, src: q}, nil
}

// String is the query as given.
func (q *Query) String() string { return q.src }

// walk calls fn on every node.
func walk(n Node, fn func(Node)) {
	fn(n)
	switch n := n.(type) {
	case *And:
		for _, k := range n.Kids {
			walk(k, fn)
		}
	case *Or:
		for _, k := range n.Kids {
			walk(k, fn)
		}
	case *Not:
		walk(n.Kid, fn)
	case *Near:
		walk(n.L, fn)
		walk(n.R, fn)
	}
}

// NeedsWords says whether matching needs the body's words (a word term, a NEAR).
func (q *Query) NeedsWords() bool {
	need := false
	walk(q.Root, func(n Node) {
		switch n.(type) {
		case *Word, *Seq, *Pattern, *Near:
			need = true
		}
	})
	return need
}

// NeedsText says whether matching needs the body text (text:).
func (q *Query) NeedsText() bool {
	need := false
	walk(q.Root, func(n Node) {
		if _, ok := n.(*Text); ok {
			need = true
		}
	})
	return need
}

// NeedsPersons says whether matching needs Doc.Persons (person:).
func (q *Query) NeedsPersons() bool {
	need := false
	walk(q.Root, func(n Node) {
		if f, ok := n.(*Field); ok && f.Name == "person" {
			need = true
		}
	})
	return need
}

// WordTerms returns the words of the query's word terms (Word and Seq), in query order:
// those a segmenter must keep whole.
func (q *Query) WordTerms() []string {
	var ws []string
	walk(q.Root, func(n Node) {
		switch n := n.(type) {
		case *Word:
			ws = append(ws, n.Word)
		case *Seq:
			ws = append(ws, n.Words...)
		}
	})
	return ws
}

// Bind precomputes, for the words of vocab (indexed by id), which word terms they match,
// so that documents given with IDs are matched by table lookups. Later documents must
// give IDs into this vocabulary (or none).
func (q *Query) Bind(vocab []string) {
	q.bound, q.vocab = true, vocab
	is := func(word string) []bool {
		t := make([]bool, len(vocab))
		for id, w := range vocab {
			t[id] = w == word
		}
		return t
	}
	walk(q.Root, func(n Node) {
		switch n := n.(type) {
		case *Word:
			n.ids = is(n.Word)
		case *Pattern:
			t := make([]bool, len(vocab))
			for id, w := range vocab {
				t[id] = n.Re.MatchString(w)
			}
			n.ids = t
		case *Seq:
			n.ids = nil
			for _, sw := range n.Words {
				n.ids = append(n.ids, is(sw))
			}
		}
	})
}

// table is the id table of a word term, when bound and d has ids.
func (q *Query) table(n Node, d *Doc) []bool {
	if !q.bound || d.IDs == nil {
		return nil
	}
	switch n := n.(type) {
	case *Word:
		return n.ids
	case *Pattern:
		return n.ids
	case seqKey:
		return n.s.ids[n.i]
	}
	return nil
}

// seqKey names the table of one word of a sequence.
type seqKey struct {
	s *Seq
	i int
}

func (seqKey) String() string { return "" }
func (seqKey) position() int  { return 0 }

// Match reports whether d matches.
func (q *Query) Match(d *Doc) bool {
	ok, _ := q.eval(q.Root, d, false)
	return ok
}

// Hits returns whether d matches and, if so, its hits (sorted by start then end, without
// duplicates). The slice is new.
func (q *Query) Hits(d *Doc) (bool, []Span) {
	ok, spans := q.eval(q.Root, d, true)
	if !ok {
		return false, nil
	}
	return true, normalize(spans)
}

func normalize(s []Span) []Span {
	slices.SortFunc(s, func(a, b Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	return slices.Compact(s)
}

// eval matches n; with spans, it also gives its hits.
func (q *Query) eval(n Node, d *Doc, spans bool) (bool, []Span) {
	switch n := n.(type) {
	case *Word, *Pattern:
		if !spans {
			return q.anyWord(n, d), nil
		}
		s := q.wordSpans(n, d)
		return len(s) > 0, s
	case *Seq:
		s := q.seqSpans(n, d, !spans)
		return len(s) > 0, s
	case *Text:
		return q.text(n, d, spans)
	case *Field:
		return field(n, d), nil
	case *Not:
		ok, _ := q.eval(n.Kid, d, false)
		return !ok, nil
	case *And:
		var all []Span
		for _, k := range n.Kids {
			ok, s := q.eval(k, d, spans)
			if !ok {
				return false, nil
			}
			all = append(all, s...)
		}
		return true, all
	case *Or:
		var all []Span
		matched := false
		for _, k := range n.Kids {
			ok, s := q.eval(k, d, spans)
			if ok {
				matched = true
				if !spans {
					return true, nil
				}
				all = append(all, s...)
			}
		}
		return matched, all
	case *Near:
		s := q.near(n, d, !spans)
		return len(s) > 0, s
	}
	return false, nil
}

// wordIs reports whether word i of d matches the word term n.
func (q *Query) wordIs(n Node, d *Doc, i int) bool {
	if t := q.table(n, d); t != nil {
		id := d.IDs[i]
		return int(id) < len(t) && t[id]
	}
	switch n := n.(type) {
	case *Word:
		return d.Words[i] == n.Word
	case *Pattern:
		return n.Re.MatchString(d.Words[i])
	case seqKey:
		return d.Words[i] == n.s.Words[n.i]
	}
	return false
}

func (q *Query) docLen(d *Doc) int {
	if d.IDs != nil && q.bound {
		return len(d.IDs)
	}
	return len(d.Words)
}

func (q *Query) anyWord(n Node, d *Doc) bool {
	if t := q.table(n, d); t != nil {
		for _, id := range d.IDs {
			if int(id) < len(t) && t[id] {
				return true
			}
		}
		return false
	}
	for i := range q.docLen(d) {
		if q.wordIs(n, d, i) {
			return true
		}
	}
	return false
}

func (q *Query) wordSpans(n Node, d *Doc) []Span {
	var s []Span
	if t := q.table(n, d); t != nil {
		for i, id := range d.IDs {
			if int(id) < len(t) && t[id] {
				s = append(s, Span{i, i + 1})
			}
		}
		return s
	}
	for i := range q.docLen(d) {
		if q.wordIs(n, d, i) {
			s = append(s, Span{i, i + 1})
		}
	}
	return s
}

func (q *Query) seqSpans(n *Seq, d *Doc, first bool) []Span {
	var s []Span
	L := q.docLen(d)
	k := len(n.Words)
	for i := 0; i+k <= L; i++ {
		j := 0
		for j < k && q.wordIs(seqKey{n, j}, d, i+j) {
			j++
		}
		if j == k {
			s = append(s, Span{i, i + k})
			if first {
				break
			}
		}
	}
	return s
}

// positions gives the hits of a NEAR operand.
func (q *Query) positions(n Node, d *Doc) []Span {
	_, s := q.eval(n, d, true)
	return normalize(s)
}

func (q *Query) near(n *Near, d *Doc, first bool) []Span {
	ls := q.positions(n.L, d)
	if len(ls) == 0 {
		return nil
	}
	return nearSpans(ls, q.positions(n.R, d), n.N, first)
}

// nearSpans pairs the hits of NEAR's operands (each normalized) that lie within n words of
// each other, without overlapping: a pair's span runs from the first word of one to the
// last of the other. With first, the first pair found is enough.
func nearSpans(ls, rs []Span, n int, first bool) []Span {
	var out []Span
	for _, a := range ls {
		for _, b := range rs {
			var gap int
			switch {
			case a.End <= b.Start:
				gap = b.Start - a.End
			case b.End <= a.Start:
				gap = a.Start - b.End
			default:
				continue // overlapping occurrences are not two words
			}
			if gap <= n {
				out = append(out, Span{min(a.Start, b.Start), max(a.End, b.End)})
				if first {
					return out
				}
			}
		}
	}
	return out
}

// text matches raw text in titles and body paragraphs; its hits are the body words the
// occurrences overlap.
func (q *Query) text(n *Text, d *Doc, spans bool) (bool, []Span) {
	a := d.Article
	matched := false
	find := func(s string) [][]int {
		if n.Re != nil {
			return n.Re.FindAllStringIndex(s, -1)
		}
		var locs [][]int
		for off := 0; ; {
			i := strings.Index(s[off:], n.Sub)
			if i < 0 {
				return locs
			}
			locs = append(locs, []int{off + i, off + i + len(n.Sub)})
			off += i + max(len(n.Sub), 1)
			if off > len(s) {
				return locs
			}
		}
	}
	has := func(s string) bool {
		if n.Re != nil {
			return n.Re.MatchString(s)
		}
		return strings.Contains(s, n.Sub)
	}
	for _, s := range titles(a) {
		if has(s) {
			matched = true
			if !spans {
				return true, nil
			}
			break
		}
	}
	var out []Span
	for p, para := range a.Body {
		if !spans {
			if has(para) {
				return true, nil
			}
			continue
		}
		locs := find(para)
		if len(locs) == 0 {
			continue
		}
		matched = true
		if d.Words == nil {
			continue
		}
		offs := d.wordOffsets()
		for _, l := range locs {
			sp := Span{-1, -1}
			for i, o := range offs {
				if o.para == p && o.start < l[1] && o.end > l[0] {
					if sp.Start < 0 {
						sp.Start = i
					}
					sp.End = i + 1
				}
			}
			if sp.Start >= 0 {
				out = append(out, sp)
			}
		}
	}
	return matched, out
}

func titles(a *corpus.Article) []string {
	return append([]string{a.Kicker, a.Title}, a.Subtitles...)
}

// wordOffsets places each word in its paragraph: the segmenter cuts paragraph by paragraph
// and keeps every character but white space, so each word is found at or after the end of
// the previous one, in the same paragraph or a later one.
func (d *Doc) wordOffsets() []wordOffset {
	if d.offsets != nil {
		return d.offsets
	}
	offs := make([]wordOffset, len(d.Words))
	p, at := 0, 0
	body := d.Article.Body
	for i, w := range d.Words {
		o := wordOffset{para: -1}
		for q := p; q < len(body); q++ {
			from := 0
			if q == p {
				from = at
			}
			if j := strings.Index(body[q][from:], w); j >= 0 {
				o = wordOffset{para: q, start: from + j, end: from + j + len(w)}
				p, at = q, from+j+len(w)
				break
			}
		}
		offs[i] = o
	}
	d.offsets = offs
	return offs
}

// field matches a field term.
func field(n *Field, d *Doc) bool {
	a := d.Article
	switch n.Name {
	case "page":
		return a.Page >= n.PageFrom && a.Page <= n.PageTo
	case "title":
		for _, s := range titles(a) {
			if n.Re != nil && n.Re.MatchString(s) || n.Re == nil && strings.Contains(s, n.Value) {
				return true
			}
		}
		return false
	case "person":
		return anyOf(d.Persons, n)
	case "topic":
		return anyOf(a.Topics, n)
	case "genre":
		return anyOf(a.Genres, n)
	}
	return false
}

func anyOf(list []string, n *Field) bool {
	for _, s := range list {
		if n.Re != nil && n.Re.MatchString(s) || n.Re == nil && s == n.Value {
			return true
		}
	}
	return false
}

// Locate returns where the words of s are in the body: the paragraph and the byte range
// in it, from the first word's start to the last's end; ok is false when they are not in
// one paragraph (or not found). d.Words and d.Article.Body must be set.
func (d *Doc) Locate(s Span) (para, start, end int, ok bool) {
	offs := d.wordOffsets()
	if s.Start < 0 || s.End > len(offs) || s.Start >= s.End {
		return 0, 0, 0, false
	}
	first, last := offs[s.Start], offs[s.End-1]
	if first.para < 0 || first.para != last.para {
		return 0, 0, 0, false
	}
	return first.para, first.start, last.end, true
}

// BoundVocabulary is the vocabulary given to Bind (nil before).
func (q *Query) BoundVocabulary() []string { return q.vocab }
