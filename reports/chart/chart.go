package chart

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Options sets the size, resolution and font of a picture.
type Options struct {
	// Width and Height of the picture; zero: 20 cm × 11 cm for Lines and Bars,
	// 20 cm × 16 cm for Network.
	Width, Height vg.Length
	// Font is the path of a font file (.ttf, .otf, .ttc) with CJK glyphs; empty: FindFont().
	Font string
	// DPI is the resolution of PNG output in dots per inch; zero: 150. SVG is resolution-free.
	DPI int
}

// Defaults of Options.
const (
	DefaultWidth         = 20 * vg.Centimeter
	DefaultHeight        = 11 * vg.Centimeter
	DefaultNetworkHeight = 16 * vg.Centimeter
	DefaultDPI           = 150
)

// Output formats.
const (
	PNG = "png"
	SVG = "svg"
)

// Chart is what Save writes: Lines, Bars and Network.
type Chart interface {
	Write(w io.Writer, format string, o Options) error
}

// FormatOf returns the picture format for a file name from its extension ("png" or "svg",
// case-insensitive), or an error naming the file for any other extension.
func FormatOf(path string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	switch ext {
	case PNG, SVG:
		return ext, nil
	case "":
		return "", fmt.Errorf("chart: %s: no file extension; use .png or .svg", path)
	}
	return "", fmt.Errorf("chart: %s: unsupported picture format %q; use .png or .svg", path, ext)
}

// Save writes c to the file at path in the format its extension names (see FormatOf).
// The file is written only if drawing succeeds.
func Save(path string, c interface {
	Write(io.Writer, string, Options) error
}, o Options) error {
	format, err := FormatOf(path)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := c.Write(&buf, format, o); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o666); err != nil {
		return fmt.Errorf("chart: %w", err)
	}
	return nil
}

// palette is Tableau 10 (Tableau Software, 2016 revision, as in matplotlib's "tab10" and
// Vega's "tableau10"): ten hues that stay distinct for colour-blind readers and in print.
var palette = [...]color.NRGBA{
	{0x4E, 0x79, 0xA7, 0xFF}, // blue
	{0xF2, 0x8E, 0x2B, 0xFF}, // orange
	{0xE1, 0x57, 0x59, 0xFF}, // red
	{0x76, 0xB7, 0xB2, 0xFF}, // teal
	{0x59, 0xA1, 0x4F, 0xFF}, // green
	{0xED, 0xC9, 0x48, 0xFF}, // yellow
	{0xB0, 0x7A, 0xA1, 0xFF}, // purple
	{0xFF, 0x9D, 0xA7, 0xFF}, // pink
	{0x9C, 0x75, 0x5F, 0xFF}, // brown
	{0xBA, 0xB0, 0xAC, 0xFF}, // grey
}

// Colour returns the i-th colour of the palette (Tableau 10), repeating after ten.
func Colour(i int) color.NRGBA {
	if i < 0 {
		i = -i
	}
	return palette[i%len(palette)]
}

// Font sizes, in points, chosen for a 20 cm wide figure printed at full text width.
const (
	titleSize     = 14
	labelSize     = 11
	tickSize      = 9.5
	legendSize    = 10
	nodeLabelSize = 9
)

var (
	textColour = color.NRGBA{0x22, 0x22, 0x22, 0xFF}
	axisColour = color.NRGBA{0x55, 0x55, 0x55, 0xFF}
	gridColour = color.NRGBA{0xDD, 0xDD, 0xDD, 0xFF}
)

// typeface names the one CJK face in a theme's private font cache.
const typeface = font.Typeface("baokan-cjk")

// theme carries the text handler of one CJK font; every text style of a plot uses it, so
// plot.DefaultFont and font.DefaultCache (package globals) are never touched.
type theme struct {
	handler text.Handler
	family  string // family name of the face, e.g. "Noto Sans CJK SC"
}

func newTheme(fontPath string) (theme, error) {
	if fontPath == "" {
		p, err := FindFont()
		if err != nil {
			return theme{}, err
		}
		fontPath = p
	}
	f, err := loadFont(fontPath)
	if err != nil {
		return theme{}, err
	}
	cache := font.NewCache(font.Collection{{Font: font.Font{Typeface: typeface}, Face: f.face}})
	return theme{handler: text.Plain{Fonts: cache}, family: f.family}, nil
}

// style returns a text style of the theme's font at size points, aligned at its left
// bottom corner.
func (t theme) style(size vg.Length) text.Style {
	return text.Style{
		Color:   textColour,
		Font:    font.Font{Typeface: typeface, Size: size},
		Handler: t.handler,
	}
}

