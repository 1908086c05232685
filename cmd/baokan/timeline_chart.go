package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/timeline"
)

func checkChartPath(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png", ".svg":
		return nil
	}
	return fmt.Errorf("--chart %s: want a .png or .svg file", path)
}

func (o *timelineOptions) drawChart(tab *timeline.Table, bursts [][]burst.Burst) error {
	return fmt.Errorf("--chart: not available yet")
}
