package chart

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	imagedraw "image/draw"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/vg"
)

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]string{
		"out/timeline.png": "png",
		"Timeline.SVG":     "svg",
		"a.b/c.png":        "png",
	} {
		if got, err := FormatOf(path); err != nil || got != want {
			t.Errorf("FormatOf(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
	for _, path := range []string{"chart.pdf", "chart.jpeg", "chart", "dir.png/chart"} {
		if _, err := FormatOf(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("FormatOf(%q): error %v should name the file", path, err)
		}
	}
}

// pngOf decodes a PNG and checks its size: width and height in pixels are the lengths in
// inches times the DPI, rounded (20 cm at 150 dpi: 20/2.54·150 = 1181.1 → 1181).
func pngOf(t *testing.T, data []byte, w, h vg.Length, dpi int) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	wantW := int(math.Round(float64(w/vg.Inch) * float64(dpi)))
	wantH := int(math.Round(float64(h/vg.Inch) * float64(dpi)))
	if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
		t.Errorf("PNG is %d×%d, want %d×%d", b.Dx(), b.Dy(), wantW, wantH)
	}
	return img
}

// pixels returns the picture's pixels as 8-bit RGBA, 4 bytes a pixel.
func pixels(img image.Image) []uint8 {
	if rgba, ok := img.(*image.RGBA); ok && rgba.Stride == 4*rgba.Rect.Dx() {
		return rgba.Pix
	}
	rgba := image.NewRGBA(img.Bounds())
	imagedraw.Draw(rgba, rgba.Rect, img, img.Bounds().Min, imagedraw.Src)
	return rgba.Pix
}

// inkShare is the share of pixels that are not white (any channel below 240).
func inkShare(img image.Image) float64 {
	pix := pixels(img)
	ink := 0
	for i := 0; i < len(pix); i += 4 {
		if pix[i] < 240 || pix[i+1] < 240 || pix[i+2] < 240 {
			ink++
		}
	}
	return float64(ink) / float64(len(pix)/4)
}

// colourPixels counts pixels within 8/255 per channel of c (opaque colours only: the
// antialiased edges of a line are excluded, its core is counted).
func colourPixels(img image.Image, c color.NRGBA) int {
	pix := pixels(img)
	near := func(a, b uint8) bool { return max(a, b)-min(a, b) <= 8 }
	n := 0
	for i := 0; i < len(pix); i += 4 {
		if near(pix[i], c.R) && near(pix[i+1], c.G) && near(pix[i+2], c.B) {
			n++
		}
	}
	return n
}

// svgText parses an SVG as XML and returns its text content.
func svgText(t *testing.T, data []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
			text.WriteByte('\n')
		}
	}
	return text.String()
}

// write renders c twice in format and checks both outputs are byte-identical.
func write(t *testing.T, c Chart, format string, o Options) []byte {
	t.Helper()
	var a, b bytes.Buffer
	if err := c.Write(&a, format, o); err != nil {
		t.Fatal(err)
	}
	if err := c.Write(&b, format, o); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("%s output differs between two runs on the same input", format)
	}
	return a.Bytes()
}

// checkGlyphs asserts that the font has a real glyph (not .notdef, index 0) for every
// non-space rune of every string, so nothing is drawn as a box.
func checkGlyphs(t *testing.T, fontPath string, strs ...string) {
	t.Helper()
	f, err := loadFont(fontPath)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, s := range strs {
		for _, r := range s {
			if r == ' ' {
				continue
			}
			if i, err := f.face.GlyphIndex(&buf, r); err != nil || i == 0 {
				t.Errorf("%s has no glyph for %q in %q", f.family, r, s)
			}
		}
	}
}

// TestDistinctGlyphs renders characters one by one as picture titles: a font drawing boxes
// (.notdef) would give identical pictures for different characters, real glyphs differ.
func TestDistinctGlyphs(t *testing.T) {
	font := systemFont(t)
	seen := map[string]rune{}
	for _, r := range "毛泽东林彪口" {
		var buf bytes.Buffer
		c := Bars{Title: string(r), Labels: []string{""}, Values: []float64{0}}
		if err := c.Write(&buf, PNG, Options{Font: font, Width: 3 * vg.Centimeter, Height: 3 * vg.Centimeter}); err != nil {
			t.Fatal(err)
		}
		if prev, dup := seen[buf.String()]; dup {
			t.Errorf("%q and %q render identically (boxes?)", prev, r)
		}
		seen[buf.String()] = r
	}
}