// newPlot returns a plot with the theme's font on every text, light axes and no top/right
// clutter.
func (t theme) newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.TextHandler = t.handler
	p.Title.Text = title
	p.Title.TextStyle = t.style(titleSize)
	p.Title.TextStyle.XAlign, p.Title.TextStyle.YAlign = draw.XCenter, draw.YTop
	p.Title.Padding = 10
	p.Legend.TextStyle = t.style(legendSize)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = t.style(labelSize)
		a.Label.TextStyle.XAlign = draw.XCenter
		a.Label.Padding = 6
		a.Tick.Label = t.style(tickSize)
		a.Tick.Label.Color = axisColour
		a.LineStyle.Color = axisColour
		a.LineStyle.Width = 0.8
		a.Tick.LineStyle.Color = axisColour
		a.Tick.LineStyle.Width = 0.8
		a.Tick.Length = 4
		a.Padding = 2
	}
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.Y.Tick.Marker = niceTicks{}
	p.Y.Tick.Label.XAlign = draw.XRight
	p.Y.Tick.Label.YAlign = draw.YCenter
	return p
}

// horizontalGrid returns light grid lines at the y ticks only.
func horizontalGrid() *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Color = nil
	g.Horizontal.Color = gridColour
	g.Horizontal.Width = 0.6
	return g
}

// categoryTicks labels categories 0..n-1 on an axis of usable length: every category while
// the labels fit, else every step-th, with steps and anchors a reader counts easily (see
// periodSteps: years 1950, 1955, …; months 1962-01, 1962-07, …). Labels longer than five
// runes (e.g. "1962-10") are turned 45° so more of them fit. Every category keeps a short
// unlabelled tick.
func categoryTicks(a *plot.Axis, labels []string, usable vg.Length) {
	maxLen, maxWidth := 0, vg.Length(0)
	for _, l := range labels {
		maxLen = max(maxLen, utf8.RuneCountInString(l))
		maxWidth = max(maxWidth, a.Tick.Label.Width(l))
	}
	footprint := maxWidth + a.Tick.Label.Font.Size // a label plus one em of space
	if maxLen > 5 {
		a.Tick.Label.Font.Size = tickSize - 0.5
		footprint = 2 * a.Tick.Label.Font.Size // a turned label needs about two line heights
		a.Tick.Label.Rotation = math.Pi / 4
		a.Tick.Label.XAlign = draw.XRight
		a.Tick.Label.YAlign = draw.YCenter
	}
	n := len(labels)
	steps, key := periodSteps(labels)
	step := 1
	if usable > 0 && vg.Length(n)*footprint > usable {
		step = chooseStep(steps, int(math.Ceil(float64(vg.Length(n)*footprint/usable))))
	}
	ticks := make(plot.ConstantTicks, 0, n)
	for i, l := range labels {
		t := plot.Tick{Value: float64(i)}
		if key(i)%step == 0 {
			t.Label = l
		}
		ticks = append(ticks, t)
	}
	a.Tick.Marker = ticks
}

// chooseStep returns the smallest of steps (ascending) that is at least need, or a multiple
// of the largest.
func chooseStep(steps []int, need int) int {
	for _, s := range steps {
		if s >= need {
			return s
		}
	}
	last := steps[len(steps)-1]
	return last * ((need + last - 1) / last)
}

// periodSteps recognises the period labels of baokan (all "1962", all "1962-10", all
// "1962-W44") and returns label intervals natural to them, and for category i the number
// whose multiples of the interval get a label: the year, the month count, the week of the
// year. Other labels get intervals 1, 2, 5, 10, 20, 50, … counted from the first.
func periodSteps(labels []string) ([]int, func(int) int) {
	byIndex := func(i int) int { return i }
	shape := func(ok func(string) bool) bool {
		for _, l := range labels {
			if !ok(l) {
				return false
			}
		}
		return true
	}
	digits := func(s string) (int, bool) {
		if s == "" {
			return 0, false
		}
		v := 0
		for _, r := range s {
			if r < '0' || r > '9' {
				return 0, false
			}
			v = v*10 + int(r-'0')
		}
		return v, true
	}
	switch {
	case shape(func(l string) bool { _, ok := digits(l); return len(l) == 4 && ok }):
		return []int{1, 2, 5, 10, 20, 50, 100}, func(i int) int { y, _ := digits(labels[i]); return y }
	case shape(func(l string) bool {
		_, ok1 := digits(l[:min(4, len(l))])
		_, ok2 := digits(l[min(5, len(l)):])
		return len(l) == 7 && l[4] == '-' && ok1 && ok2
	}):
		return []int{1, 2, 3, 6, 12, 24, 60, 120}, func(i int) int {
			y, _ := digits(labels[i][:4])
			m, _ := digits(labels[i][5:])
			return y*12 + m - 1
		}
	case shape(func(l string) bool {
		_, ok1 := digits(l[:min(4, len(l))])
		_, ok2 := digits(l[min(6, len(l)):])
		return len(l) == 8 && l[4:6] == "-W" && ok1 && ok2
	}):
		// Week 1 of every year is labelled at the intervals that divide a year.
		return []int{1, 2, 4, 13, 26, 52}, func(i int) int { w, _ := digits(labels[i][6:]); return w - 1 }
	}
	return []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}, byIndex
}

