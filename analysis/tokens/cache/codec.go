package cache

import (
	"encoding/binary"
	"slices"
	"time"

	"github.com/baokan/baokan/corpus"
)

// enc appends the layout's values to a byte slice.
type enc struct{ b []byte }

func (e *enc) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *enc) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *enc) list(l []string) {
	e.uint(uint64(len(l)))
	for _, s := range l {
		e.str(s)
	}
}

// orEmpty writes s, or "" when s equals def (a path equal to its file's).
func (e *enc) orEmpty(s, def string) {
	if s == def {
		s = ""
	}
	e.str(s)
}

func (e *enc) diagnostics(ds []corpus.Diagnostic, path string) {
	e.uint(uint64(len(ds)))
	for _, d := range ds {
		e.orEmpty(d.Path, path)
		e.int(int64(d.Line))
		e.str(string(d.Kind))
		e.str(d.Message)
	}
}

func (e *enc) counts(m map[corpus.Kind]int) {
	keys := corpus.Kinds(m)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.str(string(k))
		e.int(int64(m[k]))
	}
}

// dec reads the layout's values from a byte slice. Errors are sticky: after the first,
// every read returns zero values, and err says what went wrong. Strings are cut from src,
// a string the decoder shares with its byte slice (see newDec).
type dec struct {
	b   []byte
	src string // the same bytes as b, as a string: strings are cut from it without copying
	off int
	err error
}

// newDec decodes b; strings are substrings of s, which must hold the same bytes as b (pass
// string(b) to make them independent of b).
func newDec(b []byte, s string) *dec { return &dec{b: b, src: s} }

func (d *dec) fail(what string) {
	if d.err == nil {
		d.err = formatErr("%s at byte %d", what, d.off)
	}
}

func (d *dec) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.fail("bad number")
		return 0
	}
	d.off += n
	return v
}

func (d *dec) int() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.off:])
	if n <= 0 {
		d.fail("bad number")
		return 0
	}
	d.off += n
	return v
}

// count reads a length and checks that at least min bytes per item remain.
func (d *dec) count(min int) int {
	n := d.uint()
	if n > uint64(len(d.b)-d.off)/uint64(max(min, 1))+1 {
		d.fail("bad length")
		return 0
	}
	return int(n)
}

func (d *dec) str() string {
	n := d.uint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)-d.off) {
		d.fail("string past the end")
		return ""
	}
	s := d.src[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

// list reads a list of strings; an empty list is nil.
func (d *dec) list() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	l := make([]string, n)
	for i := range l {
		l[i] = d.str()
	}
	return l
}

func (d *dec) orDefault(def string) string {
	if s := d.str(); s != "" {
		return s
	}
	return def
}

func (d *dec) diagnostics(path string) []corpus.Diagnostic {
	n := d.count(4)
	if n == 0 {
		return nil
	}
	ds := make([]corpus.Diagnostic, n)
	for i := range ds {
		ds[i] = corpus.Diagnostic{Path: d.orDefault(path), Line: int(d.int()), Kind: corpus.Kind(d.str()), Message: d.str()}
	}
	return ds
}

func (d *dec) counts() map[corpus.Kind]int {
	n := d.count(2)
	m := make(map[corpus.Kind]int, n)
	for range n {
		k := corpus.Kind(d.str())
		m[k] = int(d.int())
	}
	return m
}

// writeArticle appends the meta record of a (see the layout).
func (e *enc) article(a *corpus.Article, path string) {
	e.orEmpty(a.Path, path)
	e.int(int64(a.Line))
	e.int(int64(a.Serial))
	e.int(int64(a.Date.Year))
	e.int(int64(a.Date.Month))
	e.int(int64(a.Date.Day))
	e.str(a.DateRaw)
	e.int(int64(a.Page))
	e.int(int64(a.Item))
	e.str(a.Kicker)
	e.str(a.Title)
	e.list(a.Subtitles)
	e.list(a.Authors)
	e.str(a.AuthorUnit)
	e.str(a.Classification)
	e.str(a.Column)
	e.str(a.PageName)
	e.list(a.Topics)
	e.list(a.Genres)
	e.list(a.RW)
	e.str(string(a.RWSource))
	e.str(a.Paper)
	e.uint(uint64(len(a.Extra)))
	for _, f := range a.Extra {
		e.str(f.Code)
		e.str(f.Name)
		e.str(f.Value)
		e.int(int64(f.Line))
	}
	e.diagnostics(a.Diagnostics, path)
	e.uint(uint64(len(a.Body)))
	e.uint(uint64(a.BodyChars()))
}

// article reads a meta record into a; it returns the body's paragraphs and characters.
func (d *dec) article(a *corpus.Article, path string) (paragraphs, chars int) {
	a.Path = d.orDefault(path)
	a.Line = int(d.int())
	a.Serial = int(d.int())
	a.Date.Year = int(d.int())
	a.Date.Month = time.Month(d.int())
	a.Date.Day = int(d.int())
	a.DateRaw = d.str()
	a.Page = int(d.int())
	a.Item = int(d.int())
	a.Kicker = d.str()
	a.Title = d.str()
	a.Subtitles = d.list()
	a.Authors = d.list()
	a.AuthorUnit = d.str()
	a.Classification = d.str()
	a.Column = d.str()
	a.PageName = d.str()
	a.Topics = d.list()
	a.Genres = d.list()
	a.RW = d.list()
	a.RWSource = corpus.RWSource(d.str())
	a.Paper = d.str()
	if n := d.count(4); n > 0 {
		a.Extra = make([]corpus.Field, n)
		for i := range a.Extra {
			a.Extra[i] = corpus.Field{Code: d.str(), Name: d.str(), Value: d.str(), Line: int(d.int())}
		}
	}
	a.Diagnostics = d.diagnostics(path)
	return int(d.uint()), int(d.uint())
}

// sortedCounts is a string-keyed count map in key order.
func (e *enc) stringCounts(m map[string]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.int(int64(m[k]))
	}
}

func (d *dec) stringCounts() map[string]int {
	n := d.count(2)
	m := make(map[string]int, n)
	for range n {
		k := d.str()
		m[k] = int(d.int())
	}
	return m
}
