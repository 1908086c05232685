// Package period is the one calendar period of the toolkit: a day, an ISO 8601 week, a
// calendar month, quarter, year or decade, with the period of a date, the next period,
// ranges, first days and zero-padded labels (1962-10-29, 1962-W44, 1962-10, 1962-Q4, 1962,
// 1960s) that sort as the periods do. The timelines, the stats breakdowns and the report
// name their periods with it.
package period

import (
	"fmt"
	"strings"
	"time"

	"github.com/baokan/baokan/corpus"
)

// Unit is the length of a period: a day, an ISO 8601 week, a calendar month, quarter, year
// or decade.
type Unit int

const (
	Day Unit = iota + 1
	Week
	Month
	Quarter
	Year
	Decade
)

var unitNames = []string{Day: "day", Week: "week", Month: "month", Quarter: "quarter", Year: "year", Decade: "decade"}

// Units lists the units' names, shortest first.
func Units() []string { return append([]string(nil), unitNames[Day:]...) }

// ParseUnit reads a unit's name: day, week, month, quarter, year or decade.
func ParseUnit(s string) (Unit, error) {
	for u := Day; u <= Decade; u++ {
		if unitNames[u] == s {
			return u, nil
		}
	}
	return 0, fmt.Errorf("unit %q: choose %s", s, strings.Join(Units(), ", "))
}

func (u Unit) String() string {
	if u < Day || u > Decade {
		return fmt.Sprintf("Unit(%d)", int(u))
	}
	return unitNames[u]
}

// Period is one period of a unit. Index numbers the periods of the unit consecutively, so
// that the period after p has Index p.Index+1 whatever the calendar does (a month of 28
// days, an ISO year of 53 weeks):
//
//	day      days since 1970-01-01 (proleptic Gregorian calendar)
//	week     weeks since the ISO week of 1970-01-01 (Monday 1969-12-29)
//	month    year×12 + month−1
//	quarter  year×4 + (month−1)/3
//	year     the year
//	decade   ⌊year/10⌋
type Period struct {
	Unit  Unit
	Index int
}

// Of returns the period of unit u that holds the date d, which must be a valid date
// (not the zero Date).
func (u Unit) Of(d corpus.Date) Period {
	switch u {
	case Day:
		return Period{u, dayNumber(d)}
	case Week:
		// 1970-01-01 (day 0) was a Thursday: shifting by 3 makes weeks start on Mondays.
		return Period{u, floorDiv(dayNumber(d)+3, 7)}
	case Month:
		return Period{u, d.Year*12 + int(d.Month) - 1}
	case Quarter:
		return Period{u, d.Year*4 + (int(d.Month)-1)/3}
	case Year:
		return Period{u, d.Year}
	case Decade:
		return Period{u, floorDiv(d.Year, 10)}
	}
	panic(fmt.Sprintf("period: invalid unit %d", int(u)))
}

// Next returns the period that follows p.
func (p Period) Next() Period { return Period{p.Unit, p.Index + 1} }

// Compare returns −1, 0 or +1 as p is before, the same as or after q (of the same unit).
func (p Period) Compare(q Period) int {
	switch {
	case p.Index < q.Index:
		return -1
	case p.Index > q.Index:
		return 1
	}
	return 0
}

// Start returns the first day of the period (a Monday for an ISO week).
func (p Period) Start() corpus.Date {
	switch p.Unit {
	case Day:
		return dateOfDay(p.Index)
	case Week:
		return dateOfDay(7*p.Index - 3)
	case Month:
		return corpus.Date{Year: floorDiv(p.Index, 12), Month: time.Month(mod(p.Index, 12) + 1), Day: 1}
	case Quarter:
		return corpus.Date{Year: floorDiv(p.Index, 4), Month: time.Month(3*mod(p.Index, 4) + 1), Day: 1}
	case Year:
		return corpus.Date{Year: p.Index, Month: time.January, Day: 1}
	case Decade:
		return corpus.Date{Year: 10 * p.Index, Month: time.January, Day: 1}
	}
	return corpus.Date{}
}

// End returns the last day of the period (a Sunday for an ISO week).
func (p Period) End() corpus.Date { return dateOfDay(dayNumber(p.Next().Start()) - 1) }

// String is the period's label: 1962-10-29 (day), 1962-W44 (ISO 8601 week, with the ISO
// week-numbering year, so 2005-01-01 is in 2004-W53), 1962-10 (month), 1962-Q4 (quarter),
// 1962 (year), 1960s (decade). Labels of one unit sort as their periods do.
func (p Period) String() string {
	switch p.Unit {
	case Day:
		return p.Start().String()
	case Week:
		y, w := isoWeek(p.Index)
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return fmt.Sprintf("%04d-%02d", floorDiv(p.Index, 12), mod(p.Index, 12)+1)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", floorDiv(p.Index, 4), mod(p.Index, 4)+1)
	case Year:
		return fmt.Sprintf("%04d", p.Index)
	case Decade:
		return fmt.Sprintf("%04ds", 10*p.Index)
	}
	return fmt.Sprintf("Period(%d,%d)", int(p.Unit), p.Index)
}

// Range returns every period from first to last, both included, in order (nil if last is
// before first).
func Range(first, last Period) []Period {
	if last.Index < first.Index {
		return nil
	}
	out := make([]Period, 0, last.Index-first.Index+1)
	for p := first; p.Index <= last.Index; p = p.Next() {
		out = append(out, p)
	}
	return out
}

// isoWeek returns the ISO 8601 week-numbering year and week of the week with index w: the
// year of the week's Thursday (ISO 8601 §3.2.2: week 1 is the week with the year's first
// Thursday), and the week number counted from that year's first Thursday.
func isoWeek(w int) (year, week int) {
	thursday := dateOfDay(7 * w).Time()
	return thursday.Year(), (thursday.YearDay()-1)/7 + 1
}

func dayNumber(d corpus.Date) int {
	// The Unix time of a UTC midnight is an exact multiple of 86,400, before 1970 as after.
	return int(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dateOfDay(n int) corpus.Date {
	t := time.Unix(int64(n)*86400, 0).UTC()
	return corpus.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func mod(a, b int) int { return a - b*floorDiv(a, b) }
