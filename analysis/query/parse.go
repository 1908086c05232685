package query

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Node is a parsed query: one of *Word, *Seq, *Pattern, *Text, *Field, *And, *Or, *Not,
// *Near.
type Node interface {
	String() string
	position() int
}

// Word is one word as cut.
type Word struct {
	Pos  int // rune offset in the query
	Word string
	ids  []bool // Query.Bind: by vocabulary id, whether the word is this one
}

// Seq is words next to each other, in order.
type Seq struct {
	Pos   int
	Words []string
	ids   [][]bool // Query.Bind: per word of the sequence, by vocabulary id
}

// Pattern is a regexp over one word.
type Pattern struct {
	Pos int
	Re  *regexp.Regexp
	ids []bool // Query.Bind: by vocabulary id, whether the word matches
}

// Text is raw text (Sub) or a regexp over it (Re), in body paragraphs and titles.
type Text struct {
	Pos int
	Sub string
	Re  *regexp.Regexp
}

// Field is a field term: title, person, topic, genre (Value exact or contained, or Re) or
// page (PageFrom to PageTo).
type Field struct {
	Pos              int
	Name             string
	Value            string
	Re               *regexp.Regexp
	PageFrom, PageTo int
}

// And matches when every operand does.
type And struct {
	Pos  int
	Kids []Node
}

// Or matches when any operand does.
type Or struct {
	Pos  int
	Kids []Node
}

// Not matches when its operand does not.
type Not struct {
	Pos int
	Kid Node
}

// Near matches occurrences of L and R at most N words apart.
type Near struct {
	Pos  int
	L, R Node
	N    int
}

func (n *Word) position() int    { return n.Pos }
func (n *Seq) position() int     { return n.Pos }
func (n *Pattern) position() int { return n.Pos }
func (n *Text) position() int    { return n.Pos }
func (n *Field) position() int   { return n.Pos }
func (n *And) position() int     { return n.Pos }
func (n *Or) position() int      { return n.Pos }
func (n *Not) position() int     { return n.Pos }
func (n *Near) position() int    { return n.Pos }

func (n *Word) String() string    { return quoteWord(n.Word) }
func (n *Seq) String() string     { return strconv.Quote(strings.Join(n.Words, " ")) }
func (n *Pattern) String() string { return "/" + n.Re.String() + "/" }
func (n *Text) String() string {
	if n.Re != nil {
		return "text:/" + n.Re.String() + "/"
	}
	return "text:" + strconv.Quote(n.Sub)
}
func (n *Field) String() string {
	switch {
	case n.Name == "page" && n.PageFrom == n.PageTo:
		return fmt.Sprintf("page:%d", n.PageFrom)
	case n.Name == "page":
		return fmt.Sprintf("page:%d-%d", n.PageFrom, n.PageTo)
	case n.Re != nil:
		return n.Name + ":/" + n.Re.String() + "/"
	}
	return n.Name + ":" + quoteWord(n.Value)
}
func (n *And) String() string  { return "(" + join(n.Kids, " AND ") + ")" }
func (n *Or) String() string   { return "(" + join(n.Kids, " OR ") + ")" }
func (n *Not) String() string  { return "NOT " + n.Kid.String() }
func (n *Near) String() string { return fmt.Sprintf("(%s NEAR/%d %s)", n.L, n.N, n.R) }

func join(kids []Node, sep string) string {
	s := make([]string, len(kids))
	for i, k := range kids {
		s[i] = k.String()
	}
	return strings.Join(s, sep)
}

func quoteWord(w string) string {
	if w == "" || strings.ContainsAny(w, " \t\"()/\\:") || isOperator(w) {
		return strconv.Quote(w)
	}
	return w
}

func isOperator(w string) bool {
	return w == "AND" || w == "OR" || w == "NOT" || strings.HasPrefix(w, "NEAR/")
}

// Fields are the field names a term may start with.
var Fields = []string{"text", "title", "person", "topic", "genre", "page"}

// SyntaxError is a query that cannot be parsed: Pos is the offset, in characters (runes)
// from 0, where parsing failed.
type SyntaxError struct {
	Query string
	Pos   int
	Msg   string
}

// Error says what failed at which character (counted from 1), then the query and a caret
// under that character (aligned for wide CJK characters in a terminal).
func (e *SyntaxError) Error() string {
	var pad strings.Builder
	i := 0
	for _, r := range e.Query {
		if i == e.Pos {
			break
		}
		pad.WriteByte(' ')
		if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
			pad.WriteByte(' ')
		}
		i++
	}
	return fmt.Sprintf("%s at character %d\n  %s\n  %s^", e.Msg, e.Pos+1, e.Query, pad.String())
}

// token kinds
type kind int

const (
	tEOF kind = iota
	tWord
	tQuoted
	tRegexp
	tLParen
	tRParen
	tAnd
	tOr
	tNot
	tNear
	tField // Text is the field name; the value follows at once
)