func TestLines(t *testing.T) {
	font := systemFont(t)
	c := yearLines()
	o := Options{Font: font}
	img := pngOf(t, write(t, c, PNG, o), DefaultWidth, DefaultHeight, DefaultDPI)
	// Three lines, burst bands, grid and text ink 15% of this picture (measured with Noto
	// Sans CJK); axes and titles without data ink 1.4%.
	if s := inkShare(img); s < 0.03 || s > 0.3 {
		t.Errorf("ink share %.3f, want between 0.03 and 0.3", s)
	}
	// Each series is drawn in its palette colour: a 1.6 pt line over 28 points is
	// thousands of pixels at 150 dpi.
	for i, s := range c.Series {
		if n := colourPixels(img, Colour(i)); n < 500 {
			t.Errorf("series %q: %d pixels of its colour %v", s.Name, n, Colour(i))
		}
	}
	checkGlyphs(t, font, c.Title, c.XLabel, c.YLabel, c.Series[0].Name, c.Series[1].Name, c.Series[2].Name)

	svg := write(t, c, SVG, o)
	text := svgText(t, svg)
	for _, want := range []string{c.Title, c.XLabel, c.YLabel, "毛泽东", "林彪", "周恩来", "1950", "1975"} {
		if !strings.Contains(text, want) {
			t.Errorf("SVG text lacks %q", want)
		}
	}
	if !bytes.Contains(svg, []byte("'WenQuanYi Micro Hei'")) || !bytes.Contains(svg, []byte("sans-serif;")) {
		t.Error("SVG text has no CJK font-family fallback list")
	}
	if len(svg) > 200<<10 {
		t.Errorf("SVG is %d bytes; the font must not be embedded", len(svg))
	}
}

// TestLinesOtherFonts draws with each installed Debian CJK font: Noto Sans CJK (CFF
// outlines) and WenQuanYi Micro Hei (TrueType outlines).
func TestLinesOtherFonts(t *testing.T) {
	for _, path := range []string{
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
	} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s not installed", path)
			}
			var buf bytes.Buffer
			if err := monthLines().Write(&buf, PNG, Options{Font: path, DPI: 72}); err != nil {
				t.Fatal(err)
			}
			img := pngOf(t, buf.Bytes(), DefaultWidth, DefaultHeight, 72)
			if s := inkShare(img); s < 0.03 {
				t.Errorf("ink share %.3f", s)
			}
		})
	}
}

// TestLinesSmall draws the smallest charts: one category, one unnamed series (no legend),
// all values zero.
func TestLinesSmall(t *testing.T) {
	font := systemFont(t)
	c := Lines{Title: "单点", Categories: []string{"1962"}, Series: []Series{{Values: []float64{0}, Bursts: []Span{{From: 0, To: 0, Level: 3}}}}}
	img := pngOf(t, write(t, c, PNG, Options{Font: font, DPI: 72}), DefaultWidth, DefaultHeight, 72)
	// The level-3 burst band covers the whole data area in blue at opacity 0.39.
	if s := inkShare(img); s < 0.3 {
		t.Errorf("ink share %.3f: the burst band is missing", s)
	}
	if text := svgText(t, write(t, c, SVG, Options{Font: font})); !strings.Contains(text, "1962") || !strings.Contains(text, "单点") {
		t.Errorf("SVG text %q lacks the category or the title", text)
	}
}

