package period_test

import (
	"fmt"
	"time"

	"github.com/baokan/baokan/analysis/period"
	"github.com/baokan/baokan/corpus"
)

// The period of a date in every unit, with its label and first and last days. The ISO
// weeks were checked with Python's datetime.date.isocalendar: 1962-10-29 is the Monday of
// 1962-W44, and 2005-01-01 is in 2004-W53.
func Example() {
	d := corpus.Date{Year: 1962, Month: time.October, Day: 29}
	for _, u := range []period.Unit{period.Day, period.Week, period.Month, period.Quarter, period.Year, period.Decade} {
		p := u.Of(d)
		fmt.Printf("%-7s %-10s %s – %s\n", u, p, p.Start(), p.End())
	}
	fmt.Println(period.Week.Of(corpus.Date{Year: 2005, Month: time.January, Day: 1}))
	// Every month from 1962-11 to 1963-02, labels sorting as the months do.
	first := period.Month.Of(corpus.Date{Year: 1962, Month: time.November, Day: 7})
	last := period.Month.Of(corpus.Date{Year: 1963, Month: time.February, Day: 28})
	fmt.Println(period.Range(first, last))
	// Output:
	// day     1962-10-29 1962-10-29 – 1962-10-29
	// week    1962-W44   1962-10-29 – 1962-11-04
	// month   1962-10    1962-10-01 – 1962-10-31
	// quarter 1962-Q4    1962-10-01 – 1962-12-31
	// year    1962       1962-01-01 – 1962-12-31
	// decade  1960s      1960-01-01 – 1969-12-31
	// 2004-W53
	// [1962-11 1962-12 1963-01 1963-02]
}
