package timeline

import "github.com/baokan/baokan/analysis/period"

// The periods of a timeline are those of package period (kept here under their former
// names, so that timeline's callers need not change).
type (
	// Unit is period.Unit: a day, an ISO 8601 week, a month, quarter, year or decade.
	Unit = period.Unit
	// Period is period.Period: one period of a unit.
	Period = period.Period
)

// The units, as in package period.
const (
	Day     = period.Day
	Week    = period.Week
	Month   = period.Month
	Quarter = period.Quarter
	Year    = period.Year
	Decade  = period.Decade
)

// Units lists the units' names, shortest first (period.Units).
func Units() []string { return period.Units() }

// ParseUnit reads a unit's name (period.ParseUnit).
func ParseUnit(s string) (Unit, error) { return period.ParseUnit(s) }

// Range returns every period from first to last, both included, in order (period.Range).
func Range(first, last Period) []Period { return period.Range(first, last) }
