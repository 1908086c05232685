// Package index combines the categories of a concept dictionary into an index: a boolean
// expression over category names says which articles count (E AND P AND U), and the
// period's share of such articles is scaled as Baker, Bloom and Davis scale their economic
// policy uncertainty index.
//
// # The expression
//
//	expr    = or
//	or      = and { "OR" and }
//	and     = not { [ "AND" ] not }     (two names side by side: AND)
//	not     = "NOT" not | primary
//	primary = "(" expr ")" | NAME | '"' NAME '"'
//
// NAME is a category of the dictionary (nested ones as parent.child); quote a name with
// white space or parentheses. An article matches a name when the category has at least one
// match in it. Operators are upper case; NOT binds tightest, then AND, then OR.
//
// # The scaling
//
// S. R. Baker, N. Bloom and S. J. Davis, "Measuring Economic Policy Uncertainty", Quarterly
// Journal of Economics 131(4), 2016, 1593–1636, §II: the count of matching articles is
// scaled by the period's number of articles (X_t = matching_t / articles_t); the series is
// standardised to unit standard deviation over the base period (Y_t = X_t / sd(X), sd the
// sample standard deviation, n − 1, of the base periods); and normalised to a mean of 100
// over the base period (I_t = 100 · Y_t / mean(Y)). Periods without articles are left out
// (NaN). With one newspaper the standardisation cancels in the normalisation, I_t = 100 ·
// X_t / mean(X over the base); BBD standardise each paper before averaging papers, which
// keeps a paper with more articles from weighing more.
package index

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Expr is a parsed boolean expression over categories.
type Expr struct {
	src  string
	root node
}

type node interface {
	eval(match []bool) bool
}

type nameNode int // the category's index

type andNode []node
type orNode []node
type notNode struct{ kid node }

func (n nameNode) eval(m []bool) bool { return m[n] }
func (n andNode) eval(m []bool) bool {
	for _, k := range n {
		if !k.eval(m) {
			return false
		}
	}
	return true
}
func (n orNode) eval(m []bool) bool {
	for _, k := range n {
		if k.eval(m) {
			return true
		}
	}
	return false
}
func (n notNode) eval(m []bool) bool { return !n.kid.eval(m) }

// String is the expression as given.
func (e *Expr) String() string { return e.src }

// Eval says whether an article matches: match[i] says whether category i (in the order
// given to Parse) has a match in it.
func (e *Expr) Eval(match []bool) bool { return e.root.eval(match) }

// SyntaxError is an expression that does not parse, at character Pos (from 0).
type SyntaxError struct {
	Expr string
	Pos  int
	Msg  string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s at character %d of %q", e.Msg, e.Pos+1, e.Expr)
}

type token struct {
	text   string
	pos    int // rune offset
	quoted bool
}

func lex(src string) ([]token, error) {
	var toks []token
	rs := []rune(src)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(' || r == ')':
			toks = append(toks, token{text: string(r), pos: i})
			i++
		case r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			if j == len(rs) {
				return nil, &SyntaxError{src, i, "unclosed quote"}
			}
			toks = append(toks, token{text: string(rs[i+1 : j]), pos: i, quoted: true})
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '(' && rs[j] != ')' && rs[j] != '"' {
				j++
			}
			toks = append(toks, token{text: string(rs[i:j]), pos: i})
			i = j
		}
	}
	return toks, nil
}

type parser struct {
	src   string
	toks  []token
	i     int
	names []string
}

func (p *parser) peek() (token, bool) {
	if p.i < len(p.toks) {
		return p.toks[p.i], true
	}
	return token{pos: utf8.RuneCountInString(p.src)}, false
}

func (p *parser) is(op string) bool {
	t, ok := p.peek()
	return ok && !t.quoted && t.text == op
}

