package corpusreport

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/baokan/baokan/analysis/corpusstats"
	"github.com/baokan/baokan/analysis/period"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/corpus"
)

// Collector gathers, in one pass over the articles and their words, everything the report
// is made of: the overview of the corpus (as 'baokan stats'), the word counts by period,
// the keyness counts of --target, and the articles' RW lists.
//
// The words are counted once an article, in the counter of its finest period: by month
// while the dated articles span at most MonthSpan months (or with By "month"), else by
// year. The counts by year, by decade, of the whole corpus and of the default keyness
// target are sums of these (terms.Counter.MergeIDs adds counts, document frequencies,
// tokens and documents, exactly what counting each of them article by article gives), so
// an article's words are looked up once, not once for each table.
//
// A Collector is not safe for concurrent use. The report lists some articles "first in
// corpus order", so articles must be added in corpus order; to split the work, give each
// worker a Collector of its own over a contiguous run of articles, and Merge them in the
// order of the runs. The result does not depend on how the corpus was split.
type Collector struct {
	opts  Options
	stats *corpusstats.Stats

	vocab   []string       // the vocabulary of the ids given to AddIDs (the latest)
	own     *ownVocab      // Add's vocabulary, when the words come as strings
	fine    *terms.Grouped // by month while monthly, else by year
	monthly bool           // fine is by month
	target  *terms.Counter
	refer   *terms.Counter

	people []*personArticle
	noRW   map[corpus.Date]int

	lastDate   corpus.Date // the labels of the last article's date, reused
	lastLabels dateLabels
	lastPath   string // the last article's path, kept (copied once a file)

	finished *collected // set by finish
}

// dateLabels are an article's period labels, as 'baokan stats --by' labels them.
type dateLabels struct{ year, month, decade string }

// personArticle is one article with an RW list: where it is, and its persons.
type personArticle struct {
	path    string
	line    int
	date    corpus.Date
	page    int
	title   string
	rw      []string // until resolved
	persons []string
}

// NewCollector returns a Collector for a report with opts (only By, Target and Reference
// matter while collecting; the rest is used by Build).
func NewCollector(opts Options) *Collector {
	c := &Collector{opts: opts.withDefaults(), fine: terms.NewGrouped(), noRW: map[corpus.Date]int{}}
	c.stats = newCorpusStats()
	c.monthly = true // until the dates span more than MonthSpan months (never with By "month")
	if opts.Target != nil {
		c.target, c.refer = terms.NewCounter(), terms.NewCounter()
	}
	return c
}

// AddIDs adds one article and its words given as ids into vocab (a cache's vocabulary, or
// one the caller interns: every call must give the same vocabulary, grown only by
// appending). paragraphs and chars are the body's size (len(a.Body) and a.BodyChars() when
// the article has its text; a cache read without it records them). The article's strings
// are copied where they are kept; ids and a are not kept.
func (c *Collector) AddIDs(a *corpus.Article, ids []uint32, vocab []string, paragraphs, chars int) {
	if c.finished != nil {
		panic("corpusreport: AddIDs after Build")
	}
	c.vocab = vocab
	labels := c.labels(a.Date)
	c.stats.Add(a, paragraphs, chars)
	if c.monthly && c.opts.By != "month" && monthSpan(c.stats.First, c.stats.Last) > MonthSpan {
		c.fine = byYear(c.fine, vocab)
		c.monthly = false
	}
	if c.monthly {
		c.fine.AddDocIDs(labels.month, ids, vocab)
	} else {
		c.fine.AddDocIDs(labels.year, ids, vocab)
	}
	if c.target != nil {
		switch {
		case c.opts.Target.Match(a):
			c.target.AddDocIDs(ids, vocab)
		case c.opts.Reference == nil || c.opts.Reference.Match(a):
			c.refer.AddDocIDs(ids, vocab)
		}
	}
	c.addPersons(a)
}

// Add adds one article and its words (as cut and filtered), interned into a vocabulary of
// the Collector's own: for a Go program that has words as strings. A Collector is fed
// either by Add or by AddIDs, not both.
func (c *Collector) Add(a *corpus.Article, words []string) {
	if c.own == nil {
		c.own = &ownVocab{ids: map[string]uint32{}}
	}
	ids := c.own.buf[:0]
	for _, w := range words {
		ids = append(ids, c.own.id(w))
	}
	c.own.buf = ids
	c.AddIDs(a, ids, c.own.terms, len(a.Body), a.BodyChars())
}

// ownVocab interns the words given to Add.
type ownVocab struct {
	ids   map[string]uint32
	terms []string
	buf   []uint32
}

func (v *ownVocab) id(w string) uint32 {
	id, ok := v.ids[w]
	if !ok {
		w = strings.Clone(w)
		id = uint32(len(v.terms))
		v.terms = append(v.terms, w)
		v.ids[w] = id
	}
	return id
}

