package period

import (
	"fmt"
	"testing"
	"time"

	"github.com/baokan/baokan/corpus"
)

func date(s string) corpus.Date {
	d, err := corpus.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestISOWeekBoundaries: the weeks of ISO 8601's own examples and of the calendar's edges
// (week-numbering years that start in December or end in January).
func TestISOWeekBoundaries(t *testing.T) {
	for _, c := range []struct{ date, week string }{
		{"2004-01-01", "2004-W01"}, // a Thursday: week 1 of its own year
		{"2005-01-01", "2004-W53"}, // a Saturday: the last week of 2004, which has 53
		{"2005-01-02", "2004-W53"}, // Sunday ends that week
		{"2005-01-03", "2005-W01"}, // Monday starts 2005's first week
		{"2008-12-29", "2009-W01"}, // a Monday in December, in week 1 of the next year
		{"2009-12-31", "2009-W53"},
		{"2010-01-03", "2009-W53"},
		{"1962-10-22", "1962-W43"}, // the Cuban missile crisis: Kennedy's address, a Monday
		{"1962-10-28", "1962-W43"}, // Khrushchev's reply, the Sunday of the same week
		{"1962-10-29", "1962-W44"},
		{"1946-01-01", "1946-W01"}, // a Tuesday
		{"1948-12-27", "1948-W53"}, // 1948 began on a Thursday: 53 weeks
	} {
		if got := Week.Of(date(c.date)).String(); got != c.week {
			t.Errorf("%s: week %s, want %s", c.date, got, c.week)
		}
	}
}

// TestWeeksAgreeWithTime checks every day from 1940 to 2010 against the standard
// library's time.Time.ISOWeek, an independent implementation, and that each week starts on
// a Monday with the next week 7 days on.
func TestWeeksAgreeWithTime(t *testing.T) {
	for d := time.Date(1940, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2010; d = d.AddDate(0, 0, 1) {
		cd := corpus.Date{Year: d.Year(), Month: d.Month(), Day: d.Day()}
		y, w := d.ISOWeek()
		p := Week.Of(cd)
		if want := fmt.Sprintf("%04d-W%02d", y, w); p.String() != want {
			t.Fatalf("%s: %s, want %s", cd, p, want)
		}
		start := p.Start().Time()
		if start.Weekday() != time.Monday || d.Sub(start) < 0 || d.Sub(start) >= 7*24*time.Hour {
			t.Fatalf("%s: week starts %s", cd, p.Start())
		}
		if got := Day.Of(cd).String(); got != cd.String() {
			t.Fatalf("day of %s: %s", cd, got)
		}
	}
}

func TestLabelsAndBoundaries(t *testing.T) {
	for _, c := range []struct {
		unit Unit
		date string
		want string
	}{
		{Quarter, "1962-03-31", "1962-Q1"},
		{Quarter, "1962-04-01", "1962-Q2"},
		{Quarter, "1962-09-30", "1962-Q3"},
		{Quarter, "1962-10-01", "1962-Q4"},
		{Quarter, "1962-12-31", "1962-Q4"},
		{Month, "1964-02-29", "1964-02"}, // a leap day
		{Month, "1964-03-01", "1964-03"},
		{Day, "1964-02-29", "1964-02-29"},
		{Day, "2000-02-29", "2000-02-29"},
		{Year, "1962-12-31", "1962"},
		{Decade, "1959-12-31", "1950s"},
		{Decade, "1960-01-01", "1960s"},
		{Decade, "2003-06-30", "2000s"},
	} {
		if got := c.unit.Of(date(c.date)).String(); got != c.want {
			t.Errorf("%s of %s: %s, want %s", c.unit, c.date, got, c.want)
		}
	}
}

// TestNextAndRange walks over year ends, a leap day and a 53-week ISO year, one period at a
// time; the labels expected are the calendar's.
func TestNextAndRange(t *testing.T) {
	for _, c := range []struct {
		unit        Unit
		first, last string
		want        []string
	}{
		{Day, "1964-02-27", "1964-03-01", []string{"1964-02-27", "1964-02-28", "1964-02-29", "1964-03-01"}},
		{Day, "1963-02-28", "1963-03-01", []string{"1963-02-28", "1963-03-01"}},
		{Week, "2004-12-20", "2005-01-10", []string{"2004-W52", "2004-W53", "2005-W01", "2005-W02"}},
		{Month, "1962-11-15", "1963-02-01", []string{"1962-11", "1962-12", "1963-01", "1963-02"}},
		{Quarter, "1962-08-01", "1963-04-01", []string{"1962-Q3", "1962-Q4", "1963-Q1", "1963-Q2"}},
		{Year, "1999-05-05", "2001-01-01", []string{"1999", "2000", "2001"}},
		{Decade, "1946-05-15", "1971-01-01", []string{"1940s", "1950s", "1960s", "1970s"}},
	} {
		var got []string
		for _, p := range Range(c.unit.Of(date(c.first)), c.unit.Of(date(c.last))) {
			got = append(got, p.String())
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s %s..%s: %v, want %v", c.unit, c.first, c.last, got, c.want)
		}
	}
	if r := Range(Year.Of(date("2000-01-01")), Year.Of(date("1999-01-01"))); r != nil {
		t.Errorf("reversed range: %v", r)
	}
}

func TestStart(t *testing.T) {
	for _, c := range []struct {
		unit       Unit
		date, want string
	}{
		{Week, "2005-01-01", "2004-12-27"},
		{Month, "1964-02-29", "1964-02-01"},
		{Quarter, "1962-11-30", "1962-10-01"},
		{Year, "1962-11-30", "1962-01-01"},
		{Decade, "1966-05-16", "1960-01-01"},
		{Day, "1966-05-16", "1966-05-16"},
	} {
		if got := c.unit.Of(date(c.date)).Start().String(); got != c.want {
			t.Errorf("%s of %s starts %s, want %s", c.unit, c.date, got, c.want)
		}
	}
}

func TestParseUnit(t *testing.T) {
	for _, name := range Units() {
		u, err := ParseUnit(name)
		if err != nil || u.String() != name {
			t.Errorf("ParseUnit(%q) = %v, %v", name, u, err)
		}
	}
	if _, err := ParseUnit("fortnight"); err == nil {
		t.Error("ParseUnit(fortnight): no error")
	}
}
