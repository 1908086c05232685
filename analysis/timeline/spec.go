package timeline

import (
	"errors"
	"fmt"
)

// ErrNoSeries is returned by Spec.Series when no series is asked for.
var ErrNoSeries = errors.New("no series")

// Spec names the series of a timeline as `baokan timeline` takes them from its flags.
type Spec struct {
	Totals      []string // "articles", "chars", "tokens" ("" is skipped)
	Terms       []string
	TermRegexes []string
	Persons     []string
	Topics      []string
	Genres      []string
	Papers      []string
	// More are added after those above (concept and index series).
	More []Series
}

// Series returns the series of s in the documented order: totals, terms, regular
// expressions, persons, topics, genres, papers, then More. It is an error to ask for none
// (ErrNoSeries). Errors name the kind of series first (series, term-regex, term…), as
// the flags are named.
func (s Spec) Series() ([]Series, error) {
	var series []Series
	for _, name := range s.Totals {
		var k Kind
		switch name {
		case "articles":
			k = Articles
		case "chars":
			k = Chars
		case "tokens":
			k = Tokens
		case "":
			continue
		default:
			return nil, fmt.Errorf("series %q: choose articles, chars or tokens", name)
		}
		series = append(series, Total(k))
	}
	for _, t := range s.Terms {
		series = append(series, Of(Term, t))
	}
	for _, expr := range s.TermRegexes {
		r, err := Regex(expr)
		if err != nil {
			return nil, fmt.Errorf("term-regex: %w", err)
		}
		series = append(series, r)
	}
	for _, group := range []struct {
		kind   Kind
		values []string
	}{{Person, s.Persons}, {Topic, s.Topics}, {Genre, s.Genres}, {Paper, s.Papers}} {
		for _, v := range group.values {
			series = append(series, Of(group.kind, v))
		}
	}
	series = append(series, s.More...)
	if len(series) == 0 {
		return nil, ErrNoSeries
	}
	for _, x := range series {
		if x.Value == "" && !x.Kind.Total() {
			return nil, fmt.Errorf("%s: empty value", x.Kind)
		}
	}
	return series, nil
}
