package persons

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/baokan/baokan/corpus"
)

// Article is one article with its persons: what the persons of a corpus keep of it.
type Article struct {
	N          int // the article's number in corpus order (0-based), among every article given
	Path       string
	Line       int
	Date       corpus.Date
	Page, Item int
	Title      string
	Paper      string
	Source     corpus.RWSource // where its RW list was
	RW         []string        // the raw RW entries
	Entries    []Entry         // RW resolved; kept only with Collector.KeepEntries
	Persons    []string        // distinct, from the RW list, in order (from the text alone with TextOnly)
	FromText   []string        // found in the text and not in the RW list (TextAlso)
}

// All returns the article's persons: the RW list's, then those found in the text.
func (p *Article) All() []string {
	if len(p.FromText) == 0 {
		return p.Persons
	}
	return append(p.Persons[:len(p.Persons):len(p.Persons)], p.FromText...)
}

// Collector gathers the persons of a corpus given one article at a time, in corpus order.
// Add learns each article's RW list and keeps the articles that have one; Resolve, once
// every article is given, resolves each list and returns the Corpus. Learning every list
// before resolving any is what the persons layer needs (a name standing alone in one list
// splits a run-together entry of another), and Collector makes it the only order: Add
// panics after Resolve.
//
// The zero Collector is not usable: call NewCollector.
type Collector struct {
	// CloneStrings copies the strings kept (title, RW entries). Set it when the articles'
	// strings point into a larger text, such as the whole file of a raw article, which a
	// kept substring would keep alive (3.2 GB for the network of a million raw files,
	// 0.75 GB with copies); articles from a memory-mapped cache need no copies.
	CloneStrings bool
	// KeepEntries keeps every article's resolved entries (Article.Entries), for listings
	// of raw entries with their class and reason.
	KeepEntries bool

	resolver *Resolver
	arts     []*Article
	noRW     map[Unnamed]int
	n        int
	done     bool
}

// NewCollector returns a Collector whose Resolver has opts.
func NewCollector(opts Options) *Collector {
	return NewCollectorWith(NewResolver(opts))
}

// NewCollectorWith returns a Collector that learns into r, which must not have resolved
// anything yet.
func NewCollectorWith(r *Resolver) *Collector {
	return &Collector{resolver: r, noRW: map[Unnamed]int{}}
}

// Add learns a's RW list and keeps what the persons layer needs of a. Articles without an
// RW list are counted by date and paper (Corpus.NoRW).
func (c *Collector) Add(a *corpus.Article) {
	if c.done {
		panic("persons: Collector.Add after Resolve")
	}
	n := c.n
	c.n++
	if len(a.RW) == 0 {
		c.noRW[Unnamed{a.Date, a.Paper}]++
		return
	}
	c.resolver.Learn(a.RW)
	p := &Article{N: n, Path: a.Path, Line: a.Line, Date: a.Date, Page: a.Page, Item: a.Item,
		Title: a.Title, Paper: a.Paper, Source: a.RWSource, RW: a.RW}
	if c.CloneStrings {
		p.Title = strings.Clone(p.Title)
		p.RW = make([]string, len(a.RW))
		for i, e := range a.RW {
			p.RW[i] = strings.Clone(e)
		}
	}
	c.arts = append(c.arts, p)
}

// Resolve ends learning, resolves every list kept and returns the corpus's persons.
func (c *Collector) Resolve() *Corpus {
	c.done = true
	for _, p := range c.arts {
		entries := c.resolver.Resolve(p.RW, p.Date)
		p.Persons = Persons(entries)
		if c.KeepEntries {
			p.Entries = entries
		}
	}
	return &Corpus{Articles: c.arts, NoRW: c.noRW, Resolver: c.resolver, N: c.n}
}

// Unnamed is the date and paper of articles that name no person.
type Unnamed struct {
	Date  corpus.Date
	Paper string
}

// Corpus is the persons of a corpus: the articles with persons, in corpus order, and the
// count of those without by date and paper.
type Corpus struct {
	Articles []*Article
	// NoRW counts the articles without persons by date and paper, for measures over all
	// articles (a network's N).
	NoRW map[Unnamed]int
	// Resolver resolved the lists; it has learned them all, and learns nothing more.
	Resolver *Resolver
	// N is the number of articles given, with persons or not.
	N int
}

// WithoutPersons returns the number of articles without persons.
func (c *Corpus) WithoutPersons() int {
	n := 0
	for _, k := range c.NoRW {
		n += k
	}
	return n
}

// EachWithout gives fn the date and paper of every article without persons, by date then
// paper (each as many times as it has articles), so that what is built from them does not
// depend on map order.
func (c *Corpus) EachWithout(fn func(Unnamed)) {
	keys := make([]Unnamed, 0, len(c.NoRW))
	for k := range c.NoRW {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if d := keys[i].Date.Compare(keys[j].Date); d != 0 {
			return d < 0
		}
		return keys[i].Paper < keys[j].Paper
	})
	for _, k := range keys {
		for range c.NoRW[k] {
			fn(k)
		}
	}
}