func TestLinesErrors(t *testing.T) {
	font := systemFont(t)
	base := func() Lines {
		return Lines{Title: "t", Categories: []string{"1962", "1963"}, Series: []Series{{Name: "雷锋", Values: []float64{1, 2}}}}
	}
	cases := map[string]func(*Lines){
		"has 1 values for 2 categories": func(c *Lines) { c.Series[0].Values = []float64{1} },
		"burst 1..2 outside":            func(c *Lines) { c.Series[0].Bursts = []Span{{From: 1, To: 2, Level: 1}} },
		"value NaN":                     func(c *Lines) { c.Series[0].Values[1] = math.NaN() },
		"no categories":                 func(c *Lines) { c.Categories = nil; c.Series = nil },
		"no series":                     func(c *Lines) { c.Series = nil },
	}
	for want, spoil := range cases {
		c := base()
		spoil(&c)
		err := c.Write(io.Discard, PNG, Options{Font: font})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want one containing %q", err, want)
		}
	}
	if err := base().Write(io.Discard, "pdf", Options{Font: font}); err == nil || !strings.Contains(err.Error(), `"pdf"`) {
		t.Errorf("pdf: error %v", err)
	}
	missing := filepath.Join(t.TempDir(), "none.ttc")
	if err := base().Write(io.Discard, PNG, Options{Font: missing}); !errors.Is(err, ErrNoCJKFont) {
		t.Errorf("missing font: error %v, want ErrNoCJKFont", err)
	}
}

func TestSave(t *testing.T) {
	font := systemFont(t)
	dir := t.TempDir()
	c := yearLines()
	for _, name := range []string{"a.png", "a.svg"} {
		p := filepath.Join(dir, name)
		if err := Save(p, c, Options{Font: font}); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		format, _ := FormatOf(name)
		if err := c.Write(&want, format, Options{Font: font}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s differs from Write's output", name)
		}
	}
	bad := filepath.Join(dir, "a.gif")
	if err := Save(bad, c, Options{Font: font}); err == nil {
		t.Error("Save to .gif: no error")
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("Save to .gif left a file")
	}
}

func TestNiceTicks(t *testing.T) {
	// By hand: (168−0)/5 = 33.6 = 3.36·10^1 → step 5·10 = 50; labels 0, 50, 100, 150.
	// (1.05−0)/5 = 0.21 = 2.1·10^−1 → step 0.2, with one decimal.
	// (7−2)/5 = 1 → step 1. (2574−0)/5 = 514.8 = 5.148·10^2 → step 500.
	// (8.4−0)/5 = 1.68 → step 2.
	for _, tc := range []struct {
		lo, hi float64
		want   []string
	}{
		{0, 168, []string{"0", "50", "100", "150"}},
		{0, 1.05, []string{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}},
		{2, 7, []string{"2", "3", "4", "5", "6", "7"}},
		{0, 2574, []string{"0", "500", "1000", "1500", "2000", "2500"}},
		{0, 8.4, []string{"0", "2", "4", "6", "8"}},
	} {
		var got []string
		for _, tk := range (niceTicks{}).Ticks(tc.lo, tc.hi) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("Ticks(%v, %v) labels %q, want %q", tc.lo, tc.hi, got, tc.want)
		}
	}
}

func TestPeriodSteps(t *testing.T) {
	if got := chooseStep([]int{1, 2, 5, 10}, 3); got != 5 {
		t.Errorf("chooseStep(3) = %d, want 5", got)
	}
	if got := chooseStep([]int{1, 2, 5, 10}, 23); got != 30 {
		t.Errorf("chooseStep(23) = %d, want 30 (a multiple of the largest step)", got)
	}
	// Which labels a step keeps, by hand: years divisible by 5; months January and July
	// for a step of 6; weeks 1, 14, 27, 40 (w−1 divisible by 13).
	for _, tc := range []struct {
		labels []string
		step   int
		want   string
	}{
		{[]string{"1949", "1950", "1951", "1954", "1955", "1960"}, 5, "1950 1955 1960"},
		{[]string{"1962-05", "1962-06", "1962-07", "1962-12", "1963-01", "1963-02"}, 6, "1962-07 1963-01"},
		{[]string{"1962-W01", "1962-W13", "1962-W14", "1962-W27", "1962-W40", "1962-W52"}, 13, "1962-W01 1962-W14 1962-W27 1962-W40"},
		{[]string{"a", "b", "c", "d", "e", "f"}, 2, "a c e"},
	} {
		steps, key := periodSteps(tc.labels)
		found := false
		for _, s := range steps {
			found = found || s == tc.step
		}
		if !found {
			t.Errorf("%q: steps %v lack %d", tc.labels, steps, tc.step)
		}
		var kept []string
		for i, l := range tc.labels {
			if key(i)%tc.step == 0 {
				kept = append(kept, l)
			}
		}
		if got := strings.Join(kept, " "); got != tc.want {
			t.Errorf("%q step %d keeps %q, want %q", tc.labels, tc.step, got, tc.want)
		}
	}
}

