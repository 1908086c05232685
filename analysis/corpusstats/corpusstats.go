// Package corpusstats is the overview of a corpus that `baokan stats` prints: what the
// reader saw (a corpus.Summary) and what was counted of the articles kept (body
// characters, articles with a body, an RW list, authors; first and last date), with
// breakdowns by year, decade, month, page, genre, column or paper.
//
// Characters are Unicode code points of the body paragraphs (indentation, markup and the
// RW tail excluded). Body text the parser moved out of a misplaced author field
// (diagnostic body_in_author) counts in the body.
package corpusstats

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/baokan/baokan/analysis/period"
	"github.com/baokan/baokan/corpus"
)

// Groupings are the breakdowns, by name. Each gives an article's groups (an article with
// several genres counts once in each); "" is an article without a value. Periods are
// labelled as analysis/period labels them (1962, 1960s, 1962-10); pages zero-padded (03)
// so that labels sort as numbers.
var Groupings = map[string]func(a *corpus.Article) []string{
	"year":   PeriodGroup(period.Year),
	"decade": PeriodGroup(period.Decade),
	"month":  PeriodGroup(period.Month),
	"page": func(a *corpus.Article) []string {
		if a.Page == 0 {
			return []string{""}
		}
		return []string{fmt.Sprintf("%02d", a.Page)}
	},
	"genre": func(a *corpus.Article) []string {
		if len(a.Genres) == 0 {
			return []string{""}
		}
		return a.Genres
	},
	"column": func(a *corpus.Article) []string { return []string{a.Column} },
	"paper":  func(a *corpus.Article) []string { return []string{a.Paper} },
}

// PeriodGroup groups the articles by their period of unit u; "" for articles without a
// valid date.
func PeriodGroup(u period.Unit) func(a *corpus.Article) []string {
	return func(a *corpus.Article) []string {
		if a.Date.IsZero() {
			return []string{""}
		}
		return []string{u.Of(a.Date).String()}
	}
}

// Count is a group's articles and body characters.
type Count struct{ Articles, Chars int }

// Stats accumulates the overview and the breakdowns, one article at a time. It is not safe
// for concurrent use.
type Stats struct {
	Articles                             int // the articles added
	Chars, WithBody, WithRW, WithAuthors int
	First, Last                          corpus.Date // the earliest and latest valid dates
	// Groups holds, for each breakdown asked for, the counts by group.
	Groups map[string]map[string]*Count
	by     []string
}

// New returns a Stats that also counts the breakdowns named in by (keys of Groupings).
func New(by ...string) (*Stats, error) {
	s := &Stats{by: by, Groups: map[string]map[string]*Count{}}
	for _, b := range by {
		if Groupings[b] == nil {
			return nil, fmt.Errorf("corpusstats: no grouping %q", b)
		}
		s.Groups[b] = map[string]*Count{}
	}
	return s, nil
}

// Add counts a, whose body has the given paragraphs and characters.
func (s *Stats) Add(a *corpus.Article, paragraphs, chars int) {
	s.Articles++
	s.Chars += chars
	if paragraphs > 0 {
		s.WithBody++
	}
	if len(a.RW) > 0 {
		s.WithRW++
	}
	if len(a.Authors) > 0 {
		s.WithAuthors++
	}
	if !a.Date.IsZero() {
		if s.First.IsZero() || a.Date.Compare(s.First) < 0 {
			s.First = a.Date
		}
		if s.Last.IsZero() || a.Date.Compare(s.Last) > 0 {
			s.Last = a.Date
		}
	}
	for _, by := range s.by {
		groups := s.Groups[by]
		for _, g := range Groupings[by](a) {
			c := groups[g]
			if c == nil {
				c = &Count{}
				groups[strings.Clone(g)] = c // a's strings may share a reused buffer
			}
			c.Articles++
			c.Chars += chars
		}
	}
}