// size fills in default dimensions.
func (o Options) size(defW, defH vg.Length) (vg.Length, vg.Length) {
	w, h := o.Width, o.Height
	if w <= 0 {
		w = defW
	}
	if h <= 0 {
		h = defH
	}
	return w, h
}

// margin is the white border around every picture.
const margin = 0.4 * vg.Centimeter

// render draws with paint on a canvas of the format and writes it to w. gonum/plot panics
// on drawing errors (e.g. a broken font); render turns such a panic into an error.
// writeChart checks a chart, loads its theme (the font of o) and renders it at o's size (the
// default height given): the steps every chart's Write shares.
func writeChart(w io.Writer, format string, o Options, defaultHeight vg.Length, check func() error, paint func(draw.Canvas, theme)) error {
	if err := check(); err != nil {
		return err
	}
	t, err := newTheme(o.Font)
	if err != nil {
		return err
	}
	width, height := o.size(DefaultWidth, defaultHeight)
	return render(w, format, o, width, height, t, func(dc draw.Canvas) { paint(dc, t) })
}

func render(w io.Writer, format string, o Options, width, height vg.Length, t theme, paint func(draw.Canvas)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("chart: drawing failed: %v", r)
		}
	}()
	switch format {
	case PNG:
		dpi := o.DPI
		if dpi <= 0 {
			dpi = DefaultDPI
		}
		c := vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
		paint(draw.Crop(draw.New(c), margin, -margin, margin, -margin))
		if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(w); err != nil {
			return fmt.Errorf("chart: writing PNG: %w", err)
		}
		return nil
	case SVG:
		c := vgsvg.New(width, height)
		dc := draw.New(c)
		dc.SetColor(color.White)
		dc.Fill(dc.Rectangle.Path())
		paint(draw.Crop(dc, margin, -margin, margin, -margin))
		var buf bytes.Buffer
		if _, err := c.WriteTo(&buf); err != nil {
			return fmt.Errorf("chart: writing SVG: %w", err)
		}
		if _, err := w.Write(svgFontFallback(buf.Bytes(), t.family)); err != nil {
			return fmt.Errorf("chart: writing SVG: %w", err)
		}
		return nil
	}
	return fmt.Errorf("chart: unsupported picture format %q; use png or svg", format)
}

// svgFallbackFamilies follow the measuring font in SVG text: CJK sans-serif fonts of Linux,
// macOS and Windows, so a browser shows Chinese even where the measuring font is absent.
// The font itself is not embedded (a Noto CJK collection is 20 MB).
const svgFallbackFamilies = "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei'," +
	"'PingFang SC','Hiragino Sans GB','Microsoft YaHei','SimHei',sans-serif"

// svgFontFallback rewrites vgsvg's single font-family (the family name of the measuring
// font) to that family followed by svgFallbackFamilies.
func svgFontFallback(svg []byte, family string) []byte {
	old := "font-family:" + family + ";"
	list := "font-family:" + svgFallbackFamilies + ";"
	if quoted := "'" + strings.ReplaceAll(family, "'", "") + "'"; !strings.Contains(svgFallbackFamilies, quoted) {
		list = "font-family:" + quoted + "," + svgFallbackFamilies + ";"
	}
	return bytes.ReplaceAll(svg, []byte(old), []byte(list))
}

// niceTicks puts four to eight labelled ticks on a linear axis, at multiples of a step of
// 1, 2 or 5 times a power of ten, with an unlabelled tick halfway between them. The step is
// Heckbert's rounded "nice number" for a fifth of the range: the fraction f of
// range/5 = f·10^k becomes 1 if f < 1.5, 2 if f < 3, 5 if f < 7, else 10 (P. S. Heckbert,
// "Nice numbers for graph labels", Graphics Gems, 1990, pp. 61–63). plot.DefaultTicks aims
// at three labels, too few to read values off a chart in a paper.
type niceTicks struct{}

// niceTicksWanted is the number of labelled intervals aimed at.
const niceTicksWanted = 5

func (niceTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) {
		return []plot.Tick{{Value: lo, Label: formatTick(lo, 0)}}
	}
	raw := (hi - lo) / niceTicksWanted
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	var step float64
	switch f := raw / pow; {
	case f < 1.5:
		step = pow
	case f < 3:
		step = 2 * pow
	case f < 7:
		step = 5 * pow
	default:
		step = 10 * pow
	}
	decimals := max(0, -int(math.Floor(math.Log10(step))))
	var ticks []plot.Tick
	first := math.Ceil(lo/step-1e-9) * step
	for i := 0; ; i++ {
		v := first + float64(i)*step
		if v > hi+step*1e-9 {
			break
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: formatTick(v, decimals)})
		if half := v + step/2; half <= hi {
			ticks = append(ticks, plot.Tick{Value: half})
		}
	}
	if first-step/2 >= lo {
		ticks = append(ticks, plot.Tick{Value: first - step/2})
	}
	return ticks
}

// formatTick writes v with the given number of decimals, without a minus sign on zero.
func formatTick(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Trim(s, "-0.") == "" {
		return strings.TrimPrefix(s, "-")
	}
	return s
}