// Parse reads an expression over the categories names (in the order Eval's match uses).
func Parse(src string, names []string) (*Expr, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, &SyntaxError{src, 0, "empty expression"}
	}
	p := &parser{src: src, toks: toks, names: names}
	root, err := p.or()
	if err != nil {
		return nil, err
	}
	if t, ok := p.peek(); ok {
		return nil, &SyntaxError{src, t.pos, fmt.Sprintf("unexpected %q", t.text)}
	}
	return &Expr{src: src, root: root}, nil
}

func (p *parser) or() (node, error) {
	n, err := p.and()
	if err != nil {
		return nil, err
	}
	kids := []node{n}
	for p.is("OR") {
		p.i++
		k, err := p.and()
		if err != nil {
			return nil, err
		}
		kids = append(kids, k)
	}
	if len(kids) == 1 {
		return n, nil
	}
	return orNode(kids), nil
}

func (p *parser) and() (node, error) {
	n, err := p.not()
	if err != nil {
		return nil, err
	}
	kids := []node{n}
	for {
		if p.is("AND") {
			p.i++
		} else if t, ok := p.peek(); !ok || !t.quoted && (t.text == "OR" || t.text == ")") {
			break
		}
		k, err := p.not()
		if err != nil {
			return nil, err
		}
		kids = append(kids, k)
	}
	if len(kids) == 1 {
		return n, nil
	}
	return andNode(kids), nil
}

func (p *parser) not() (node, error) {
	if p.is("NOT") {
		p.i++
		k, err := p.not()
		if err != nil {
			return nil, err
		}
		return notNode{k}, nil
	}
	return p.primary()
}

func (p *parser) primary() (node, error) {
	t, ok := p.peek()
	if !ok {
		return nil, &SyntaxError{p.src, t.pos, "a category name or ( expected at the end"}
	}
	if !t.quoted {
		switch t.text {
		case "(":
			p.i++
			n, err := p.or()
			if err != nil {
				return nil, err
			}
			if !p.is(")") {
				t, _ := p.peek()
				return nil, &SyntaxError{p.src, t.pos, "missing )"}
			}
			p.i++
			return n, nil
		case ")", "AND", "OR", "NOT":
			return nil, &SyntaxError{p.src, t.pos, fmt.Sprintf("a category name expected, not %q", t.text)}
		}
	}
	i := slices.Index(p.names, t.text)
	if i < 0 {
		return nil, &SyntaxError{p.src, t.pos, fmt.Sprintf("no category %q (the dictionary has %s)", t.text, strings.Join(p.names, ", "))}
	}
	p.i++
	return nameNode(i), nil
}

// BakerBloomDavis scales the shares of matching articles (X_t, NaN for a period without
// articles) as Baker, Bloom and Davis (2016) do: divided by their sample standard
// deviation over the base periods from..to (indexes, inclusive), then multiplied by 100
// over the mean of the result over the same periods. NaN stays NaN. The base needs two
// periods with articles and shares that are not all equal (nor all zero).
func BakerBloomDavis(shares []float64, from, to int) ([]float64, error) {
	if from < 0 || to >= len(shares) || from > to {
		return nil, fmt.Errorf("index: base periods %d..%d outside 0..%d", from, to, len(shares)-1)
	}
	var base []float64
	for _, x := range shares[from : to+1] {
		if !math.IsNaN(x) {
			base = append(base, x)
		}
	}
	if len(base) < 2 {
		return nil, errors.New("index: the base period needs two periods with articles")
	}
	mean := 0.0
	for _, x := range base {
		mean += x
	}
	mean /= float64(len(base))
	ss := 0.0
	for _, x := range base {
		ss += (x - mean) * (x - mean)
	}
	sd := math.Sqrt(ss / float64(len(base)-1))
	if sd == 0 || mean == 0 {
		return nil, errors.New("index: the shares of the base period do not vary (or are all 0): nothing to standardise")
	}
	meanY := mean / sd
	out := make([]float64, len(shares))
	for t, x := range shares {
		out[t] = 100 * (x / sd) / meanY
	}
	return out, nil
}