type token struct {
	kind kind
	pos  int // rune offset
	text string
	n    int // NEAR's N
}

type parser struct {
	q    string
	toks []token
	i    int
}

// Parse reads a query. An empty query is an error.
func Parse(q string) (Node, error) {
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{q: q, toks: toks}
	if p.peek().kind == tEOF {
		return nil, p.errAt(0, "empty query")
	}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		if t.kind == tRParen {
			return nil, p.errAt(t.pos, "unmatched )")
		}
		return nil, p.errAt(t.pos, "unexpected "+describe(t))
	}
	return n, nil
}

func (p *parser) errAt(pos int, msg string) error {
	return &SyntaxError{Query: p.q, Pos: pos, Msg: msg}
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i++; return t }

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of query"
	case tRParen:
		return ")"
	case tAnd, tOr, tNot, tNear:
		return "operator " + t.text
	}
	return strconv.Quote(t.text)
}

func (p *parser) or() (Node, error) {
	first, err := p.and()
	if err != nil {
		return nil, err
	}
	kids := []Node{first}
	for p.peek().kind == tOr {
		p.next()
		n, err := p.and()
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
	}
	if len(kids) == 1 {
		return first, nil
	}
	return &Or{Pos: first.position(), Kids: kids}, nil
}

// startsTerm says whether t can begin an operand (for the implicit AND).
func startsTerm(t token) bool {
	switch t.kind {
	case tWord, tQuoted, tRegexp, tLParen, tNot, tField:
		return true
	}
	return false
}

func (p *parser) and() (Node, error) {
	first, err := p.not()
	if err != nil {
		return nil, err
	}
	kids := []Node{first}
	for {
		t := p.peek()
		if t.kind == tAnd {
			p.next()
		} else if !startsTerm(t) {
			break
		}
		n, err := p.not()
		if err != nil {
			return nil, err
		}
		kids = append(kids, n)
	}
	if len(kids) == 1 {
		return first, nil
	}
	return &And{Pos: first.position(), Kids: kids}, nil
}

func (p *parser) not() (Node, error) {
	if t := p.peek(); t.kind == tNot {
		p.next()
		kid, err := p.not()
		if err != nil {
			return nil, err
		}
		return &Not{Pos: t.pos, Kid: kid}, nil
	}
	return p.near()
}

func (p *parser) near() (Node, error) {
	l, err := p.primary()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tNear {
		op := p.next()
		if !positional(l) {
			return nil, p.errAt(l.position(), "NEAR needs words on its left (a word, \"words\", /pattern/, text: or an OR of them)")
		}
		r, err := p.primary()
		if err != nil {
			return nil, err
		}
		if !positional(r) {
			return nil, p.errAt(r.position(), "NEAR needs words on its right (a word, \"words\", /pattern/, text: or an OR of them)")
		}
		l = &Near{Pos: op.pos, L: l, R: r, N: op.n}
	}
	return l, nil
}

// positional says whether n gives hits in the body (a NEAR operand).
func positional(n Node) bool {
	switch n := n.(type) {
	case *Word, *Seq, *Pattern, *Text, *Near:
		return true
	case *Or:
		for _, k := range n.Kids {
			if !positional(k) {
				return false
			}
		}
		return true
	}
	return false
}

func (p *parser) primary() (Node, error) {
	t := p.next()
	switch t.kind {
	case tLParen:
		if p.peek().kind == tRParen {
			return nil, p.errAt(p.peek().pos, "empty parentheses")
		}
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if c := p.peek(); c.kind != tRParen {
			if c.kind == tEOF {
				return nil, p.errAt(t.pos, "( without its )")
			}
			return nil, p.errAt(c.pos, "expected ) but found "+describe(c))
		}
		p.next()
		return n, nil
	case tWord:
		return &Word{Pos: t.pos, Word: t.text}, nil
	case tQuoted:
		words := strings.Fields(t.text)
		switch len(words) {
		case 0:
			return nil, p.errAt(t.pos, "empty quotes")
		case 1:
			return &Word{Pos: t.pos, Word: words[0]}, nil
		}
		return &Seq{Pos: t.pos, Words: words}, nil
	case tRegexp:
		re, err := p.compile(t)
		if err != nil {
			return nil, err
		}
		return &Pattern{Pos: t.pos, Re: re}, nil
	case tField:
		return p.field(t)
	case tEOF:
		return nil, p.errAt(t.pos, "a term is missing at the end")
	}
	return nil, p.errAt(t.pos, "expected a term but found "+describe(t))
}

func (p *parser) compile(t token) (*regexp.Regexp, error) {
	if t.text == "" {
		return nil, p.errAt(t.pos, "empty pattern")
	}
	re, err := regexp.Compile(t.text)
	if err != nil {
		return nil, p.errAt(t.pos+1, "bad pattern: "+err.Error())
	}
	return re, nil
}

