package chart_test

import (
	"log"
	"path/filepath"

	"github.com/baokan/baokan/reports/chart"
)

// A timeline of two persons, monthly, with a burst of 雷锋 in early 1963, saved as SVG for
// the HTML report (and as PNG for a paper) in the font FindFont picks.
func Example() {
	c := chart.Lines{
		Title:      "人物提及（解放军报，按月）",
		XLabel:     "月份",
		YLabel:     "文章数",
		Categories: []string{"1962-11", "1962-12", "1963-01", "1963-02", "1963-03", "1963-04"},
		Series: []chart.Series{
			{Name: "雷锋", Values: []float64{0, 1, 2, 9, 30, 12}, Bursts: []chart.Span{{From: 3, To: 4, Level: 1}}},
			{Name: "毛泽东", Values: []float64{20, 18, 25, 22, 24, 19}},
		},
	}
	for _, name := range []string{"timeline.svg", "timeline.png"} {
		if err := chart.Save(filepath.Join("out", name), c, chart.Options{}); err != nil {
			log.Fatal(err) // wraps chart.ErrNoCJKFont when no Chinese font is installed
		}
	}
}
