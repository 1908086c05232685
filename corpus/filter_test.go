package corpus

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Date
		ok   bool
	}{
		{"19621029", Date{1962, time.October, 29}, true},
		{"1962-10-29", Date{1962, time.October, 29}, true},
		{"20000229", Date{2000, time.February, 29}, true}, // 2000 is a leap year (divisible by 400)
		{"19000229", Date{}, false},                       // 1900 is not (divisible by 100)
		{"19620230", Date{}, false},
		{"19621341", Date{}, false},
		{"00000101", Date{}, false},
		{"1962102", Date{}, false},
		{"196210291", Date{}, false},
		{"1962/10/29", Date{}, false},
		{"", Date{}, false},
	} {
		got, err := ParseDate(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
	a, b := Date{1966, time.May, 16}, Date{1976, time.October, 6}
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 || a.String() != "1966-05-16" || (Date{}).String() != "" {
		t.Error("Compare or String")
	}
}

func TestParseFilter(t *testing.T) {
	f, err := ParseFilter("from=1966-05-16,to=19761006,page=1,genre=社论,title=毛泽东|周恩来,朱德")
	if err != nil {
		t.Fatal(err)
	}
	if f.From != (Date{1966, time.May, 16}) || f.To != (Date{1976, time.October, 6}) || f.Page != 1 || f.Genre != "社论" ||
		f.Title == nil || f.Title.String() != "毛泽东|周恩来,朱德" {
		t.Errorf("filter %+v", f)
	}
	if f.IsZero() || !(&Filter{}).IsZero() || !(*Filter)(nil).IsZero() {
		t.Error("IsZero")
	}
	for _, bad := range []string{"page=0", "page=x", "from=19621341", "to=196", "to=1962-00", "genre", "colour=red", "title=(", "page=1,,"} {
		if _, err := ParseFilter(bad); err == nil {
			t.Errorf("ParseFilter(%q) succeeded", bad)
		}
	}
	if f, err := ParseFilter(""); err != nil || !f.IsZero() {
		t.Errorf("empty filter: %+v, %v", f, err)
	}
}

func TestFilterMatch(t *testing.T) {
	a := &Article{Date: Date{1970, time.January, 1}, Page: 1, Genres: []string{"消息", "讣告"}, Title: "甲", Kicker: "乙", Subtitles: []string{"丙"}}
	for _, c := range []struct {
		spec string
		want bool
	}{
		{"", true},
		{"from=1970-01-01,to=1970-01-01", true},
		{"from=1970-01-02", false},
		{"to=1969-12-31", false},
		{"page=2", false},
		{"genre=讣告", true},
		{"genre=讣", false}, // a genre matches whole
		{"title=丙", true},  // subtitles count
		{"title=乙", true},  // the kicker too
		{"title=丁", false},
	} {
		f, err := ParseFilter(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Match(a); got != c.want {
			t.Errorf("%q: Match = %v, want %v", c.spec, got, c.want)
		}
	}
	undated := &Article{Page: 1}
	if f, _ := ParseFilter("from=1900-01-01"); f.Match(undated) {
		t.Error("an article without a date passes a date bound")
	}
	if (*Filter)(nil).Match(undated) != true {
		t.Error("nil filter")
	}
}

// TestFilterRealCorpus counts what filters keep of the 119 real articles. Expected counts
// from a python3 regex scan of the UTF-8 copies (BH == 1; "19660516" <= RQ <= "19761006";
// TC split on ；;/; 毛泽东 in BT, YT or an FT).
func TestFilterRealCorpus(t *testing.T) {
	dir := filepath.Join(realCorpusDir, "txt")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: real corpus %s is absent (it is in the development tree only)", dir)
	}
	for _, c := range []struct {
		spec string
		want int
	}{
		{"page=1", 61},
		{"from=1966-05-16,to=1976-10-06", 13},
		{"from=1966-05-16,to=1976-10-06,page=1", 8},
		{"genre=消息", 12},
		{"genre=本报社论", 1},
		{"genre=社论", 0},
		{"title=毛泽东", 6},
	} {
		f, err := ParseFilter(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		arts, sum, err := ReadAll([]string{dir}, Options{Filter: f, Workers: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != c.want || sum.Matched != c.want || sum.Articles != 119 || sum.FilteredOut != 119-c.want {
			t.Errorf("%s: %d articles (summary: %d matched, %d filtered out of %d), want %d", c.spec, len(arts), sum.Matched, sum.FilteredOut, sum.Articles, c.want)
		}
	}
}