// Articles is the number of articles added.
func (c *Collector) Articles() int { return c.stats.Articles }

// TimelineUnit is the unit of the report's timelines as the articles added so far decide
// it: "month" when By is "month" or the dated articles span at most MonthSpan months,
// else "year". The concepts pass (Concepts) counts by this unit.
func (c *Collector) TimelineUnit() string {
	if c.monthly {
		return "month"
	}
	return "year"
}

// Merge adds next, a Collector fed the articles that follow c's in corpus order, with the
// same vocabulary, into c. next is not usable afterwards.
func (c *Collector) Merge(next *Collector) error {
	if c.own != nil || next.own != nil {
		return fmt.Errorf("corpusreport: Merge of Collectors fed by Add (each has its own vocabulary): feed them with AddIDs and one vocabulary")
	}
	vocab := next.vocab
	if len(c.vocab) > len(vocab) {
		vocab = c.vocab
	}
	c.vocab = vocab
	c.stats.Merge(next.stats)
	monthly := c.monthly && next.monthly && (c.opts.By == "month" || monthSpan(c.stats.First, c.stats.Last) <= MonthSpan)
	if !monthly {
		if c.monthly {
			c.fine = byYear(c.fine, vocab)
		}
		if next.monthly {
			next.fine = byYear(next.fine, vocab)
		}
	}
	c.monthly = monthly
	c.fine.MergeIDs(next.fine, vocab)
	if c.target != nil {
		c.target.MergeIDs(next.target, vocab)
		c.refer.MergeIDs(next.refer, vocab)
	}
	c.people = append(c.people, next.people...)
	for d, n := range next.noRW {
		c.noRW[d] += n
	}
	return nil
}

// labels returns the period labels of date ("" for the zero date), reusing the last
// article's when the date is the same (articles come mostly in date order).
func (c *Collector) labels(d corpus.Date) dateLabels {
	if d == c.lastDate && c.lastLabels.year != "" {
		return c.lastLabels
	}
	var l dateLabels
	if !d.IsZero() {
		l = dateLabels{year: period.Year.Of(d).String(), month: period.Month.Of(d).String(), decade: period.Decade.Of(d).String()}
	}
	c.lastDate, c.lastLabels = d, l
	return l
}

// byYear sums counts by month into counts by year (a month "1962-10" in the year "1962";
// the undated articles' group "" stays "").
func byYear(months *terms.Grouped, vocab []string) *terms.Grouped {
	years := terms.NewGrouped()
	for _, m := range months.Groups() {
		mc, _ := months.Lookup(m)
		years.Counter(yearOfMonth(m)).MergeIDs(mc, vocab)
	}
	return years
}

func yearOfMonth(month string) string {
	if i := strings.LastIndexByte(month, '-'); i > 0 {
		return month[:i]
	}
	return month
}

// addPersons keeps what the persons layer needs of a, when a has an RW list; the strings
// are copied into one allocation, so that nothing larger (a file's text, a cache block)
// is kept alive.
func (c *Collector) addPersons(a *corpus.Article) {
	if len(a.RW) == 0 {
		c.noRW[a.Date]++
		return
	}
	if a.Path != c.lastPath {
		c.lastPath = strings.Clone(a.Path)
	}
	n := len(a.Title)
	for _, e := range a.RW {
		n += len(e)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(a.Title)
	for _, e := range a.RW {
		b.WriteString(e)
	}
	s := b.String()
	p := &personArticle{path: c.lastPath, line: a.Line, date: a.Date, page: a.Page, title: s[:len(a.Title)], rw: make([]string, len(a.RW))}
	off := len(a.Title)
	for i, e := range a.RW {
		p.rw[i] = s[off : off+len(e)]
		off += len(e)
	}
	c.people = append(c.people, p)
}

// resolvePersons learns every RW list, then resolves each (on several goroutines: the
// resolver only reads once every list is learnt), as 'baokan persons' does.
func (c *Collector) resolvePersons(workers int) error {
	opts := c.opts.PersonOptions
	r := persons.NewResolver(opts)
	for _, p := range c.people {
		r.Learn(p.rw)
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	chunk := (len(c.people) + workers - 1) / max(workers, 1)
	for start := 0; start < len(c.people); start += chunk {
		part := c.people[start:min(start+chunk, len(c.people))]
		wg.Go(func() {
			for _, p := range part {
				p.persons = persons.Persons(r.Resolve(p.rw, p.date))
				p.rw = nil
			}
		})
	}
	wg.Wait()
	// One string a name: the resolved names are pieces of the lists or of the resolver's
	// tables, as many copies as articles.
	names := map[string]string{}
	for _, p := range c.people {
		for i, n := range p.persons {
			if s, ok := names[n]; ok {
				p.persons[i] = s
			} else {
				names[n] = n
			}
		}
	}
	return nil
}
