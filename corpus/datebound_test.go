package corpus

import (
	"strings"
	"testing"
)

func TestParseDateBound(t *testing.T) {
	for _, tc := range []struct {
		in       string
		from, to string // "" for an error
	}{
		{"1962-10-29", "1962-10-29", "1962-10-29"},
		{"19621029", "1962-10-29", "1962-10-29"}, // the archive's form, accepted before
		{"1962-10", "1962-10-01", "1962-10-31"},
		{"196210", "1962-10-01", "1962-10-31"},
		{"1962", "1962-01-01", "1962-12-31"},
		{"1964-02", "1964-02-01", "1964-02-29"}, // leap year
		{"1900-02", "1900-02-01", "1900-02-28"}, // not a leap year (century)
		{"2000-02", "2000-02-01", "2000-02-29"},
		{"1962-04", "1962-04-01", "1962-04-30"},
		{"1990", "1990-01-01", "1990-12-31"}, // issue 12: "--from 1990" said "want YYYYMMDD"
		{"1962-13", "", ""},
		{"1962-02-30", "", ""},
		{"0000", "", ""},
		{"62", "", ""},
		{"1962-1", "", ""},
		{"1962/10/29", "", ""},
		{"yesterday", "", ""},
		{"", "", ""},
	} {
		for _, end := range []bool{false, true} {
			want := tc.from
			if end {
				want = tc.to
			}
			d, err := ParseDateBound(tc.in, end)
			switch {
			case want == "" && err == nil:
				t.Errorf("%q (end %v) = %s, want an error", tc.in, end, d)
			case want != "" && (err != nil || d.String() != want):
				t.Errorf("%q (end %v) = %s, %v; want %s", tc.in, end, d, err, want)
			}
		}
	}
	if _, err := ParseDateBound("1990x", false); err == nil || !strings.Contains(err.Error(), "want YYYY-MM-DD, YYYY-MM or YYYY") {
		t.Errorf("message: %v", err)
	}
}

func TestFilterBounds(t *testing.T) {
	if _, err := ParseFilter("from=1970,to=1960"); err == nil || !strings.Contains(err.Error(), "is after") {
		t.Errorf("from after to: %v", err)
	}
	f, err := ParseFilter("from=1966,to=1966")
	if err != nil {
		t.Fatal(err)
	}
	if f.From.String() != "1966-01-01" || f.To.String() != "1966-12-31" {
		t.Errorf("from=1966,to=1966: %s..%s", f.From, f.To)
	}
}