// Cursor walks the corpus's articles alongside a later pass over the same articles in the
// same order: Next, given each article of that pass, returns its persons (nil for none).
// The articles are matched by number in corpus order, and checked by path and line: a
// pass that meets other articles (the corpus changed in between) is an error.
type Cursor struct {
	c    *Corpus
	next int // index into c.Articles
	n    int // number of the article Next is given
}

// Cursor returns a cursor at the first article.
func (c *Corpus) Cursor() *Cursor { return &Cursor{c: c} }

// Next returns the persons record of a, the next article of the pass, or nil when it has
// none.
func (k *Cursor) Next(a *corpus.Article) (*Article, error) {
	n := k.n
	k.n++
	if n >= k.c.N {
		return nil, fmt.Errorf("the corpus changed while it was read: more articles than the %d of the persons pass", k.c.N)
	}
	if k.next >= len(k.c.Articles) || k.c.Articles[k.next].N != n {
		return nil, nil
	}
	p := k.c.Articles[k.next]
	if p.Path != a.Path || p.Line != a.Line {
		return nil, fmt.Errorf("the corpus changed while it was read: article %d is %s:%d, was %s:%d in the persons pass", n+1, a.Path, a.Line, p.Path, p.Line)
	}
	k.next++
	return p, nil
}

// TextMode says how persons found in the text join those of the RW lists.
type TextMode int

const (
	// TextAlso adds the persons found in an article's text that its RW list lacks
	// (Article.FromText).
	TextAlso TextMode = iota + 1
	// TextOnly takes an article's persons from its text alone (Article.Persons).
	TextOnly
)

// TextPass adds to a Corpus the persons found in the articles' cut text: given every
// article of the corpus with its words, in corpus order, it matches them with finder
// (whole words only) and returns, from Done, a new Corpus with the articles naming
// someone, in the RW lists or in the text.
type TextPass struct {
	cursor *Cursor
	finder *TextFinder
	mode   TextMode
	clone  bool
	out    *Corpus
}

// TextPass starts a pass that finds persons in the text with finder (typically made from
// c.Resolver.Learned and the names found in the corpus, with c.Resolver.Aliases). clone
// copies the titles kept of articles named in the text alone (see Collector.CloneStrings).
func (c *Corpus) TextPass(finder *TextFinder, mode TextMode, clone bool) *TextPass {
	return &TextPass{cursor: c.Cursor(), finder: finder, mode: mode, clone: clone,
		out: &Corpus{NoRW: cloneCounts(c.NoRW), Resolver: c.Resolver, N: c.N}}
}

func cloneCounts(m map[Unnamed]int) map[Unnamed]int {
	out := make(map[Unnamed]int, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Add matches the next article's words.
func (t *TextPass) Add(a *corpus.Article, words []string) error {
	n := t.cursor.n
	p, err := t.cursor.Next(a)
	if err != nil {
		return err
	}
	var extra []string
	for _, name := range t.finder.FindWords(words) {
		if t.mode == TextOnly || p == nil || !slices.Contains(p.Persons, name) {
			extra = append(extra, name)
		}
	}
	if p == nil && len(extra) > 0 {
		p = &Article{N: n, Path: a.Path, Line: a.Line, Date: a.Date, Page: a.Page, Item: a.Item, Title: a.Title, Paper: a.Paper}
		if t.clone {
			p.Title = strings.Clone(p.Title)
		}
		t.out.NoRW[Unnamed{a.Date, a.Paper}]-- // it names persons after all
	}
	if p != nil {
		if t.mode == TextOnly {
			p.Persons, p.FromText = extra, nil
		} else {
			p.FromText = extra
		}
		t.out.Articles = append(t.out.Articles, p)
	}
	return nil
}

// Done returns the corpus with the persons found in the text.
func (t *TextPass) Done() *Corpus { return t.out }

// Stats tallies the persons of every article (Tally): one row a person, most articles
// first, ties by name.
func (c *Corpus) Stats() []PersonStats {
	var t Tally
	for _, p := range c.Articles {
		t.Add(p.All(), p.Date, p.Page)
	}
	return t.Stats()
}

// Mention is one person of an article with where it came from: one row of baokan persons.
type Mention struct {
	Person string
	Raw    string // the RW entry that names the person; "" when found in the text
	Source string // the article's RWSource (GJ or body), or "text"
}

// Mentions returns the article's persons once each: those of its RW entries, in order,
// with the first entry naming each (Entries must have been kept), then those found in the
// text alone.
func (p *Article) Mentions() []Mention {
	var out []Mention
	seen := map[string]bool{}
	for _, e := range p.Entries {
		for _, name := range e.Persons {
			if !seen[name] {
				seen[name] = true
				out = append(out, Mention{name, e.Raw, string(p.Source)})
			}
		}
	}
	for _, name := range p.FromText {
		out = append(out, Mention{name, "", "text"})
	}
	return out
}