// Merge adds o, counted over other articles with the same breakdowns, into s. o is not
// usable afterwards (s may share its groups).
func (s *Stats) Merge(o *Stats) {
	s.Articles += o.Articles
	s.Chars += o.Chars
	s.WithBody += o.WithBody
	s.WithRW += o.WithRW
	s.WithAuthors += o.WithAuthors
	if !o.First.IsZero() && (s.First.IsZero() || o.First.Compare(s.First) < 0) {
		s.First = o.First
	}
	if !o.Last.IsZero() && (s.Last.IsZero() || o.Last.Compare(s.Last) > 0) {
		s.Last = o.Last
	}
	for by, from := range o.Groups {
		to := s.Groups[by]
		if to == nil {
			s.Groups[by] = from
			continue
		}
		for k, c := range from {
			if t := to[k]; t != nil {
				t.Articles += c.Articles
				t.Chars += c.Chars
			} else {
				to[k] = c
			}
		}
	}
}

// Group is one row of a breakdown.
type Group struct {
	Name            string // "(none)" for the articles without a value
	Articles, Chars int
	Share           float64 // Articles over the articles kept, rounded to four decimals
}

// Breakdown returns the groups of the breakdown by, sorted by name with "(none)" last;
// total is the number of articles kept, the denominator of the shares.
func (s *Stats) Breakdown(by string, total int) []Group {
	return Breakdown(s.Groups[by], total)
}

// Breakdown returns the groups of counts, as Stats.Breakdown.
func Breakdown(counts map[string]*Count, total int) []Group {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		// "(none)" last; otherwise by name (years, months and zero-padded pages sort right).
		if (keys[i] == "") != (keys[j] == "") {
			return keys[j] == ""
		}
		return keys[i] < keys[j]
	})
	out := make([]Group, len(keys))
	for i, k := range keys {
		c := counts[k]
		share := 0.0
		if total > 0 {
			share = float64(c.Articles) / float64(total)
		}
		name := k
		if name == "" {
			name = "(none)"
		}
		out[i] = Group{Name: name, Articles: c.Articles, Chars: c.Chars, Share: RoundShare(share)}
	}
	return out
}

// RoundShare keeps four decimals, so that shares print the same in every format.
func RoundShare(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}

// Measure is one line of the overview.
type Measure struct {
	Name  string
	Value any // an int or a date's string
}

// Overview lists what the reader saw (sum) and what was counted, in the order of `baokan
// stats`: files, bytes, encodings, files not read by reason, articles read, kept and
// skipped by reason, the dates, the characters, the articles with a body, an RW list,
// authors or diagnostics, and diagnostics by kind.
func (s *Stats) Overview(sum corpus.Summary) []Measure {
	var out []Measure
	add := func(k string, v any) { out = append(out, Measure{k, v}) }
	add("files", sum.Files)
	add("bytes", sum.Bytes)
	for _, enc := range sortedKeys(sum.Encodings) {
		add("files in "+enc, sum.Encodings[enc])
	}
	if sum.Ignored > 0 {
		add("files not read", sum.Ignored)
		for _, k := range corpus.Kinds(sum.NotRead) {
			add("files not read: "+string(k), sum.NotRead[k])
		}
	}
	add("articles read", sum.Articles)
	if sum.FilteredOut > 0 {
		add("articles kept by the filter", sum.Matched)
	}
	add("articles skipped (damaged)", sum.SkippedTotal())
	for _, k := range corpus.Kinds(sum.Skipped) {
		add("articles skipped: "+string(k), sum.Skipped[k])
	}
	add("files without an article", sum.FilesNoArticleTotal())
	add("first date", s.First.String())
	add("last date", s.Last.String())
	add("body characters", s.Chars)
	add("articles with a body", s.WithBody)
	add("articles with RW", s.WithRW)
	add("articles with authors", s.WithAuthors)
	add("articles with diagnostics", sum.ArticlesProblems)
	for _, k := range corpus.Kinds(sum.ArticlesByKind) {
		add("articles with "+string(k), sum.ArticlesByKind[k])
	}
	for _, k := range corpus.Kinds(sum.Diagnostics) {
		add("diagnostics: "+string(k), sum.Diagnostics[k])
	}
	for _, k := range corpus.Kinds(sum.FilesNoArticle) {
		add("files without an article: "+string(k), sum.FilesNoArticle[k])
	}
	return out
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
