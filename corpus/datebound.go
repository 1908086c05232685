package corpus

import (
	"fmt"
	"strings"
	"time"
)

// ParseDateBound parses a date bound as the command line writes it: YYYY-MM-DD (or the
// archive's YYYYMMDD), YYYY-MM (or YYYYMM), or YYYY. A month or a year stands for its first
// day as a lower bound (end false) and for its last day as an upper bound (end true):
// --from 1966 is 1966-01-01, --to 1966-02 is 1966-02-28.
func ParseDateBound(s string, end bool) (Date, error) {
	t := strings.TrimSpace(s)
	digits := strings.ReplaceAll(t, "-", "")
	bad := func() (Date, error) {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return bad()
		}
	}
	var year, month int
	switch {
	case len(digits) == 8:
		d, err := ParseDate(t)
		if err != nil {
			if strings.Contains(err.Error(), "does not exist") {
				return Date{}, err
			}
			return bad()
		}
		return d, nil
	case len(digits) == 6 && (t == digits || t[4] == '-' && len(t) == 7):
		fmt.Sscanf(digits, "%4d%2d", &year, &month)
		if year == 0 || month < 1 || month > 12 {
			return Date{}, fmt.Errorf("date %q does not exist", s)
		}
	case len(digits) == 4 && t == digits:
		fmt.Sscanf(digits, "%4d", &year)
		if year == 0 {
			return Date{}, fmt.Errorf("date %q does not exist", s)
		}
		month = 1
		if end {
			month = 12
		}
	default:
		return bad()
	}
	d := Date{Year: year, Month: time.Month(month), Day: 1}
	if end {
		// The day before the first of the next month.
		last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
		d.Day = last.Day()
	}
	return d, nil
}

// CheckBounds reports a filter whose first date comes after its last: it would keep no
// article.
func (f *Filter) CheckBounds() error {
	if f == nil || f.From.IsZero() || f.To.IsZero() || f.From.Compare(f.To) <= 0 {
		return nil
	}
	return fmt.Errorf("from %s is after to %s: no date is kept", f.From, f.To)
}
