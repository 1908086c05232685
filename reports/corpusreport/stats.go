package corpusreport

import (
	"github.com/baokan/baokan/analysis/corpusstats"
	"github.com/baokan/baokan/reports"
)

// statsBreakdowns are the breakdowns the report counts (keys of corpusstats.Groupings).
var statsBreakdowns = []string{"year", "month", "page", "genre"}

func newCorpusStats() *corpusstats.Stats {
	s, err := corpusstats.New(statsBreakdowns...)
	if err != nil {
		panic(err) // statsBreakdowns are groupings
	}
	return s
}

// OverviewTable is the table of 'baokan stats': one row a measure.
func OverviewTable(measures []corpusstats.Measure) reports.Table {
	t := reports.Table{Title: "Corpus", Columns: []string{"measure", "value"}}
	for _, m := range measures {
		t.Rows = append(t.Rows, []any{m.Name, m.Value})
	}
	return t
}

// BreakdownTable is the table of 'baokan stats --by': one row a group, with its articles,
// body characters and share.
func BreakdownTable(by string, groups []corpusstats.Group) reports.Table {
	t := reports.Table{Title: "By " + by, Columns: []string{by, "articles", "chars", "share"}}
	for _, g := range groups {
		t.Rows = append(t.Rows, []any{g.Name, g.Articles, g.Chars, g.Share})
	}
	return t
}
