package main

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/chromedp"
)

var reportScreenshot = flag.String("report-screenshot", "",
	"TestReportInBrowser also saves the top of the sample's report, 1280 px wide, to `FILE` (docs/report.png)")

// cjkFontName matches the family names of fonts with Chinese glyphs: Noto/Source Han
// CJK, WenQuanYi (Micro Hei, Zen Hei), AR PL (Ming, Kai), PingFang, Hiragino, YaHei,
// SimSun, SimHei, Heiti, Songti.
var cjkFontName = []string{"CJK", "Hei", "Han", "Ming", "Song", "Kai", "PingFang", "Hiragino", "YaHei", "WenQuanYi", "Sim"}

// TestReportInBrowser renders the sample's report in headless Chromium: no console
// message nor exception, every figure decoded, a full-page screenshot that is not blank,
// and Chinese drawn with a CJK font's real glyphs (no tofu boxes).
func TestReportInBrowser(t *testing.T) {
	b := startBrowser(t, 1280, 2000)
	dir := writeReport(t)
	// Served from loopback, as a reader's browser opens a page from a web server: Chromium
	// 148 refuses to navigate a DevTools-driven tab to a file: URL ("Unsafe attempt to load
	// URL file://… from frame"). The page still fetches nothing: the console check below
	// would hear any request that failed, and the server has nothing but the report's files.
	files := http.FileServer(http.Dir(dir))
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" { // the browser asks for it unbidden; file: had none
			w.WriteHeader(http.StatusNoContent)
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer server.Close()
	page := server.URL + "/index.html"

	runCtx, cancelRun := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancelRun()
	const nameCell = `#persons table tbody tr:first-child td:first-child` // 毛泽东 in the sample
	if err := chromedp.Do(runCtx, chromedp.Navigate(page), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	imagesOK, err := chromedp.Run(runCtx, chromedp.Evaluate[bool](
		`Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)`))
	if err != nil {
		t.Fatal(err)
	}
	images, err := chromedp.Run(runCtx, chromedp.Evaluate[int](`document.images.length`))
	if err != nil {
		t.Fatal(err)
	}
	nameText, err := chromedp.Run(runCtx, chromedp.Text(chromedp.CSS(nameCell)))
	if err != nil {
		t.Fatal(err)
	}
	nodes, err := chromedp.Run(runCtx, chromedp.QueryNodeIDs(chromedp.CSS(nameCell)))
	if err != nil || len(nodes) == 0 {
		t.Fatalf("no node for the first person: %v", err)
	}
	if _, err := chromedp.Call(runCtx, css.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	used, err := chromedp.Call(runCtx, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: nodes[0]})
	if err != nil {
		t.Fatal(err)
	}
	full, err := chromedp.Run(runCtx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	var top []byte
	if *reportScreenshot != "" {
		if err := chromedp.Do(runCtx, chromedp.EmulateViewport(1280, 2000)); err != nil {
			t.Fatal(err)
		}
		if top, err = chromedp.Run(runCtx, chromedp.CaptureScreenshot()); err != nil {
			t.Fatal(err)
		}
	}
	problems := b.consoleProblems(t, runCtx)

	if !imagesOK {
		t.Error("a figure did not decode")
	}
	if want := len(reportFigures(t, dir)); images != want {
		t.Errorf("the page shows %d images, the report has %d figures", images, want)
	}
	// The fonts Chromium drew the name with: all CJK fonts, one glyph a character.
	glyphs := 0.0
	for _, f := range used.Fonts {
		t.Logf("%q drawn with %s (%s), %g glyphs", nameText, f.FamilyName, f.PostScriptName, f.GlyphCount)
		glyphs += f.GlyphCount
		cjk := false
		for _, n := range cjkFontName {
			cjk = cjk || strings.Contains(f.FamilyName, n)
		}
		if !cjk {
			t.Errorf("%q drawn partly with %s, not a CJK font", nameText, f.FamilyName)
		}
	}
	if n := utf8.RuneCountInString(nameText); nameText == "" || int(glyphs) != n {
		t.Errorf("%q: %g glyphs drawn for %d characters", nameText, glyphs, n)
	}

	// The screenshot: as wide as the window, a long page, and ink on it.
	img, err := png.Decode(bytes.NewReader(full))
	if err != nil {
		t.Fatal(err)
	}
	bounds := img.Bounds()
	if bounds.Dx() != 1280 || bounds.Dy() < 3000 {
		t.Errorf("screenshot %dx%d, want 1280 wide and a long page", bounds.Dx(), bounds.Dy())
	}
	if share := inkShare(img); share < 0.02 {
		t.Errorf("screenshot is nearly blank: %.4f of pixels inked", share)
	} else {
		t.Logf("screenshot %dx%d, %.3f of pixels inked", bounds.Dx(), bounds.Dy(), share)
	}
	for _, p := range problems {
		t.Errorf("browser: %s", p)
	}

	if *reportScreenshot != "" {
		if err := os.WriteFile(*reportScreenshot, top, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// inkShare is the share of pixels darker than a light grey: text, rules and figures.
func inkShare(img image.Image) float64 {
	b := img.Bounds()
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if (r+g+bl)/3 < 0xC000 {
				ink++
			}
		}
	}
	return float64(ink) / float64(b.Dx()*b.Dy())
}

// reportFigures lists the figure files of a report folder.
func reportFigures(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "figures", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}
