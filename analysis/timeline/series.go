package timeline

import (
	"fmt"
	"regexp"
)

// Kind is what a series counts.
type Kind int

const (
	// Articles counts articles; count = total = the period's articles.
	Articles Kind = iota + 1
	// Chars counts body characters (Unicode code points, corpus.Article.BodyChars); count
	// = total = the period's characters.
	Chars
	// Tokens counts the words kept by the caller's filters; count = total.
	Tokens
	// Term counts the occurrences of one word among the kept words.
	Term
	// TermRegex counts the kept words that the regular expression matches (anywhere in the
	// word unless anchored).
	TermRegex
	// Person counts the articles whose persons include the name.
	Person
	// Topic counts the articles whose GJ topics include the topic (exactly).
	Topic
	// Genre counts the articles whose TC genres include the genre (exactly).
	Genre
	// Paper counts the articles of the paper (corpus.Article.Paper, exactly), so that the
	// papers of one corpus can be set side by side.
	Paper
	// Concept counts the matches of one category of a concept dictionary (package
	// dictionary), given by the caller in Doc.Concepts; its total is the period's words.
	Concept
	// Index counts the articles matching a boolean expression over the categories (package
	// index), given by the caller in Doc.Indexes; its total is the period's articles.
	Index
)

var kindNames = []string{Articles: "articles", Chars: "chars", Tokens: "tokens", Term: "term",
	TermRegex: "regex", Person: "person", Topic: "topic", Genre: "genre", Paper: "paper", Concept: "concept",
	Index: "index"}

func (k Kind) String() string {
	if k < Articles || k > Index {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Words tells whether the kind needs the articles' words.
func (k Kind) Words() bool { return k == Tokens || k == Term || k == TermRegex }

// Total tells whether the kind is one of the period's totals (articles, chars, tokens), whose
// count is its own total.
func (k Kind) Total() bool { return k == Articles || k == Chars || k == Tokens }

// Series is one series to count: a kind and, but for the totals, its value (the word, the
// regular expression's source, the person, topic, genre or paper).
type Series struct {
	Kind  Kind
	Value string
	re    *regexp.Regexp
}

// Total returns the series of a totals kind (Articles, Chars or Tokens).
func Total(k Kind) Series { return Series{Kind: k} }

// Of returns a series of kind Term, Person, Topic, Genre, Paper, Concept (the category's
// name) or Index (the expression).
func Of(k Kind, value string) Series { return Series{Kind: k, Value: value} }

// Regex returns the TermRegex series of a regular expression (Go syntax).
func Regex(expr string) (Series, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return Series{}, err
	}
	return Series{Kind: TermRegex, Value: expr, re: re}, nil
}

// Name is the series' name in output: the kind for the totals, kind:value for the others
// (term:古巴, regex:^导弹, person:毛泽东, topic:…, genre:…).
func (s Series) Name() string {
	if s.Kind.Total() {
		return s.Kind.String()
	}
	return s.Kind.String() + ":" + s.Value
}

func (s Series) check() error {
	switch {
	case s.Kind < Articles || s.Kind > Index:
		return fmt.Errorf("timeline: series of unknown kind %d", int(s.Kind))
	case s.Kind.Total() && s.Value != "":
		return fmt.Errorf("timeline: the %s series takes no value (%q)", s.Kind, s.Value)
	case !s.Kind.Total() && s.Value == "":
		return fmt.Errorf("timeline: a %s series needs a value", s.Kind)
	case s.Kind == TermRegex && s.re == nil:
		return fmt.Errorf("timeline: regex series %q: build it with Regex", s.Value)
	}
	return nil
}
