package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Span marks a burst: inclusive indexes into the x categories, and its level (1 = first
// burst state).
type Span struct{ From, To, Level int }

// Series is one line.
type Series struct {
	Name   string
	Values []float64 // one per category; len == len(Lines.Categories)
	Bursts []Span    // shaded behind the line (in the line's colour, translucent)
}

// Lines is a line chart over ordered categories (periods such as "1962", "1962-10",
// "1962-W44").
type Lines struct {
	Title, XLabel, YLabel string
	Categories            []string
	Series                []Series
}

// check reports the first inconsistency of the chart's data.
func (c Lines) check() error {
	if len(c.Categories) == 0 {
		return fmt.Errorf("chart: line chart %q has no categories", c.Title)
	}
	if len(c.Series) == 0 {
		return fmt.Errorf("chart: line chart %q has no series", c.Title)
	}
	for i, s := range c.Series {
		if len(s.Values) != len(c.Categories) {
			return fmt.Errorf("chart: line chart %q: series %d (%q) has %d values for %d categories",
				c.Title, i+1, s.Name, len(s.Values), len(c.Categories))
		}
		for j, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("chart: line chart %q: series %q: value %v at %q", c.Title, s.Name, v, c.Categories[j])
			}
		}
		for _, b := range s.Bursts {
			if b.From < 0 || b.To < b.From || b.To >= len(c.Categories) {
				return fmt.Errorf("chart: line chart %q: series %q: burst %d..%d outside categories 0..%d",
					c.Title, s.Name, b.From, b.To, len(c.Categories)-1)
			}
		}
	}
	return nil
}

// Write draws the line chart in format ("png" or "svg") to w. Each series is a line in its
// own colour (Tableau 10, in series order) and named in a legend right of the plot; its
// bursts are shaded behind the lines in the same colour, darker for higher levels, from
// From−0.5 to To+0.5 so a burst covers its categories whole. The y axis starts at 0.
func (c Lines) Write(w io.Writer, format string, o Options) error {
	return writeChart(w, format, o, DefaultHeight, c.check, c.paint)
}

// linePointsMax is the most categories for which each value also gets a dot.
const linePointsMax = 40

func (c Lines) paint(dc draw.Canvas, t theme) {
	p := t.newPlot(c.Title, c.XLabel, c.YLabel)
	n := len(c.Categories)

	ymax := 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			ymax = math.Max(ymax, v)
		}
	}
	if ymax == 0 {
		ymax = 1
	}
	for i, s := range c.Series {
		if len(s.Bursts) > 0 {
			p.Add(&burstShade{spans: s.Bursts, colour: Colour(i)})
		}
	}
	p.Add(horizontalGrid())

	legend := plot.NewLegend()
	legend.TextStyle = t.style(legendSize)
	legend.YPosition = draw.PosCenter
	legend.Top, legend.Left = true, true
	legend.ThumbnailWidth = 0.8 * vg.Centimeter
	legend.Padding = 3
	named := false
	for i, s := range c.Series {
		xys := make(plotter.XYs, n)
		for j, v := range s.Values {
			xys[j] = plotter.XY{X: float64(j), Y: v}
		}
		line, err := plotter.NewLine(xys)
		if err != nil {
			panic(err) // check has ruled out NaN and Inf
		}
		line.Color = Colour(i)
		line.Width = 1.6
		thumbs := []plot.Thumbnailer{line}
		p.Add(line)
		if n <= linePointsMax {
			dots, err := plotter.NewScatter(xys)
			if err != nil {
				panic(err)
			}
			dots.GlyphStyle = draw.GlyphStyle{Color: Colour(i), Radius: 2.2, Shape: draw.CircleGlyph{}}
			p.Add(dots)
			thumbs = append(thumbs, dots)
		}
		if s.Name != "" {
			named = true
			legend.Add(s.Name, thumbs...)
		}
	}
	// Fix the ranges after Add, which widens them to the data.
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	p.Y.Min, p.Y.Max = 0, ymax*1.05

	plotArea := dc
	var legendArea draw.Canvas
	if named {
		lw := vg.Length(0)
		for _, s := range c.Series {
			lw = max(lw, legend.TextStyle.Width(s.Name))
		}
		lw += legend.ThumbnailWidth + legend.TextStyle.Font.Size // thumbnail, gap, text
		plotArea = draw.Crop(dc, 0, -(lw + 0.5*vg.Centimeter), 0, 0)
		legendArea = draw.Crop(dc, dc.Size().X-lw, 0, 0, 0)
	}
	// The usable length for x labels: the plot width less the y axis (about 2 cm).
	categoryTicks(&p.X, c.Categories, plotArea.Size().X-2*vg.Centimeter)
	p.Draw(plotArea)
	if named {
		data := p.DataCanvas(plotArea)
		legendArea.Min.Y, legendArea.Max.Y = data.Min.Y, data.Max.Y
		legend.Draw(legendArea)
	}
}

// burstShade draws translucent bands over the full height of the data area.
type burstShade struct {
	spans  []Span
	colour color.NRGBA
}

// burstAlpha is the opacity of a level-1 burst band; each further level adds as much
// again, up to burstAlphaMax.
const (
	burstAlpha    = 0.13
	burstAlphaMax = 0.4
)

func (b *burstShade) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	for _, s := range b.spans {
		level := max(s.Level, 1)
		col := b.colour
		col.A = uint8(255 * math.Min(burstAlpha*float64(level), burstAlphaMax))
		x0, x1 := trX(float64(s.From)-0.5), trX(float64(s.To)+0.5)
		c.SetColor(col)
		c.Fill(vg.Rectangle{Min: vg.Point{X: x0, Y: c.Min.Y}, Max: vg.Point{X: x1, Y: c.Max.Y}}.Path())
	}
}
