// Package timelinetable writes a timeline (analysis/timeline) as `baokan timeline` does: one
// row per period and series with its rates, burst level and, when asked, a moving average
// and a standardised index; or one row per burst; or a line chart with the bursts shaded,
// titled in Chinese.
package timelinetable

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/analysis/timeline"
	"github.com/baokan/baokan/reports"
)

// Values are the choices of Options.Value.
var Values = []string{"count", "per_10k", "share", "index"}

// Options choose the value smoothed and drawn, and the optional columns.
type Options struct {
	// Value is what Smooth averages and a chart draws: count, per_10k, share, or index (the
	// standardised index of Index).
	Value string
	// Smooth, when above 0, adds the column smoothed: the trailing moving average of Value
	// over Smooth periods (timeline.MovingAverage).
	Smooth int
	// Index, when not nil, adds the column index: by series, the index of each period (nil
	// for a series without one).
	Index [][]float64
}

// CheckValue checks a Value.
func CheckValue(v string) error {
	if !slices.Contains(Values, v) {
		return fmt.Errorf("choose %s", strings.Join(Values, ", "))
	}
	return nil
}

// Cell returns v, or nil (an empty cell, null in JSON) for NaN.
func Cell(v float64) any {
	if math.IsNaN(v) {
		return nil
	}
	return v
}

// value returns the Value of series i in period pi (NaN for an index the series lacks).
func (o Options) value(tab *timeline.Table, i, pi int) float64 {
	p := tab.Points[i][pi]
	switch o.Value {
	case "index":
		if o.Index == nil || o.Index[i] == nil {
			return math.NaN()
		}
		return o.Index[i][pi]
	case "count":
		return float64(p.Count)
	case "share":
		return p.Share()
	}
	return p.Per10k()
}

// SeriesValues returns the Value of series i in every period, smoothed with Smooth.
func (o Options) SeriesValues(tab *timeline.Table, i int) []float64 {
	values := make([]float64, len(tab.Periods))
	for pi := range tab.Points[i] {
		values[pi] = o.value(tab, i, pi)
	}
	if o.Smooth > 0 {
		values = timeline.MovingAverage(values, o.Smooth)
	}
	return values
}

// Columns returns the columns of the periods table.
func (o Options) Columns() []string {
	columns := []string{"period", "series", "count", "total", "per_10k", "share", "front_page_share", "burst"}
	if o.Smooth > 0 {
		columns = append(columns, "smoothed")
	}
	if o.Index != nil {
		columns = append(columns, "index")
	}
	return columns
}

// WritePeriods writes one row per period and series, periods in order, series in the
// table's order (Columns).
func (o Options) WritePeriods(out *reports.Writer, tab *timeline.Table, bursts [][]burst.Burst) error {
	levels := make([][]int, len(tab.Series))
	smoothed := make([][]float64, len(tab.Series))
	for i := range tab.Series {
		levels[i] = timeline.Levels(bursts[i], len(tab.Periods))
		if o.Smooth > 0 {
			smoothed[i] = o.SeriesValues(tab, i)
		}
	}
	for pi, period := range tab.Periods {
		for i, s := range tab.Series {
			p := tab.Points[i][pi]
			var level any
			if levels[i][pi] > 0 {
				level = levels[i][pi]
			}
			per10k := Cell(p.Per10k())
			if s.Kind.Total() {
				per10k = nil // the total over itself
			}
			row := []any{period.String(), s.Name(), p.Count, p.Total, per10k,
				Cell(p.Share()), Cell(p.FrontPageShare()), level}
			if o.Smooth > 0 {
				row = append(row, Cell(smoothed[i][pi]))
			}
			if o.Index != nil {
				var v any
				if o.Index[i] != nil {
					v = Cell(o.Index[i][pi])
				}
				row = append(row, v)
			}
			if err := out.WriteRow(row...); err != nil {
				return err
			}
		}
	}
	return nil
}

// BurstColumns are the columns of the bursts table.
var BurstColumns = []string{"series", "start", "end", "periods", "level", "weight"}

// WriteBursts writes one row per burst, series in the table's order, bursts in time order.
func WriteBursts(out *reports.Writer, tab *timeline.Table, bursts [][]burst.Burst) error {
	for i, s := range tab.Series {
		for _, b := range bursts[i] {
			if err := out.WriteRow(s.Name(), tab.Periods[b.Start].String(), tab.Periods[b.End].String(),
				b.End-b.Start+1, b.Level, b.Weight); err != nil {
				return err
			}
		}
	}
	return nil
}
