package main

import (
	"fmt"
	"os"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/reports/chart"
	"github.com/baokan/baokan/reports/timelinetable"
)

// checkChart checks --chart and --font before the corpus is read, so that a missing font
// fails at once rather than after a long pass.
func (o *timelineOptions) checkChart() error {
	if _, err := chart.FormatOf(o.chart); err != nil {
		return fmt.Errorf("--chart: %w", err)
	}
	if o.font != "" {
		if _, err := os.Stat(o.font); err != nil {
			return fmt.Errorf("--font: %w", err)
		}
		return nil
	}
	if _, err := chart.FindFont(); err != nil {
		return fmt.Errorf("--chart: %w (or name one with --font)", err)
	}
	return nil
}

// drawChart draws the table's chart (timelinetable.Options.Chart) into --chart.
func (o *timelineOptions) drawChart(table timelinetable.Options, tab *timeline.Table, bursts [][]burst.Burst) error {
	c, err := table.Chart(tab, bursts)
	if err != nil {
		return fmt.Errorf("--chart %s: %w", o.chart, err)
	}
	if err := chart.Save(o.chart, c, chart.Options{Font: o.font}); err != nil {
		return fmt.Errorf("--chart: %w", err)
	}
	return nil
}