func TestBars(t *testing.T) {
	font := systemFont(t)
	c := pageBars()
	img := pngOf(t, write(t, c, PNG, Options{Font: font}), DefaultWidth, DefaultHeight, DefaultDPI)
	// Eight bars, heights 412…45 of 432.6 (412·1.05), each 0.7 of a category wide, cover
	// about (1584/8)/432.6·0.7 ≈ 32% of the data area, itself about 70% of the picture:
	// ≈ 22% (measured: 21.6% ink, 19% bar blue, Colour(0)).
	if s := inkShare(img); s < 0.15 || s > 0.4 {
		t.Errorf("ink share %.3f, want between 0.15 and 0.4", s)
	}
	total := img.Bounds().Dx() * img.Bounds().Dy()
	if n := colourPixels(img, Colour(0)); float64(n) < 0.12*float64(total) {
		t.Errorf("%d bar-coloured pixels of %d", n, total)
	}
	checkGlyphs(t, font, append([]string{c.Title, c.XLabel, c.YLabel}, c.Labels...)...)
	text := svgText(t, write(t, c, SVG, Options{Font: font}))
	for _, want := range append([]string{c.Title, c.XLabel, c.YLabel}, c.Labels...) {
		if !strings.Contains(text, want) {
			t.Errorf("SVG text lacks %q", want)
		}
	}
	for _, bad := range []Bars{
		{Title: "x", Labels: []string{"a"}, Values: []float64{1, 2}},
		{Title: "x", Labels: []string{"a"}, Values: []float64{-1}},
		{Title: "x"},
	} {
		if err := bad.Write(io.Discard, PNG, Options{Font: font}); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}

func TestNetwork(t *testing.T) {
	font := systemFont(t)
	net := jfjbNetwork(t)
	o := Options{Font: font}
	data := write(t, net, PNG, o)
	img := pngOf(t, data, DefaultWidth, DefaultNetworkHeight, DefaultDPI)
	// Measured: 8% ink, about 4,500 pixels of each of the first three colours.
	if s := inkShare(img); s < 0.03 || s > 0.4 {
		t.Errorf("ink share %.3f, want between 0.03 and 0.4", s)
	}
	// The three largest communities (by total articles) get the first three colours.
	for i := range 3 {
		if n := colourPixels(img, Colour(i)); n < 300 {
			t.Errorf("colour %d: %d pixels", i, n)
		}
	}

	// The input order of nodes and edges does not matter; the seed does. (Compared as SVG,
	// which holds every coordinate and is quicker to draw than PNG.)
	svg := write(t, net, SVG, o)
	shuffled := net
	shuffled.Nodes = slices.Clone(net.Nodes)
	shuffled.Edges = slices.Clone(net.Edges)
	slices.Reverse(shuffled.Nodes)
	slices.Reverse(shuffled.Edges)
	if !bytes.Equal(write(t, shuffled, SVG, o), svg) {
		t.Error("reordering nodes and edges changed the picture")
	}
	reseeded := net
	reseeded.Seed = 2
	if bytes.Equal(write(t, reseeded, SVG, o), svg) {
		t.Error("another seed gave the same picture")
	}

	text := svgText(t, svg)
	for _, n := range append(net.Nodes, Node{Label: net.Title}) {
		if !strings.Contains(text, n.Label) {
			t.Errorf("SVG text lacks %q", n.Label)
		}
	}
	labels := []string{net.Title}
	for _, n := range net.Nodes {
		labels = append(labels, n.Label)
	}
	checkGlyphs(t, font, labels...)
}

// TestNetworkLayout checks that the layout draws linked persons together: the mean
// distance between the ends of an edge is below the mean distance between unlinked pairs.
func TestNetworkLayout(t *testing.T) {
	net := jfjbNetwork(t)
	pos := net.layout()
	linked := map[[2]int64]bool{}
	for _, e := range net.Edges {
		linked[[2]int64{e.From, e.To}], linked[[2]int64{e.To, e.From}] = true, true
	}
	var in, out []float64
	for _, a := range net.Nodes {
		for _, b := range net.Nodes {
			pa, oka := pos[a.ID]
			pb, okb := pos[b.ID]
			if a.ID >= b.ID || !oka || !okb {
				continue
			}
			d := math.Hypot(pa.X-pb.X, pa.Y-pb.Y)
			if linked[[2]int64{a.ID, b.ID}] {
				in = append(in, d)
			} else {
				out = append(out, d)
			}
		}
	}
	mean := func(x []float64) float64 {
		s := 0.0
		for _, v := range x {
			s += v
		}
		return s / float64(len(x))
	}
	if len(in) != len(net.Edges) || mean(in) >= mean(out) {
		t.Errorf("%d edges: mean length %.3f, unlinked pairs %.3f apart", len(in), mean(in), mean(out))
	}
	// 赵紫阳 and 胡耀邦 have no edges in the fixture: they are not laid out (they go to the
	// row of isolated nodes).
	for _, n := range net.Nodes {
		if _, ok := pos[n.ID]; ok == (n.Label == "赵紫阳" || n.Label == "胡耀邦") {
			t.Errorf("%s: laid out %v", n.Label, ok)
		}
	}
}

func TestNetworkMaxLabels(t *testing.T) {
	font := systemFont(t)
	net := jfjbNetwork(t)
	net.MaxLabels = 3
	// The three largest by Size (articles), ties by smaller ID (the fixture's row order).
	byArticles := slices.Clone(net.Nodes)
	slices.SortStableFunc(byArticles, func(a, b Node) int { return cmp.Compare(b.Size, a.Size) })
	text := svgText(t, write(t, net, SVG, Options{Font: font}))
	for i, n := range byArticles {
		if got := strings.Contains(text, n.Label); got != (i < 3) {
			t.Errorf("%s (rank %d, %v articles): labelled %v", n.Label, i+1, n.Size, got)
		}
	}
}

func TestNetworkEdgeCases(t *testing.T) {
	font := systemFont(t)
	nodes := []Node{{ID: 1, Label: "甲", Size: 1}, {ID: 2, Label: "乙", Size: 4}, {ID: 3, Label: "丙", Size: 0}}
	for _, c := range []Network{
		{Title: "无边", Nodes: nodes},
		{Title: "一边", Nodes: nodes, Edges: []Edge{{From: 1, To: 2, Weight: 3}}},
		{Title: "一点", Nodes: nodes[:1]},
	} {
		text := svgText(t, write(t, c, SVG, Options{Font: font}))
		for _, n := range c.Nodes {
			if !strings.Contains(text, n.Label) {
				t.Errorf("%s: SVG lacks %q", c.Title, n.Label)
			}
		}
		pngOf(t, write(t, c, PNG, Options{Font: font, DPI: 72}), DefaultWidth, DefaultNetworkHeight, 72)
	}
	for want, c := range map[string]Network{
		"no nodes":             {},
		"appears twice":        {Nodes: []Node{{ID: 1}, {ID: 1}}},
		"not in Nodes":         {Nodes: nodes, Edges: []Edge{{From: 1, To: 9, Weight: 1}}},
		"is a loop":            {Nodes: nodes, Edges: []Edge{{From: 1, To: 1, Weight: 1}}},
		"weight 0":             {Nodes: nodes, Edges: []Edge{{From: 1, To: 2}}},
		"edge 2–1 appears twi": {Nodes: nodes, Edges: []Edge{{From: 1, To: 2, Weight: 1}, {From: 2, To: 1, Weight: 1}}},
		"size -1":              {Nodes: []Node{{ID: 1, Size: -1}}},
	} {
		if err := c.Write(io.Discard, PNG, Options{Font: font}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want one containing %q", err, want)
		}
	}
}

// TestConcurrent draws charts from several goroutines at once (run with -race): themes
// share only the parsed font.
func TestConcurrent(t *testing.T) {
	font := systemFont(t)
	o := Options{Font: font, DPI: 72}
	want := write(t, yearLines(), PNG, o)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			var buf bytes.Buffer
			err := yearLines().Write(&buf, PNG, o)
			if err == nil && !bytes.Equal(buf.Bytes(), want) {
				err = errors.New("concurrent drawing changed the picture")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
