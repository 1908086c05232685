package corpusreport

import (
	"strings"
	"testing"
	"time"

	"github.com/baokan/baokan/corpus"
)

// TestReportPeriods checks the period helpers against calendars worked by hand: 1996 is a
// leap year (February has 29 days), the 1960s run 1960–1969.
func TestReportPeriods(t *testing.T) {
	for _, tc := range []struct{ by, label, want string }{
		{"year", "2003", "from=2003-01-01,to=2003-12-31"},
		{"decade", "1960s", "from=1960-01-01,to=1969-12-31"},
		{"month", "1996-02", "from=1996-02-01,to=1996-02-29"},
		{"month", "1995-02", "from=1995-02-01,to=1995-02-28"},
		{"month", "1962-12", "from=1962-12-01,to=1962-12-31"},
	} {
		if got, err := periodFilter(tc.by, tc.label); err != nil || got != tc.want {
			t.Errorf("periodFilter(%s, %s) = %s, %v; want %s", tc.by, tc.label, got, err, tc.want)
		}
	}
	if _, err := periodFilter("genre", "社论"); err == nil {
		t.Error("periodFilter accepted a genre")
	}
	d := func(y, m, day int) corpus.Date { return corpus.Date{Year: y, Month: time.Month(m), Day: day} }
	if got := strings.Join(periodRange("month", d(1995, 11, 30), d(1996, 2, 1)), ","); got != "1995-11,1995-12,1996-01,1996-02" {
		t.Errorf("months %s", got)
	}
	if got := strings.Join(periodRange("year", d(1958, 8, 4), d(1961, 1, 1)), ","); got != "1958,1959,1960,1961" {
		t.Errorf("years %s", got)
	}
	if periodRange("year", corpus.Date{}, corpus.Date{}) != nil {
		t.Error("periods without a date")
	}
	for _, tc := range []struct {
		first, last corpus.Date
		want        int
	}{
		{d(1995, 1, 1), d(1996, 12, 31), 24},
		{d(1995, 12, 31), d(1996, 1, 1), 2},
		{d(1958, 8, 4), d(2003, 5, 28), 2003*12 + 5 - (1958*12 + 8) + 1},
		{corpus.Date{}, corpus.Date{}, 0},
	} {
		if got := monthSpan(tc.first, tc.last); got != tc.want {
			t.Errorf("monthSpan(%v, %v) = %d, want %d", tc.first, tc.last, got, tc.want)
		}
	}
}
