package chart

import (
	"fmt"
	"io"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Bars is a bar chart (e.g. articles per year, per page).
type Bars struct {
	Title, XLabel, YLabel string
	Labels                []string
	Values                []float64
}

func (c Bars) check() error {
	if len(c.Labels) == 0 {
		return fmt.Errorf("chart: bar chart %q has no bars", c.Title)
	}
	if len(c.Values) != len(c.Labels) {
		return fmt.Errorf("chart: bar chart %q has %d values for %d labels", c.Title, len(c.Values), len(c.Labels))
	}
	for i, v := range c.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return fmt.Errorf("chart: bar chart %q: value %v at %q; bars need finite values ≥ 0", c.Title, v, c.Labels[i])
		}
	}
	return nil
}

// Write draws the bar chart in format ("png" or "svg") to w: one vertical bar per label, in
// the first palette colour, from 0 to its value; labels are thinned and turned like the
// categories of Lines when there are many.
func (c Bars) Write(w io.Writer, format string, o Options) error {
	return writeChart(w, format, o, DefaultHeight, c.check, c.paint)
}

// barFill is the share of a category's width a bar covers.
const barFill = 0.7

func (c Bars) paint(dc draw.Canvas, t theme) {
	p := t.newPlot(c.Title, c.XLabel, c.YLabel)
	n := len(c.Labels)
	ymax := 0.0
	for _, v := range c.Values {
		ymax = math.Max(ymax, v)
	}
	if ymax == 0 {
		ymax = 1
	}
	// Fix both ranges first: the bar width in points depends on the data area, which
	// depends on the tick labels.
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	p.Y.Min, p.Y.Max = 0, ymax*1.05
	categoryTicks(&p.X, c.Labels, dc.Size().X-2*vg.Centimeter)
	p.X.Tick.Length = 0
	p.Add(horizontalGrid())

	data := p.DataCanvas(dc)
	bars, err := plotter.NewBarChart(plotter.Values(c.Values), data.Size().X/vg.Length(n)*barFill)
	if err != nil {
		panic(err) // check has ruled out NaN and Inf
	}
	bars.Color = Colour(0)
	bars.LineStyle.Width = 0
	p.Add(bars)
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	p.Y.Min, p.Y.Max = 0, ymax*1.05
	p.Draw(dc)
}