// field reads the value after name: (t.pos is the field name's position).
func (p *parser) field(t token) (Node, error) {
	v := p.peek()
	switch v.kind {
	case tWord, tQuoted, tRegexp:
		p.next()
	default:
		return nil, p.errAt(v.pos, t.text+": needs a value")
	}
	var re *regexp.Regexp
	if v.kind == tRegexp {
		var err error
		if re, err = p.compile(v); err != nil {
			return nil, err
		}
	} else if v.text == "" {
		return nil, p.errAt(v.pos, t.text+": needs a value")
	}
	switch t.text {
	case "text":
		return &Text{Pos: t.pos, Sub: v.text, Re: re}, nil
	case "page":
		if re != nil {
			return nil, p.errAt(v.pos, "page: takes a number or a range N-M")
		}
		from, to, ok := pageRange(v.text)
		if !ok {
			return nil, p.errAt(v.pos, "page: takes a number or a range N-M, not "+strconv.Quote(v.text))
		}
		return &Field{Pos: t.pos, Name: "page", PageFrom: from, PageTo: to}, nil
	}
	return &Field{Pos: t.pos, Name: t.text, Value: v.text, Re: re}, nil
}

func pageRange(s string) (from, to int, ok bool) {
	a, b, isRange := strings.Cut(s, "-")
	from, err := strconv.Atoi(a)
	if err != nil || from < 1 {
		return 0, 0, false
	}
	if !isRange {
		return from, from, true
	}
	to, err = strconv.Atoi(b)
	if err != nil || to < from {
		return 0, 0, false
	}
	return from, to, true
}

// lex cuts q into tokens; positions are rune offsets.
func lex(q string) ([]token, error) {
	var toks []token
	rpos := 0 // rune offset of byte offset i
	i := 0
	adv := func(n int) { // advance n bytes
		rpos += utf8.RuneCountInString(q[i : i+n])
		i += n
	}
	fail := func(pos int, msg string) error { return &SyntaxError{Query: q, Pos: pos, Msg: msg} }
	for i < len(q) {
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r):
			adv(size)
		case r == '(':
			toks = append(toks, token{kind: tLParen, pos: rpos, text: "("})
			adv(1)
		case r == ')':
			toks = append(toks, token{kind: tRParen, pos: rpos, text: ")"})
			adv(1)
		case r == '"' || r == '/':
			start := rpos
			text, n, ok := delimited(q[i:], byte(r))
			if !ok {
				what := "quote"
				if r == '/' {
					what = "pattern"
				}
				return nil, fail(start, "unclosed "+what)
			}
			k := tQuoted
			if r == '/' {
				k = tRegexp
			}
			toks = append(toks, token{kind: k, pos: start, text: text})
			adv(n)
		default:
			start := rpos
			j := i
			for j < len(q) {
				r, s := utf8.DecodeRuneInString(q[j:])
				if unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' {
					break
				}
				if r == ':' {
					break
				}
				j += s
			}
			w := q[i:j]
			if j < len(q) && q[j] == ':' {
				if !isField(w) {
					return nil, fail(start, fmt.Sprintf("unknown field %q (fields: %s)", w+":", strings.Join(Fields, ", ")))
				}
				toks = append(toks, token{kind: tField, pos: start, text: w})
				adv(j - i + 1)
				// the value must follow at once
				if i >= len(q) || unicode.IsSpace(rune(q[i])) {
					return nil, fail(rpos, w+": needs a value right after the colon")
				}
				continue
			}
			t := token{kind: tWord, pos: start, text: w}
			switch {
			case w == "AND":
				t.kind = tAnd
			case w == "OR":
				t.kind = tOr
			case w == "NOT":
				t.kind = tNot
			case strings.HasPrefix(w, "NEAR/"):
				n, err := strconv.Atoi(w[5:])
				if err != nil || n < 0 {
					return nil, fail(start+5, "NEAR/ needs a whole number of words, 0 or more")
				}
				t.kind, t.n = tNear, n
			case w == "NEAR":
				return nil, fail(start+4, "NEAR needs its window: NEAR/N")
			}
			toks = append(toks, t)
			adv(j - i)
		}
	}
	return append(toks, token{kind: tEOF, pos: rpos}), nil
}

func isField(w string) bool {
	for _, f := range Fields {
		if f == w {
			return true
		}
	}
	return false
}

// delimited reads s, which starts with the delimiter d, up to the closing d: the text
// between (with \d unescaped, and for quotes \\ too) and the bytes consumed.
func delimited(s string, d byte) (text string, n int, ok bool) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && (s[i+1] == d || d == '"' && s[i+1] == '\\'):
			b.WriteByte(s[i+1])
			i++
		case c == d:
			return b.String(), i + 1, true
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, false
}
