package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Filter selects articles. Zero fields do not constrain: the zero Filter matches every
// article. All set fields must match.
type Filter struct {
	From  Date           // first date kept (inclusive)
	To    Date           // last date kept (inclusive)
	Page  int            // page number (BH)
	Genre string         // one of the article's genres, exactly
	Title *regexp.Regexp // matched against kicker, title and subtitles
	Paper string         // the article's paper (Article.Paper), exactly: 人民日报, 文汇报…
}

// Match reports whether a passes the filter. An article without a valid date fails any
// date bound.
func (f *Filter) Match(a *Article) bool {
	if f == nil {
		return true
	}
	if !f.From.IsZero() && (a.Date.IsZero() || a.Date.Compare(f.From) < 0) {
		return false
	}
	if !f.To.IsZero() && (a.Date.IsZero() || a.Date.Compare(f.To) > 0) {
		return false
	}
	if f.Page != 0 && a.Page != f.Page {
		return false
	}
	if f.Genre != "" && !contains(a.Genres, f.Genre) {
		return false
	}
	if f.Paper != "" && a.Paper != f.Paper {
		return false
	}
	if f.Title != nil && !f.Title.MatchString(a.Title) && !f.Title.MatchString(a.Kicker) && !anyMatch(f.Title, a.Subtitles) {
		return false
	}
	return true
}

// IsZero reports whether the filter matches everything.
func (f *Filter) IsZero() bool {
	return f == nil || (f.From.IsZero() && f.To.IsZero() && f.Page == 0 && f.Genre == "" && f.Title == nil && f.Paper == "")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func anyMatch(re *regexp.Regexp, list []string) bool {
	for _, s := range list {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// ParseFilter reads a filter written as comma-separated key=value pairs, the form the
// command line uses for subcorpora: from=1966-05-16,to=1976-10-06,page=1,genre=社论,paper=人民日报,
// title=REGEX.
// A title pattern containing a comma must be the last pair.
func ParseFilter(s string) (*Filter, error) {
	f := &Filter{}
	rest := strings.TrimSpace(s)
	for rest != "" {
		var pair string
		if strings.HasPrefix(rest, "title=") {
			pair, rest = rest, ""
		} else if i := strings.IndexByte(rest, ','); i >= 0 {
			pair, rest = rest[:i], rest[i+1:]
		} else {
			pair, rest = rest, ""
		}
		key, value, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if !ok {
			return nil, fmt.Errorf("filter %q: %q is not key=value", s, pair)
		}
		if err := f.Set(key, value); err != nil {
			return nil, fmt.Errorf("filter %q: %w", s, err)
		}
	}
	if err := f.CheckBounds(); err != nil {
		return nil, fmt.Errorf("filter %q: %w", s, err)
	}
	return f, nil
}

// Set sets one field of the filter by its key: from, to, page, genre, paper or title.
func (f *Filter) Set(key, value string) error {
	switch key {
	case "from", "to":
		d, err := ParseDateBound(value, key == "to")
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		if key == "from" {
			f.From = d
		} else {
			f.To = d
		}
	case "page":
		n, err := strconv.Atoi(value)
		if err != nil || n <= 0 {
			return fmt.Errorf("page %q is not a page number", value)
		}
		f.Page = n
	case "genre":
		f.Genre = value
	case "paper":
		f.Paper = value
	case "title":
		re, err := regexp.Compile(value)
		if err != nil {
			return fmt.Errorf("title: %w", err)
		}
		f.Title = re
	default:
		return fmt.Errorf("unknown key %q (want from, to, page, genre, paper or title)", key)
	}
	return nil
}
