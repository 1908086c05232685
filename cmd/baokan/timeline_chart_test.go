package main

import (
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baokan/baokan/reports/chart"
)

// TestTimelineChart draws the persons of the embedded sample by year and checks the
// picture: a PNG of the chart package's default size (20 cm × 11 cm at 150 dpi), not blank,
// with pixels in the first two series' colours (the lines, and the burst shading).
func TestTimelineChart(t *testing.T) {
	if _, err := chart.FindFont(); errors.Is(err, chart.ErrNoCJKFont) {
		t.Skipf("skipping: %v", err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "t.png")
	code, _, errOut := baokanRun(t, "timeline", "--by", "year", "--person", "毛泽东", "--person", "周恩来",
		"--chart", file, "--quiet", "-o", filepath.Join(dir, "t.csv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	// 20 cm and 11 cm at 150 dots per inch: 20/2.54·150 = 1181.1, 11/2.54·150 = 649.6.
	if b := img.Bounds(); b.Dx() < 1180 || b.Dx() > 1182 || b.Dy() < 649 || b.Dy() > 651 {
		t.Errorf("picture of %v, want about 1181 × 650", b.Size())
	}
	nonWhite, first, second := 0, 0, 0
	c0, c1 := chart.Colour(0), chart.Colour(1)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 < 250 || g>>8 < 250 || bl>>8 < 250 {
				nonWhite++
			}
			switch near(img, x, y) {
			case [3]uint8{c0.R, c0.G, c0.B}:
				first++
			case [3]uint8{c1.R, c1.G, c1.B}:
				second++
			}
		}
	}
	total := b.Dx() * b.Dy()
	t.Logf("%d non-white pixels of %d; %d and %d in the series colours", nonWhite, total, first, second)
	if nonWhite < total/50 || nonWhite > total/2 {
		t.Errorf("%d of %d pixels are not white", nonWhite, total)
	}
	if first < 100 || second < 100 {
		t.Errorf("%d pixels in the first series' colour, %d in the second's: lines missing", first, second)
	}

	svg := filepath.Join(dir, "t.svg")
	if code, _, errOut := baokanRun(t, "timeline", "--by", "year", "--person", "毛泽东", "--chart", svg, "-q", "-o", os.DevNull); code != 0 {
		t.Fatalf("svg: exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(svg)
	if err != nil || !strings.Contains(string(data), "<svg") {
		t.Errorf("%s is not an SVG picture (%v)", svg, err)
	}
}

// near returns the pixel's colour, 8 bits a channel.
func near(img image.Image, x, y int) [3]uint8 {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
}
