package graphfile

import (
	"testing"
	"time"

	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/corpus"
)

// Names that exercise escaping: a middle dot (foreign names in Chinese), quotes, an
// ampersand, angle brackets and a backslash.
const (
	marx    = "卡尔·马克思"
	quoted  = `张"老"三`
	markup  = "A&B <C>"
	slashed = `王\五`
)

// testDocs: ten articles over seven persons in 1962, 1965 and 1971, one undated.
func testDocs() []network.Doc {
	d := func(y, m, day int) corpus.Date { return corpus.Date{Year: y, Month: time.Month(m), Day: day} }
	return []network.Doc{
		{ID: "1", Date: d(1962, 10, 29), Persons: []string{"毛泽东", "刘少奇", "周恩来"}},
		{ID: "2", Date: d(1962, 11, 2), Persons: []string{"毛泽东", "刘少奇"}},
		{ID: "3", Date: d(1965, 1, 1), Persons: []string{"毛泽东", marx}},
		{ID: "4", Date: d(1965, 5, 4), Persons: []string{quoted, markup, "毛泽东"}},
		{ID: "5", Date: d(1971, 7, 1), Persons: []string{"周恩来", "刘少奇"}},
		{ID: "6", Date: d(1971, 9, 13), Persons: []string{"周恩来", slashed}},
		{ID: "7", Date: d(1971, 9, 14), Persons: []string{"周恩来", "毛泽东"}},
		{ID: "8", Date: d(1962, 3, 1), Persons: []string{"毛泽东"}},
		{ID: "9", Date: d(1971, 3, 1)},
		{ID: "10", Persons: []string{"毛泽东", "周恩来"}},
	}
}

func testNetwork(t *testing.T) *network.Network {
	t.Helper()
	net, err := network.Build(testDocs(), network.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return net
}

func testSlices(t *testing.T) []network.Slice {
	t.Helper()
	sl, _, err := network.BuildSlices(testDocs(), network.ByDecade, network.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return sl
}
